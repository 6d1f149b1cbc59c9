// What the editor shows of practice: the tree's note, the rating pick with each choice's next review,
// how far away a review is, and the status bar's timer.
import assert from 'node:assert/strict';
import { dueIn, foldHistory, practiceNote, rate, ratingChoices, ratingRecord, timerText } from '../../src/core/practice/index';

const t0 = new Date('2026-03-02T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

describe('practice: what the editor shows', () => {
  it('the tree: nothing for a story never practised; when it was, and "due" once its review date has come', () => {
    const card = rate(undefined, 'easy', t0);
    const states = foldHistory([ratingRecord({ storyId: 's', at: t0.toISOString(), rating: 'easy', seconds: 60, card })]);
    assert.equal(practiceNote(undefined, t0), undefined);
    assert.equal(practiceNote(states.get('s'), t0), 'practised today');
    const ago = (now: Date) => Math.floor((now.getTime() - t0.getTime()) / DAY);
    const justBefore = new Date(Date.parse(card.due) - 60_000);
    const justAfter = new Date(Date.parse(card.due) + 1000);
    assert.ok(ago(justBefore) >= 2, `Easy on a new story waits days (${card.due})`);
    assert.equal(practiceNote(states.get('s'), justBefore), `practised ${ago(justBefore)} d ago`);
    assert.equal(practiceNote(states.get('s'), justAfter), `practised ${ago(justAfter)} d ago · due`);
  });

  it('the rating pick: Again, Hard, Good, Easy, each with the review it schedules, later for a better rating', () => {
    const choices = ratingChoices(undefined, t0);
    assert.deepEqual(choices.map((c) => c.label), ['Again', 'Hard', 'Good', 'Easy']);
    const dues = choices.map((c) => Date.parse(c.card.due));
    for (let i = 1; i < dues.length; i++) assert.ok(dues[i]! >= dues[i - 1]!, `${choices[i]!.label} is not before ${choices[i - 1]!.label}`);
    assert.ok(dues[3]! > dues[0]!);
    for (const c of choices) assert.equal(c.description, `next: ${dueIn(c.card.due, t0)} (${c.card.due.slice(0, 10)})`);
    // The choice's card is what rating with it gives.
    for (const c of choices) assert.deepEqual(c.card, rate(undefined, c.rating, t0));
  });

  it('how far away a review is, in the largest unit that fits', () => {
    const iso = (ms: number) => new Date(t0.getTime() + ms).toISOString();
    assert.equal(dueIn(iso(-5000), t0), 'now');
    assert.equal(dueIn(iso(10 * 60_000), t0), 'in 10 min');
    assert.equal(dueIn(iso(3 * 3_600_000), t0), 'in 3 h');
    assert.equal(dueIn(iso(4 * DAY), t0), 'in 4 d');
    assert.equal(dueIn(iso(70 * DAY), t0), 'in 10 w');
    assert.equal(dueIn('not a date', t0), 'now');
  });

  it('the timer: elapsed and target as m:ss', () => {
    assert.equal(timerText(47.9, 90), '⏺ 0:47 / 1:30');
    assert.equal(timerText(125, 120), '⏺ 2:05 / 2:00');
    assert.equal(timerText(-3, 0), '⏺ 0:00 / 0:00');
  });
});
