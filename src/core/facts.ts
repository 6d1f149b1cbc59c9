// What one section of a document says: headings, STAR labels, bold story lines, content,
// placeholders, highlights, silencing comments. Offsets are relative to the section's start so that
// a section's facts can be cached by its text and reused wherever the section moves. Only these
// facts are kept; the mdast tree is dropped as soon as they are read.
//
// This module holds the facts' shapes and the parse; the readers are in read/: the walk over the
// blocks (section-walk), headings, labels (and line-label, title-line), markers, tables, HTML
// blocks, prompts, prose, code ranges.

import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { parsePlain } from './plain-parse.js';
import { unified, type Processor } from 'unified';
import { findMisencoded, type MisencodedRun } from './encoding.js';
import { ATX_HEADING, bomLength } from './markdown-lines.js';
import { isPathological, pathologyOf } from './pathological.js';
import { simpleListTree } from './simple-list.js';
import type { LabelStyle, StarPart } from './model.js';
import { codeRanges, outsideRanges } from './read/code.js';
import { withoutFalseLabels } from './read/labels.js';
import { MEANINGFUL_RE } from './read/plain-text.js';
import { SectionWalk } from './read/section-walk.js';
import { mayHoldTable } from './read/table.js';
import type { LabelWord } from './vocabulary.js';

export { isPathological };
export { flat } from './read/plain-text.js';

export interface HeadingFact {
  kind: 'heading';
  start: number;
  end: number;
  depth: number;
  /** Heading text without leading decoration (✅, ❓, emoji). */
  text: string;
  /** A leading "A." / "1." label, and the title without it (for categories). */
  label: string | undefined;
  labelTitle: string;
  /** A leading number ("4." or "4 "), and the title without it (for stories). */
  number: number | undefined;
  numberTitle: string;
  /** ✅ (or its mis-encoded form) in the heading. */
  doneMark: { start: number; end: number } | undefined;
  /** Set when the heading itself is a STAR label (`### Situation`). */
  star: LabelWord | undefined;
}

export interface LabelFact {
  kind: 'label';
  start: number;
  end: number;
  parts: StarPart[];
  style: LabelStyle;
  vocabulary: string;
  written: string;
  /** The label as written from its line start, e.g. `- **Situation**:` — copied by fixes. */
  template: string;
  /** Text follows the label in the same paragraph. */
  inlineContent: boolean;
  /** A placeholder follows the label in the same paragraph. */
  inlinePlaceholder: boolean;
  /** Where the label's own paragraph ends (its inline text belongs to the section). */
  blockEnd: number;
}

export interface BoldLineFact {
  kind: 'bold';
  start: number;
  end: number;
  title: string;
  inList: boolean;
  /** A story by its form whatever its title: a `<details>` block's `<summary>`. */
  story?: true;
  /** An ordered-list item that asks a behavioural question: a story's title in prose notes only. */
  question?: true;
  /** A plain numbered line (`1 – Northwind Freight`): a story's title in notes written as plain text. */
  plain?: true;
}

export interface ContentFact {
  kind: 'content';
  start: number;
  end: number;
  /** Form fields or the question a template answers: text, but not a story's content. */
  prompt?: true;
  /** A paragraph that tells something in the first person: evidence of prose notes (read/prose.ts). */
  narrative?: true;
  /** The text of a label that defines its part (`Situation: describe the context`): a guide's. */
  definition?: true;
  /** A list of links only: a table of contents or an index, not a story. */
  navigation?: true;
}

export interface MarkerFact {
  kind: 'placeholder' | 'highlight';
  start: number;
  end: number;
  text: string;
}

export interface DirectiveFact {
  kind: 'directive';
  start: number;
  end: number;
  mode: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';
  rules: string[];
}

/** The file says whether it is notes: front matter `interview-notes: true|false`. */
export interface NotesSwitchFact {
  kind: 'notes';
  start: number;
  end: number;
  value: boolean;
}

export type Fact = HeadingFact | LabelFact | BoldLineFact | ContentFact | MarkerFact | DirectiveFact | NotesSwitchFact;

