// The speaking time of the story under the cursor, or of a selection, against the story's limits:
// `⏱ 1:40 / 2:00`, as the editor's status bar shows it. Pure: the model the editor already holds,
// one story's text read at a time (never the whole document).
//
// The figure after the slash is the target while the story is within it, then the maximum (the one
// `too-long` reports over): the next limit the story has not passed, else the one it has.

import type { Span } from '../model.js';
import { tagsAndTime, type ModelLike, type ModelStory } from './coverage.js';
import { rawOwnText } from './rules/rule.js';
import { clampWpm, countWords, DEFAULT_MAX_SECONDS, DEFAULT_TARGET_SECONDS, formatDuration, secondsToSay, speakingTimeText, storyTimeLimits, wordsIn, type SpeakingTime, type TimeLimits } from './speech.js';
import type { Framework } from './frameworks.js';

/** What the limits and the rate come from: the story bank's options (settings or configuration file). */
export interface SpeechOptions {
  wordsPerMinute?: number;
  targetSeconds?: number;
  maxSeconds?: number;
  frameworks?: readonly Framework[];
  fromCategory?: boolean;
}

/** The limits a story is told against: its own comment's, else the options', else 90 s and 120 s. */
export interface StoryLimits {
  targetSeconds: number;
  maxSeconds: number;
}

export type TimeStanding = 'within' | 'over-target' | 'over-max';

const positive = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

export function storyLimits(own: TimeLimits, options: SpeechOptions = {}): StoryLimits {
  const pick = (...candidates: (number | undefined)[]) => candidates.find(positive);
  return {
    targetSeconds: pick(own.targetSeconds, options.targetSeconds) ?? DEFAULT_TARGET_SECONDS,
    maxSeconds: pick(own.maxSeconds, options.maxSeconds) ?? DEFAULT_MAX_SECONDS,
  };
}

/** Whether `seconds` is within the target, past it, or past the maximum. */
export function standingOf(seconds: number, limits: StoryLimits): TimeStanding {
  if (seconds > limits.maxSeconds) return 'over-max';
  return seconds > limits.targetSeconds ? 'over-target' : 'within';
}

/** The limit shown after the slash: the target until it is passed (and only when it is below the maximum), then the maximum. */
export function shownLimit(seconds: number, limits: StoryLimits): number {
  const targetFirst = limits.targetSeconds <= limits.maxSeconds;
  return targetFirst && seconds <= limits.targetSeconds ? limits.targetSeconds : limits.maxSeconds;
}

/** `⏱ 1:40 / 2:00`. */
export function timeStatusText(seconds: number, limits: StoryLimits): string {
  return `⏱ ${formatDuration(seconds)} / ${formatDuration(shownLimit(seconds, limits))}`;
}

/** The line under it: `target 1:30 · maximum 2:00`, with what was passed. */
export function limitsText(seconds: number, limits: StoryLimits): string {
  const limitsLine = `target ${formatDuration(limits.targetSeconds)} · maximum ${formatDuration(limits.maxSeconds)}`;
  const standing = standingOf(seconds, limits);
  if (standing === 'over-max') return `${limitsLine} (over the maximum)`;
  return standing === 'over-target' ? `${limitsLine} (over the target)` : limitsLine;
}

type ModelCategory = ModelLike['categories'][number];

/** A story found in a model, with the category it is in (its title may tag the story). */
export interface StoryInModel {
  story: ModelStory;
  category: ModelCategory;
}

/** The innermost story or sub-story whose span holds `offset` (its end included: the cursor after its last character), with its category. */
export function storyAt(model: ModelLike, offset: number): StoryInModel | undefined {
  const holds = (span: Span) => span.start <= offset && offset <= span.end;
  for (const category of model.categories) {
    for (const story of category.stories) {
      if (!holds(story.span)) continue;
      const sub = story.stories.find((s) => holds(s.span));
      return { story: sub ?? story, category };
    }
  }
  return undefined;
}

