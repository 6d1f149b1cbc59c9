// Practice scheduling: the next review date per rating (ts-fsrs), which stories are due, and which
// story comes next (due first, then the least-practised competency, then random).
import assert from 'node:assert/strict';
import {
  dueStories,
  foldHistory,
  newCard,
  pickNext,
  previewRatings,
  rate,
  ratingRecord,
  questionFor,
  type PracticeCandidate,
  type PracticeRating,
  type PracticeRecord,
} from '../../src/core/practice/index';
import { parseQuestions, STARTER_QUESTIONS } from '../../src/core/questions/index';

const DAY = 24 * 60 * 60 * 1000;
const t0 = new Date('2026-03-02T09:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const daysUntil = (due: string, from: Date) => (Date.parse(due) - from.getTime()) / DAY;

/** The records of rating `storyId` at each of `days` with `rating`, each card built from the one before. */
function ratings(storyId: string, plan: [days: number, rating: PracticeRating][]): PracticeRecord[] {
  const records: PracticeRecord[] = [];
  let card;
  for (const [days, rating] of plan) {
    card = rate(card, rating, at(days));
    records.push(ratingRecord({ storyId, at: at(days).toISOString(), rating, seconds: 80, card }));
  }
  return records;
}

describe('practice: schedule', () => {
  it('a harder rating never schedules later than an easier one, and Easy lands days away', () => {
    const preview = previewRatings(undefined, t0);
    const due = (r: PracticeRating) => Date.parse(preview[r].due);
    assert.ok(due('again') <= due('hard') && due('hard') <= due('good') && due('good') <= due('easy'));
    assert.ok(due('again') < due('easy'));
    assert.ok(daysUntil(preview.easy.due, t0) >= 1, `Easy on a new story is due in ${daysUntil(preview.easy.due, t0)} days`);
    // The preview is what rating gives.
    assert.deepEqual(rate(undefined, 'good', t0), preview.good);
  });

  it('a story answered well again and again comes back later each time; Again brings it back soon', () => {
    let card = rate(undefined, 'good', t0);
    let now = t0;
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      now = new Date(card.due);
      const next = rate(card, 'good', now);
      gaps.push(daysUntil(next.due, now));
      card = next;
    }
    for (let i = 1; i < gaps.length; i++) assert.ok(gaps[i]! > gaps[i - 1]!, `gaps ${gaps.join(', ')}`);
    const forgot = rate(card, 'again', now);
    assert.ok(daysUntil(forgot.due, now) < 1, 'Again brings the story back within a day');
    assert.equal(forgot.lapses, card.lapses + 1);
    assert.equal(forgot.state, 'relearning');
  });

  it('the same ratings at the same times give the same dates (no fuzz): two machines agree', () => {
    assert.deepEqual(ratings('a', [[0, 'good'], [3, 'hard'], [9, 'easy']]), ratings('a', [[0, 'good'], [3, 'hard'], [9, 'easy']]));
  });

  it('a card is plain JSON and survives a round trip through the history file', () => {
    const card = rate(rate(undefined, 'good', t0), 'easy', at(2));
    const copy = JSON.parse(JSON.stringify(card));
    assert.deepEqual(rate(copy, 'good', at(20)), rate(card, 'good', at(20)));
    assert.equal(newCard(t0).state, 'new');
    assert.equal(newCard(t0).due, t0.toISOString());
  });

  it('dueStories: the practised stories whose date has come, most overdue first', () => {
    const history = foldHistory([...ratings('late', [[0, 'again']]), ...ratings('later', [[0, 'hard']]), ...ratings('fresh', [[0, 'easy']])]);
    const dueOf = (id: string) => Date.parse(history.get(id)!.card.due);
    assert.deepEqual(dueStories(history, t0), []);
    const now = new Date(Math.max(dueOf('late'), dueOf('later')));
    assert.ok(now.getTime() < dueOf('fresh'));
    assert.deepEqual(dueStories(history, now), ['late', 'later']);
  });
});