export interface SectionFacts {
  /** In document order. */
  facts: Fact[];
  misencoded: MisencodedRun[];
  /** Normalised labels of link reference definitions (a `[Title]` that has one is a link). */
  definitions: string[];
  /** Whether any silencing comment is among the facts (most sections have none). */
  hasDirectives: boolean;
  /** Set when the section's body was read as plain text: where (relative offsets) and why. */
  plain?: PlainText;
  length: number;
}

/** Text read plainly, not as Markdown: what the read-as-plain-text rule tells the user. */
export interface PlainText {
  start: number;
  end: number;
  /** Why, the end of a sentence: `it nests lists … too deeply for the Markdown parser`. */
  reason: string;
}

/**
 * GFM tables, and nothing else of GFM: remark-gfm's autolinks, footnotes and strikethrough would
 * change how the rest of a notes file reads.
 */
function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

// Front matter only where it is closed: micromark-extension-frontmatter reads the rest of a file that
// starts with an unclosed `---` wrongly (its lists become paragraphs).
const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
// The table extension costs on every line; a section gets it only when it has a delimiter row.
const withTables = unified().use(remarkParse).use(remarkGfmTable);
const withFrontMatterAndTables = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmTable);

/** The tree of a section's text: plain remark (shared with the story bank, plain-parse.ts) unless it needs an extension. */
function parseTree(source: string): Root {
  const frontMatter = CLOSED_FRONT_MATTER.test(source);
  if (mayHoldTable(source)) return (frontMatter ? withFrontMatterAndTables : withTables).parse(source) as Root;
  return frontMatter ? (withFrontMatter.parse(source) as Root) : parsePlain(source);
}
const CLOSED_FRONT_MATTER = /^---[ \t]*(?:\r\n?|\n)(?:[^]*?(?:\r\n?|\n))?---[ \t]*(?:\r\n?|\n|$)/;

export { DONE_MARKS } from './marks.js';

/** A section read without its body's structure: the heading line, and the rest as content. */
function plainSection(text: string, reason: string): SectionFacts {
  const bias = bomLength(text);
  const firstLineEnd = /\r\n?|\n|$/.exec(text.slice(bias))!.index + bias;
  const head = firstLineEnd < 10_000 && ATX_HEADING.test(text.slice(bias, bias + 8)) ? safeRead(text.slice(0, firstLineEnd)) : undefined;
  const facts: Fact[] = head ? head.facts.filter((f) => f.kind === 'heading') : [];
  const bodyStart = head ? firstLineEnd : bias;
  const trimmedEnd = text.replace(/\s+$/, '').length;
  if (trimmedEnd > bodyStart && MEANINGFUL_RE.test(text.slice(bodyStart, Math.min(trimmedEnd, bodyStart + 100_000)))) {
    facts.push({ kind: 'content', start: bodyStart, end: trimmedEnd });
  }
  const body = text.slice(bodyStart).search(/\S/);
  const plain = body === -1 ? undefined : { start: bodyStart + body, end: trimmedEnd, reason };
  return { facts, misencoded: findMisencoded(text), definitions: [], hasDirectives: false, ...(plain ? { plain } : {}), length: text.length };
}

function safeRead(text: string): SectionFacts | undefined {
  try {
    return parseSection(text);
  } catch {
    return undefined;
  }
}

export function readSection(text: string): SectionFacts {
  const pathology = pathologyOf(text);
  if (pathology) return plainSection(text, pathology);
  // Anything the parser cannot take (a stack overflow on input the guard did not foresee) is read
  // plainly: the analysis never throws.
  return safeRead(text) ?? plainSection(text, 'the Markdown parser could not read it');
}

function parseSection(text: string): SectionFacts {
  // micromark drops a leading byte order mark and counts offsets without it.
  const bias = bomLength(text);
  const source = bias ? text.slice(1) : text;
  // A plain bullet list (a flood of items) gets its certain tree without the parser: simple-list.ts.
  const tree = simpleListTree(source) ?? parseTree(source);
  const reader = new SectionWalk(text, bias);
  reader.block(tree);
  const facts = withoutFalseLabels(reader.facts, text);
  facts.sort((a, b) => a.start - b.start);
  const runs = findMisencoded(text);
  return {
    facts,
    misencoded: runs.length ? outsideRanges(runs, codeRanges(tree, bias)) : runs,
    definitions: reader.definitions,
    hasDirectives: facts.some((f) => f.kind === 'directive'),
    length: text.length,
  };
}
