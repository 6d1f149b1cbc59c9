// What one section of a document says, read off its mdast: headings, STAR labels, bold story lines,
// content, placeholders, highlights, silencing comments. Offsets are relative to the section's start
// so that a section's facts can be cached by its text and reused wherever the section moves.
// Only these facts are kept; the mdast tree is dropped as soon as they are read.

import type { Nodes, Paragraph, Parent, PhrasingContent, Root, Table } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { findMisencoded, type MisencodedRun } from './encoding.js';
import { DECORATION_RE, DONE_MARKS, hasPlaceholder, HIGHLIGHT_RE, isBlank, LEADING_DECORATION_RE, PLACEHOLDER_RE, TRAILING_DONE_RE, withoutPlaceholders } from './marks.js';
import { isPathological, pathologyOf } from './pathological.js';
import { simpleListTree } from './simple-list.js';

export { isPathological };
import type { LabelStyle, StarPart } from './model.js';
import { codeRanges, insideRanges, outsideRanges, type Range } from './read/code.js';
import { hasSummary, htmlLabels, htmlText, summaries } from './read/html-block.js';
import { readLineLabel, type LineLabel } from './read/line-label.js';
import { isBehaviouralTitle, isNarrative } from './read/prose.js';
import { mayHoldTable, readTable, type TablePart } from './read/table.js';
import { readLabelWords, type LabelWord } from './vocabulary.js';

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

const processor = unified().use(remarkParse);
// Front matter only where it is closed: micromark-extension-frontmatter reads the rest of a file that
// starts with an unclosed `---` wrongly (its lists become paragraphs).
const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
// The table extension costs on every line; a section gets it only when it has a delimiter row.
const withTables = unified().use(remarkParse).use(remarkGfmTable);
const withFrontMatterAndTables = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmTable);

function processorFor(source: string) {
  const frontMatter = CLOSED_FRONT_MATTER.test(source);
  if (mayHoldTable(source)) return frontMatter ? withFrontMatterAndTables : withTables;
  return frontMatter ? withFrontMatter : processor;
}
const CLOSED_FRONT_MATTER = /^---[ \t]*(?:\r\n?|\n)(?:[^]*?(?:\r\n?|\n))?---[ \t]*(?:\r\n?|\n|$)/;

export { DONE_MARKS } from './marks.js';

const DIRECTIVE_RE =
  /^<!--\s*interview-notes-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)\s*-->$/;
const MEANINGFUL_RE = /[\p{L}\p{N}]/u;
/** `interview-notes: true` in the front matter: the user says the file is (or is not) notes. */
const NOTES_KEY = /^interview-notes[ \t]*:[ \t]*(true|false)[ \t]*$/im;

