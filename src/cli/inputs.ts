// The command line's arguments → the files to check, in order: a file as given; a folder's Markdown
// files (`**/*.md`, `**/*.markdown`, sorted; node_modules, .git and hidden folders left out); a glob
// (tinyglobby) for what it matches; `-` for standard input. Listing yields names only, so 100,000
// files cost their names, not their contents.

import { statSync } from 'node:fs';
import { join } from 'node:path';
// Through require: the bundle is CommonJS, and tinyglobby's (and fdir's) ES module builds reach for
// `import.meta.url`, which a CommonJS bundle does not have.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import tinyglobby = require('tinyglobby');

const { globSync, isDynamicPattern } = tinyglobby;

export const STDIN = '-';

export interface Input {
  path: string;
  /** Named on the command line (a configuration's exclude is reported, not silently applied). */
  explicit: boolean;
}

const MARKDOWN = ['**/*.md', '**/*.markdown'];
const ALWAYS_LEFT_OUT = ['**/node_modules/**', '**/.git/**'];


const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};
const exists = (path: string) => {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
};

/**
 * Expands the arguments. `keep(path)` says whether a file found in a folder or by a glob is checked
 * (the configuration's include/exclude); a file named outright is always passed on. A folder or a
 * glob that gives no file is told to `none` and the arguments after it are still expanded, as a file
 * that cannot be read does not stop the files after it.
 */
export function* expandInputs(args: readonly string[], keep: (path: string, fromFolder: boolean) => boolean, none: (message: string) => void): Generator<Input> {
  for (const arg of args) {
    if (arg === STDIN) {
      yield { path: STDIN, explicit: true };
      continue;
    }
    if (isFolder(arg)) {
      const found = globSync(MARKDOWN, { cwd: arg, ignore: ALWAYS_LEFT_OUT, onlyFiles: true, followSymbolicLinks: false, expandDirectories: false })
        .sort()
        .map((p) => join(arg, p))
        .filter((p) => keep(p, true));
      if (found.length === 0) none(`no Markdown notes files in ${arg}`);
      for (const path of found) yield { path, explicit: false };
      continue;
    }
    if (!exists(arg) && isDynamicPattern(arg)) {
      const found = globSync(arg, { ignore: ALWAYS_LEFT_OUT, onlyFiles: true, followSymbolicLinks: false, expandDirectories: false })
        .sort()
        .filter((p) => keep(p, false));
      if (found.length === 0) none(`no files match ${arg}`);
      for (const path of found) yield { path, explicit: false };
      continue;
    }
    yield { path: arg, explicit: true };
  }
}
