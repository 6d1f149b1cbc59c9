// The Stories tree with practice: a practised story's row says when (and "due"), after what it
// misses; the due filter keeps only the due stories; without practice the rows are as before.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, practice, summarize } from '../../src/core/index';
import { fileNodes, setPracticeMarks } from '../../src/vscode/tree-data';

const text = readFileSync(join(__dirname, '..', 'fixtures', 'workspace', 'notes.md'), 'utf8');
const model = analyze(text);
const now = new Date('2026-03-12T09:00:00Z');
const tenDaysAgo = new Date('2026-03-02T09:00:00Z');
const flaky = model.categories[1]!.stories[0]!;
const states = practice.foldHistory([practice.ratingRecord({ storyId: flaky.id, at: tenDaysAgo.toISOString(), rating: 'good', seconds: 70, card: practice.rate(undefined, 'good', tenDaysAgo) })]);
const rows = () => fileNodes('file:///n.md', summarize(model)).map((c) => c.children.map((s) => `${s.label} [${s.description}]`));

describe('Stories view data with practice', () => {
  afterEach(() => setPracticeMarks(undefined));

  it('a practised story says when, and that it is due, after what it misses', () => {
    setPracticeMarks({ note: (id) => practice.practiceNote(states.get(id), now), shown: () => true, filtering: false });
    assert.deepEqual(rows(), [
      ['Disagreed on a design []', 'Disagreed with my manager [missing T R]'],
      ['Fixed the flaky build [missing T · 1 ❓ · practised 10 d ago · due]', 'Owned an outage [empty]'],
    ]);
  });

  it('the due filter shows only the due stories and their categories; with no marks the rows are as they were', () => {
    const before = rows();
    setPracticeMarks({ note: () => undefined, shown: (id) => states.has(id) && practice.isDue(states.get(id)!, now), filtering: true });
    // A category left with no due story is not shown.
    assert.deepEqual(rows(), [['Fixed the flaky build [missing T · 1 ❓]']]);
    setPracticeMarks(undefined);
    assert.deepEqual(rows(), before);
  });
});
