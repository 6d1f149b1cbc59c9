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

import { isBlankLine } from './text.js';

export interface SectionBoundary {
  /** Offset of the first character of the section (0, or the start of a heading line). */
  start: number;
}

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HTML_KINDS: ReadonlyArray<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const HASH = 35;
const SPACE = 32;
const LT = 60;

/** The scanner's state between lines; `null` means a heading line would start a section. */
type Hidden =
  | { kind: 'fence'; char: string; length: number }
  | { kind: 'front-matter' }
  | { kind: 'html-until'; end: RegExp }
  | { kind: 'html-until-blank' }
  | null;

// CommonMark's HTML block starts: 6, a block-level tag (may interrupt a paragraph); 7, any other
// complete tag alone on its line (may not).
const HTML_BLOCK_TAG =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i;
const HTML_LONE_TAG =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;
const LIST_MARKER = /^([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * Section start offsets for `text[from, to)`, where `from` is a section start (state is clear there).
 * The first entry is always `from`. When `stopAt` is given, the scan stops at the first split at or
 * after it that `stopAt` accepts (used to resynchronise with the previous split after an edit);
 * the returned `resumedAt` is that offset.
 *
 * Fences and HTML blocks hide headings only at the top level: inside a list item they end with the
 * item, and a line at column 0 ends every list item. So the scan keeps the content columns of the
 * open list items, and ignores fence and HTML openers indented into one. Where it cannot tell (a
 * lone inline tag after a line that may be a paragraph), it stops splitting for the rest of the text.
 */
export function scanSections(
  text: string,
  from = 0,
  stopAt?: (offset: number) => boolean,
): { starts: number[]; resumedAt: number | undefined } {
  const starts = [from];
  let hidden: Hidden = null;
  const n = text.length;
  const bom = from === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let pos = from + bom;
  const firstLine = pos;
  if (from === 0 && /^---[ \t]*(?:\r\n?|\n)/.test(text.slice(bom, bom + 8))) {
    hidden = { kind: 'front-matter' };
    pos = skipLine(text, bom);
  }
  /** Content columns of the open list items, innermost last. */
  const lists: number[] = [];
  let previous: 'blank' | 'heading' | 'text' = 'blank';
  let poisoned = false;
  // A regular expression finds each line's end: it stops at the first \r or \n, so a scan costs
  // what it covers (an indexOf('\r') would read to the end of the text when there is none).
  const lineBreak = /[\r\n]/g;
  while (pos < n) {
    lineBreak.lastIndex = pos;
    const lineEnd = lineBreak.exec(text)?.index ?? n;
    const next = skipBreak(text, lineEnd);
    if (hidden !== null) {
      if (closes(hidden, text.slice(pos, lineEnd))) hidden = null;
      if (hidden === null) previous = 'heading'; // a closed block: what follows starts afresh
      pos = next;
      continue;
    }
    const first = text.charCodeAt(pos);
    if (first === HASH && pos !== firstLine && !poisoned) {
      const line = text.slice(pos, lineEnd);
      if (ATX_HEADING.test(line)) {
        if (stopAt && stopAt(pos)) return { starts, resumedAt: pos };
        starts.push(pos);
        lists.length = 0;
        previous = 'heading';
        pos = next;
        continue;
      }
    }
    const line = text.slice(pos, lineEnd);
    const indent = columnsOfIndent(line);
    const rest = line.trimStart();
    if (rest === '') {
      previous = 'blank';
      pos = next;
      continue;
    }
    const fence = FENCE_OPEN.exec(rest);
    const opensFence = fence !== null && !(fence[1]![0] === '`' && fence[2]!.includes('`'));
    const isHtml = rest.charCodeAt(0) === LT;
    const marker = LIST_MARKER.exec(rest);
    const isMarker = marker !== null && !THEMATIC_BREAK.test(rest);
    const startsBlock = opensFence || isHtml || isMarker || rest.charCodeAt(0) === HASH || THEMATIC_BREAK.test(rest) || rest.charCodeAt(0) === 62;
    // Which list items the line stays in: those whose content column it reaches; a paragraph's
    // continuation line (lazy) stays in all of them.
    if (startsBlock || previous === 'blank') while (lists.length && lists[lists.length - 1]! > indent) lists.pop();
    const inList = lists.length > 0;
    if (!inList && indent <= 3) {
      if (opensFence) {
        hidden = { kind: 'fence', char: fence[1]![0]!, length: fence[1]!.length };
      } else if (isHtml) {
        hidden = htmlBlock(rest, previous);
        if (hidden === POISON) {
          poisoned = true;
          hidden = null;
        }
      }
    }
    if (isMarker && hidden === null) {
      const width = marker[2]!.length;
      lists.push(indent + marker[1]!.length + (width === 0 || width > 4 ? 1 : width));
    }
    previous = rest.charCodeAt(0) === HASH && ATX_HEADING.test(rest) ? 'heading' : 'text';
    pos = next;
  }
  return { starts, resumedAt: undefined };
}

const POISON: Hidden = { kind: 'html-until-blank' };

/** The HTML block a line at the top level starts, if any (POISON when it cannot be told). */
function htmlBlock(rest: string, previous: 'blank' | 'heading' | 'text'): Hidden {
  for (const [open, end] of HTML_KINDS) {
    if (open.test(rest)) return end.test(rest.replace(open, '')) ? null : { kind: 'html-until', end };
  }
  if (HTML_BLOCK_TAG.test(rest)) return { kind: 'html-until-blank' };
  if (HTML_LONE_TAG.test(rest)) {
    // Type 7 cannot interrupt a paragraph: after a blank line or a heading it starts a block; after
    // text it is that paragraph's continuation, unless the text was a setext underline or the like.
    if (previous !== 'text') return { kind: 'html-until-blank' };
    return POISON;
  }
  return null;
}

/** Columns of leading white space, a tab reaching the next multiple of 4. */
function columnsOfIndent(line: string): number {
  let col = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === SPACE) col++;
    else if (c === 9) col += 4 - (col % 4);
    else break;
  }
  return col;
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
      return isBlankLine(line);
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
