// Find Stories for a Question: ranking by tag, category and words (MiniSearch).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/core/index';
import { bankStories } from '../../src/core/bank/index';
import { competenciesInQuestion, findableStory, findStories, type FindableStory } from '../../src/core/questions/index';

const notesText = readFileSync('test/fixtures/practice/ws/notes/notes.md', 'utf8');

function findable(text: string): FindableStory[] {
  const model = analyze(text);
  const bank = bankStories(text, model);
  return model.categories.flatMap((c) =>
    c.stories.map((s) => {
      const b = bank.find((x) => x.heading.start === s.heading.start)!;
      return findableStory(text, s, { id: `${c.label}.${s.number}`, category: c.title, tags: b.tags, seconds: b.time.seconds });
    }),
  );
}

describe('questions: find stories for a question', () => {
  const stories = findable(notesText);
  const ids = (question: string) => findStories(question, stories).map((f) => f.id);

  it('a question naming a tag ranks the story tagged with it first', () => {
    // B.1 carries #teamwork in its Action; no other story is tagged teamwork.
    assert.equal(ids('Tell me about teamwork')[0], 'B.1');
    const found = findStories('Tell me about teamwork', stories)[0]!;
    assert.deepEqual(found.matchedTags, ['teamwork']);
    assert.equal(found.status, 'complete');
    assert.ok(found.seconds > 0);
  });

  it('a competency named by an alias finds its stories: disagreement → Conflict', () => {
    assert.deepEqual(competenciesInQuestion('Describe a disagreement with a colleague'), ['Conflict']);
    const top = ids('Describe a disagreement with a colleague').slice(0, 2).sort();
    assert.deepEqual(top, ['A.1', 'A.2']); // tagged by the label and by the category "Conflict"
  });

  it('words of a story’s body rank it above unrelated stories', () => {
    const ranked = ids('a time you had to pick up a new programming language like Kotlin for crash traces');
    assert.equal(ranked[0], 'C.1');
    assert.ok(!ranked.slice(0, 1).includes('D.1'));
    assert.equal(ids('flaky tests sharing a temporary folder')[0], 'B.1');
  });

  it('the category counts: a question about customers finds the Customer Focus story', () => {
    assert.equal(ids('How do you handle a difficult customer?')[0], 'D.1');
  });

  it('nothing matches: no stories; question filler words alone match nothing; limit cuts the list', () => {
    assert.deepEqual(ids('zebra xylophone'), []);
    assert.deepEqual(ids('Tell me about a time when you'), []);
    assert.equal(findStories('conflict', stories, { limit: 1 }).length, 1);
  });
});
