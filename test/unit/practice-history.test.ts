// The practice history format: one JSON record per line; a bad line is skipped with its reason,
// never the whole file; a story's state is its latest record's card.
import assert from 'node:assert/strict';
import { appendRecord, foldHistory, parseHistory, practisedAgo, rate, ratingRecord, type PracticeRecord } from '../../src/core/practice/index';

const t0 = new Date('2026-03-02T09:00:00Z');
const record = (storyId: string, minutes: number, extra: Partial<PracticeRecord> = {}): PracticeRecord =>
  ratingRecord({ storyId, at: new Date(t0.getTime() + minutes * 60_000).toISOString(), rating: 'good', seconds: 75, card: rate(undefined, 'good', t0), ...extra });

describe('practice: history file', () => {
  it('appendRecord writes one line, newline-terminated, that parseHistory reads back as it was', () => {
    const r = record('a.1', 0, { question: 'Tell me about a conflict.\nWith a second line.' });
    const line = appendRecord(r);
    assert.equal(line.split('\n').length, 2);
    assert.ok(line.endsWith('\n'));
    assert.deepEqual(parseHistory(line + appendRecord(record('b.2', 1))), { records: [r, record('b.2', 1)], skipped: [] });
  });

  it('a corrupt line in the middle is skipped with its line number and reason; the lines around it are kept', () => {
    const text = [appendRecord(record('a', 0)), '{"v":1,"storyId":"a",garbage\n', appendRecord(record('b', 1)), '{"v":1,"storyId":"c","at":"2026-03-02T09:00:00Z","rating":"meh","seconds":3,"card":{}}\n', appendRecord(record('c', 2))].join('');
    const parsed = parseHistory(text);
    assert.deepEqual(parsed.records.map((r) => r.storyId), ['a', 'b', 'c']);
    assert.deepEqual(parsed.skipped, [
      { line: 2, reason: 'not JSON' },
      { line: 4, reason: 'unknown rating "meh"' },
    ]);
  });

  it('a torn last line (an interrupted write) is skipped, and says so', () => {
    const whole = appendRecord(record('a', 0));
    const torn = appendRecord(record('b', 1)).slice(0, 40);
    const parsed = parseHistory(whole + torn);
    assert.deepEqual(parsed.records.map((r) => r.storyId), ['a']);
    assert.deepEqual(parsed.skipped, [{ line: 2, reason: 'not JSON (an interrupted write?)' }]);
  });

  it('records of another version, or with a broken card, are skipped; blank lines and CRLF are fine; never throws', () => {
    const good = appendRecord(record('a', 0));
    const v2 = JSON.stringify({ ...record('b', 1), v: 2 });
    const badCard = JSON.stringify({ ...record('c', 1), card: { ...record('c', 1).card, state: 'forgotten' } });
    const parsed = parseHistory(`\r\n${good.trimEnd()}\r\n\r\n${v2}\r\n${badCard}\r\n[1,2]\r\nnull\r\n`);
    assert.deepEqual(parsed.records.map((r) => r.storyId), ['a']);
    assert.deepEqual(parsed.skipped.map((s) => s.reason), ['unknown version 2', 'card.state is unknown', 'not a JSON object', 'not a JSON object']);
    for (const text of ['', '\n\n', '\u0000\u0001', '{', '{"v":1}', '"x"']) assert.doesNotThrow(() => parseHistory(text));
  });

  it('a field a newer writer added is dropped on reading, not carried around', () => {
    const parsed = parseHistory(JSON.stringify({ ...record('a', 0), mood: 'tired' }));
    assert.deepEqual(parsed.records, [record('a', 0)]);
  });

  it('folding: each story gets its latest card by time (lines may be out of order), its count and last rating', () => {
    const early = record('a', 0, { rating: 'hard', card: rate(undefined, 'hard', t0) });
    const late = record('a', 60, { rating: 'easy', card: rate(undefined, 'easy', t0) });
    const states = foldHistory([late, record('b', 5), early]);
    assert.equal(states.get('a')!.ratings, 2);
    assert.equal(states.get('a')!.lastRating, 'easy');
    assert.equal(states.get('a')!.lastPractised, late.at);
    assert.deepEqual(states.get('a')!.card, late.card);
    assert.equal(states.get('b')!.ratings, 1);
    assert.equal(states.has('c'), false);
  });

  it('practisedAgo: today, yesterday, days, weeks, years', () => {
    const now = new Date('2026-03-20T12:00:00Z');
    assert.equal(practisedAgo('2026-03-20T08:00:00Z', now), 'today');
    assert.equal(practisedAgo('2026-03-19T08:00:00Z', now), 'yesterday');
    assert.equal(practisedAgo('2026-03-17T08:00:00Z', now), '3 d ago');
    assert.equal(practisedAgo('2026-01-20T08:00:00Z', now), '8 w ago');
    assert.equal(practisedAgo('2024-01-20T08:00:00Z', now), '2 y ago');
  });
});
