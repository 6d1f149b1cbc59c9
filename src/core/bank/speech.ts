// How long a story takes to tell: words per STAR part after Markdown syntax, code, HTML comments and
// placeholders are stripped, and seconds at a speaking rate.
//
// Chinese and Japanese are written without spaces, so their characters are counted instead: one word
// for every two Han, Hiragana or Katakana characters. Spoken Mandarin and Japanese run at roughly
// 250–350 characters a minute where English runs at ~150 words, so two characters to a word keeps
// one rate setting meaningful for every language. Korean separates words with spaces and counts as
// words.

import { REQUIRED_PARTS, type Span, type StarPart } from '../model.js';
import { cutRuns, nestedSpans, proseRuns, type Prose } from './prose.js';

export const DEFAULT_WPM = 150;
export const MIN_WPM = 110;
export const MAX_WPM = 180;
/** How long a story should take (interviewNotes.speech.targetSeconds) and the most it may take (maxSeconds, `too-long`). */
export const DEFAULT_TARGET_SECONDS = 90;
export const DEFAULT_MAX_SECONDS = 120;

export interface PartTime {
  words: number;
  /** Of the words in the story's Situation, Task, Action and Result, 0–1 (Learning's too). */
  share: number;
}

export interface SpeakingTime {
  /** Words of the story's own text, heading and sub-stories left out (parts and anything between). */
  words: number;
  seconds: number;
  wordsPerMinute: number;
  parts: Partial<Record<StarPart, PartTime>>;
  /** The story's own target from an `<!-- interview-notes-time 2:30 -->` comment, in seconds. */
  targetSeconds?: number;
  /** The story's own maximum from the same comment (`2:30` sets both; `max 3:00` only this). */
  maxSeconds?: number;
}

/** What speech.ts needs of a story: the model's `Story` fits. */
export interface TimedStory {
  span: Span;
  heading: Span;
  sections: readonly { part: StarPart; label: Span; span: Span }[];
  stories: readonly { span: Span }[];
}