describe('practice: what comes next', () => {
  const stories: PracticeCandidate[] = [
    { storyId: 'conflict-1', competencies: ['conflict'] },
    { storyId: 'conflict-2', competencies: ['conflict'] },
    { storyId: 'owner-1', competencies: ['ownership'] },
    { storyId: 'owner-2', competencies: ['ownership', 'conflict'] },
    { storyId: 'plain', competencies: [] },
  ];
  const fixed = (r: number) => () => r;

  it('a due story comes first, whatever the competencies', () => {
    const history = foldHistory([...ratings('conflict-1', [[0, 'again']]), ...ratings('owner-1', [[0, 'easy']]), ...ratings('plain', [[0, 'easy']])]);
    const now = at(1);
    assert.deepEqual(dueStories(history, now), ['conflict-1']);
    assert.equal(pickNext(stories, history, now, { random: fixed(0.99) })?.storyId, 'conflict-1');
  });

  it('with nothing due: a story of the least-practised competency, the story practised least within it', () => {
    // Conflict practised 3 times (conflict-1 twice, owner-2 once), ownership once (owner-2), untagged twice.
    const history = foldHistory([...ratings('conflict-1', [[0, 'easy'], [8, 'easy']]), ...ratings('owner-2', [[8, 'easy']]), ...ratings('plain', [[0, 'easy'], [8, 'easy']])]);
    const now = at(9);
    assert.deepEqual(dueStories(history, now), []);
    // Ownership is the weakest; owner-1 was never practised, owner-2 once.
    for (const r of [0, 0.5, 0.99]) assert.equal(pickNext(stories, history, now, { random: fixed(r) })?.storyId, 'owner-1');
  });

  it('ties are broken by the injected random source, so every candidate can come up', () => {
    const picked = new Set([0, 0.2, 0.4, 0.6, 0.8].map((r) => pickNext(stories, new Map(), t0, { random: fixed(r) })?.storyId));
    // Nothing practised: every competency ties at 0, every story at 0 ratings.
    assert.deepEqual([...picked].sort(), ['conflict-1', 'conflict-2', 'owner-1', 'owner-2', 'plain']);
  });

  it('order random ignores due dates; competency-first prefers the weakest competency over a due story elsewhere', () => {
    const history = foldHistory([...ratings('conflict-1', [[0, 'again']]), ...ratings('conflict-2', [[0, 'again']]), ...ratings('owner-2', [[0, 'again']])]);
    const now = at(1);
    assert.equal(pickNext(stories, history, now, { order: 'random', random: fixed(0.99) })?.storyId, 'plain');
    // Ownership has 1 rating, untagged 0: the untagged story is weakest.
    assert.equal(pickNext(stories, history, now, { order: 'competency-first', random: fixed(0) })?.storyId, 'plain');
    assert.equal(pickNext(stories, history, now, { order: 'due-first', random: fixed(0) })?.storyId, 'conflict-1');
  });

  it('an excluded story (the one just practised) is not picked again; no candidates, no pick', () => {
    const history = foldHistory(ratings('conflict-1', [[0, 'again']]));
    assert.notEqual(pickNext(stories, history, at(1), { exclude: new Set(['conflict-1']), random: fixed(0) })?.storyId, 'conflict-1');
    assert.equal(pickNext([], history, at(1)), undefined);
    assert.equal(pickNext(stories.slice(0, 1), history, at(1), { exclude: new Set(['conflict-1']) }), undefined);
  });

});

describe('practice: which question to ask', () => {
  const bank = parseQuestions(STARTER_QUESTIONS).questions.map((q) => ({
    text: q.text,
    stories: [] as string[],
    competencies: q.tags.flatMap((t) => t.competencies.map((c) => `${c.framework}:${c.id}`)),
  }));
  const story = { storyId: 'A.1', title: 'Argued for a queue', competencies: ['generic:conflict'] };

  it('a question linked to the story comes first', () => {
    const linked = [...bank, { text: 'Walk me through the queue decision.', stories: ['A.1'], competencies: [] }];
    assert.deepEqual(questionFor(story, linked, () => 0.5), { text: 'Walk me through the queue decision.', reason: 'linked' });
  });

  it('else a question of one of its competencies, chosen by the random source', () => {
    const conflict = bank.filter((q) => q.competencies.includes('generic:conflict')).map((q) => q.text);
    const asked = [0, 0.5, 0.99].map((r) => questionFor(story, bank, () => r));
    for (const a of asked) assert.ok(conflict.includes(a.text) && a.reason === 'competency', a.text);
    assert.equal(new Set(asked.map((a) => a.text)).size, 3);
  });

  it('else the story’s own title as the prompt', () => {
    assert.deepEqual(questionFor({ ...story, competencies: [] }, bank), { text: 'Tell me about: Argued for a queue', reason: 'title' });
  });
});
