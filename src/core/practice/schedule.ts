// When to practise a story again: spaced repetition with ts-fsrs (the FSRS scheduler Anki uses), not a
// hand-rolled ladder of intervals. A story's memory state is a plain JSON card (dates as ISO strings,
// so it goes into the history file as it is); the one conversion to and from ts-fsrs's Date-based
// card is here. And which story to practise next: due first, then the least-practised competency,
// then random with an injectable random source (setting `practice.order`).

import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';

export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type PracticeRating = (typeof RATINGS)[number];

export const isRating = (value: unknown): value is PracticeRating => typeof value === 'string' && (RATINGS as readonly string[]).includes(value);

export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardStateName = (typeof CARD_STATES)[number];

/** A story's memory state, as FSRS keeps it, in plain JSON. */
export interface PracticeCard {
  /** When the story is next due, ISO 8601. */
  due: string;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateName;
  /** The last rating's time, ISO 8601 (absent on a card never rated). */
  lastReview?: string;
}

const GRADE: Record<PracticeRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
const STATE_NAME: Record<State, CardStateName> = { [State.New]: 'new', [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' };
const STATE_OF: Record<CardStateName, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };

// Fuzz off (ts-fsrs's default, said here because it matters): the same ratings give the same dates,
// so a user's two machines and the tests agree.
const scheduler = fsrs({ enable_fuzz: false });

const DAY_MS = 24 * 60 * 60 * 1000;

function toPlain(card: Card): PracticeCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_NAME[card.state],
    ...(card.last_review ? { lastReview: card.last_review.toISOString() } : {}),
  };
}

function toFsrs(card: PracticeCard, now: Date): Card {
  const lastReview = card.lastReview ? new Date(card.lastReview) : undefined;
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    // Deprecated in ts-fsrs 5 and derived from last_review there; kept consistent for older paths.
    elapsed_days: lastReview ? Math.max(0, Math.floor((now.getTime() - lastReview.getTime()) / DAY_MS)) : 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_OF[card.state],
    ...(lastReview ? { last_review: lastReview } : {}),
  };
}

/** The card of a story never practised: due now. */
export function newCard(now: Date): PracticeCard {
  return toPlain(createEmptyCard(now));
}

/** The card after rating the story at `now` (a story never practised starts from a new card). */
export function rate(card: PracticeCard | undefined, rating: PracticeRating, now: Date): PracticeCard {
  return toPlain(scheduler.next(toFsrs(card ?? newCard(now), now), now, GRADE[rating]).card);
}

/** What each rating would schedule, for the quick pick that shows the next review date beside each. */
export function previewRatings(card: PracticeCard | undefined, now: Date): Record<PracticeRating, PracticeCard> {
  const preview = scheduler.repeat(toFsrs(card ?? newCard(now), now), now);
  return {
    again: toPlain(preview[Rating.Again].card),
    hard: toPlain(preview[Rating.Hard].card),
    good: toPlain(preview[Rating.Good].card),
    easy: toPlain(preview[Rating.Easy].card),
  };
}

/** A story's practice so far, folded from its history (history.ts). */
export interface StoryPractice {
  storyId: string;
  card: PracticeCard;
  /** How many times it was rated. */
  ratings: number;
  /** The last rating's time, ISO 8601. */
  lastPractised: string;
  lastRating: PracticeRating;
}

export const isDue = (practice: StoryPractice, now: Date): boolean => Date.parse(practice.card.due) <= now.getTime();

/** The ids of the practised stories due at `now`, most overdue first. */
export function dueStories(history: ReadonlyMap<string, StoryPractice>, now: Date): string[] {
  return [...history.values()]
    .filter((p) => isDue(p, now))
    .sort((a, b) => Date.parse(a.card.due) - Date.parse(b.card.due) || (a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : 0))
    .map((p) => p.storyId);
}

/** A story that can be practised: its stable id and the competencies it is tagged with, as keys of the caller's choice (e.g. `generic:conflict`). */
export interface PracticeCandidate {
  storyId: string;
  competencies: readonly string[];
}

/**
 * How the next story is chosen (setting `practice.order`):
 * - `due-first`: a due story first, then one of the least-practised competency, then any at random;
 * - `competency-first`: the least-practised competency first (due stories first within it);
 * - `random`: any story at random.
 */
export const PRACTICE_ORDERS = ['due-first', 'competency-first', 'random'] as const;
export type PracticeOrder = (typeof PRACTICE_ORDERS)[number];

export interface PickOptions {
  order?: PracticeOrder;
  /** A number in [0, 1), as Math.random gives; injected so tests and replays are deterministic. */
  random?: () => number;
  /** Stories not to pick (the one just practised). */
  exclude?: ReadonlySet<string>;
}

// Stories with no tag are practised as one group of their own, so they are not forgotten.
const UNTAGGED = '';

const competenciesOf = (c: PracticeCandidate): readonly string[] => (c.competencies.length ? c.competencies : [UNTAGGED]);

/** The candidates tagged with the competency practised least (ratings summed over its stories). */
function inLeastPractisedCompetency(candidates: readonly PracticeCandidate[], history: ReadonlyMap<string, StoryPractice>): PracticeCandidate[] {
  const practised = new Map<string, number>();
  for (const c of candidates) {
    for (const competency of competenciesOf(c)) practised.set(competency, (practised.get(competency) ?? 0) + (history.get(c.storyId)?.ratings ?? 0));
  }
  const least = Math.min(...practised.values());
  const weakest = new Set([...practised].filter(([, n]) => n === least).map(([competency]) => competency));
  return candidates.filter((c) => competenciesOf(c).some((k) => weakest.has(k)));
}

/** The candidates rated the fewest times: a new story before one rated yesterday. */
function leastPractised(candidates: readonly PracticeCandidate[], history: ReadonlyMap<string, StoryPractice>): PracticeCandidate[] {
  const ratings = (c: PracticeCandidate) => history.get(c.storyId)?.ratings ?? 0;
  const fewest = Math.min(...candidates.map(ratings));
  return candidates.filter((c) => ratings(c) === fewest);
}

/** One of the items, chosen by `random` (a number in [0, 1); anything else counts as 0). */
export function oneOf<T>(items: readonly T[], random: () => number): T | undefined {
  if (items.length === 0) return undefined;
  const r = random();
  const index = Math.min(items.length - 1, Math.max(0, Math.floor((Number.isFinite(r) ? r : 0) * items.length)));
  return items[index];
}

/** The story to practise next, or undefined when there is none. */
export function pickNext(
  candidates: readonly PracticeCandidate[],
  history: ReadonlyMap<string, StoryPractice>,
  now: Date,
  options: PickOptions = {},
): PracticeCandidate | undefined {
  const random = options.random ?? Math.random;
  const exclude = options.exclude;
  const open = exclude ? candidates.filter((c) => !exclude.has(c.storyId)) : [...candidates];
  if (open.length === 0) return undefined;
  const order = options.order ?? 'due-first';
  if (order === 'random') return oneOf(open, random);
  const dueOrder = dueStories(history, now);
  const firstDue = (among: readonly PracticeCandidate[]) => {
    const ids = new Set(among.map((c) => c.storyId));
    const id = dueOrder.find((d) => ids.has(d));
    return id === undefined ? undefined : among.find((c) => c.storyId === id);
  };
  if (order === 'due-first') return firstDue(open) ?? oneOf(leastPractised(inLeastPractisedCompetency(open, history), history), random);
  const weakest = inLeastPractisedCompetency(open, history);
  return firstDue(weakest) ?? oneOf(leastPractised(weakest, history), random);
}
