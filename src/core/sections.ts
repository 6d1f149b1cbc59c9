// Splits a document into top-level sections at ATX heading lines, with a cheap line scan.
//
// Why a hand-written scan instead of the parser: the point is to avoid parsing the whole document
// on every keystroke (remark-parse runs at well under 1 MB/s). The scan only has to be *sound*:
// it may split only where a whole-document parse would also start a new top-level block, so that
// parsing each section alone gives the same blocks. It may miss split points (a section then
// just holds more than one heading). A line that starts at column 0 with 1–6 `#` and a space, tab
// or end of line is an ATX heading that closes every open container (list, block quote, indented
// code, paragraph) — unless something before it hides it:
//   - a fenced code block (``` or ~~~) that is still open,
//   - YAML front matter at the top of the file,
//   - an HTML block: <pre>/<script>/<style>/<textarea>, <!-- -->, <? ?>, <!X >, <![CDATA[ ]]> run to
//     their end marker; other HTML blocks (<details>, <div>, …) run to the next blank line.
// Openers are recognised generously (a fence inside a list item counts as open), which can only
// suppress splits, never add a wrong one.

export interface SectionBoundary {
  /** Offset of the first character of the section (0, or the start of a heading line). */
  start: number;
}

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HTML_OPEN = /^ {0,3}</;
const HTML_KINDS: ReadonlyArray<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const BLANK = /^[ \t]*$/;
const HASH = 35;
const SPACE = 32;
const BACKTICK = 96;
const TILDE = 126;
const LT = 60;

/** The scanner's state between lines; `null` means a heading line would start a section. */
type Hidden =
  | { kind: 'fence'; char: string; length: number }
  | { kind: 'front-matter' }
  | { kind: 'html-until'; end: RegExp }
  | { kind: 'html-until-blank' }
  | null;

/**
 * Section start offsets for `text[from, to)`, where `from` is a section start (state is clear there).
 * The first entry is always `from`. When `stopAt` is given, the scan stops at the first split at or
 * after it that `stopAt` accepts (used to resynchronise with the previous split after an edit);
 * the returned `resumedAt` is that offset.
 */
export function scanSections(
  text: string,
  from = 0,
  stopAt?: (offset: number) => boolean,
): { starts: number[]; resumedAt: number | undefined } {
  const starts = [from];
  let hidden: Hidden = null;
  let pos = from;
  const n = text.length;
  const bom = from === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (from === 0 && /^---[ \t]*(?:\r\n?|\n)/.test(text.slice(bom, bom + 8))) {
    hidden = { kind: 'front-matter' };
    pos = skipLine(text, bom);
  }
  // Only lines starting with one of these can open, close or split; the rest are skipped unread.
  // A regular expression finds each line's end: it stops at the first \r or \n, so a scan costs
  // what it covers (an indexOf('\r') would read to the end of the text when there is none).
  const lineBreak = /[\r\n]/g;
  while (pos < n) {
    lineBreak.lastIndex = pos;
    const lineEnd = lineBreak.exec(text)?.index ?? n;
    const first = text.charCodeAt(pos);
    if (hidden === null) {
      if (first === HASH || first === SPACE || first === BACKTICK || first === TILDE || first === LT) {
        const line = text.slice(pos, lineEnd);
        if (first === HASH && pos !== from && ATX_HEADING.test(line)) {
          if (stopAt && stopAt(pos)) return { starts, resumedAt: pos };
          starts.push(pos);
        } else {
          hidden = opens(line);
        }
      }
    } else if (closes(hidden, text.slice(pos, lineEnd))) {
      hidden = null;
    }
    pos = skipBreak(text, lineEnd);
  }
  return { starts, resumedAt: undefined };
}

function opens(line: string): Hidden {
  const fence = FENCE_OPEN.exec(line);
  if (fence) {
    const marker = fence[1]!;
    // A backtick fence's info string may not contain a backtick (then it is inline code).
    if (marker[0] === '`' && fence[2]!.includes('`')) return null;
    return { kind: 'fence', char: marker[0]!, length: marker.length };
  }
  if (HTML_OPEN.test(line)) {
    for (const [open, end] of HTML_KINDS) {
      if (open.test(line)) return end.test(line) ? null : { kind: 'html-until', end };
    }
    return { kind: 'html-until-blank' };
  }
  return null;
}

function closes(hidden: NonNullable<Hidden>, line: string): boolean {
  switch (hidden.kind) {
    case 'fence': {
      const m = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
      return !!m && m[1]![0] === hidden.char && m[1]!.length >= hidden.length;
    }
    case 'front-matter':
      return /^---[ \t]*$/.test(line);
    case 'html-until':
      return hidden.end.test(line);
    case 'html-until-blank':
      return BLANK.test(line);
  }
}

function endOfLine(text: string, pos: number): number {
  const n = text.length;
  let i = pos;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

function skipBreak(text: string, lineEnd: number): number {
  if (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10) return lineEnd + 2;
  return lineEnd < text.length ? lineEnd + 1 : lineEnd;
}

function skipLine(text: string, pos: number): number {
  return skipBreak(text, endOfLine(text, pos));
}
