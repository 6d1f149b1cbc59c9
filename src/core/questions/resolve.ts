// Question links resolved to stories, across every notes file the caller passes: `→ A.2` by category
// label and number, `[[title]]` by title, a Markdown link by file and heading slug (GitHub's, via
// github-slugger, so links that work on GitHub work here). A story is named by its stable id, a
// plain string the caller gives. A question that no story answers gets an `unmapped-question` finding.

import { slug } from 'github-slugger';
import type { Category, Finding } from '../model.js';
import type { Question, StoryLink } from './parse.js';

/** What linking needs of a story. */
export interface LinkableStory {
  id: string;
  /** The file, named as the questions' `file` is (paths with `/`). */
  file?: string;
  title: string;
  /** The heading's text as written (`2 Disagreed with my manager`), whose slug a Markdown link names. */
  heading?: string;
  /** The heading's anchor when the caller knows it (GitHub adds `-1`, `-2` to repeated headings). */
  anchor?: string;
  /** The category's label (`A`). */
  category?: string;
  number?: number;
}

export interface ResolvedQuestion extends Question {
  /** Ids of the stories its links name, in link order, each once. */
  stories: string[];
  /** Links that name no story. */
  broken: StoryLink[];
}

const titleKey = (title: string) => title.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/** `a/b/../c.md` → `a/c.md`; a path relative to the folder of `from`. */
export function joinPath(from: string | undefined, relative: string): string {
  const base = relative.startsWith('/') || from === undefined ? [] : from.split('/').slice(0, -1);
  const parts: string[] = [];
  for (const part of [...base, ...relative.split('/')]) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

const normalisedFile = (file: string | undefined) => (file === undefined ? undefined : joinPath(undefined, file.replace(/\\/g, '/')));

/** How many leading folders two paths share (the file's own name left out). */
function sharedFolders(a: string, b: string): number {
  const fa = a.split('/').slice(0, -1);
  const fb = b.split('/').slice(0, -1);
  let n = 0;
  while (n < fa.length && n < fb.length && fa[n] === fb[n]) n++;
  return n;
}

/**
 * Same file first: a link in a questions file beside the notes prefers the notes' own story; then the
 * nearest file (the most folders shared with the question's), so `→ A.2` in `prep/questions.md`
 * names `prep/notes.md`'s story before `old/notes.md`'s; then the first.
 */
function preferSameFile(matches: readonly LinkableStory[], file: string | undefined): LinkableStory | undefined {
  const own = normalisedFile(file);
  const same = matches.find((s) => normalisedFile(s.file) === own);
  if (same || own === undefined) return same ?? matches[0];
  let best: LinkableStory | undefined;
  let bestShared = -1;
  for (const s of matches) {
    const shared = sharedFolders(own, normalisedFile(s.file) ?? '');
    if (shared > bestShared) [best, bestShared] = [s, shared];
  }
  return best;
}

function anchorsOf(story: LinkableStory): string[] {
  if (story.anchor !== undefined) return [story.anchor];
  const written = [story.heading, story.number !== undefined ? `${story.number} ${story.title}` : undefined, story.title].filter((h): h is string => h !== undefined);
  return written.map((h) => slug(h));
}

function resolveOne(link: StoryLink, question: Question, stories: readonly LinkableStory[]): LinkableStory | undefined {
  switch (link.kind) {
    case 'number':
      return preferSameFile(stories.filter((s) => s.category?.toUpperCase() === link.category && s.number === link.number), question.file);
    case 'title': {
      const key = titleKey(link.title);
      return preferSameFile(stories.filter((s) => titleKey(s.title) === key || (s.heading !== undefined && titleKey(s.heading) === key)), question.file);
    }
    case 'heading': {
      const target = link.path === '' ? normalisedFile(question.file) : joinPath(question.file === undefined ? undefined : normalisedFile(question.file), link.path);
      const slugKey = link.slug.toLowerCase();
      const inFile = (s: LinkableStory) => {
        const own = normalisedFile(s.file);
        // Exact path, or (a caller without a shared root) the same path's tail.
        return target === undefined || own === undefined || own === target || own.endsWith('/' + target) || target.endsWith('/' + own);
      };
      return stories.find((s) => inFile(s) && anchorsOf(s).some((a) => a.toLowerCase() === slugKey));
    }
  }
}

/**
 * The stories of one notes file as linking needs them. `idOf` names a story (default its model id,
 * which is unique within the file: give one that says the file when several files are linked).
 */
export function linkableStories(text: string, categories: readonly Category[], file?: string, idOf: (storyId: string) => string = (id) => id): LinkableStory[] {
  return categories.flatMap((c) =>
    c.stories.map((s) => ({
      id: idOf(s.id),
      ...(file !== undefined ? { file } : {}),
      title: s.title,
      // The heading's text as written, for the slug a Markdown link to it names.
      heading: text.slice(s.heading.start, s.heading.end).replace(/^\s*#{1,6}[ \t]+/, '').replace(/[ \t]+#+[ \t]*$/, '').trim(),
      ...(c.label ? { category: c.label.toUpperCase() } : {}),
      ...(s.number !== undefined ? { number: s.number } : {}),
    })),
  );
}

/** Each question with the ids of the stories its links name, and the links that name none. */
export function resolveLinks(questions: readonly Question[], stories: readonly LinkableStory[]): ResolvedQuestion[] {
  return questions.map((question) => {
    const ids: string[] = [];
    const broken: StoryLink[] = [];
    for (const link of question.links) {
      const story = resolveOne(link, question, stories);
      if (!story) broken.push(link);
      else if (!ids.includes(story.id)) ids.push(story.id);
    }
    return { ...question, stories: ids, broken };
  });
}

export const UNMAPPED_QUESTION = 'unmapped-question';

/** An `unmapped-question` finding (information) for each question no story answers. */
export function unmappedQuestions(questions: readonly ResolvedQuestion[]): Finding[] {
  return questions
    .filter((q) => q.stories.length === 0)
    .map((q) => ({
      rule: UNMAPPED_QUESTION,
      severity: 'information' as const,
      message:
        q.broken.length > 0
          ? `No story answers “${q.text}”: its link names no story (${q.broken.length === 1 ? 'one link' : `${q.broken.length} links`}).`
          : `No story answers “${q.text}” yet: link one with → A.2, [[story title]] or a link to its heading.`,
      span: { start: q.span.start, end: q.span.end },
      fix: undefined,
    }));
}
