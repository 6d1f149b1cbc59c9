// Settings → analysis options, without VS Code (unit-tested). Every key is documented in package.json.

import { bankOptionsOf } from '../core/config/index.js';
import { RULES, type AnalyzeOptions, type Severity } from '../core/index.js';

export const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeveritySetting = (typeof SEVERITIES)[number];

export type Scope = 'openFiles' | 'workspace';

export interface Settings {
  options: AnalyzeOptions;
  scope: Scope;
  include: string;
  exclude: string;
  /** Files larger than this many characters are not analysed. */
  maxFileSize: number;
  debounceMs: number;
  run: 'onType' | 'onSave';
  followCursor: boolean;
  /** interviewNotes.coverage.updateOnSave: a stale coverage table is rewritten when its file is saved. */
  coverageOnSave: boolean;
}

/** The settings that say which files are read: in an untrusted workspace only the user's own count. */
export const READ_SCOPE_KEYS = ['scope', 'workspace.include', 'workspace.exclude', 'maxFileSize'] as const;

/**
 * Reads settings through `get(key)` (a WorkspaceConfiguration for the `interviewNotes` section).
 * `userOnly`, given in an untrusted workspace, reads a key from the user's (global) settings alone:
 * it is used for the keys that decide what files are read (READ_SCOPE_KEYS), so that a workspace
 * cannot widen the include glob or lift the size cap.
 */
export function readSettings(read: (key: string) => unknown, userOnly?: (key: string) => unknown): Settings {
  const get = (key: string) => (userOnly && (READ_SCOPE_KEYS as readonly string[]).includes(key) ? userOnly(key) : read(key));
  const severities: Record<string, Severity | 'off'> = {};
  for (const rule of RULES) {
    const value = get(`severity.${rule.id}`);
    if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) severities[rule.id] = value as SeveritySetting;
  }
  const level = (key: string, min: number): number | undefined => {
    const v = get(key);
    return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= 6 ? v : undefined;
  };
  const category = level('levels.category', 0);
  const story = level('levels.story', 1);
  const options: AnalyzeOptions = { severities };
  if (category !== undefined || story !== undefined) options.levels = { category, story };
  // The story bank's settings read as a configuration layer reads them, so both accept the same values.
  const minStories = get('coverage.minStories');
  const seconds = (key: string) => (typeof get(key) === 'number' ? (get(key) as number) : undefined);
  const speech = { targetSeconds: seconds('speech.targetSeconds'), maxSeconds: seconds('speech.maxSeconds') };
  const bank = bankOptionsOf({
    ...(Array.isArray(get('frameworks')) ? { frameworks: get('frameworks') as unknown[] } : {}),
    ...(typeof get('speech.wordsPerMinute') === 'number' ? { speakingRate: get('speech.wordsPerMinute') as number } : {}),
    ...(typeof minStories === 'number' ? { coverage: { minStories } } : {}),
    speech,
  });
  if (bank) options.bank = bank;
  const number = (key: string, fallback: number, min: number) => {
    const v = get(key);
    return typeof v === 'number' && Number.isFinite(v) && v >= min ? v : fallback;
  };
  return {
    options,
    scope: get('scope') === 'workspace' ? 'workspace' : 'openFiles',
    include: typeof get('workspace.include') === 'string' ? (get('workspace.include') as string) : '**/*.md',
    exclude: typeof get('workspace.exclude') === 'string' ? (get('workspace.exclude') as string) : '**/node_modules/**',
    maxFileSize: number('maxFileSize', 2_000_000, 0),
    debounceMs: number('lint.debounce', 300, 0),
    run: get('lint.run') === 'onSave' ? 'onSave' : 'onType',
    followCursor: get('tree.followCursor') !== false,
    coverageOnSave: get('coverage.updateOnSave') === true,
  };
}

/** What a stat says of a file (VS Code's FileStat, its FileType bits: File 1, Directory 2, SymbolicLink 64). */
export interface FileFacts {
  type: number;
  size: number;
}

const FILE_TYPE_FILE = 1;

/**
 * Whether a workspace file may be read: a regular file (or a link to one; not a device, a FIFO or a
 * folder), no larger than the size limit allows (in bytes: up to 4 per character, as UTF-32).
 */
export function mayRead(stat: FileFacts, maxFileSize: number): boolean {
  return (stat.type & FILE_TYPE_FILE) !== 0 && stat.size <= maxFileSize * 4;
}

/**
 * A glob that matches `path` (and perhaps a few paths like it): each glob character in a file name
 * becomes `?`, any one character, since globs have no escape that every matcher reads alike. The
 * caller checks which of the matches is the path.
 */
export function globFor(path: string): string {
  return path.replace(/[*?[\]{}]/g, '?');
}
