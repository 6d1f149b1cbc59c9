// The user's own notes, read exactly: the tree the issue describes, and the findings a user would see.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, applyCertainFixes, certainFix, LineIndex, type NotesModel } from '../../src/core/index';
import { requireShared, SEED_PATH } from '../support/shared';

describe('the seed notes (../shared/examples/seed-notes.md)', () => {
  let text: string;
  let model: NotesModel;
  before(function () {
    requireShared(this);
    text = readFileSync(SEED_PATH, 'utf8');
    model = analyze(text);
  });

  it('is recognised as notes, with categories at ## and stories at ###', () => {
    assert.equal(model.isNotes, true);
    assert.deepEqual(model.levels, { category: 2, story: 3 });
  });

  it('reads the three ✅ categories with their letter labels, though the ✅ is mis-encoded', () => {
    assert.deepEqual(
      model.categories.map((c) => [c.label, c.title, c.done]),
      [
        ['A', 'Handling Disagreements and', true],
        ['B', 'influencing / persuasion / convince', true],
        ['C', 'Dealing with Conflicts', true],
      ],
    );
    for (const c of model.categories) assert.equal(text.slice(c.doneMark!.start, c.doneMark!.end), '\u201A\u00FA\u00D6');
  });

  it('reads every story with its number and title', () => {
    assert.deepEqual(
      model.categories.map((c) => c.stories.map((s) => [s.number, s.title])),
      [
        [
          [1, 'disagreement on system Design (yours)'],
          [2, 'disagreement on system Design (others)'],
        ],
        [
          [1, 'Convincing others on system design'],
          [2, 'Convincing others on process change'],
          [3, 'convince system design'],
          [4, 'convince senior'],
          [5, 'Convince junior / offshore'],
        ],
        [[1, 'Conflict with a colleague']],
      ],
    );
  });

  it('finds the sub-stories story-1 and story-2 under "4. convince senior", and no others', () => {
    const all = model.categories.flatMap((c) => c.stories);
    assert.deepEqual(
      all.filter((s) => s.stories.length).map((s) => [s.title, s.stories.map((x) => [x.title, x.status])]),
      [['convince senior', [['story-1', 'incomplete'], ['story-2', 'empty']]]],
    );
  });

  it('judges each story: the STAR story is complete, empty headings are empty, the rest lack STAR parts', () => {
    const statuses = model.categories.flatMap((c) => c.stories.map((s) => `${s.number}:${s.status}:${s.missing.join(',')}`));
    assert.deepEqual(statuses, [
      '1:incomplete:situation,task,action,result',
      '2:empty:situation,task,action,result',
      '1:complete:',
      '2:empty:situation,task,action,result',
      '3:empty:situation,task,action,result',
      '4:incomplete:situation,task,action,result',
      '5:incomplete:situation,task,action,result',
      // The STAR text of this story sits in a fenced code block ("sample"), which is not structure.
      '1:incomplete:situation,task,action,result',
    ]);
  });

  it('reads the four STAR sections of the complete story, each with content', () => {
    const story = model.categories[1]!.stories[0]!;
    assert.deepEqual(
      story.sections.map((s) => [s.part, text.slice(s.label.start, s.label.end), s.hasContent, s.style]),
      [
        ['situation', '**Situation**:', true, 'list-bold'],
        ['task', '**Task**:', true, 'list-bold'],
        ['action', '**Action**:', true, 'list-bold'],
        ['result', '**Result**:', true, 'list-bold'],
      ],
    );
  });

  it('marks the mis-encoded ❓ as a placeholder and both 🔸 as highlights', () => {
    const stories = model.categories.flatMap((c) => c.stories.flatMap((s) => [s, ...s.stories]));
    const placeholders = stories.flatMap((s) => s.placeholders.map((p) => text.slice(p.start, p.end)));
    const highlights = stories.flatMap((s) => s.highlights.map((p) => text.slice(p.start, p.end)));
    assert.deepEqual(placeholders, ['\u201A\u00F9\u00EC']);
    // Mac Roman reads the emoji's first byte 0xF0 as U+F8FF, the Apple logo, so the form is 4 UTF-16 units.
    assert.deepEqual(highlights, ['\uF8FFüî∏', '\uF8FFüî∏']);
  });

  it('reports what a user would fix, at the right lines', () => {
    const index = new LineIndex(text);
    const seen = model.findings.map((f) => `${index.lineColumnAt(f.span.start).line} ${f.rule}`);
    assert.deepEqual(seen, [
      '1 done-but-unfinished',
      '1 mis-encoded',
      '2 missing-section',
      '9 empty-story',
      '13 done-but-unfinished',
      '13 mis-encoded',
      '20 unquantified-result',
      '23 empty-story',
      '25 empty-story',
      '28 missing-section',
      '29 mis-encoded',
      '35 empty-story',
      '37 missing-section',
      '39 placeholder',
      '39 mis-encoded',
      '40 mis-encoded',
      '48 done-but-unfinished',
      '48 mis-encoded',
      '49 missing-section',
    ]);
  });

  it('repairs the three kinds of mis-encoded emoji with --fix and changes nothing else on those lines', () => {
    const fixed = applyCertainFixes(text, model).text;
    assert.equal(fixed.includes('\u201A\u00FA\u00D6'), false);
    assert.match(fixed, /^## ✅ A\. Handling Disagreements and $/m);
    assert.match(fixed, /- \*\*Decision taken for offshore\*\* \? ❓$/m);
    assert.match(fixed, /app-6's inbound module 🔸$/m);
    // After fixing, the only findings left are those no fix can settle.
    const after = analyze(fixed);
    assert.deepEqual(after.findings.filter((f) => certainFix(fixed, f)), []);
  });
});