// Placeholders are not spoken: ❓, ???, TODO and its kin, `...` / `…` left to be filled.
const PLACEHOLDER_RE = /\u2753|\?{3,}|\b(?:TODO|TBD|TBA|FIXME|XXX)\b|\.{3,}|…/gu;
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** Whether a text holds any CJK character: one pass that stops at the first, instead of a count and a replace over every text. */
const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
// A word: a run of letters or digits, joined by an apostrophe, hyphen, underscore or a decimal point (`don't`, `2.5`, `pg_dump`).
const WORD_RE = /[\p{L}\p{N}]+(?:['’._-][\p{L}\p{N}]+)*/gu;

export const clampWpm = (wpm: number | undefined): number =>
  wpm === undefined || !Number.isFinite(wpm) ? DEFAULT_WPM : Math.min(MAX_WPM, Math.max(MIN_WPM, wpm));

/** Words of plain text (no Markdown), CJK characters counted half. */
export function countWords(plain: string): number {
  const cleaned = plain.replace(PLACEHOLDER_RE, ' ');
  if (!HAS_CJK.test(cleaned)) return cleaned.match(WORD_RE)?.length ?? 0;
  const cjk = cleaned.match(CJK_RE)?.length ?? 0;
  const rest = cleaned.replace(CJK_RE, ' ');
  return (rest.match(WORD_RE)?.length ?? 0) + Math.ceil(cjk / 2);
}

/**
 * At least as many words as `countWords` finds in any part of `raw` once its Markdown is stripped
 * (a CJK character counts one here, half there): lets a rule skip parsing text that cannot reach
 * its threshold.
 */
export function wordsAtMost(raw: string): number {
  const cleaned = raw.replace(PLACEHOLDER_RE, ' ');
  if (!HAS_CJK.test(cleaned)) return cleaned.match(WORD_RE)?.length ?? 0;
  const cjk = cleaned.match(CJK_RE)?.length ?? 0;
  return (cleaned.replace(CJK_RE, ' ').match(WORD_RE)?.length ?? 0) + cjk;
}

/** Words in a span of the document: its prose only (code blocks, HTML and link targets left out by the parse). */
export function wordsIn(text: string, span: Span, skip: readonly Span[] = []): number {
  return wordsOfRuns(text, proseRuns(text, span, skip), span);
}

/** Words of the runs within `range`. Inline code counts: it is usually a name said aloud (`Kafka`, `git bisect`). */
function wordsOfRuns(text: string, runs: readonly Span[], range: Span): number {
  let words = 0;
  for (const run of runs) {
    const start = Math.max(run.start, range.start);
    const end = Math.min(run.end, range.end);
    if (start < end) words += countWords(plainOf(text.slice(start, end)));
  }
  return words;
}

/** The source of a text run without the escapes and emphasis marks remark leaves in its position. */
function plainOf(source: string): string {
  return source.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/[*~`]+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, ' ');
}

const TIME_COMMENT_RE = /<!--\s*interview-notes-time\s+([^>]*?)\s*-->/;

/**
 * A duration as people write it: `2:30`, `150`, `150s`, `2m`, `2m30s`, `2 min`. Undefined when it is
 * none of these or not positive.
 */
export function parseDuration(written: string): number | undefined {
  const s = written.trim().toLowerCase();
  let seconds: number | undefined;
  const clock = /^(\d{1,2}):([0-5]\d)$/.exec(s);
  const units = /^(?:(\d{1,3})\s*(?:m|min|mins|minutes?))?\s*(?:(\d{1,4})\s*(?:s|sec|secs|seconds?))?$/.exec(s);
  if (clock) seconds = Number(clock[1]) * 60 + Number(clock[2]);
  else if (/^\d{1,4}$/.test(s)) seconds = Number(s);
  else if (units && (units[1] || units[2])) seconds = Number(units[1] ?? 0) * 60 + Number(units[2] ?? 0);
  return seconds !== undefined && seconds > 0 ? seconds : undefined;
}

/** A story's own limits, from its time comment; either may be absent (the settings' apply). */
export interface TimeLimits {
  targetSeconds?: number;
  maxSeconds?: number;
}

// `target 1:30 max 3:00`, `max=3:00`, `target: 90`: a keyword, then its duration up to the next keyword.
const LIMIT_KEYWORD_RE = /\b(target|max)\b/gu;

/**
 * What a time comment says: one duration (`2:30`) is the story's own time, both its target and its
 * maximum (as the comment has always meant to the practice timer and `too-long`); `target 1:30`
 * and `max 3:00` set one each. A comment that says nothing readable sets nothing.
 */
export function parseTimeComment(written: string): TimeLimits {
  const both = parseDuration(written);
  if (both !== undefined) return { targetSeconds: both, maxSeconds: both };
  const limits: TimeLimits = {};
  const lower = written.toLowerCase();
  const keywords = [...lower.matchAll(LIMIT_KEYWORD_RE)];
  keywords.forEach((m, i) => {
    const value = lower.slice(m.index + m[0].length, keywords[i + 1]?.index ?? lower.length).replace(/^\s*[=:]/u, '');
    const seconds = parseDuration(value);
    if (seconds === undefined) return;
    if (m[1] === 'target') limits.targetSeconds = seconds;
    else limits.maxSeconds = seconds;
  });
  return limits;
}

/**
 * The per-story limits written as `<!-- interview-notes-time 2:30 -->` (or `… target 1:30 max 3:00 -->`)
 * anywhere in the story's own text (not in a sub-story, which has its own).
 */
export function storyTimeLimits(text: string, story: TimedStory): TimeLimits {
  const m = TIME_COMMENT_RE.exec(text.slice(Math.max(0, story.span.start), Math.min(text.length, story.span.end)));
  if (!m) return {};
  const at = story.span.start + m.index;
  if (story.stories.some((s) => s.span.start <= at && at < s.span.end)) return {};
  return parseTimeComment(m[1]!);
}

/** The per-story target of `storyTimeLimits`. */
export function storyTimeTarget(text: string, story: TimedStory): number | undefined {
  return storyTimeLimits(text, story).targetSeconds;
}

/**
 * The speaking time of a story's own text. `prose` is the story's prose as `readProse(text,
 * story.span, nestedSpans(story))` gives it, when the caller has already parsed it (for the tags):
 * then the story is not parsed again.
 */
export function speakingTime(text: string, story: TimedStory, wordsPerMinute?: number, prose?: Prose): SpeakingTime {
  const wpm = clampWpm(wordsPerMinute);
  const nested = nestedSpans(story);
  const own: Span = { start: Math.min(story.heading.end, text.length), end: Math.min(story.span.end, text.length) };
  // One parse of the story's own text; labels are not said aloud, sub-stories are their own.
  const labels = story.sections.map((s) => s.label);
  const runs = prose
    ? cutRuns(prose.runs.filter((run) => run.start >= own.start), labels)
    : proseRuns(text, own, [...nested, ...labels]);
  const words = wordsOfRuns(text, runs, own);
  const counts: Partial<Record<StarPart, number>> = {};
  for (const section of story.sections) {
    // A part written twice (two Action lists) adds up.
    counts[section.part] = (counts[section.part] ?? 0) + wordsOfRuns(text, runs, { start: section.label.end, end: section.span.end });
  }
  // Shares are of the four STAR parts, so S T A R add up to 100 %: a closing Learning is neither
  // set-up nor action, and its share (of the same total) is shown after them.
  const inParts = REQUIRED_PARTS.reduce((sum, part) => sum + (counts[part] ?? 0), 0);
  const parts: Partial<Record<StarPart, PartTime>> = {};
  for (const [part, n] of Object.entries(counts) as [StarPart, number][]) parts[part] = { words: n, share: inParts ? n / inParts : 0 };
  const { targetSeconds, maxSeconds } = storyTimeLimits(text, story);
  return {
    words,
    seconds: secondsToSay(words, wpm),
    wordsPerMinute: wpm,
    parts,
    ...(targetSeconds !== undefined ? { targetSeconds } : {}),
    ...(maxSeconds !== undefined ? { maxSeconds } : {}),
  };
}

/** Seconds to say `words` at `wordsPerMinute` (clamped to 110–180). */
export function secondsToSay(words: number, wordsPerMinute?: number): number {
  return Math.round((words / clampWpm(wordsPerMinute)) * 60);
}

/** `90` → `1:30`, `5` → `0:05`, `3600` → `60:00`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const LETTERS: Record<StarPart, string> = { situation: 'S', task: 'T', action: 'A', result: 'R', learning: 'L' };
const ORDER: StarPart[] = ['situation', 'task', 'action', 'result', 'learning'];

/** `250 words ≈ 1:40 at 150 wpm · S 14 % T 8 % A 52 % R 26 %` (parts the story has, in STAR order). */
export function speakingTimeText(time: SpeakingTime): string {
  const head = `${time.words} ${time.words === 1 ? 'word' : 'words'} ≈ ${formatDuration(time.seconds)} at ${time.wordsPerMinute} wpm`;
  const shares = ORDER.filter((p) => time.parts[p]).map((p) => `${LETTERS[p]} ${Math.round(time.parts[p]!.share * 100)} %`);
  return shares.length ? `${head} · ${shares.join(' ')}` : head;
}
