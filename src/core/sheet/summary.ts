// What the cheat sheet says of one story: the first sentence of its Situation and of its Task, up to
// three Action points (its list items, or else its first sentences), and the first sentence of its
// Result; or, when the story has a `**Cue**:` line, that line instead. Read with remark, as the notes
// are, so code, HTML and link targets never reach the sheet.

import type { List, ListItem, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { TimedStory } from '../bank/speech.js';
import type { Span, StarPart } from '../model.js';

export interface StorySummary {
  situation?: string;
  task?: string;
  /** Up to three. */
  actions: string[];
  result?: string;
  /** The story's own `**Cue**:` line, which replaces the summary on the sheet. */
  cue?: string;
}

/** What a summary needs of a story: what speaking time needs (the model's `Story` fits). */
export type SummarisedStory = TimedStory;

export const MAX_ACTIONS = 3;

const processor = unified().use(remarkParse);

// `- **Cue**: …`, `**Cue:** …`, `Cue: …` at the start of a line of the story's own text.
const CUE_RE = /^[ \t>]*(?:[-*+][ \t]+)?(?:\*\*|__)?[ \t]*cue[ \t]*(?:(?:\*\*|__)[ \t]*[:：]|[:：][ \t]*(?:\*\*|__)?)[ \t]*(.*)$/gimu;
// Unfinished work is not something to say in an interview.
const PLACEHOLDER_RE = /\u2753|\?{3,}|\b(?:TODO|TBD|TBA|FIXME|XXX)\b/gu;
const HASHTAG_RE = /(?<![\p{L}\p{N}_&/\\#[{=])#\p{L}[\p{L}\p{N}_-]*/gu;
// A sentence ends at . ! ? (or their CJK forms) followed by a space or the end; `e.g.` and `2.5` do not end one.
const SENTENCE_END_RE = /(?<!\b(?:e\.g|i\.e|etc|vs|approx|Mr|Ms|Dr))[.!?](?=\s+\p{Lu}|\s*$)|[。！？]/u;

// A 🔸 note is a note to self, to the end of its line: not for the sheet.
const NOTE_RE = /\u{1F538}[^\n]*/gu;

const clean = (s: string): string => s.replace(NOTE_RE, ' ').replace(PLACEHOLDER_RE, ' ').replace(HASHTAG_RE, ' ').replace(/\s+/g, ' ').replace(/\s+([.,;:!?])/g, '$1').trim();

// A line of the sheet says one thing: a sentence longer than this (notes written without full stops)
// is cut at a word and ends with …, so a page still holds 8–12 stories.
export const MAX_LINE = 170;

function clip(sentence: string): string {
  if (sentence.length <= MAX_LINE) return sentence;
  const cut = sentence.slice(0, MAX_LINE);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_LINE / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—–-]+$/u, '')}…`;
}

/** The first sentence of a text (all of it when it has no sentence end), at most MAX_LINE characters. */
export function firstSentence(text: string): string | undefined {
  const t = clean(text);
  if (!/[\p{L}\p{N}]/u.test(t)) return undefined;
  const end = SENTENCE_END_RE.exec(t);
  return clip(end ? t.slice(0, end.index + end[0].length).trim() : t);
}

/** The first `n` sentences of a text. */
function sentences(text: string, n: number): string[] {
  const found: string[] = [];
  let rest = clean(text);
  while (found.length < n && rest) {
    const end = SENTENCE_END_RE.exec(rest);
    const whole = end ? rest.slice(0, end.index + end[0].length).trim() : rest;
    const one = firstSentence(whole);
    if (!one) break;
    found.push(one);
    rest = rest.slice(whole.length).trim();
  }
  return found;
}

/** The text of a slice of the document with `cuts` blanked (same length, so nothing shifts). */
function sliceWithout(text: string, span: Span, cuts: readonly Span[]): string {
  let slice = text.slice(span.start, span.end);
  for (const cut of cuts) {
    const start = Math.max(cut.start, span.start) - span.start;
    const end = Math.min(cut.end, span.end) - span.start;
    if (start < end) slice = slice.slice(0, start) + ' '.repeat(end - start) + slice.slice(end);
  }
  return slice;
}

/** The paragraphs' text and the first list's items of a part. */
function readPart(source: string): { prose: string; items: string[] } {
  let tree: Root;
  try {
    tree = processor.parse(source);
  } catch {
    return { prose: '', items: [] };
  }
  const prose: string[] = [];
  const items: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'code' || node.type === 'html') return;
    if (node.type === 'list') {
      for (const item of (node as List).children as ListItem[]) {
        const first = item.children.find((c) => c.type === 'paragraph');
        const said = first ? firstSentence(toString(first)) : undefined;
        if (said !== undefined) items.push(said);
      }
      return;
    }
    if (node.type === 'paragraph' || node.type === 'heading') {
      prose.push(toString(node));
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return { prose: prose.join(' '), items };
}

/** Where `**Cue**:` lines are in the story's own text, and the first one's words. */
function cueOf(text: string, story: SummarisedStory, reach: number): { lines: Span[]; cue?: string } {
  const own = text.slice(story.heading.end, reach);
  const lines: Span[] = [];
  let cue: string | undefined;
  for (const m of own.matchAll(CUE_RE)) {
    const start = story.heading.end + m.index;
    if (story.stories.some((s) => s.span.start <= start && start < s.span.end)) continue;
    lines.push({ start, end: start + m[0].length });
    const words = clean(m[1]!.replace(/\*\*|__/g, ''));
    if (cue === undefined && words) cue = words;
  }
  return cue === undefined ? { lines } : { lines, cue };
}

/** The sheet's summary of a story. `cuts` are spans left out (its tag label line). */
export function summariseStory(text: string, story: SummarisedStory, cuts: readonly Span[] = [], reach = story.span.end): StorySummary {
  const { lines, cue } = cueOf(text, story, reach);
  const skip = [...cuts, ...lines, ...story.stories.map((s) => s.span)];
  const part = (name: StarPart) => {
    const sections = story.sections.filter((s) => s.part === name);
    const read = sections.map((s) => readPart(sliceWithout(text, { start: s.label.end, end: s.span.end }, skip)));
    return { prose: read.map((r) => r.prose).join(' '), items: read.flatMap((r) => r.items) };
  };
  const first = (name: StarPart) => {
    const { prose, items } = part(name);
    return firstSentence(prose) ?? (items[0] !== undefined ? firstSentence(items[0]) : undefined);
  };
  const action = part('action');
  const actions = (action.items.length > 0 ? action.items : sentences(action.prose, MAX_ACTIONS)).slice(0, MAX_ACTIONS);
  const situation = first('situation');
  const task = first('task');
  const result = first('result');
  return {
    ...(situation !== undefined ? { situation } : {}),
    ...(task !== undefined ? { task } : {}),
    actions,
    ...(result !== undefined ? { result } : {}),
    ...(cue !== undefined ? { cue } : {}),
  };
}
