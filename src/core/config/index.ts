// One configuration for the editor, the command line and CI: parse a configuration file's text,
// validate it against the shipped schema, merge it with the settings and resolve a file's options.
// Pure, like the rest of the core; finding the files is the caller's business (src/cli/config-files.ts
// with node:fs, src/vscode/config-file.ts with workspace.fs).

export { parseConfig, PACKAGE_JSON_KEY, type ConfigSyntax } from './parse.js';
export { notesMatcher, type NotesMatcher } from './notes-globs.js';
export { bankLayerOf, bankOptionsOf, layerToOptions, locateConfig, mergeLayers, notesModeOf, relativeTo, resolveOptions, type ConfigLayer, type LocatedConfig, type ResolvedOptions } from './resolve.js';
export type { ConfigProblem, InterviewNotesConfig, NotesMode, ParsedConfig, SeverityOrOff } from './types.js';

/** The names looked for in each folder, in this order; the first that holds a configuration wins. */
export const CONFIG_FILE_NAMES = ['.interview-notes.jsonc', '.interview-notes.json', 'package.json'] as const;

export function syntaxOf(name: string): 'jsonc' | 'package.json' {
  return name === 'package.json' ? 'package.json' : 'jsonc';
}
