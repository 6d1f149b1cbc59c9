// The walk over one section's mdast: each block handed to the reader of its kind (headings, labels,
// tables, HTML blocks, markers), the facts collected in document order.

import type { Nodes, PhrasingContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { BoldLineFact, DirectiveFact, LabelFact } from '../facts.js';
import { DECORATION_RE, hasPlaceholder, isBlank, PLACEHOLDER_RE } from '../marks.js';
import { hasSummary, htmlLabels, htmlText, summaries } from './html-block.js';
import { readHeading } from './heading.js';
import { inlineLabels, leadingLabel, lineLabels, mergeLabels, recut } from './labels.js';
import { readMarkers } from './markers.js';
import { flat, hasMeaning, MEANINGFUL_RE, trimmedLength } from './plain-text.js';
import { isLinkList, isPrompt } from './prompts.js';
import { isBehaviouralTitle, isNarrative } from './prose.js';
import { SectionText } from './section-text.js';
import { readTable, type TablePart } from './table.js';
import { readTitleLine } from './title-line.js';

const DIRECTIVE_RE =
  /^<!--\s*interview-notes-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)\s*-->$/;
/** `interview-notes: true` in the front matter: the user says the file is (or is not) notes. */
const NOTES_KEY = /^interview-notes[ \t]*:[ \t]*(true|false)[ \t]*$/im;

export class SectionWalk extends SectionText {
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
        readHeading(this, node);
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
    readMarkers(this, first, this.start(first));
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
    for (const row of node.children) for (const cell of row.children) readMarkers(this, cell, this.start(cell));
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

  private paragraph(node: Nodes & { type: 'paragraph' }, firstInItem: boolean): void {
    const start = this.start(node);
    const end = this.end(node);
    const children = node.children;
    const leading = leadingLabel(this, children, firstInItem);
    const inline = leading ? [] : inlineLabels(this, node);
    const labels = mergeLabels(inline, lineLabels(this, node, leading, firstInItem), end, (label, until) => recut(this, label, until));
    let contentFrom = start;
    let contentTo = end;
    if (labels.length) {
      this.facts.push(...labels);
      if (leading || inline.length) contentFrom = end;
      else {
        // Text before the first label: a bold story line (`**Story: Billing**⏎**S:** …`), a plain
        // title line (`1 – Northwind⏎Role: lead⏎Context`) or content.
        contentTo = labels[0]!.start;
        const bold = this.boldLine(firstLine(children), firstInItem) ?? this.titleLine(start, end, firstInItem);
        if (bold) {
          this.facts.push(bold);
          contentFrom = contentTo;
        }
      }
    } else {
      const bold = this.boldLine(children, firstInItem) ?? this.titleLine(start, end, firstInItem);
      if (bold) {
        this.facts.push(bold);
        contentFrom = end;
      } else if (isPrompt(this.text.slice(start, end))) {
        this.facts.push({ kind: 'content', start, end, prompt: true });
        contentFrom = end;
      }
    }
    readMarkers(this, node, start);
    if (contentFrom < contentTo && hasMeaning(this.text.slice(contentFrom, contentTo))) {
      const narrative = contentTo - contentFrom >= 60 && isNarrative(this.text.slice(contentFrom, Math.min(contentTo, contentFrom + 2000)));
      this.facts.push(narrative ? { kind: 'content', start: contentFrom, end: contentTo, narrative } : { kind: 'content', start: contentFrom, end: contentTo });
    }
  }

  /** A paragraph whose first line is a plain numbered title (read/title-line.ts), outside lists. */
  private titleLine(start: number, end: number, inItem: boolean): BoldLineFact | undefined {
    if (inItem) return undefined;
    const source = this.text.slice(start, end);
    const lineEnd = source.search(/\r|\n|$/);
    const read = readTitleLine(source.slice(0, lineEnd));
    if (!read) return undefined;
    return { kind: 'bold', start, end: start + lineEnd, title: flat(`${read.number} – ${read.title}`), inList: false, story: true, plain: true };
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
