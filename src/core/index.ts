// The analysis core's public face. Pure: no `vscode`, no Node built-ins, so it runs in tests, in the
// command-line tool, in the extension host and in a browser.

export { NotesAnalyzer, type AnalyzeOptions, type Scheduler, type SliceOptions, type TextChange } from './analyzer.js';
export { analyze } from './pipeline.js';
export { silenceEdit } from './directives.js';
export { decodeFile, encodeFile, findMisencoded, repairMisencoded, type DecodedFile, type MisencodedRun } from './encoding.js';
export { detectLineEnding, LineIndex, type Position } from './line-index.js';
export * from './model.js';
export { ENCODING_RULE_ID, questionFindings, RULES, RULE_IDS, type Rule } from './rules/index.js';
export { eachStory } from './rules/rule.js';
export { applyCertainFixes, applyEdits, certainEdits, certainFix, FIX_ALL_TITLE, fixAll, fixOffers, fixSnippets, fixTitle, mayFix, type FixAllOptions, type FixOffer, type SnippetEdit } from './fixes.js';
export { newCategory, newStory, NOTES_TEMPLATE, type Scaffold } from './scaffold.js';
export { explainNotNotes } from './build/evidence.js';
export type { Structure } from './structure.js';
export { addCounts, categoryTitle, isUnfinished, NO_CATEGORY_TITLE, summarize, viewOf, type CategorySummary, type NotesSummary, type StoryCounts, type StoryFilter } from './summary.js';
export { byText } from './incremental/text-origin.js';
export { coverageSummary, frameworkShortName, type BankFile, type CoverageSummary } from './summary.js';
export * as bank from './bank/index.js';
export * as practice from './practice/index.js';
export * as questions from './questions/index.js';
export * as sheet from './sheet/index.js';
