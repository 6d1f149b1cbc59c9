// What a model adds up to: story counts, complete and unfinished stories, per-category counts and
// finding counts. The command line, the Stories view (its items and badge) and the status bar all
// show this one summary, so they count alike; a view shows a filtered summary (`viewOf`).

import { bankStories, coverage, coverageCount, DEFAULT_MIN_STORIES, type BankStory, type CoverageRow, type StoryBankCache } from './bank/coverage.js';
import { GENERIC, type Framework } from './bank/frameworks.js';
import type { StoryBankOptions } from './bank/rules/context.js';
import { byText } from './incremental/text-origin.js';
import type { Category, NotesModel, Severity, Story } from './model.js';

/** How the stories under no category heading are titled wherever they are shown. */
export const NO_CATEGORY_TITLE = 'Stories without a category';

export interface StoryCounts {
  /** Stories (sub-stories count as part of their story). */
  stories: number;
  complete: number;
  unfinished: number;
}

export interface CategorySummary extends StoryCounts {
  category: Category;
  /** The title as shown: `A. Handling Disagreements`, or NO_CATEGORY_TITLE. */
  title: string;
  /** The stories shown (all of them, or those a view keeps), sub-stories filtered alike. */
  shown: readonly Story[];
}

export interface NotesSummary extends StoryCounts {
  isNotes: boolean;
  categories: readonly CategorySummary[];
  /** Unfinished stories in document order (for "go to next unfinished"). */
  unfinishedStories: readonly Story[];
  findings: Record<Severity, number> & { total: number };
}

export const isUnfinished = (story: Story): boolean => story.status !== 'complete';

/** The title of a category as shown in a view or a report. */
export function categoryTitle(category: Category): string {
  if (category.title === null) return NO_CATEGORY_TITLE;
  return category.label ? `${category.label}. ${category.title}` : category.title;
}

/**
 * A category's counts, kept by its text's token: a category an edit only moved has its original's
 * counts, so summing a large file after a keystroke reads the stories of the rebuilt category alone
 * (a moved category makes its stories when they are first read, see shiftCategory).
 */
const COUNTS = new WeakMap<object, { stories: number; complete: number }>();

function countsOf(category: Category): { stories: number; complete: number } {
  return byText(COUNTS, category, () => {
    let complete = 0;
    for (const s of category.stories) if (!isUnfinished(s)) complete++;
    return { stories: category.stories.length, complete };
  });
}

export function summarize(model: NotesModel): NotesSummary {
  const findings = { error: 0, warning: 0, information: 0, hint: 0, total: model.findings.length };
  for (const f of model.findings) findings[f.severity]++;
  const categories = model.categories.map((category): CategorySummary => {
    const { stories, complete } = countsOf(category);
    return {
      category,
      title: categoryTitle(category),
      stories,
      complete,
      unfinished: stories - complete,
      // Read when shown: a folded or hidden view reads no story.
      get shown() {
        return category.stories;
      },
    };
  });
  let unfinished: Story[] | undefined;
  return {
    isNotes: model.isNotes,
    ...addCounts(categories),
    categories,
    get unfinishedStories() {
      return (unfinished ??= model.categories.flatMap((c) => c.stories.filter(isUnfinished)));
    },
    findings,
  };
}

/** The counts of several summaries (files, categories) together. */
export function addCounts(parts: readonly StoryCounts[]): StoryCounts {
  let stories = 0;
  let complete = 0;
  for (const p of parts) {
    stories += p.stories;
    complete += p.complete;
  }
  return { stories, complete, unfinished: stories - complete };
}

/** Which stories a view shows. */
export type StoryFilter = 'all' | 'unfinished';
const KEEPS: Record<StoryFilter, (s: Story) => boolean> = { all: () => true, unfinished: isUnfinished };

/**
 * The summary as a view with `filter` shows it: the categories' shown stories (and their sub-stories)
 * are those the filter keeps, and categories with none left are dropped unless every story is
 * shown. The counts stay those of the whole file.
 */
export function viewOf(summary: NotesSummary, filter: StoryFilter): NotesSummary {
  if (filter === 'all') return summary;
  const keep = KEEPS[filter];
  const only = (stories: readonly Story[]): Story[] => stories.filter(keep).map((s) => (s.stories.length ? { ...s, stories: only(s.stories) } : s));
  const categories = summary.categories.map((c) => ({ ...c, shown: only(c.category.stories) })).filter((c) => c.shown.length > 0);
  return { ...summary, categories };
}

// The story bank's figures over open notes: coverage of the chosen framework (its first, or the
// generic set), the total speaking time, and the first gap. The Competencies view, its status bar
// item and the coverage table commands all show this one summary.

/** One notes file as the story bank reads it. */
export interface BankFile {
  /** How the file is named in the result (a URI, a path). */
  file: string;
  text: string;
  model: NotesModel;
  /** The frameworks, speaking rate and gap limit the file is analysed with. */
  bank?: StoryBankOptions;
  /** The file's reads from the last summary (the editor keeps one per file): only changed stories are parsed. */
  cache?: StoryBankCache;
}

export interface CoverageSummary {
  framework: Framework;
  rows: readonly CoverageRow[];
  covered: number;
  total: number;
  /** Every story and sub-story, with its file. */
  stories: readonly BankStory[];
  /** Seconds to tell every story once (sub-stories are their parents' text: counted once). */
  seconds: number;
  /** The first competency with too few complete stories, if any. */
  firstGap: CoverageRow | undefined;
}

/** Coverage and time over `files`; the first file's options choose the framework and the gap limit. */
export function coverageSummary(files: readonly BankFile[], framework?: Framework): CoverageSummary {
  const options = files[0]?.bank ?? {};
  const chosen = framework ?? options.frameworks?.[0] ?? GENERIC;
  const stories = files.flatMap((f) => (f.model.isNotes ? bankStories(f.text, f.model, { ...f.bank, file: f.file, ...(f.cache ? { cache: f.cache } : {}) }) : []));
  const rows = coverage(stories, chosen, options.minStories ?? DEFAULT_MIN_STORIES);
  const { covered, total } = coverageCount(rows);
  // A story's own time leaves its sub-stories out: adding every story's counts each word once.
  const seconds = stories.reduce((sum, s) => sum + s.time.seconds, 0);
  return { framework: chosen, rows, covered, total, stories, seconds, firstGap: rows.find((r) => r.gap) };
}

/** `LP` for Amazon's principles, else the framework's name: the status bar's short name. */
export const frameworkShortName = (framework: Framework): string => (framework.id === 'amazon' ? 'LP' : framework.name);
