// Real notes written by strangers (../shared/corpus): never a crash, every range inside the document,
// a README-like file is not notes, and the structure we can judge by eye is what we find.

import assert from 'node:assert/strict';
import { analyze, decodeFile, eachStory, type NotesModel, type Span } from '../../src/core/index';
import { corpusFiles, requireShared } from '../support/shared';

function spans(model: NotesModel): Span[] {
  const out: Span[] = [];
  for (const c of model.categories) {
    out.push(c.span);
    if (c.heading) out.push(c.heading);
    if (c.doneMark) out.push(c.doneMark);
  }
  for (const { story } of eachStory(model.categories)) {
    out.push(story.span, story.heading, ...story.placeholders, ...story.highlights);
    for (const s of story.sections) out.push(s.label, s.span);
  }
  for (const f of model.findings) {
    out.push(f.span, ...(f.fix ?? f.checkedFix?.edits ?? []).map((e) => e.span), ...(f.suggestions ?? []).flatMap((s) => s.edits.map((e) => e.span)));
  }
  return out;
}

function summary(model: NotesModel) {
  const stories = model.categories.flatMap((c) => c.stories);
  return {
    categories: model.categories.filter((c) => c.title !== null).length,
    stories: stories.length,
    complete: stories.filter((s) => s.status === 'complete').length,
  };
}

// What a reader of each file sees (categories with a title / stories / complete stories); files that
// are question lists, templates of prose or crib notes without STAR labels are not notes.
const EXPECTED: Record<string, { categories: number; stories: number; complete: number } | 'not notes'> = {
  'CuneytKukrer__learning-journey__star-stories.md': 'not notes',
  'JohnByrneJames__Interview_Revision__STAR-Points-Rehersal.md': 'not notes',
  'WenbangWang__Leet_Code__src__com__wwb__leetcode__experience__meta__bh__1.md': 'not notes',
  'gardusig__interview-stories__stories.md': 'not notes',
  'kartikth40__code-snippets__Behavioral__leadership-principles.md': 'not notes',
  'namtran202__behavioral-interviews__amazon__0_General.md': 'not notes',
  // Prose notes: behavioural questions as ordered-list items, answered with first-person bullets.
  'HenryLiang-123__BHG__behavioral.md': { categories: 0, stories: 4, complete: 0 },
  'gardusig__interview-stories__stories__2019-beyond-hft.md': { categories: 1, stories: 4, complete: 4 },
  'gardusig__interview-stories__stories__2021-amazon-fba.md': { categories: 1, stories: 4, complete: 4 },
  'karaninjoroge__interview-story-bank__leadership.md': { categories: 1, stories: 2, complete: 0 },
  'braxmeierandreas__obsidian__18_PROFIL__INTERVIEW_STAR_SHEET.md': { categories: 3, stories: 3, complete: 3 },
};

describe('the corpus of real notes (../shared/corpus)', () => {
  before(function () {
    requireShared(this);
  });

  for (const { name, bytes } of corpusFiles()) {
    it(`${name}: analyses without error, with every range inside the document`, () => {
      const { text } = decodeFile(bytes);
      const model = analyze(text);
      for (const s of spans(model)) {
        assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `span ${s.start}-${s.end} of ${text.length}`);
      }
      // The tree follows the text.
      const starts = model.categories.flatMap((c) => c.stories.map((s) => s.heading.start));
      assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
      const expected = EXPECTED[name];
      if (expected === 'not notes') {
        assert.equal(model.isNotes, false);
        assert.deepEqual(model.findings, []);
      } else if (expected) {
        assert.deepEqual(summary(model), expected);
      }
    });
  }
});
