// Finding a file's configuration on disk: `.interview-notes.jsonc`, `.interview-notes.json` or a
// package.json with an `interview-notes` key, from the file's folder upwards; the nearest wins (see
// src/core/config/resolve.ts for why parents are not merged in). What a folder holds is read once:
// checking 100,000 files in a few folders stats a few names per folder, not per file.

import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAMES, locateConfig, PACKAGE_JSON_KEY, parseConfig, syntaxOf, type ConfigProblem, type LocatedConfig } from '../core/config/index.js';

export interface FoundConfig {
  /** The configuration file's path (absolute). */
  path: string;
  located: LocatedConfig | undefined;
  problems: ConfigProblem[];
}

/** A path as the configuration's globs see it: `/`-separated, absolute. */
export function posixPath(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Reads and parses one configuration file; an unreadable one is a problem at its start. */
export function loadConfigFile(path: string): FoundConfig {
  const absolute = resolve(path);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { path: absolute, located: undefined, problems: [{ message: `cannot read: ${code}`, offset: 0, length: 0, line: 1, column: 1, kind: 'syntax' }] };
  }
  const parsed = parseConfig(text, syntaxOf(basename(absolute)));
  return { path: absolute, located: parsed.config && locateConfig(parsed.config, posixPath(dirname(absolute))), problems: parsed.problems };
}

export class ConfigFinder {
  /** Per folder: the configuration that applies there (null: none up to the root). */
  private readonly byFolder = new Map<string, FoundConfig | null>();
  /** Every configuration file read, once, so that its problems are reported once. */
  readonly loaded: FoundConfig[] = [];

  /** The configuration for a file at `path` (relative to the working directory or absolute). */
  forFile(path: string): FoundConfig | undefined {
    return this.forFolder(dirname(resolve(path))) ?? undefined;
  }

  private forFolder(folder: string): FoundConfig | null {
    const known = this.byFolder.get(folder);
    if (known !== undefined) return known;
    let found: FoundConfig | null = null;
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = this.read(resolve(folder, name));
      if (candidate) {
        found = candidate;
        break;
      }
    }
    if (!found) {
      const parent = dirname(folder);
      found = parent === folder ? null : this.forFolder(parent);
    }
    this.byFolder.set(folder, found);
    return found;
  }

  /** A configuration file if one is there; a package.json without the key is none. */
  private read(path: string): FoundConfig | undefined {
    // Most folders hold none of the names: asking first costs no exception (a failed read throws one,
    // with its stack: three a folder on the way up from every README under node_modules).
    if (!existsSync(path)) return undefined;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
      const found: FoundConfig = { path, located: undefined, problems: [{ message: `cannot read: ${code ?? (e as Error).message}`, offset: 0, length: 0, line: 1, column: 1, kind: 'syntax' }] };
      this.loaded.push(found);
      return found;
    }
    const syntax = syntaxOf(basename(path));
    // Every package.json of node_modules is on the way up from its READMEs: one that cannot hold the
    // key (not even spelt with \u escapes) is none without a parse.
    if (syntax === 'package.json' && !mayHoldConfigKey(text)) return undefined;
    const parsed = parseConfig(text, syntax);
    // A package.json is a configuration only with the key (and one that is not JSON says nothing).
    if (syntax === 'package.json' && !parsed.config && !parsed.problems.some((p) => p.kind === 'schema')) return undefined;
    const found: FoundConfig = { path, located: parsed.config && locateConfig(parsed.config, posixPath(dirname(path))), problems: parsed.problems };
    this.loaded.push(found);
    return found;
  }
}

/** Whether a package.json's text may have an `interview-notes` key: the name, or a `\u` escape that may spell it. */
function mayHoldConfigKey(text: string): boolean {
  return text.includes(PACKAGE_JSON_KEY) || text.includes('\\u');
}
