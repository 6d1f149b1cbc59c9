// What the story bank adds to each story of a report: its competency tags, its length in words and
// seconds, and the words of each STAR part. One function over the text and the model, so the command
// line, the extension and the browser build report the same figures. Nothing is kept between calls.

import type { StarPart } from '../model.js';
import { bankStories, type BankOptions, type BankStory, type ModelLike } from './coverage.js';
import type { Tag } from './tags.js';

export interface StoryBankFacts {
  /** Competency names the story is tagged with (a tag no framework knows, as written), distinct, in reading order. */
  tags: string[];
  /** Words of the story's own text (labels, code, comments and placeholders left out). */
  words: number;
  /** Seconds to tell it at the speaking rate. */
  seconds: number;
  /** Words per STAR part the story has. */
  parts: Partial<Record<StarPart, number>>;
}

/** The name a tag is shown by: its competency's (the first framework that knows it), else as written. */
const tagName = (tag: Tag): string => tag.competencies[0]?.name ?? tag.raw;

export function storyBankFacts(story: BankStory): StoryBankFacts {
  const tags = [...new Set(story.tags.tags.map(tagName))];
  const parts: Partial<Record<StarPart, number>> = {};
  for (const [part, time] of Object.entries(story.time.parts) as [StarPart, { words: number }][]) parts[part] = time.words;
  return { tags, words: story.time.words, seconds: story.time.seconds, parts };
}

/**
 * The bank's facts of every story and sub-story of a model, by the offset where the story's heading
 * starts (unique per story), for a report to look up as it walks the model.
 */
export function storyBank(text: string, model: ModelLike, options: BankOptions = {}): Map<number, StoryBankFacts> {
  const facts = new Map<number, StoryBankFacts>();
  for (const story of bankStories(text, model, options)) facts.set(story.heading.start, storyBankFacts(story));
  return facts;
}
