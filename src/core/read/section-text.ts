// The text of the section being read, and the mdast offsets converted to offsets in it: the one
// place where a node's position becomes a fact's offset.

import type { Nodes } from 'mdast';
import type { Fact } from '../facts.js';

/** A bare STAR letter and a colon opening a line, a list item or a quote, with text after it. */
const LEADING_LETTER = /^[ \t>]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?([STAR])[ \t]*[:：][ \t]*\S/gmu;

export class SectionText {
  readonly facts: Fact[] = [];
  readonly definitions: string[] = [];

  /** The section's length without its final line breaks. */
  private readonly contentEnd: number;

  /** `bias`: 1 when the text starts with a byte order mark, which micromark does not count. */
  constructor(
    readonly text: string,
    readonly bias: number,
  ) {
    this.contentEnd = text.replace(/[\r\n]+$/, '').length;
  }

  private lettersInSequence: boolean | undefined;

  /**
   * Whether the section starts paragraphs or items with two different bare letters (`S: …`, then
   * `T: …`): only then is a paragraph's leading `A:` a label and not, say, an answer or an address.
   */
  usesLetterSequence(): boolean {
    if (this.lettersInSequence === undefined) {
      const letters = new Set<string>();
      for (const m of this.text.matchAll(LEADING_LETTER)) letters.add(m[1]!);
      this.lettersInSequence = letters.size >= 2;
    }
    return this.lettersInSequence;
  }

  start(node: Nodes): number {
    return (node.position?.start.offset ?? 0) + this.bias;
  }

  end(node: Nodes): number {
    // At the end of its input micromark lets an unclosed fence in a list item take the final line
    // break; in the whole document that break belongs to no block. Never past the section's text.
    return Math.min((node.position?.end.offset ?? 0) + this.bias, this.contentEnd);
  }
}
