// The shared material beside the repository (../shared): the user's seed notes and a corpus of real
// notes by strangers. CI always has it; a checkout without it skips these tests and says so.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED = resolve(__dirname, '..', '..', '..', 'shared');
export const SEED_PATH = join(SHARED, 'examples', 'seed-notes.md');
export const CORPUS_DIR = join(SHARED, 'corpus');

export function sharedAvailable(): boolean {
  return existsSync(SEED_PATH);
}

export function corpusFiles(): { name: string; bytes: Buffer }[] {
  if (!existsSync(CORPUS_DIR)) return [];
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(CORPUS_DIR, name)) }));
}

/** In CI the shared folder must be there: a missing folder fails instead of skipping. */
export function requireShared(ctx: Mocha.Context): void {
  if (sharedAvailable()) return;
  if (process.env.CI) throw new Error(`shared material not found at ${SHARED}`);
  ctx.skip();
}
