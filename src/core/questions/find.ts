// Find Stories for a Question: the stories that could answer a free-text question, ranked by tag,
// category and words with MiniSearch (a full-text index with BM25 ranking, prefix and fuzzy terms),
// not a hand-written index. Tags weigh most: a question that names a competency (`conflict`, or an
// alias such as `disagreement`) ranks the stories tagged with it first.

import MiniSearch from 'minisearch';
import { DEFAULT_FRAMEWORKS, phraseOf, phrases, type Framework } from '../bank/frameworks.js';
import { nestedSpans, proseRuns } from '../bank/prose.js';
import type { StoryTags } from '../bank/tags.js';
import type { Span, StoryStatus } from '../model.js';

/** What finding needs of a story; plain data the caller builds (bank stories fit with a mapping). */
export interface FindableStory {
  /** The story's stable id. */
  id: string;
  title: string;
  /** The category's title, if any. */
  category?: string;
  /** Its tags as written, and the names of the competencies they resolve to. */
  tags: readonly string[];
  /** Its text, in plain words (the STAR parts). */
  text: string;
  status: StoryStatus;
  seconds: number;
}

export interface FoundStory {
  id: string;
  title: string;
  score: number;
  status: StoryStatus;
  seconds: number;
  /** The question's terms that matched the story's tags. */
  matchedTags: string[];
}

export interface FindOptions {
  frameworks?: readonly Framework[];
  /** At most this many stories (default all that match). */
  limit?: number;
}

// Words every interview question is made of; they say nothing about which story answers it.
const QUESTION_WORDS = new Set(
  'a about all an and any are as at be been by can describe did do does example for from give had has have how i if in is it me of on or say so tell than that the their them there they this time to us was we were what when where which who why will with would you your'.split(' '),
);

const BOOST = { tags: 4, title: 2, category: 2, text: 1 };

const processTerm = (term: string): string | null => {
  const t = term.toLowerCase();
  return QUESTION_WORDS.has(t) ? null : t;
};

/** The names of the competencies a question names, by any of their names or aliases (`disagreement` → Conflict). */
export function competenciesInQuestion(question: string, frameworks: readonly Framework[] = DEFAULT_FRAMEWORKS): string[] {
  const sentence = ` ${phraseOf(question)} `;
  const names = new Set<string>();
  for (const { phrase, competency } of phrases(frameworks)) if (sentence.includes(` ${phrase} `)) names.add(competency.name);
  return [...names];
}

/** The stories that could answer `question`, best first; none when nothing matches. */
export function findStories(question: string, stories: readonly FindableStory[], options: FindOptions = {}): FoundStory[] {
  const index = new MiniSearch<FindableStory & { tagText: string; categoryText: string }>({
    fields: ['title', 'categoryText', 'tagText', 'text'],
    storeFields: [],
    processTerm,
  });
  index.addAll(stories.map((s) => ({ ...s, tagText: s.tags.join(' '), categoryText: s.category ?? '' })));
  const named = competenciesInQuestion(question, options.frameworks);
  const searchOptions = { boost: { tagText: BOOST.tags, title: BOOST.title, categoryText: BOOST.category, text: BOOST.text }, prefix: true, fuzzy: 0.2 };
  const queries = [question, ...(named.length ? [{ queries: named, fields: ['tagText'], boost: { tagText: BOOST.tags } }] : [])];
  const results = index.search({ queries, combineWith: 'OR' }, searchOptions);
  const byId = new Map(stories.map((s) => [s.id, s]));
  const found: FoundStory[] = [];
  for (const result of results) {
    const story = byId.get(result.id as string);
    if (!story) continue;
    const matchedTags = Object.entries(result.match)
      .filter(([, fields]) => fields.includes('tagText'))
      .map(([term]) => term);
    found.push({ id: story.id, title: story.title, score: result.score, status: story.status, seconds: story.seconds, matchedTags });
  }
  return options.limit !== undefined ? found.slice(0, options.limit) : found;
}

/** A bank story (bank/coverage.ts) as finding needs it: its tags' words and competency names, its own prose. */
export function findableStory(
  text: string,
  story: { title: string; status: StoryStatus; span: Span; heading: Span; stories: readonly { span: Span }[]; sections?: readonly { label: Span }[] },
  facts: { id: string; category?: string | null; tags: StoryTags; seconds: number },
): FindableStory {
  const own: Span = { start: story.heading.end, end: story.span.end };
  // STAR labels are in every story: they would only blur the ranking.
  const words = proseRuns(text, own, [...nestedSpans(story), ...(story.sections ?? []).map((s) => s.label)]).map((r) => text.slice(r.start, r.end));
  const tagWords = facts.tags.tags.flatMap((t) => [t.raw, ...t.competencies.map((c) => c.name)]);
  return {
    id: facts.id,
    title: story.title,
    ...(facts.category ? { category: facts.category } : {}),
    tags: [...new Set(tagWords)],
    text: words.join(' '),
    status: story.status,
    seconds: facts.seconds,
  };
}
