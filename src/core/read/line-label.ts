// A STAR label at the start of a line, read off the source text: marker × name × separator.
//   markers     none, **…**, __…__, *…*, _…_, <b>…</b>, <strong>…</strong>
//   names       the part's word in any vocabulary, its letter, letter with word (vocabulary.ts)
//   separators  `:` or `：` inside or outside the marker, ` - `, ` – `, ` — `, or the end of the line
// Used for the lines of a paragraph after its first (`**Situation**: …⏎**Task**: …` is one paragraph),
// where the mdast has no node boundary to read from.

import { DECORATION_RE } from '../marks.js';
import { readLabelWords, type LabelWord } from '../vocabulary.js';

export interface LineLabel {
  /** Length of the label in the line, separator included. */
  length: number;
  read: LabelWord;
  marked: boolean;
  /** A bare letter (`S:`): a label only where the paragraph uses letters as a sequence. */
  letter: boolean;
}

const MARKED = /^(?:\*\*([^*\n]{1,80}?)\*\*|__([^_\n]{1,80}?)__|\*([^*\n]{1,80}?)\*|_([^_\n]{1,80}?)_|<(?:b|strong)>([^<\n]{1,80}?)<\/(?:b|strong)>)/i;
const COLON_AT_END = /[ \t]*[:：][ \t]*$/;
const SEPARATOR_AFTER = /^(?:[ \t]*[:：]|[ \t]+[-–—](?=[ \t]))/;
const PLAIN = /^([\p{L}][\p{L} /&()（）]{0,40}?)(?:[ \t]*[:：]|[ \t]+[-–—](?=[ \t]))/u;
const GLUED_LETTER = /^([STAR])-(?=\p{L})/u;

/** The label that starts `line` (from its first non-blank character), if any. */
export function readLineLabel(line: string): LineLabel | undefined {
  const marked = MARKED.exec(line);
  if (marked) {
    const inner = (marked[1] ?? marked[2] ?? marked[3] ?? marked[4] ?? marked[5]!).replace(DECORATION_RE, '').trim();
    const rest = line.slice(marked[0].length);
    let length = marked[0].length;
    let words: string | undefined;
    if (COLON_AT_END.test(inner)) words = inner.replace(COLON_AT_END, '');
    else {
      const sep = SEPARATOR_AFTER.exec(rest);
      if (sep) [words, length] = [inner, length + sep[0].length];
      else if (/^[ \t]*$/.test(rest)) words = inner;
    }
    const read = words === undefined ? undefined : readLabelWords(words, true);
    return read && { length, read, marked: true, letter: isLetter(read) };
  }
  const plain = PLAIN.exec(line) ?? GLUED_LETTER.exec(line);
  if (!plain) return undefined;
  const read = readLabelWords(plain[1]!, true);
  return read && { length: plain[0].length, read, marked: false, letter: isLetter(read) };
}

function isLetter(read: LabelWord): boolean {
  return read.vocabulary === 'letters';
}
