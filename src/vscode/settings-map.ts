// Settings → analysis options, without VS Code (unit-tested). Every key is documented in package.json.

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
}

/** Reads settings through `get(key)` (a WorkspaceConfiguration for the `interviewNotes` section). */
export function readSettings(get: (key: string) => unknown): Settings {
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
  };
}
