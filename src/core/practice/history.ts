// The practice history: JSON Lines, one record per rating, appended and never rewritten (git can
// track it; two windows can append to it at once). Reading is forgiving line by line: a corrupt or
// torn line (an interrupted write) is skipped with its reason, never the whole file. A story's state
// is the card of its latest record: each record carries the full FSRS card, so nothing is replayed.

import { CARD_STATES, isRating, type PracticeCard, type PracticeRating, type StoryPractice } from './schedule.js';

export const HISTORY_VERSION = 1;

export interface PracticeRecord {
  v: typeof HISTORY_VERSION;
  /** The story's stable id. */
  storyId: string;
  /** When it was rated, ISO 8601. */
  at: string;
  rating: PracticeRating;
  /** How long the answer took, in seconds. */
  seconds: number;
  /** The question it answered, as shown. */
  question?: string;
  /** The card after the rating. */
  card: PracticeCard;
}

export interface SkippedLine {
  /** 1-based line number. */
  line: number;
  reason: string;
}

export interface ParsedHistory {
  records: PracticeRecord[];
  skipped: SkippedLine[];
}

const isRecordObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isIsoDate = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '' && Number.isFinite(Date.parse(value));
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isNonNegative = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Why a value is not a card, or undefined when it is one. */
function cardProblem(value: unknown): string | undefined {
  if (!isRecordObject(value)) return 'card is not an object';
  if (!isIsoDate(value.due)) return 'card.due is not a date';
  for (const key of ['stability', 'difficulty', 'scheduledDays'] as const) if (!isNonNegative(value[key])) return `card.${key} is not a number ≥ 0`;
  for (const key of ['learningSteps', 'reps', 'lapses'] as const) if (!isCount(value[key])) return `card.${key} is not a count`;
  if (typeof value.state !== 'string' || !(CARD_STATES as readonly string[]).includes(value.state)) return 'card.state is unknown';
  if (value.lastReview !== undefined && !isIsoDate(value.lastReview)) return 'card.lastReview is not a date';
  return undefined;
}

/** Why a parsed line is not a record, or undefined when it is one. */
function recordProblem(value: unknown): string | undefined {
  if (!isRecordObject(value)) return 'not a JSON object';
  if (value.v !== HISTORY_VERSION) return `unknown version ${JSON.stringify(value.v)}`;
  if (typeof value.storyId !== 'string' || value.storyId === '') return 'storyId missing';
  if (!isIsoDate(value.at)) return 'at is not a date';
  if (!isRating(value.rating)) return `unknown rating ${JSON.stringify(value.rating)}`;
  if (!isNonNegative(value.seconds)) return 'seconds is not a number ≥ 0';
  if (value.question !== undefined && typeof value.question !== 'string') return 'question is not text';
  return cardProblem(value.card);
}

/** Only the record's own fields, copied: an unknown field a newer version wrote is not carried around. */
function recordOf(value: Record<string, unknown>): PracticeRecord {
  const card = value.card as Record<string, unknown>;
  return {
    v: HISTORY_VERSION,
    storyId: value.storyId as string,
    at: value.at as string,
    rating: value.rating as PracticeRating,
    seconds: value.seconds as number,
    ...(typeof value.question === 'string' ? { question: value.question } : {}),
    card: {
      due: card.due as string,
      stability: card.stability as number,
      difficulty: card.difficulty as number,
      scheduledDays: card.scheduledDays as number,
      learningSteps: card.learningSteps as number,
      reps: card.reps as number,
      lapses: card.lapses as number,
      state: card.state as PracticeCard['state'],
      ...(typeof card.lastReview === 'string' ? { lastReview: card.lastReview } : {}),
    },
  };
}

/** The records of a history file, and the lines skipped with why. Blank lines are neither. Never throws. */
export function parseHistory(text: string): ParsedHistory {
  const records: PracticeRecord[] = [];
  const skipped: SkippedLine[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/^\uFEFF/, '');
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skipped.push({ line: i + 1, reason: i === lines.length - 1 ? 'not JSON (an interrupted write?)' : 'not JSON' });
      continue;
    }
    const problem = recordProblem(value);
    if (problem) skipped.push({ line: i + 1, reason: problem });
    else records.push(recordOf(value as Record<string, unknown>));
  }
  return { records, skipped };
}

/** One record as one line of the file, `\n`-terminated (JSON escapes any newline inside a value). */
export function appendRecord(record: PracticeRecord): string {
  return JSON.stringify(recordOf(record as unknown as Record<string, unknown>)) + '\n';
}

/** The record of one rating: the card after it, from the card before it (undefined for a new story). */
export function ratingRecord(fields: Omit<PracticeRecord, 'v'>): PracticeRecord {
  return { v: HISTORY_VERSION, ...fields };
}

/**
 * Each story's practice: its latest record's card (by `at`; for equal times, the later line, since
 * two windows may append out of order), how often it was rated, and when last.
 */
export function foldHistory(records: readonly PracticeRecord[]): Map<string, StoryPractice> {
  const states = new Map<string, StoryPractice>();
  for (const record of records) {
    const before = states.get(record.storyId);
    const isLatest = !before || Date.parse(record.at) >= Date.parse(before.lastPractised);
    if (!before) states.set(record.storyId, { storyId: record.storyId, card: record.card, ratings: 1, lastPractised: record.at, lastRating: record.rating });
    else if (isLatest) states.set(record.storyId, { ...before, card: record.card, ratings: before.ratings + 1, lastPractised: record.at, lastRating: record.rating });
    else states.set(record.storyId, { ...before, ratings: before.ratings + 1 });
  }
  return states;
}

/** `today`, `yesterday`, `3 d ago`, `5 w ago`: for "practised 3 d ago" in the tree. */
export function practisedAgo(lastPractised: string, now: Date): string {
  const days = Math.floor((now.getTime() - Date.parse(lastPractised)) / (24 * 60 * 60 * 1000));
  if (!Number.isFinite(days) || days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 28) return `${days} d ago`;
  if (days < 365) return `${Math.floor(days / 7)} w ago`;
  return `${Math.floor(days / 365)} y ago`;
}
