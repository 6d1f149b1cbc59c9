// `notes.include` / `notes.exclude` globs → whether a file is notes. picomatch's POSIX build: paths
// here are always `/`-separated (relative to the configuration file's folder), and it has no Node
// dependency, so it runs in the browser bundle too.

import picomatch from 'picomatch/posix';
import type { InterviewNotesConfig, NotesMode } from './types.js';

export interface NotesMatcher {
  /** `false` when excluded; `true` when an include glob names it; else `'auto'`. */
  modeOf(relativePath: string): NotesMode;
  /** Whether the configuration names which files are notes (then a folder walk keeps only those). */
  readonly hasInclude: boolean;
}

// `dot`: a notes folder called `.notes/` is as good as any. Globs without a `/` match at any depth,
// as in .gitignore and markdownlint-cli2 (`README.md` leaves out every README).
const OPTIONS = { dot: true } as const;

export function notesMatcher(notes: InterviewNotesConfig['notes']): NotesMatcher {
  const include = compile(notes?.include);
  const exclude = compile(notes?.exclude);
  return {
    hasInclude: include !== undefined,
    modeOf(path) {
      if (path.startsWith('../')) return 'auto'; // Outside the configuration's folder: it says nothing.
      if (exclude?.(path)) return false;
      if (include?.(path)) return true;
      return 'auto';
    },
  };
}

function compile(globs: readonly string[] | undefined): ((path: string) => boolean) | undefined {
  if (!globs?.length) return undefined;
  // A glob that names a folder (`drafts`, `drafts/`) also covers what is inside it.
  const patterns = globs
    .map((g) => g.replace(/^\.?\//, '').replace(/\/+$/, ''))
    .map((g) => (g.includes('/') ? g : `**/${g}`))
    .flatMap((g) => [g, `${g}/**`]);
  const test = picomatch(patterns, OPTIONS);
  return (path) => test(path);
}
