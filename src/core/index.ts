// The analysis core's public face. Pure: no `vscode`, no Node built-ins, so it runs in tests, in the
// command-line tool, in the extension host and in a browser.

export { analyze, NotesAnalyzer, type AnalyzeOptions, type TextChange } from './analyzer.js';
export { silenceEdit } from './directives.js';
export { decodeFile, encodeFile, findMisencoded, repairMisencoded, type DecodedFile, type MisencodedRun } from './encoding.js';
export { detectLineEnding, LineIndex, type Position } from './line-index.js';
export * from './model.js';
export { RULES, RULE_IDS, type Rule } from './rules/index.js';
export { eachStory } from './rules/rule.js';
export { applyCertainFixes, applyEdits } from './fixes.js';
export { newCategory, newStory, NOTES_TEMPLATE, type Scaffold } from './scaffold.js';
export type { Structure } from './structure.js';
export * as bank from './bank/index.js';
export * as practice from './practice/index.js';
export * as questions from './questions/index.js';
export * as sheet from './sheet/index.js';
