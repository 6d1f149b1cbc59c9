// The coverage table's update on save: only a stale table is rewritten, only between its markers,
// and never a table quoted in code or with its markers inside other text.
import assert from 'node:assert/strict';
import { analyze, applyEdits, bank } from '../../src/core/index';

const { COVERAGE_END, COVERAGE_START, coverageTableBody, coverageTableState, coverageTableUpdate } = bank;

const NOTES = '## Conflict\n### Pushed back on a rewrite\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: r\n\n';
const rowsOf = (text: string) => bank.coverage(bank.bankStories(text, analyze(text)));
const STALE_TABLE = `${COVERAGE_START}\n| Competency | Stories | Count |\n| --- | --- | ---: |\n| Conflict | — | 0 (gap) |\n${COVERAGE_END}`;

describe('bank: the coverage table on save', () => {
  it('rewrites a stale table between its markers and leaves every character around them', () => {
    const before = `${NOTES}Notes before the table.\n\n`;
    const after = '\n\nNotes after the table.\n';
    const text = before + STALE_TABLE + after;
    const edit = coverageTableUpdate(text, rowsOf(text))!;
    assert.ok(edit, 'a stale table is updated');
    assert.equal(edit.span.start, before.length + COVERAGE_START.length);
    assert.equal(edit.span.end, text.length - after.length - COVERAGE_END.length);
    const updated = applyEdits(text, [edit]).text;
    assert.ok(updated.startsWith(before + COVERAGE_START) && updated.endsWith(COVERAGE_END + after));
    assert.ok(updated.includes('| Conflict | Pushed back on a rewrite | 1 (gap) |'), updated);
    assert.equal(coverageTableState(updated, rowsOf(updated)), 'fresh');
    assert.equal(coverageTableUpdate(updated, rowsOf(updated)), undefined, 'a current table is left alone');
  });

  it('keeps the file’s line endings, and a table that differs only in them is current', () => {
    const text = (NOTES + STALE_TABLE + '\n').replace(/\n/g, '\r\n');
    const updated = applyEdits(text, [coverageTableUpdate(text, rowsOf(text))!]).text;
    assert.ok(!/[^\r]\n/.test(updated), 'no bare LF');
    assert.equal(coverageTableUpdate(updated, rowsOf(updated)), undefined);
    assert.equal(coverageTableUpdate(updated.replace(/\r\n/g, '\n'), rowsOf(updated)), undefined);
  });

  it('no edit without both markers, with a marker inside other text, or inside fenced code', () => {
    assert.equal(coverageTableUpdate(NOTES, rowsOf(NOTES)), undefined);
    assert.equal(coverageTableUpdate(NOTES + COVERAGE_START + '\n| x |\n', rowsOf(NOTES)), undefined);
    const quoted = `${NOTES}Write \`${COVERAGE_START}\` and \`${COVERAGE_END}\` around the table.\n`;
    assert.equal(coverageTableBody(quoted), undefined);
    for (const fence of ['```', '~~~~']) {
      const sample = `${NOTES}${fence}markdown\n${STALE_TABLE}\n${fence}\n`;
      assert.equal(coverageTableUpdate(sample, rowsOf(sample)), undefined, `inside ${fence}`);
    }
    const unclosed = `${NOTES}\`\`\`\n${STALE_TABLE}\n`;
    assert.equal(coverageTableUpdate(unclosed, rowsOf(unclosed)), undefined, 'an unclosed fence runs to the end');
    // After a closed fence, a table is a table again.
    const afterCode = `${NOTES}\`\`\`\ncode\n\`\`\`\n\n${STALE_TABLE}\n`;
    assert.ok(coverageTableUpdate(afterCode, rowsOf(afterCode)));
  });
});
