// A questions file: any Markdown file with front matter `interview-notes: questions`, or the part of
// one under a `## Questions` heading. Questions are list items or headings; a heading with a list
// under it is a group (`## Conflict`), and a group that names a competency tags its questions.
// A question may carry `#tags` and links to the stories that answer it:
//   - `→ A.2` (also `->`): category label and story number, as the Stories view numbers them;
//   - `[[Disagreed with my manager]]`: a wiki link by story title (`[[title|shown text]]` too);
//   - `[shown](notes.md#2-disagreed-with-my-manager)`: a Markdown link to the story's heading.
// Parsed with remark, as the notes are, so code, link targets and HTML never yield a tag or a link.

import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { categoryCompetencies, frontMatterOf } from '../bank/tags.js';
import { DEFAULT_FRAMEWORKS, normaliseTag, resolveTag, type CompetencyRef, type Framework } from '../bank/frameworks.js';
import { ATX_HEADING_TITLES, SETEXT_HEADING_TITLES } from '../markdown-lines.js';
import type { Span } from '../model.js';

export type StoryLink =
  | { kind: 'number'; category: string; number: number; span: Span }
  | { kind: 'title'; title: string; span: Span }
  /** `path` as written before the `#` (empty for the question's own file), `slug` after it, decoded. */
  | { kind: 'heading'; path: string; slug: string; span: Span };

export interface QuestionTag {
  raw: string;
  key: string;
  competencies: CompetencyRef[];
  source: 'hashtag' | 'group';
  span?: Span;
}

export interface Question {
  /** The file, as the caller names it (absent for a single document). */
  file?: string;
  /** The question as it reads, without its tags and links. */
  text: string;
  /** The list item's first paragraph, or the heading: where hover and findings point. */
  span: Span;
  /** The heading of the group it is in, if any. */
  group?: string;
  tags: QuestionTag[];
  links: StoryLink[];
}

export interface QuestionsDocument {
  /** True when the file has the front matter or a Questions section. */
  isQuestions: boolean;
  questions: Question[];
}

export interface QuestionOptions {
  file?: string;
  frameworks?: readonly Framework[];
}

const plain = unified().use(remarkParse);
const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

