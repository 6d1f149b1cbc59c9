// The context the coach rules judge a story in, as the analysis builds it: one per story, shared by
// every coach rule of one run, with the story's tags and speaking time read on first use and then
// kept. Reading them parses the story's text with remark, as costly as the analysis' own parse of
// it; most rules decide from the raw text and the reader's parts (the model's sections) that they
// have nothing to say, so most stories are never parsed a second time.
//
// Kept per story object (a story of a model is frozen and never changes) together with the story's
// text and the options it was read with, so an object met again with other text or options is read
// afresh. A WeakMap: nothing outlives the models the caller keeps.

import type { Span } from '../../model.js';
import type { CoachMemo } from '../../rules/coach-memo.js';
import { tagsAndTime } from '../coverage.js';
import type { Framework } from '../frameworks.js';
import type { SpeakingTime } from '../speech.js';
import type { StoryLike, StoryTags, TagOptions } from '../tags.js';
import type { CoachContext, CoachOptions, CoachStory } from './rule.js';

/** What the analysis tells the coach rules: the options of CoachOptions and how tags are read. */
export interface StoryBankOptions extends CoachOptions {
  frameworks?: readonly Framework[];
  /** Whether a category titled with a competency tags its stories (default true). */
  fromCategory?: boolean;
  /** Not for the rules: coverage marks a gap where a competency has fewer complete stories (default 2). */
  minStories?: number;
  /** Set by a NotesAnalyzer, not by callers: what the coach rules said of each story before. */
  coachMemo?: CoachMemo;
}

export type ContextStory = CoachStory & StoryLike;

interface Kept {
  source: string;
  options: StoryBankOptions;
  context: CoachContext;
  /** What the context read of the story, once a rule asked; with the tag options it was read with. */
  read?: { tags: StoryTags; time: SpeakingTime };
  tagOptions: TagOptions;
}

const KEPT = new WeakMap<object, Kept>();
const NO_OPTIONS: StoryBankOptions = Object.freeze({});

/**
 * The coach context of `story` in `text` (its category as given; front matter is not read: a rule
 * reports from its category alone, and the coach rules judge only a story's own tags).
 */
export function storyContext(text: string, story: ContextStory, category: { title: string | null; heading?: Span | undefined }, options: StoryBankOptions = NO_OPTIONS): CoachContext {
  const source = text.slice(Math.max(0, story.span.start), Math.min(text.length, story.span.end));
  const before = KEPT.get(story);
  if (before && before.options === options && before.source === source) return before.context;
  const tagOptions: TagOptions = {
    ...(options.frameworks ? { frameworks: options.frameworks } : {}),
    ...(options.fromCategory !== undefined ? { fromCategory: options.fromCategory } : {}),
    category: { title: category.title, ...(category.heading ? { heading: category.heading } : {}) },
  };
  const kept: Kept = { source, options, context: undefined!, tagOptions };
  const once = () => (kept.read ??= tagsAndTime(text, story, tagOptions, options.wordsPerMinute));
  const context: CoachContext = {
    text,
    story,
    options,
    get time() {
      return once().time;
    },
    get tags() {
      return once().tags;
    },
  };
  kept.context = context;
  KEPT.set(story, kept);
  return context;
}

/**
 * What the coach rules read of `story` while judging it in `text`, if they did and with the same tag
 * options and speaking rate; the story bank asks before it parses a story again (the story an edit
 * changed is the one both read).
 */
export function coachRead(text: string, story: object & { span: Span }, tagOptions: TagOptions, wordsPerMinute: number | undefined): { tags: StoryTags; time: SpeakingTime } | undefined {
  const kept = KEPT.get(story);
  if (!kept?.read || kept.options.wordsPerMinute !== wordsPerMinute || !sameTagOptions(kept.tagOptions, tagOptions)) return undefined;
  const source = text.slice(Math.max(0, story.span.start), Math.min(text.length, story.span.end));
  return kept.source === source ? kept.read : undefined;
}

const sameSpan = (a: Span | undefined, b: Span | undefined) => a === b || (a !== undefined && b !== undefined && a.start === b.start && a.end === b.end);

function sameTagOptions(a: TagOptions, b: TagOptions): boolean {
  return (
    a.frameworks === b.frameworks &&
    (a.fromCategory ?? true) === (b.fromCategory ?? true) &&
    a.frontMatter === b.frontMatter &&
    a.category?.title === b.category?.title &&
    sameSpan(a.category?.heading, b.category?.heading)
  );
}
