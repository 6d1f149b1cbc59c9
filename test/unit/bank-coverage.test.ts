// Coverage: competencies and their stories, the gaps, and the coverage table kept in a notes file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, applyEdits } from '../../src/core/index';
import {
  bankStories,
  COVERAGE_END,
  COVERAGE_START,
  coverage,
  coverageCount,
  coverageTable,
  coverageTableEdit,
  coverageTableState,
  GENERIC,
  isCoverageTableStale,
} from '../../src/core/bank/index';

const text = readFileSync('test/fixtures/bank/coverage.md', 'utf8');
const rowsOf = (doc: string, minStories?: number) => coverage(bankStories(doc, analyze(doc)), GENERIC, minStories);
const apply = (doc: string) => applyEdits(doc, [coverageTableEdit(doc, rowsOf(doc))]).text;

describe('bank: coverage', () => {
  it('each competency with its stories, their status and time; gaps under two complete stories', () => {
    const rows = rowsOf(text);
    const row = (id: string) => rows.find((r) => r.competency.id === id)!;
    assert.deepEqual(row('conflict').stories.map((s) => s.title), ['Disagreed about the API shape', 'Pushed back on a deadline']);
    assert.equal(row('conflict').complete, 2);
    assert.equal(row('conflict').gap, false);
    assert.deepEqual(row('ownership').stories.map((s) => `${s.title}:${s.status}`), ['Fixed the alerting nobody owned:incomplete']);
    assert.equal(row('ownership').gap, true); // an unfinished story does not close a gap
    assert.deepEqual(row('influence').stories.map((s) => s.title), ['Pushed back on a deadline']);
    assert.ok(row('conflict').stories[0]!.time.seconds > 0);
    assert.deepEqual(coverageCount(rows), { covered: 1, total: GENERIC.competencies.length });
    assert.deepEqual(coverageCount(rowsOf(text, 1)), { covered: 2, total: GENERIC.competencies.length });
  });

  it('over several files', () => {
    const other = '## Influence\n\n### Convinced finance\n\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: r\n';
    const stories = [...bankStories(text, analyze(text), { file: 'a.md' }), ...bankStories(other, analyze(other), { file: 'b.md' })];
    const influence = coverage(stories, GENERIC).find((r) => r.competency.id === 'influence')!;
    assert.deepEqual(influence.stories.map((s) => `${s.file}:${s.title}`), ['a.md:Pushed back on a deadline', 'b.md:Convinced finance']);
    assert.equal(influence.gap, false);
  });

  it('the table is Markdown between the markers, a row per competency, gaps marked', () => {
    const table = coverageTable(rowsOf(text));
    const lines = table.split('\n');
    assert.equal(lines[0], COVERAGE_START);
    assert.equal(lines.at(-1), COVERAGE_END);
    assert.equal(lines[1], '| Competency | Stories | Count |');
    assert.ok(lines.includes('| Conflict | Disagreed about the API shape · Pushed back on a deadline | 2 |'));
    assert.ok(lines.includes('| Ownership | Fixed the alerting nobody owned | 1 (gap) |'));
    assert.ok(lines.includes('| Mentoring | — | 0 (gap) |'));
    assert.equal(lines.length, GENERIC.competencies.length + 4);
  });

  it('round trip: inserted, stale after a change, fresh after the update', () => {
    assert.equal(coverageTableState(text, rowsOf(text)), 'absent');
    assert.equal(isCoverageTableStale(text, rowsOf(text)), false); // nothing generated, nothing stale
    const inserted = apply(text);
    assert.ok(inserted.startsWith(text.trimEnd() + '\n\n' + COVERAGE_START));
    assert.equal(coverageTableState(inserted, rowsOf(inserted)), 'fresh');
    // The table itself adds no tags and no stories.
    assert.deepEqual(rowsOf(inserted).map((r) => r.stories.length), rowsOf(text).map((r) => r.stories.length));

    const changed = inserted.replace('### Fixed the alerting nobody owned', '- **Tags**: mentoring\n\n### Fixed the alerting nobody owned').replace('- **Tags**: influence', '- **Tags**: influence, mentoring');
    assert.equal(isCoverageTableStale(changed, rowsOf(changed)), true);
    const updated = apply(changed);
    assert.equal(coverageTableState(updated, rowsOf(updated)), 'fresh');
    assert.equal(updated.split(COVERAGE_START).length, 2, 'one table, replaced in place');
    // Only the table changed.
    assert.equal(updated.slice(0, updated.indexOf(COVERAGE_START)), changed.slice(0, changed.indexOf(COVERAGE_START)));
  });

  it('keeps the file line endings, and a CRLF table is fresh for an LF comparison', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const inserted = apply(crlf);
    assert.ok(!/[^\r]\n/.test(inserted));
    assert.equal(coverageTableState(inserted, rowsOf(inserted)), 'fresh');
  });

  it('a story title with a pipe does not break the table', () => {
    const doc = '## Conflict\n\n### A | B\n\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: r\n';
    assert.match(coverageTable(rowsOf(doc)), /\| Conflict \| A \\\| B \| 1 \(gap\) \|/);
  });
});