const MARKER_RE = /^\s*interview-notes\s*:\s*["']?questions["']?\s*(?:#.*)?$/m;
// The section title, in the languages the reader reads (stripped of emoji and a leading label).
const SECTION_TITLES = new Set(['questions', 'interview questions', 'practice questions', 'fragen', 'interviewfragen', 'preguntas', 'questões', 'perguntas', 'domande', 'vragen', '问题', '面试问题', '質問', '질문', 'вопросы']);
const ARROW_RE = /(?:→|->)((?:[ \t]*(?:[,;&]|and)?[ \t]*[A-Za-z0-9]{1,3}\.\d{1,3}\b)+)/gu;
const REF_RE = /([A-Za-z0-9]{1,3})\.(\d{1,3})\b/g;
const WIKI_RE = /\[\[([^[\]|#\n]*)(?:#([^[\]|\n]*))?(?:\|[^[\]\n]*)?\]\]/g;
// As in bank/tags.ts: a `#` after a space or the start, then a letter (`#1` is a number).
const HASHTAG_RE = /(?<![\p{L}\p{N}_&/\\#[{=])#(\p{L}[\p{L}\p{N}_-]*)/gu;
const SCHEME_RE = /^[a-z][a-z0-9+.-]*:/i;

const titleKey = (title: string) => title.replace(/^[\p{Extended_Pictographic}\uFE0F\s]*(?:[A-Za-z]|\d{1,3})[.):]\s+/u, '').replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '').trim().toLowerCase();

const spanOf = (node: Nodes): Span | undefined => {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
};

/** The story a Markdown link points to, if it points to a heading of a Markdown file (or of this one). */
function headingLink(url: string): { path: string; slug: string } | undefined {
  const hash = url.indexOf('#');
  if (hash < 0 || SCHEME_RE.test(url)) return undefined;
  const path = url.slice(0, hash);
  if (path !== '' && !/\.(?:md|markdown)$/i.test(path)) return undefined;
  let slug = url.slice(hash + 1);
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // a stray `%` stays as written
  }
  return slug ? { path: decodeURI(path), slug } : undefined;
}

interface Collected {
  tags: QuestionTag[];
  links: StoryLink[];
  /** Spans of the source that are markup, left out of the question's text. */
  cuts: Span[];
}

/** Tags and links in a node's text (its nested lists too), with the spans to cut from its text. */
function collect(source: string, node: Nodes, frameworks: readonly Framework[], into: Collected): void {
  if (node.type === 'code' || node.type === 'html' || node.type === 'inlineCode' || node.type === 'image' || node.type === 'definition') return;
  if (node.type === 'link') {
    const target = headingLink(node.url);
    const at = spanOf(node);
    if (target && at) {
      into.links.push({ kind: 'heading', ...target, span: at });
      into.cuts.push(at);
      return;
    }
  }
  if (node.type === 'text') {
    const at = spanOf(node);
    if (!at) return;
    const raw = source.slice(at.start, at.end);
    for (const m of raw.matchAll(ARROW_RE)) {
      const start = at.start + m.index;
      into.cuts.push({ start, end: start + m[0].length });
      const refsAt = start + m[0].length - m[1]!.length;
      for (const r of m[1]!.matchAll(REF_RE)) {
        into.links.push({ kind: 'number', category: r[1]!.toUpperCase(), number: Number(r[2]), span: { start: refsAt + r.index, end: refsAt + r.index + r[0].length } });
      }
    }
    for (const m of raw.matchAll(WIKI_RE)) {
      const start = at.start + m.index;
      const span = { start, end: start + m[0].length };
      into.cuts.push(span);
      // `[[notes#Story title]]` names the story by the part after `#`.
      const title = (m[2] ?? m[1]!).trim();
      if (title) into.links.push({ kind: 'title', title, span });
    }
    for (const m of raw.matchAll(HASHTAG_RE)) {
      const start = at.start + m.index;
      const tagRaw = m[1]!.replace(/[-_]+$/, '');
      const span = { start, end: start + 1 + tagRaw.length };
      into.cuts.push(span);
      into.tags.push({ raw: tagRaw, key: normaliseTag(tagRaw), competencies: resolveTag(tagRaw, frameworks), source: 'hashtag', span });
    }
    return;
  }
  if ('children' in node) for (const child of node.children as Nodes[]) collect(source, child, frameworks, into);
}

/** The source of a span with the cuts removed, as one line of plain text (emphasis marks and escapes dropped). */
function textWithout(source: string, span: Span, cuts: readonly Span[]): string {
  let out = '';
  let at = span.start;
  for (const cut of [...cuts].filter((c) => c.start >= span.start && c.end <= span.end).sort((a, b) => a.start - b.start)) {
    if (cut.start > at) out += source.slice(at, cut.start);
    at = Math.max(at, cut.end);
  }
  out += source.slice(at, span.end);
  return out
    .replace(/^#{1,6}[ \t]+/, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\*\*|__|`|(?<![\p{L}\p{N}])[*_]|[*_](?![\p{L}\p{N}])/gu, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:—–-]+$/u, '')
    .replace(/\(\s*\)/g, '')
    .trim();
}

function questionOf(source: string, block: Paragraph | Heading, within: readonly Nodes[], group: { text: string; tags: QuestionTag[] } | undefined, options: QuestionOptions): Question | undefined {
  const frameworks = options.frameworks ?? DEFAULT_FRAMEWORKS;
  const span = spanOf(block);
  if (!span) return undefined;
  const found: Collected = { tags: [], links: [], cuts: [] };
  for (const node of within) collect(source, node, frameworks, found);
  // A question written as the link itself (`- [Tell me about a conflict](notes.md#…)`) reads as its link text.
  const linkText = found.links.some((l) => l.kind === 'heading') ? toString(block).replace(/\s+/g, ' ').trim() : '';
  const text = textWithout(source, span, found.cuts) || linkText;
  // Only links, no words: a list of links, not a question.
  if (!text) return undefined;
  const tags = [...found.tags];
  for (const tag of group?.tags ?? []) if (!tags.some((t) => t.key === tag.key)) tags.push(tag);
  return {
    ...(options.file !== undefined ? { file: options.file } : {}),
    text,
    span,
    ...(group ? { group: group.text } : {}),
    tags,
    links: found.links,
  };
}

const isSectionTitle = (heading: Heading) => SECTION_TITLES.has(titleKey(toString(heading)));

/** The blocks that hold questions: the whole body with the marker, else each `## Questions` section. */
function questionBlocks(tree: Root, marked: boolean): RootContent[][] {
  const blocks = tree.children.filter((b) => b.type !== 'yaml');
  if (marked) return [blocks];
  const sections: RootContent[][] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type !== 'heading' || !isSectionTitle(block)) continue;
    let end = i + 1;
    while (end < blocks.length && !(blocks[end]!.type === 'heading' && (blocks[end] as Heading).depth <= block.depth)) end++;
    sections.push(blocks.slice(i + 1, end));
    i = end - 1;
  }
  return sections;
}

const groupTags = (title: string, heading: Heading, frameworks: readonly Framework[]): QuestionTag[] => {
  const at = spanOf(heading);
  return categoryCompetencies(title, frameworks).map((c) => ({ raw: c.raw, key: normaliseTag(c.raw), competencies: c.competencies, source: 'group' as const, ...(at ? { span: at } : {}) }));
};


/**
 * Whether a file may hold questions, by a scan of its lines (no parse): the front matter marker, or a
 * heading titled like a Questions section. parseQuestions finds none in a file where this is false;
 * callers that watch every file as it is typed check this first.
 */
export function mayHoldQuestions(text: string): boolean {
  const frontMatter = frontMatterOf(text);
  if (frontMatter && MARKER_RE.test(text.slice(frontMatter.span.start, frontMatter.span.end))) return true;
  for (const re of [ATX_HEADING_TITLES, SETEXT_HEADING_TITLES]) {
    for (const m of text.matchAll(re)) if (SECTION_TITLES.has(titleKey(m[1]!.replace(/[*_`]/g, '')))) return true;
  }
  return false;
}

/** The questions of a Markdown file. Never throws; a file with neither marker nor section has none. */
export function parseQuestions(text: string, options: QuestionOptions = {}): QuestionsDocument {
  const frameworks = options.frameworks ?? DEFAULT_FRAMEWORKS;
  const frontMatter = frontMatterOf(text);
  const marked = frontMatter !== undefined && MARKER_RE.test(text.slice(frontMatter.span.start, frontMatter.span.end));
  let tree: Root;
  try {
    tree = (frontMatter ? withFrontMatter : plain).parse(text);
  } catch {
    return { isQuestions: false, questions: [] }; // remark does not throw on Markdown; this keeps our promise if it ever did
  }
  const sections = questionBlocks(tree, marked);
  const questions: Question[] = [];
  for (const blocks of sections) {
    let group: { text: string; tags: QuestionTag[]; depth: number } | undefined;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (block.type === 'heading') {
        // A heading with a list under it, or with deeper headings under it, is a group (or the file's
        // title); a heading with neither, or one ending in `?`, is a question.
        const next = blocks.slice(i + 1).findIndex((b) => b.type === 'heading');
        const body = next < 0 ? blocks.slice(i + 1) : blocks.slice(i + 1, i + 1 + next);
        const nextHeading = next < 0 ? undefined : (blocks[i + 1 + next] as Heading);
        const title = toString(block).trim();
        const holdsQuestions = body.some((b) => b.type === 'list') || (nextHeading !== undefined && nextHeading.depth > block.depth);
        const isGroup = holdsQuestions && !title.endsWith('?');
        if (isGroup) {
          group = { text: title, tags: groupTags(title, block, frameworks), depth: block.depth };
          continue;
        }
        if (group && block.depth <= group.depth) group = undefined;
        // Its links and tags may be in the lines under it.
        const q = questionOf(text, block, [block, ...body], group, options);
        if (q) questions.push(q);
        continue;
      }
      if (block.type !== 'list') continue;
      for (const item of (block as List).children as ListItem[]) {
        const first = item.children.find((c): c is Paragraph => c.type === 'paragraph');
        if (!first) continue;
        const q = questionOf(text, first, [item], group, options);
        if (q) questions.push(q);
      }
    }
  }
  return { isQuestions: marked || sections.length > 0, questions };
}