/**
 * A story longer than this is timed from its raw words (comments left out, but labels, Markdown
 * syntax and link targets counted; no parts) rather than parsed: the status bar reads the story again after each edit in it, and a
 * parse of a story this long (a log pasted under one) would hold up typing. No story told aloud is
 * this long; `too-long` does not coach such a story either.
 */
export const STORY_PARSE_LIMIT = 100_000;

/** `raw` with its HTML comments (never said aloud) blanked; by indexOf, linear however many `<!--` it holds. */
function withoutComments(raw: string): string {
  let out = '';
  let at = 0;
  for (let open = raw.indexOf('<!--'); open >= 0; open = raw.indexOf('<!--', at)) {
    const close = raw.indexOf('-->', open + 4);
    out += raw.slice(at, open) + ' ';
    at = close < 0 ? raw.length : close + 3;
    if (close < 0) break;
  }
  return out + raw.slice(at);
}

/**
 * A story's speaking time, as the tree, the hover and `too-long` count it (its tag line is not
 * spoken): one parse of the story's own text.
 */
export function storyTime(text: string, { story, category }: StoryInModel, options: SpeechOptions = {}): SpeakingTime {
  if (story.span.end - story.span.start > STORY_PARSE_LIMIT) {
    const words = countWords(withoutComments(rawOwnText(text, { start: story.heading.end, end: story.span.end }, story.stories)));
    return { words, seconds: secondsToSay(words, options.wordsPerMinute), wordsPerMinute: clampWpm(options.wordsPerMinute), parts: {}, ...storyTimeLimits(text, story) };
  }
  return tagsAndTime(
    text,
    story,
    {
      ...(options.frameworks ? { frameworks: options.frameworks } : {}),
      ...(options.fromCategory !== undefined ? { fromCategory: options.fromCategory } : {}),
      category: { title: category.title, ...(category.heading ? { heading: category.heading } : {}) },
    },
    options.wordsPerMinute,
  ).time;
}

/**
 * A selection longer than this is counted from its raw text (Markdown syntax and link targets
 * included) instead of being parsed: selecting a whole large file must not stall the editor.
 */
export const SELECTION_PARSE_LIMIT = 100_000;

export interface SelectionTime {
  words: number;
  seconds: number;
  wordsPerMinute: number;
}

/** The words of a selection (its prose: Markdown syntax, code blocks, comments and placeholders left out) and the time to say them. */
export function selectionTime(text: string, span: Span, wordsPerMinute?: number): SelectionTime {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  const words = end - start > SELECTION_PARSE_LIMIT ? countWords(text.slice(start, end)) : wordsIn(text, { start, end });
  return { words, seconds: secondsToSay(words, wordsPerMinute), wordsPerMinute: clampWpm(wordsPerMinute) };
}

/** What the status bar shows for the story under the cursor or a selection. */
export interface TimeStatus {
  text: string;
  tooltip: string;
  standing: TimeStanding;
}

/** The status of a story: `⏱ 1:40 / 2:00`, and the hover's line with the limits. */
export function storyTimeStatus(title: string, time: SpeakingTime, options: SpeechOptions = {}): TimeStatus {
  const limits = storyLimits(time, options);
  return {
    text: timeStatusText(time.seconds, limits),
    tooltip: `${title}: ${speakingTimeText(time)}\n${limitsText(time.seconds, limits)}`,
    standing: standingOf(time.seconds, limits),
  };
}

/** The status of a selection, against the limits of the story it is in (else the options'). */
export function selectionTimeStatus(time: SelectionTime, own: TimeLimits = {}, options: SpeechOptions = {}): TimeStatus {
  const limits = storyLimits(own, options);
  return {
    text: timeStatusText(time.seconds, limits),
    tooltip: `Selection: ${time.words} ${time.words === 1 ? 'word' : 'words'} ≈ ${formatDuration(time.seconds)} at ${time.wordsPerMinute} wpm\n${limitsText(time.seconds, limits)}`,
    standing: standingOf(time.seconds, limits),
  };
}
