// What the editor shows of practice, as plain text computed here so it is unit-tested: the Stories
// tree's note ("practised 3 d ago · due"), the rating pick with the next review beside each choice,
// the timer's text, and a story's competency keys (the form questions and the pick share).

import { practisedAgo } from './history.js';
import { isDue, previewRatings, RATINGS, type PracticeCard, type PracticeRating, type StoryPractice } from './schedule.js';

/** The tree's note for a story: undefined when never practised, else when last and whether it is due. */
export function practiceNote(practice: StoryPractice | undefined, now: Date): string | undefined {
  if (!practice) return undefined;
  const ago = practisedAgo(practice.lastPractised, now);
  return `practised ${ago}${isDue(practice, now) ? ' · due' : ''}`;
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `in 10 min`, `in 3 h`, `in 4 d`, `in 5 w`, `now`: how far away a due date is. */
export function dueIn(due: string, now: Date): string {
  const ms = Date.parse(due) - now.getTime();
  if (!Number.isFinite(ms) || ms < MINUTE) return 'now';
  if (ms < HOUR) return `in ${Math.round(ms / MINUTE)} min`;
  if (ms < DAY) return `in ${Math.round(ms / HOUR)} h`;
  const days = Math.round(ms / DAY);
  return days < 28 ? `in ${days} d` : `in ${Math.round(days / 7)} w`;
}

export const RATING_LABELS: Record<PracticeRating, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

const RATING_HINTS: Record<PracticeRating, string> = {
  again: 'I could not tell it',
  hard: 'I told it, with gaps',
  good: 'I told it well',
  easy: 'I told it without thinking',
};

export interface RatingChoice {
  rating: PracticeRating;
  label: string;
  /** `next: in 3 d (2026-03-05)`. */
  description: string;
  detail: string;
  /** The card this rating gives. */
  card: PracticeCard;
}

/** The four choices of the rating pick, each with the review date it schedules. */
export function ratingChoices(card: PracticeCard | undefined, now: Date): RatingChoice[] {
  const preview = previewRatings(card, now);
  return RATINGS.map((rating) => ({
    rating,
    label: RATING_LABELS[rating],
    description: `next: ${dueIn(preview[rating].due, now)} (${preview[rating].due.slice(0, 10)})`,
    detail: RATING_HINTS[rating],
    card: preview[rating],
  }));
}

/** `⏺ 0:47 / 1:30`: time spent and the target, as the status bar shows it. */
export function timerText(elapsedSeconds: number, targetSeconds: number): string {
  const clock = (s: number) => {
    const whole = Math.max(0, Math.floor(s));
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
  };
  return `⏺ ${clock(elapsedSeconds)} / ${clock(targetSeconds)}`;
}

/** A competency as a key: `generic:conflict`. */
export const competencyKey = (c: { framework: string; id: string }): string => `${c.framework}:${c.id}`;
