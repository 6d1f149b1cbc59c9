// Issue 17 item 7: finding the heading levels scanned back over every earlier heading for each story,
// quadratic in the stories of one category (20 000 stories took 18 s, and a keystroke that adds a
// label as long). One category of 20 000 stories must be read in full, and a keystroke after it too.
// Times are printed, never asserted (the style of pathological.test.ts); the figures are the bench's.

import assert from 'node:assert/strict';
import { analyze, NotesAnalyzer } from '../../src/core/index';

const STORIES = 20_000;

function oneCategory(stories: number): string {
  const out = ['## A. Everything in one category', ''];
  for (let i = 1; i <= stories; i++) {
    out.push(`### ${i}. Story number ${i}`, '- **Situation**: s', '- **Task**: t', '- **Action**: a', i % 2 ? '- **Result**: r' : '', '');
  }
  return out.join('\n');
}

describe('many stories in one category (issue 17 item 7)', function () {
  this.timeout(10 * 60_000);

  it(`reads a category of ${STORIES.toLocaleString('en')} stories, and a keystroke after it`, () => {
    const text = oneCategory(STORIES);
    let t = performance.now();
    const model = analyze(text);
    const full = performance.now() - t;
    assert.equal(model.levels.category, 2);
    assert.equal(model.levels.story, 3);
    assert.equal(model.categories.length, 1);
    assert.equal(model.categories[0]!.stories.length, STORIES);
    assert.equal(model.categories[0]!.stories.filter((s) => s.status === 'complete').length, STORIES / 2);

    const analyzer = new NotesAnalyzer();
    analyzer.update(text);
    const at = text.indexOf('- **Action**: a', text.length >> 1);
    const edited = `${text.slice(0, at)}- **Result**: r\n${text.slice(at)}`;
    t = performance.now();
    const after = analyzer.update(edited, [{ rangeOffset: at, rangeLength: 0, text: '- **Result**: r\n' }]);
    const keystroke = performance.now() - t;
    assert.equal(after.categories[0]!.stories.length, STORIES);
    console.log(`      ${(text.length / 1024).toFixed(0)} KB: full analysis ${full.toFixed(0)} ms, a label added ${keystroke.toFixed(0)} ms`);
  });
});
