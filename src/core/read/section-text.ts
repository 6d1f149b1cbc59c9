// The text of the section being read, and the mdast offsets converted to offsets in it: the one
// place where a node's position becomes a fact's offset.

import type { Nodes } from 'mdast';
import type { Fact } from '../facts.js';
import { ATX_HEADING_LINES } from '../markdown-lines.js';

/** A bare STAR letter and a colon opening a line, a list item or a quote, with text after it. */
const LEADING_LETTER = /^[ \t>]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?([STAR])[ \t]*[:：][ \t]*\S/gmu;

export class SectionText {
  readonly facts: Fact[] = [];
  readonly definitions: string[] = [];

  /** The section's length without its final line break. */
  private readonly contentEnd: number;

  /** `bias`: 1 when the text starts with a byte order mark, which micromark does not count. */
  constructor(
    readonly text: string,
    readonly bias: number,
  ) {
    this.contentEnd = text.length - finalBreakLength(text);
  }

  /** Start offsets of the heading lines, and whether each region after one uses a letter sequence. */
  private regions: { starts: number[]; sequence: Map<number, boolean> } | undefined;

  /**
   * Whether the text between the headings around `at` opens paragraphs or items with two different
   * bare letters (`S: …`, then `T: …`): only then is a paragraph's leading `A:` a label and not, say,
   * an answer or an address. Bounded by headings, not by the section, so that the whole document
   * read as one section decides the same.
   */
  usesLetterSequence(at: number): boolean {
    this.regions ??= { starts: [0, ...[...this.text.matchAll(ATX_HEADING_LINES)].map((m) => m.index)], sequence: new Map() };
    const { starts, sequence } = this.regions;
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > at) i--;
    const from = starts[i]!;
    let used = sequence.get(from);
    if (used === undefined) {
      const letters = new Set<string>();
      for (const m of this.text.slice(from, starts[i + 1] ?? this.text.length).matchAll(LEADING_LETTER)) letters.add(m[1]!);
      used = letters.size >= 2;
      sequence.set(from, used);
    }
    return used;
  }

  start(node: Nodes): number {
    return (node.position?.start.offset ?? 0) + this.bias;
  }

  end(node: Nodes): number {
    // At the end of its input micromark lets an unclosed fence (or HTML block) in a list item take
    // the final line break; in the whole document, where a heading follows, the block ends just
    // before that break, and it does hold the blank lines before it (they are lines of the code).
    // So only the one final break is cut, not every trailing one. Never past the section's text.
    return Math.min((node.position?.end.offset ?? 0) + this.bias, this.contentEnd);
  }
}

/** The length of the line break that ends `text` (\r\n, \n or \r), 0 when none does. */
function finalBreakLength(text: string): number {
  const n = text.length;
  if (text.charCodeAt(n - 1) === 10) return text.charCodeAt(n - 2) === 13 ? 2 : 1;
  return text.charCodeAt(n - 1) === 13 ? 1 : 0;
}
