// The practice history on disk never loses a rating: appends only, one whole line per write, a torn
// line skipped and the next append on a fresh line, two writers at once interleaving whole lines.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PRACTICE_FILE, PracticeStore } from '../../src/cli/practice-store';
import { appendRecord, rate, ratingRecord, type PracticeRecord } from '../../src/core/practice/index';

const t0 = new Date('2026-03-02T09:00:00Z');
const record = (storyId: string, seconds: number): PracticeRecord =>
  ratingRecord({ storyId, at: new Date(t0.getTime() + seconds * 1000).toISOString(), rating: 'good', seconds, card: rate(undefined, 'good', t0) });

describe('practice: the history store on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'practice-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates .interview-notes/practice.jsonl on the first rating; an absent file is an empty history', () => {
    const store = new PracticeStore(join(dir, DEFAULT_PRACTICE_FILE));
    assert.deepEqual(store.read(), { records: [], skipped: [] });
    store.append(record('a', 1));
    store.append(record('a', 2));
    assert.equal(readFileSync(store.path, 'utf8'), appendRecord(record('a', 1)) + appendRecord(record('a', 2)));
    assert.equal(store.states().get('a')!.ratings, 2);
  });

  it('an interrupted write: the torn line is skipped, the next append starts on a fresh line, no byte is rewritten', () => {
    const store = new PracticeStore(join(dir, 'practice.jsonl'));
    store.append(record('a', 1));
    store.append(record('b', 2));
    const whole = readFileSync(store.path, 'utf8');
    // Cut the last line mid-way, as a crash during its write would leave it.
    truncateSync(store.path, whole.length - 30);
    const torn = readFileSync(store.path, 'utf8');
    store.append(record('c', 3));
    const after = readFileSync(store.path, 'utf8');
    assert.ok(after.startsWith(torn), 'the bytes already there are kept as they were');
    assert.equal(after, torn + '\n' + appendRecord(record('c', 3)));
    const parsed = store.read();
    assert.deepEqual(parsed.records.map((r) => r.storyId), ['a', 'c']);
    assert.deepEqual(parsed.skipped, [{ line: 2, reason: 'not JSON' }]);
  });

  it('a corrupt line in the middle is skipped; appending after it keeps it and everything else', () => {
    const store = new PracticeStore(join(dir, 'practice.jsonl'));
    writeFileSync(store.path, appendRecord(record('a', 1)) + 'merge conflict <<<<<<< HEAD\n' + appendRecord(record('b', 2)));
    const before = readFileSync(store.path, 'utf8');
    store.append(record('c', 3));
    assert.equal(readFileSync(store.path, 'utf8'), before + appendRecord(record('c', 3)));
    const parsed = store.read();
    assert.deepEqual(parsed.records.map((r) => r.storyId), ['a', 'b', 'c']);
    assert.deepEqual(parsed.skipped, [{ line: 2, reason: 'not JSON' }]);
  });

  it('a file with no newline at its end (written by hand) gets one before the next record', () => {
    const store = new PracticeStore(join(dir, 'practice.jsonl'));
    writeFileSync(store.path, appendRecord(record('a', 1)).trimEnd());
    store.append(record('b', 2));
    assert.deepEqual(store.read(), { records: [record('a', 1), record('b', 2)], skipped: [] });
  });

  it('two windows appending 500 records each at once: 1000 whole lines, each writer’s in its own order', async function () {
    this.timeout(120_000);
    const path = join(dir, 'practice.jsonl');
    appendFileSync(path, appendRecord(record('seed', 0)));
    const child = join(__dirname, '..', 'fixtures', 'practice', 'append-child.ts');
    const run = (writer: string) =>
      new Promise<void>((resolve, reject) => {
        const p = spawn(process.execPath, ['--import', 'tsx', child, path, writer, '500'], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        p.stderr.on('data', (d) => (stderr += d));
        p.on('error', reject);
        p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${writer} exited ${code}: ${stderr}`))));
      });
    const writers = Promise.all([run('left'), run('right')]);
    writers.catch(() => undefined); // a writer that fails early is reported by the await below
    // The start barrier (see append-child.ts): both ready, then go.
    const deadline = Date.now() + 60_000;
    while (!(existsSync(`${path}.ready-left`) && existsSync(`${path}.ready-right`)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    writeFileSync(`${path}.go`, '');
    await writers;
    const parsed = new PracticeStore(path).read();
    assert.deepEqual(parsed.skipped, []);
    assert.equal(parsed.records.length, 1001);
    for (const writer of ['left', 'right']) {
      const mine = parsed.records.filter((r) => r.storyId === `${writer}-story`).map((r) => r.seconds);
      assert.deepEqual(mine, Array.from({ length: 500 }, (_, i) => i));
    }
    // The two really ran at once: their lines interleave (a writer finishing before the other began would not show it).
    const ids = parsed.records.map((r) => r.storyId);
    const switches = ids.slice(1).filter((id, i) => id !== ids[i]).length;
    assert.ok(switches > 2, `only ${switches} switches between writers`);
  });
});