/** A section read without its body's structure: the heading line, and the rest as content. */
function plainSection(text: string, reason: string): SectionFacts {
  const bias = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstLineEnd = /\r\n?|\n|$/.exec(text.slice(bias))!.index + bias;
  const head = firstLineEnd < 10_000 && /^#{1,6}(?:[ \t]|$)/.test(text.slice(bias, bias + 8)) ? safeRead(text.slice(0, firstLineEnd)) : undefined;
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
  const bias = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = bias ? text.slice(1) : text;
  // A plain bullet list (a flood of items) gets its certain tree without the parser: simple-list.ts.
  const tree = simpleListTree(source) ?? (processorFor(source).parse(source) as Root);
  const reader = new Reader(text, bias);
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

class Reader {
  readonly facts: Fact[] = [];
  readonly definitions: string[] = [];

  /** The section's length without its final line breaks. */
  private readonly contentEnd: number;

  constructor(
    private readonly text: string,
    private readonly bias: number,
  ) {
    this.contentEnd = text.replace(/[\r\n]+$/, '').length;
  }

  private start(node: Nodes): number {
    return (node.position?.start.offset ?? 0) + this.bias;
  }

  private end(node: Nodes): number {
    // At the end of its input micromark lets an unclosed fence in a list item take the final line
    // break; in the whole document that break belongs to no block. Never past the section's text.
    return Math.min((node.position?.end.offset ?? 0) + this.bias, this.contentEnd);
  }


  block(node: Nodes, inList = false): void {
    switch (node.type) {
      case 'list':
        if (isLinkList(node)) {
          this.facts.push({ kind: 'content', start: this.start(node), end: this.end(node), prompt: true, navigation: true });
          return;
        }
        if (this.end(node) - this.start(node) >= 100) this.narrativeList(node);
        for (const child of node.children) {
          if (node.ordered && !inList && this.questionItem(child)) child.children.slice(1).forEach((c) => this.block(c, true));
          else this.block(child, true);
        }
        return;
      case 'root':
      case 'blockquote':
        for (const child of node.children) this.block(child, inList);
        return;
      case 'listItem':
        node.children.forEach((child, i) => {
          if (i === 0 && child.type === 'paragraph') this.paragraph(child, true);
          else this.block(child, true);
        });
        return;
      case 'heading':
        this.heading(node);
        return;
      case 'paragraph':
        this.paragraph(node, false);
        return;
      case 'code':
        this.facts.push({ kind: 'content', start: this.start(node), end: this.end(node) });
        return;
      case 'html':
        this.html(node);
        return;
      case 'table':
        this.table(node);
        return;
      case 'definition':
        this.definitions.push(node.identifier);
        return;
      case 'yaml': {
        const said = NOTES_KEY.exec(node.value);
        if (said) this.facts.push({ kind: 'notes', start: this.start(node), end: this.end(node), value: said[1]!.toLowerCase() === 'true' });
        return;
      }
      default:
        // thematicBreak: neither content nor structure.
        void inList;
        return;
    }
  }

  /** A list that tells something in the first person (notes as bullets): evidence of prose notes. */
  private narrativeList(node: Nodes & { type: 'list' }): void {
    const start = this.start(node);
    const end = this.end(node);
    if (isNarrative(this.text.slice(start, Math.min(end, start + 2000)))) this.facts.push({ kind: 'content', start, end: start, prompt: true, narrative: true });
  }

  /**
   * `1. Time you failed something?` as an item of a top-level ordered list: a question a story
   * answers, read as a title line (structure.ts uses it only in notes written as prose).
   */
  private questionItem(item: Nodes & { type: 'listItem' }): boolean {
    const first = item.children[0];
    if (first?.type !== 'paragraph') return false;
    const text = toString(first).trim();
    if (text.length > 200 || /[\r\n]/.test(text) || !isBehaviouralTitle(text)) return false;
    this.facts.push({ kind: 'bold', start: this.start(first), end: this.end(first), title: flat(text), inList: false, question: true });
    this.markers(first, this.start(first));
    return true;
  }

  private html(node: Nodes & { value: string }): void {
    const value = node.value.trim();
    const directive = DIRECTIVE_RE.exec(value);
    if (directive) {
      this.facts.push({
        kind: 'directive',
        start: this.start(node),
        end: this.end(node),
        mode: directive[1] as DirectiveFact['mode'],
        rules: directive[2]!.trim().split(/[\s,]+/).filter(Boolean),
      });
      return;
    }
    if (/^<!--[\s\S]*-->$/.test(value)) return;
    const start = this.start(node);
    const source = this.text.slice(start, this.end(node));
    if (hasSummary(source)) {
      this.detailsStory(source, start);
      return;
    }
    // `[^<>]`, not `[^>]`: with no `>` ahead, each `<` of a `<?<?…` block would scan to its end.
    if (MEANINGFUL_RE.test(value.replace(/<[^<>]*>/g, ''))) {
      this.facts.push({ kind: 'content', start: this.start(node), end: this.end(node) });
    }
  }

  /** `<details><summary>Title</summary> … <b>Situation:</b> … </details>`: a story in HTML. */
  private detailsStory(source: string, offset: number): void {
    let from = 0;
    for (const summary of summaries(source)) {
      const bold: BoldLineFact = { kind: 'bold', start: offset + summary.start, end: offset + summary.end, title: flat(summary.title), inList: false, story: true };
      this.facts.push(bold);
      from = summary.end;
    }
    const labels = htmlLabels(source, from);
    const firstLabel = labels[0]?.start ?? source.length;
    if (MEANINGFUL_RE.test(htmlText(source.slice(from, firstLabel)))) this.facts.push({ kind: 'content', start: offset + from, end: offset + firstLabel });
    for (const l of labels) {
      const content = source.slice(l.end, l.contentEnd);
      const lineStart = source.lastIndexOf('\n', l.start) + 1;
      this.facts.push({
        kind: 'label',
        start: offset + l.start,
        end: offset + l.end,
        parts: l.read.parts,
        style: 'bold',
        vocabulary: l.read.vocabulary,
        written: flat(l.read.written),
        template: flat(source.slice(lineStart, l.end)),
        inlineContent: hasMeaning(htmlText(content)),
        inlinePlaceholder: hasPlaceholder(content),
        blockEnd: offset + l.end + trimmedLength(content),
      });
    }
    for (const m of source.matchAll(PLACEHOLDER_RE)) {
      if (m[1] !== undefined && !isBlank(m[1])) continue;
      this.facts.push({ kind: 'placeholder', start: offset + m.index, end: offset + m.index + m[0].length, text: flat(m[0]) });
    }
  }

  /**
   * A table of stories (a row each: the title cell a story's title line, the part cells its labels), a
   * table of one story's parts (a row each), or content. No fix writes into a table: its labels have
   * the `table` style.
   */
  private table(node: Table): void {
    const at = (n: Nodes, end: boolean) => (end ? this.end(n) : this.start(n));
    const read = readTable(node, at);
    for (const row of node.children) for (const cell of row.children) this.markers(cell, this.start(cell));
    if (read?.kind === 'stories') {
      for (const story of read.stories) {
        this.facts.push({ kind: 'bold', start: story.heading.start, end: story.heading.end, title: flat(story.title), inList: false, story: true });
        for (const part of story.parts) this.facts.push(this.tableLabel(part));
      }
      return;
    }
    if (read?.kind === 'parts') {
      for (const part of read.parts) this.facts.push(this.tableLabel(part));
      return;
    }
    const start = this.start(node);
    const end = this.end(node);
    if (hasMeaning(this.text.slice(start, end))) this.facts.push({ kind: 'content', start, end });
  }

  private tableLabel(part: TablePart): LabelFact {
    const content = this.text.slice(part.content.start, part.content.end).replace(/<[^>]*>/g, ' ');
    // A row-per-story table's part cell is both the label and its text.
    const ownCell = part.label.start === part.content.start;
    const contentEnd = part.content.start + trimmedLength(this.text.slice(part.content.start, part.content.end));
    return {
      kind: 'label',
      start: part.label.start,
      end: ownCell ? contentEnd : part.label.end,
      parts: part.read.parts,
      style: 'table',
      vocabulary: part.read.vocabulary,
      written: flat(part.written),
      template: flat(part.written),
      inlineContent: hasMeaning(content),
      inlinePlaceholder: hasPlaceholder(content),
      blockEnd: Math.max(contentEnd, part.label.end),
    };
  }

  private heading(node: Nodes & { type: 'heading' }): void {
    const start = this.start(node);
    const end = this.end(node);
    const raw = headingText(node);
    const decoration = DECORATION_RE.exec(raw)?.[0].length ?? 0;
    const text = flat(raw.slice(decoration).replace(TRAILING_DONE_RE, '').trim());
    const label = /^((?:[A-Z]|\d{1,3})[.)])\s+(.*)$/su.exec(text);
    const numbered = /^(\d{1,4})(?:[.)]\s*|\s+)(.*)$/su.exec(text);
    const source = this.text.slice(start, end);
    let doneMark: HeadingFact['doneMark'];
    for (const mark of DONE_MARKS) {
      const at = source.indexOf(mark);
      if (at !== -1) {
        doneMark = { start: start + at, end: start + at + mark.length };
        break;
      }
    }
    const starText = text.replace(/[*_:]+/g, ' ').replace(/\s+/g, ' ').trim();
    this.facts.push({
      kind: 'heading',
      start,
      end,
      depth: node.depth,
      text,
      label: label ? label[1]!.slice(0, -1) : undefined,
      labelTitle: label ? flat(label[2]!.trim()) : text,
      number: numbered ? Number(numbered[1]) : undefined,
      numberTitle: numbered && numbered[2]!.trim() ? flat(numbered[2]!.trim()) : text,
      doneMark,
      star: starText.split(' ').length <= 8 ? readLabelWords(starText, true) : undefined,
    });
    // A ❓ before the title is decoration (`## ❓ Frage 1:`); anywhere else it marks a blank.
    this.markers(node, start + leadingDecoration(source));
  }

  private paragraph(node: Nodes & { type: 'paragraph' }, firstInItem: boolean): void {
    const start = this.start(node);
    const end = this.end(node);
    const children = node.children;
    const leading = this.leadingLabel(children, firstInItem);
    const inline = leading ? [] : this.inlineLabels(node);
    const labels = mergeLabels(inline, this.lineLabels(node, leading, firstInItem), end, (label, until) => this.recut(label, until));
    let contentFrom = start;
    let contentTo = end;
    if (labels.length) {
      this.facts.push(...labels);
      if (leading || inline.length) contentFrom = end;
      else {
        // Text before the first label: a bold story line (`**Story: Billing**⏎**S:** …`) or content.
        contentTo = labels[0]!.start;
        const bold = this.boldLine(firstLine(children), firstInItem);
        if (bold) {
          this.facts.push(bold);
          contentFrom = contentTo;
        }
      }
    } else {
      const bold = this.boldLine(children, firstInItem);
      if (bold) {
        this.facts.push(bold);
        contentFrom = end;
      } else if (isPrompt(this.text.slice(start, end))) {
        this.facts.push({ kind: 'content', start, end, prompt: true });
        contentFrom = end;
      }
    }
    this.markers(node, start);
    if (contentFrom < contentTo && hasMeaning(this.text.slice(contentFrom, contentTo))) {
      const narrative = contentTo - contentFrom >= 60 && isNarrative(this.text.slice(contentFrom, Math.min(contentTo, contentFrom + 2000)));
      this.facts.push(narrative ? { kind: 'content', start: contentFrom, end: contentTo, narrative } : { kind: 'content', start: contentFrom, end: contentTo });
    }
  }

  /**
   * The labels at the start of the paragraph's lines: the first as the mdast reads it (`leading`),
   * the others from the source (`**Situation**: …⏎**Task**: …` is one paragraph). Each label's content
   * runs to the next label. Bare letters (`S:`) count only as a sequence of two parts or more.
   */
  private lineLabels(node: Paragraph, leading: LabelFact | undefined, inItem: boolean): LabelFact[] {
    const start = this.start(node);
    const end = this.end(node);
    const source = this.text.slice(start, end);
    const found: { at: number; line: LineLabel }[] = [];
    const lineStarts = leading ? [] : [0];
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
    }
    if (lineStarts.length === 0) return leading ? [leading] : [];
    let code: Range[] | undefined;
    for (const lineStart of lineStarts) {
      const at = lineStart + /^[ \t>]*/.exec(source.slice(lineStart, lineStart + 200))![0].length;
      const lineEnd = source.slice(at).search(/\r|\n|$/) + at;
      const line = readLineLabel(source.slice(at, lineEnd));
      if (!line) continue;
      code ??= source.includes('`') || source.includes('<') ? codeRanges({ type: 'root', children: [node] }, this.bias) : [];
      if (insideRanges(start + at, code)) continue;
      found.push({ at, line });
    }
    const letters = new Set(found.filter((f) => f.line.letter && !f.line.marked).flatMap((f) => f.line.read.parts));
    const kept = found.filter((f) => !(f.line.letter && !f.line.marked) || letters.size >= 2);
    if (kept.length === 0) return leading ? [leading] : [];
    const labels: LabelFact[] = [];
    const starts = kept.map((f) => start + f.at);
    if (leading) labels.push(this.recut(leading, starts[0]!));
    kept.forEach((f, i) => {
      const labelStart = starts[i]!;
      const style: LabelStyle = f.line.marked ? (inItem ? 'list-bold' : 'bold') : 'plain';
      labels.push(this.labelFact(f.line.read, labelStart, labelStart + f.line.length, starts[i + 1] ?? end, style));
    });
    return labels;
  }

  /** `**Situation**: …`, `**S (Situation):** …`, `**📋 S** : …`, `**Context**⏎`, `Situation: …`, a bare `Resultados` line. */
  private leadingLabel(children: PhrasingContent[], inItem: boolean): LabelFact | undefined {
    const first = children[0];
    if (!first) return undefined;
    const paragraphEnd = this.end(children[children.length - 1]!);
    if (first.type === 'strong') {
      const inner = toString(first).replace(DECORATION_RE, '').trim();
      const next = children[1];
      const nextText = next?.type === 'text' ? next.value : '';
      let words: string | undefined;
      let labelEnd = this.end(first);
      if (/[:：]\s*$/.test(inner)) words = inner.replace(/\s*[:：]\s*$/, '');
      else if (/^[ \t]*[:：]/.test(nextText)) {
        words = inner;
        labelEnd += nextText.search(/[:：]/) + 1;
      } else if (!next || next.type === 'break' || /^[ \t]*(?:\r\n?|\n)/.test(nextText)) words = inner;
      if (words === undefined) return undefined;
      const read = readLabelWords(words, true);
      if (!read) return undefined;
      return this.labelFact(read, this.start(first), labelEnd, paragraphEnd, inItem ? 'list-bold' : 'bold');
    }
    if (first.type === 'text') {
      const value = first.value;
      const colon = /^([\p{L}][\p{L} /&()（）]{0,40}?)[ \t]*[:：]/u.exec(value);
      const dash = /^([\p{Lu}][\p{Lu} /&]{1,40}?)[ \t]+[-–](?:[ \t]|$)/u.exec(value);
      const bare = /^([\p{L}][\p{L} /&]{0,40}?)[ \t]*(?:\r\n?|\n|$)/u.exec(value);
      for (const m of [colon, dash, bare]) {
        if (!m) continue;
        const read = readLabelWords(m[1]!, false);
        if (!read) continue;
        const labelStart = this.start(first);
        const labelEnd = labelStart + (m === bare ? m[1]!.length : m[0].length);
        return this.labelFact(read, labelStart, labelEnd, paragraphEnd, 'plain');
      }
    }
    return undefined;
  }

  /** The label with its content cut at `until` (where the next label starts). */
  private recut(label: LabelFact, until: number): LabelFact {
    const after = this.text.slice(label.end, until);
    return { ...label, inlineContent: hasMeaning(after), inlinePlaceholder: hasPlaceholder(after), blockEnd: label.end + trimmedLength(after) };
  }

  private labelFact(read: Pick<LabelWord, 'parts' | 'vocabulary' | 'written'>, start: number, end: number, paragraphEnd: number, style: LabelStyle): LabelFact {
    const after = this.text.slice(end, paragraphEnd);
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    const crStart = this.text.lastIndexOf('\r', start - 1) + 1;
    return {
      kind: 'label',
      start,
      end,
      parts: read.parts,
      style,
      vocabulary: read.vocabulary,
      written: flat(read.written),
      template: flat(this.text.slice(Math.max(lineStart, crStart), end)),
      inlineContent: hasMeaning(after),
      inlinePlaceholder: hasPlaceholder(after),
      blockEnd: end + trimmedLength(after),
    };
  }

  /** `(S) … (T) … (A) … (R) …` inside one paragraph; `(ST)` names two parts at once. */
  private inlineLabels(node: Nodes & { type: 'paragraph' }): LabelFact[] {
    const start = this.start(node);
    const source = this.text.slice(start, this.end(node));
    const re = /(^|[\s.!?:;])\((S|T|A|R|L|ST|S\/T|TA|AR)\)(?=\s|\p{L})/gu;
    const found: { at: number; end: number; letters: string }[] = [];
    const code = source.includes('`') || source.includes('<') ? codeRanges({ type: 'root', children: [node] }, this.bias) : [];
    for (let m = re.exec(source); m; m = re.exec(source)) {
      const at = m.index + m[1]!.length;
      if (insideRanges(start + at, code)) continue;
      found.push({ at, end: at + m[2]!.length + 2, letters: m[2]!.replace('/', '') });
    }
    if (found.length === 0 || (found.length === 1 && found[0]!.at !== 0)) return [];
    const labels: LabelFact[] = [];
    found.forEach((f, i) => {
      const contentEnd = i + 1 < found.length ? found[i + 1]!.at : source.length;
      const after = source.slice(f.end, contentEnd);
      const parts = [...f.letters].map((l) => ({ S: 'situation', T: 'task', A: 'action', R: 'result', L: 'learning' })[l] as StarPart);
      labels.push({
        kind: 'label',
        start: start + f.at,
        end: start + f.end,
        parts,
        style: 'inline',
        vocabulary: 'letters',
        written: f.letters,
        template: `(${f.letters})`,
        inlineContent: hasMeaning(after),
        inlinePlaceholder: hasPlaceholder(after),
        blockEnd: start + f.end + trimmedLength(after),
      });
    });
    return labels;
  }

  /** A paragraph that is only bold text: `**Story: The Bachelor Thesis**`, `- **story-1**`. */
  private boldLine(children: PhrasingContent[], inItem: boolean): BoldLineFact | undefined {
    const strong = children[0];
    if (strong?.type !== 'strong') return undefined;
    for (const rest of children.slice(1)) {
      if (rest.type !== 'text' || /[^\s:]/.test(rest.value)) return undefined;
    }
    const title = toString(strong).replace(DECORATION_RE, '').replace(/\s*:\s*$/, '').trim();
    if (!title) return undefined;
    return { kind: 'bold', start: this.start(strong), end: this.end(strong), title: flat(title), inList: inItem };
  }

  /** Placeholders and highlights in the source of the node's text (never in code or HTML). */
  private markers(node: Parent, from: number): void {
    for (const child of node.children as Nodes[]) {
      if (child.type === 'text') {
        const start = Math.max(this.start(child), from);
        const end = this.end(child);
        if (start < end) this.scanMarkers(this.text.slice(start, end), start);
      } else if (child.type === 'strong' || child.type === 'emphasis') {
        this.markers(child, from);
      }
    }
  }

  private scanMarkers(source: string, offset: number): void {
    for (const m of source.matchAll(PLACEHOLDER_RE)) {
      if (m[1] !== undefined && !isBlank(m[1])) continue;
      this.facts.push({ kind: 'placeholder', start: offset + m.index, end: offset + m.index + m[0].length, text: flat(m[0]) });
    }
    for (const m of source.matchAll(HIGHLIGHT_RE)) {
      this.facts.push({ kind: 'highlight', start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
    }
  }
}

const DEFINITION_START =
  /^(?:(?:describe|explain|outline|summari[sz]e|share|tell|give|talk about|state|mention|provide|detail|include|set the scene)\b[^.!?\n]{0,40}?\b(?:the|your|you|what|how|why|which|who|when|where)\b|(?:what|how|why|which|who|when|where)\b[^.!\n]{0,120}\?|you (?:should|must|need|can)\b|this is where\b|here you\b)/iu;
const QUESTION_MARKER = /^[ \t>*+-]*(?:\*\*|__)?Q(?:\*\*|__)?[ \t]*[:：]/mu;

/**
 * Labels that are not a story's parts: a STAR definition (`(S) Situation. Describe the situation…`,
 * `**Task**: What goal were you working toward?`) and the `A` of a Q/A pair (Answer, not Action).
 * Their text stays content.
 */
function withoutFalseLabels(facts: Fact[], text: string): Fact[] {
  facts.sort((a, b) => a.start - b.start);
  const out: Fact[] = [];
  let previousLabelEnd = 0;
  for (const f of facts) {
    if (f.kind !== 'label') {
      out.push(f);
      continue;
    }
    const answer = f.vocabulary === 'letters' && f.written === 'A' && followsQuestion(text, previousLabelEnd, f.start);
    previousLabelEnd = f.end;
    if (!answer && !isDefinition(f, text)) out.push(f);
    else if (answer) {
      if (f.inlineContent) out.push({ kind: 'content', start: f.end, end: f.blockEnd });
    } else out.push({ kind: 'content', start: f.end, end: f.blockEnd, definition: true, ...(f.inlineContent ? {} : { prompt: true as const }) });
  }
  return out;
}

/**
 * Whether a `Q` marker (`**Q**:`, `Q:`) comes before `at` with no label and no heading between: the
 * `A` that answers it. Decided from the text since the previous label only, so a section reads the
 * same alone or in the whole document.
 */
function followsQuestion(text: string, from: number, at: number): boolean {
  const between = text.slice(Math.max(from, at - 2000), at);
  const lastHeading = between.search(/(?:^|[\r\n])#{1,6}[ \t][^]*$/);
  return QUESTION_MARKER.test(lastHeading === -1 ? between : between.slice(lastHeading + 1));
}

/** Whether a label's text defines its part instead of telling it: it names the part again, or instructs. */
function isDefinition(label: LabelFact, text: string): boolean {
  const after = text.slice(label.end, Math.min(label.blockEnd, label.end + 200)).replace(/^[\s.:：\-–—*_()\p{Extended_Pictographic}\uFE0F]+/u, '');
  if (DEFINITION_START.test(after)) return true;
  const again = readLabelWords(after.split(/[\s.:：,(]/u, 1)[0]!, false);
  return again !== undefined && again.parts.some((p) => label.parts.includes(p));
}

/**
 * Labels read two ways in one paragraph (`(S) … (T) …` markers and labels at line starts), in text
 * order, each label's content cut at the next one. One label at one place is read once.
 */
function mergeLabels(a: LabelFact[], b: LabelFact[], end: number, recut: (label: LabelFact, until: number) => LabelFact): LabelFact[] {
  if (a.length === 0 || b.length === 0) return a.length ? a : b;
  const all = [...a, ...b.filter((l) => !a.some((x) => x.start < l.end && l.start < x.end))].sort((x, y) => x.start - y.start);
  return all.map((l, i) => recut(l, all[i + 1]?.start ?? end));
}

const EMPTY_FIELD_LINE = /^[ \t>]*(?:\*\*|__)?[^*_:：\r\n]{1,60}[:：][ \t]*(?:\*\*|__)?[^\p{L}\r\n]*$/u;
const METADATA_LINE = /^[ \t>]*(?:\*\*|__)[^*_:：\r\n]{1,40}(?:[:：](?:\*\*|__)|(?:\*\*|__)[ \t]*[:：])[^\r\n]{0,120}$/u;
const QUESTION_LINE = /^[ \t>]*[*_]+(?:["“][^\r\n]{4,}["”]|\([^\r\n]{2,}\)|[^\r\n]{4,}\?)[*_]+[ \t]*$/;

/**
 * A paragraph that only asks or files: form fields (`**Maps to:**`, `**Practice count:** 0/3`,
 * `**Categories:** Ownership, Conflict`), an editorial note (`*(add as you go)*`) and the question a story answers, in
 * italics (`*"Tell me about a time you led…?"*`). A template's prompt, not the story's content.
 */
function isPrompt(source: string): boolean {
  return source.split(/\r\n?|\n/).every((line) => EMPTY_FIELD_LINE.test(line) || METADATA_LINE.test(line) || QUESTION_LINE.test(line));
}

/**
 * A list whose every item starts with a link and says little else (nested lists the same): a table of
 * contents or an index (`[Question 1](#q1) | What is DevOps`).
 */
function isLinkList(list: Nodes & { type: 'list' }): boolean {
  return list.children.every(
    (item) =>
      item.children.length > 0 &&
      item.children.every((child) => (child.type === 'list' ? isLinkList(child) : child.type === 'paragraph' && startsWithLink(child))),
  );
}

function startsWithLink(paragraph: Paragraph): boolean {
  const first = paragraph.children[0];
  if (first?.type !== 'link' && first?.type !== 'linkReference') return false;
  return toString(paragraph).split(/\s+/).length <= 20;
}

/** The inline nodes of a paragraph's first line (a text node cut at its first line break). */
function firstLine(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const child of children) {
    if (child.type === 'break') break;
    if (child.type === 'text' && /[\r\n]/.test(child.value)) {
      out.push({ ...child, value: child.value.slice(0, child.value.search(/[\r\n]/)) });
      break;
    }
    out.push(child);
  }
  return out;
}

/**
 * A heading's text, with a reference link kept in its brackets: `[ref]` reads the same whether its
 * definition is in this section (a linkReference) or another one (plain text).
 */
function headingText(node: Nodes): string {
  if (node.type === 'linkReference' || node.type === 'imageReference') return `[${toString(node)}]`;
  if ('children' in node) return (node.children as Nodes[]).map(headingText).join('');
  return toString(node);
}

function leadingDecoration(source: string): number {
  const hashes = /^ {0,3}#{1,6}[ \t]*/.exec(source)?.[0].length ?? 0;
  const rest = source.slice(hashes);
  const deco = LEADING_DECORATION_RE.exec(rest)?.[0].length ?? 0;
  return hashes + deco;
}

const HTML_COMMENT_RE = /<!--[^]*?(?:-->|$)/g;

/**
 * Whether `s` says something: a letter or digit once placeholders and HTML comments are gone
 * (`- **Result**: <!-- fill in later -->` and `- **Result**: …` are empty).
 */
function hasMeaning(s: string): boolean {
  return MEANINGFUL_RE.test(withoutPlaceholders(s.includes('<!--') ? s.replace(HTML_COMMENT_RE, ' ') : s));
}

/** Length of `s` without its trailing white space. */
function trimmedLength(s: string): number {
  return s.trimEnd().length;
}

/**
 * A copy of `s` that does not point into the document text. V8 keeps substrings as views of their
 * parent; facts outlive the text they were read from (they are reused after edits), and a view would
 * keep every old version of a large document alive.
 */
export function flat(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
