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
//
// A section that grows large is also split between top-level blocks, so that no section costs the
// parser more than a bounded amount (micromark's cost grows faster than linearly with a block's size
// for long lists, and a section the pathological-input guard reads plainly stays small): once
// CHUNK characters have passed since the section's start (or the line is that long), at a line at
// column 0 that follows a blank line outside every container, or at a bullet item with text (it
// interrupts a paragraph and ends every open item: a sibling or a new list, a new top-level block). Such a split depends only on the text since the last split,
// so a scan resumed at any split gives the same splits.
//
// One split is not sound, and bounded: a paragraph in a list item or block quote continued by more
// than LAZY_LINES lazy lines at column 0 (a log pasted under a bullet). micromark checks each lazy
// line against every event of the paragraph so far, so such a paragraph costs its length squared
// (40 000 lines: over a minute). There the section is split at a lazy line and its state cleared:
// the rest of the paragraph is read as a paragraph at the top level, its words and labels all still
// read. So that this reading cannot make a setext heading of it, while that paragraph lasts a line
// of only `=` or `-` (lazy text in the whole document) is a section of its own. (Indented two or
// three columns, into the item, such a line would underline the whole log as a heading; here it
// underlines nothing.) These splits depend on the line before them, so a rescan never resumes at one.

import { ATX_HEADING, BOM, bomLength, BULLET_WITH_TEXT, closesFence, FENCE_OPEN, FRONT_MATTER_FENCE, LIST_MARKER, THEMATIC_BREAK } from './markdown-lines.js';
import { isBlankLine } from './text.js';
import { runSteps } from './steps.js';

export interface SectionBoundary {
  /** Offset of the first character of the section (0, or the start of a heading line). */
  start: number;
}

const HTML_KINDS: ReadonlyArray<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** Characters after which a section is split at the next safe block start (see above). */
export const CHUNK = 8192;
/** Lazy lines of one paragraph in a container after which the paragraph is split (see above). */
export const LAZY_LINES = 400;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** `---` would open front matter in a section of its own (where the whole text has a thematic break). */
const HASH = 35;
const SPACE = 32;
const LT = 60;

/** The scanner's state between lines; `null` means a heading line would start a section. */
type Hidden =
  | { kind: 'fence'; char: string; length: number }
  | { kind: 'front-matter' }
  | { kind: 'html-until'; end: RegExp }
  /** `column`: a lazy lone tag made it a block inside the item of that content column (see below). */
  | { kind: 'html-until-blank'; column?: number }
  | null;

// CommonMark's HTML block starts: 6, a block-level tag (may interrupt a paragraph); 7, any other
// complete tag alone on its line (may not).
const HTML_BLOCK_TAG =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i;
const HTML_LONE_TAG =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;
/** An ordered item numbered other than 1. */
const ORDERED_NOT_FIRST = /^(?!0*1[.)])\d{1,9}[.)]/;
/** An ordered item that may interrupt a paragraph (only one numbered 1). */
const FIRST_ORDERED_WITH_TEXT = /^1[.)][ \t]+\S/;

/**
 * Section start offsets for `text[from, to)`, where `from` is a section start (state is clear there).
 * The first entry is always `from`. When `stopAt` is given, the scan stops at the first split at or
 * after it that `stopAt` accepts (used to resynchronise with the previous split after an edit);
 * the returned `resumedAt` is that offset.
 *
 * Fences and HTML blocks hide headings only at the top level: inside a list item they end with the
 * item, and a line at column 0 ends every list item. So the scan keeps the content columns of the
 * open list items, and ignores fence and HTML openers indented into one.
 */
export function scanSections(
  text: string,
  from = 0,
  stopAt?: (offset: number) => boolean,
): { starts: number[]; resumedAt: number | undefined } {
  return runSteps(scanSectionsInSteps(text, from, stopAt, Infinity));
}

/** Characters a step of scanSectionsInSteps covers (about 5 ms here). */
export const SCAN_STEP_CHARS = 64 * 1024;

/**
 * scanSections in steps: it yields after each `stepChars` characters scanned, so that a first
 * analysis can let other work run between them; its state stays in the generator, so the result is
 * the one scan's.
 */
export function* scanSectionsInSteps(
  text: string,
  from = 0,
  stopAt?: (offset: number) => boolean,
  stepChars = SCAN_STEP_CHARS,
): Generator<void, { starts: number[]; resumedAt: number | undefined }, void> {
  let stepEnd = from + stepChars;
  const starts = [from];
  let hidden: Hidden = null;
  const n = text.length;
  const bom = from === 0 ? bomLength(text) : 0;
  let pos = from + bom;
  const firstLine = pos;
  if (from === 0 && /^---[ \t]*(?:\r\n?|\n)/.test(text.slice(bom, bom + 8))) {
    hidden = { kind: 'front-matter' };
    pos = skipLine(text, bom);
  }
  /** Content columns of the open list items, innermost last. */
  const lists: number[] = [];
  /**
   * The innermost item opened on an empty line (`-` alone): a blank line next closes it, as an item
   * begins with at most one blank line (CommonMark), so a fence indented into it after that blank
   * line is at the top level and hides what follows.
   */
  let emptyItemOpen = false;
  let previous: 'blank' | 'heading' | 'text' = 'blank';
  /** A block quote is open at the top level. */
  let quoted = false;
  /** Lazy lines at column 0 in the current paragraph of a container (see LAZY_LINES). */
  let lazyLines = 0;
  /**
   * The previous line is the text of a paragraph in a list item or quote, which a lazy line may
   * continue (after an empty item `-`, a line at column 0 starts a paragraph at the top level).
   */
  let inParagraph = false;
  /** In the paragraph that a lazy split cut (read at the top level from there on). */
  let lazyTail = from > 0 && continuesLazyParagraph(text, from);
  /** The previous line was a section of its own: the next one starts a section, in this state. */
  let ownLineEnded: boolean | undefined;
  // A regular expression finds each line's end: it stops at the first \r or \n, so a scan costs
  // what it covers (an indexOf('\r') would read to the end of the text when there is none).
  const lineBreak = /[\r\n]/g;
  const split = (at: number) => {
    starts.push(at);
    lists.length = 0;
    emptyItemOpen = false;
    quoted = false;
    lazyLines = 0;
  };
  while (pos < n) {
    if (pos >= stepEnd) {
      yield;
      stepEnd = pos + stepChars;
    }
    lineBreak.lastIndex = pos;
    const lineEnd = lineBreak.exec(text)?.index ?? n;
    const next = skipBreak(text, lineEnd);
    if (hidden !== null && endsItsItem(hidden, text.slice(pos, lineEnd))) {
      hidden = null; // the line is read afresh below, where it ends the item
      previous = 'heading';
    } else if (hidden !== null) {
      if (closes(hidden, text.slice(pos, lineEnd))) hidden = null;
      if (hidden === null) previous = 'heading'; // a closed block: what follows starts afresh
      pos = next;
      continue;
    }
    const first = text.charCodeAt(pos);
    if (first === HASH && pos !== firstLine) {
      const line = text.slice(pos, lineEnd);
      if (ATX_HEADING.test(line)) {
        if (stopAt && stopAt(pos)) return { starts, resumedAt: pos };
        split(pos);
        lazyTail = false;
        ownLineEnded = undefined;
        previous = 'heading';
        pos = next;
        continue;
      }
    }
    // Splits whose state depends on the line before them (lazy and own-line splits, and those after
    // a blank line, which an edit may turn into either) are never where a rescan resumes.
    if (ownLineEnded !== undefined) {
      split(pos);
      lazyTail = !ownLineEnded;
      ownLineEnded = undefined;
    }
    const line = text.slice(pos, lineEnd);
    const indent = columnsOfIndent(line);
    const rest = withoutIndent(line);
    if (rest === '') {
      if (emptyItemOpen) lists.pop();
      emptyItemOpen = false;
      previous = 'blank';
      inParagraph = false;
      quoted = false;
      lazyLines = 0;
      lazyTail = false;
      pos = next;
      continue;
    }
    if (lazyTail && SETEXT_UNDERLINE.test(line)) {
      // Lazy text in the whole document, an underline in a paragraph at the top level: alone.
      if (pos !== firstLine) split(pos);
      ownLineEnded = endsLazyParagraph(rest);
      previous = 'text';
      inParagraph = !ownLineEnded;
      pos = next;
      continue;
    }
    if (lazyTail && indent <= 3 && isLoneTag(rest)) {
      // A lone tag (`<br>`) on a lazy line interrupts the paragraph (micromark's html-flow lets it
      // where the line is lazy) as an HTML block of that line, inside the item: the next line, lazy,
      // ends it and the item. Read after the cut it would be the paragraph's text (and a `===` after
      // it its underline); a section of its own, it is that block, and the next starts afresh. (Indented
      // into a list item's content it is that paragraph's text instead, no longer known after the cut:
      // then its own section reads a one-line HTML block where the whole reads inline HTML.)
      if (pos !== firstLine) split(pos);
      ownLineEnded = true;
      lazyTail = false;
      previous = 'text';
      inParagraph = false;
      pos = next;
      continue;
    }
    const fence = FENCE_OPEN.exec(rest);
    const opensFence = fence !== null && !(fence[1]![0] === '`' && fence[2]!.includes('`'));
    const isHtml = rest.charCodeAt(0) === LT;
    const marker = LIST_MARKER.exec(rest);
    const isMarker = marker !== null && !THEMATIC_BREAK.test(rest);
    const isQuote = rest.charCodeAt(0) === 62;
    const startsBlock = opensFence || isHtml || isMarker || rest.charCodeAt(0) === HASH || THEMATIC_BREAK.test(rest) || isQuote;
    const lazy = inParagraph && !startsBlock && indent === 0 && (lists.length > 0 || quoted);
    // A lone tag (`<img>`) on a lazy line is an HTML block inside the innermost item in micromark's
    // reading, not the end of the items: a fence indented into the item after it stays in the item.
    const lazyLoneTag = isHtml && inParagraph && isLazyInItem(lists, indent) && isLoneTag(rest);
    if (lazy) lazyLines++;
    else if (startsBlock && !isQuote) lazyLines = 0;
    if (lazy && lazyLines > LAZY_LINES && pos !== firstLine && first !== BOM) {
      split(pos);
      lazyTail = true;
    }
    if (lazyTail && indent <= 3 && (opensFence || isQuote || THEMATIC_BREAK.test(rest) || ATX_HEADING.test(rest) || BULLET_WITH_TEXT.test(rest) || FIRST_ORDERED_WITH_TEXT.test(rest))) lazyTail = false;
    // Which list items the line stays in: those whose content column it reaches; a paragraph's
    // continuation line (lazy) stays in all of them.
    // A line that cannot be lazy (no paragraph is open: the item holds a fence, an HTML block, a
    // heading) ends the items it does not reach, as a block start or a line after a blank does.
    if (!lazyLoneTag && (startsBlock || previous === 'blank' || !inParagraph)) while (lists.length && lists[lists.length - 1]! > indent) lists.pop();
    const inList = lists.length > 0;
    const large = pos - starts[starts.length - 1]! >= CHUNK || lineEnd - pos >= CHUNK;
    // Not before a byte order mark: a section that starts with one loses it to the parser.
    if (large && indent === 0 && pos !== firstLine && first !== BOM && !FRONT_MATTER_FENCE.test(rest) && startsTopLevelBlock(previous, inList, rest) && !THEMATIC_BREAK.test(rest)) {
      if (BULLET_WITH_TEXT.test(rest) && stopAt && stopAt(pos)) return { starts, resumedAt: pos };
      starts.push(pos);
      quoted = false;
      lazyLines = 0;
    }
    if (!inList && indent <= 3) {
      if (opensFence) {
        hidden = { kind: 'fence', char: fence[1]![0]!, length: fence[1]!.length };
      } else if (isHtml) {
        hidden = htmlBlock(rest);
      }
      if (hidden !== null) lazyTail = false;
      if (isQuote) quoted = true;
      else if (startsBlock) quoted = false;
    }
    if (lazyLoneTag) {
      hidden = { kind: 'html-until-blank', column: lists[lists.length - 1]! };
      lazyTail = false;
    }
    emptyItemOpen = false;
    if (isMarker && hidden === null) {
      const width = marker[2]!.length;
      lists.push(indent + marker[1]!.length + (width === 0 || width > 4 ? 1 : width));
      emptyItemOpen = rest.length === marker[0].length;
    }
    previous = rest.charCodeAt(0) === HASH && ATX_HEADING.test(rest) ? 'heading' : 'text';
    // The cheap tests first: a line at the top level outside every container skips opensParagraph.
    inParagraph = hidden === null && !isHtml && (isMarker || isQuote || ((lazy || indent > 0) && inParagraph) || startsParagraphInItem(lists, indent)) && opensParagraph(rest);
    pos = next;
  }
  return { starts, resumedAt: undefined };
}

/**
 * Whether a line at column 0 starts a new top-level block: after a blank line outside every list
 * item; or a bullet item with text, which interrupts a paragraph and ends every open item (a sibling
 * or a new list). Not an ordered item: `2.` cannot interrupt a paragraph, so it may be lazy text.
 */
function startsTopLevelBlock(previous: 'blank' | 'heading' | 'text', inList: boolean, rest: string): boolean {
  // Not an ordered item numbered other than 1: after indented code and a blank line micromark (4.0.3)
  // takes `2) x` for a paragraph, as if it interrupted the code, where a section of its own starts a list.
  if (previous === 'blank') return !inList && !ORDERED_NOT_FIRST.test(rest);
  return BULLET_WITH_TEXT.test(rest);
}

/**
 * Whether the section starting at `from` begins inside a paragraph that a lazy split cut: what a scan
 * from the document's start has in its state there, told from the line before (only lazy and
 * own-line splits follow a line that is not blank, but for headings and bullet items, which end
 * that paragraph anyway).
 */
function continuesLazyParagraph(text: string, from: number): boolean {
  let end = from;
  if (text.charCodeAt(end - 1) === 10) end--;
  if (text.charCodeAt(end - 1) === 13) end--;
  if (end === from) return false; // not at a line start
  let start = end;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  const line = text.slice(start, end);
  if (isBlankLine(line) || (columnsOfIndent(line) <= 3 && isLoneTag(withoutIndent(line)))) return false;
  return !(SETEXT_UNDERLINE.test(line) && endsLazyParagraph(withoutIndent(line)));
}

/**
 * Whether a line leaves a paragraph open, read inside its container markers (`- `, `1. `, `> `, any
 * number of them): text, and not a fence, an HTML block, a heading, a break, an underline, indented
 * code or nothing. Only after a paragraph is a line at column 0 lazy, inside the items and quotes
 * before it; after any other block it ends them. When unsure it says no (an inline `<span>`): then a
 * lazy line ends the items in the scan's eyes, which can only hide a later heading, never add a split.
 */
function opensParagraph(rest: string): boolean {
  let content = rest;
  for (;;) {
    if (content.charCodeAt(0) === 62) {
      content = content.slice(content.charCodeAt(1) === SPACE || content.charCodeAt(1) === 9 ? 2 : 1);
    } else {
      const marker = LIST_MARKER.exec(content);
      if (marker === null || THEMATIC_BREAK.test(content)) break;
      if (marker[2]!.length > 4) return false; // the item opens with indented code
      content = content.slice(marker[0].length);
    }
    if (columnsOfIndent(content) >= 4) return false;
    content = withoutIndent(content);
  }
  if (content === '' || content.charCodeAt(0) === LT || FENCE_OPEN.test(content) || SETEXT_UNDERLINE.test(content)) return false;
  return !(THEMATIC_BREAK.test(content) || ATX_HEADING.test(content));
}

/** Whether a line in a paragraph inside a list item is lazy there (indented less than the innermost item's content). */
function isLazyInItem(lists: readonly number[], indent: number): boolean {
  const column = lists[lists.length - 1];
  return column !== undefined && indent < column && indent <= 3;
}

/**
 * Whether a line ends the item an HTML block from a lazy lone tag is in, and so the block: a line
 * with text indented less than the item's content (an HTML block has no lazy lines).
 */
function endsItsItem(hidden: NonNullable<Hidden>, line: string): boolean {
  return hidden.kind === 'html-until-blank' && hidden.column !== undefined && !isBlankLine(line) && columnsOfIndent(line) < hidden.column;
}

/** Whether a line that continues no paragraph starts one inside the innermost open item (not indented code). */
function startsParagraphInItem(lists: readonly number[], indent: number): boolean {
  const column = lists[lists.length - 1];
  return column !== undefined && indent >= column && indent < column + 4;
}

/**
 * Whether a line of only `=` or `-` ends the lazy paragraph in the whole document: three dashes or
 * more are a thematic break, one dash an empty list item; `=` and `--` are its text.
 */
function endsLazyParagraph(rest: string): boolean {
  return /^-(?:-{2,})?[ \t]*$/.test(rest);
}

/** Whether a line without its indent is a lone tag (an HTML block of kind 7 only, which cannot interrupt a paragraph that is not lazy). */
function isLoneTag(rest: string): boolean {
  return rest.charCodeAt(0) === LT && !HTML_BLOCK_TAG.test(rest) && htmlBlock(rest)?.kind === 'html-until-blank';
}

/** The HTML block a line at the top level may start, if any. */
function htmlBlock(rest: string): Hidden {
  for (const [open, end] of HTML_KINDS) {
    if (open.test(rest)) return end.test(rest.replace(open, '')) ? null : { kind: 'html-until', end };
  }
  // Kinds 6 and 7 end at a blank line. Kind 7 (a lone `<br>`, `<span>`) cannot interrupt a paragraph,
  // so after a paragraph line it is that paragraph's text; the scan cannot always tell a paragraph
  // line from a setext underline or a link definition, so it takes the block as open either way.
  // That only hides headings up to the next blank line, where splitting resumes.
  if (HTML_BLOCK_TAG.test(rest) || HTML_LONE_TAG.test(rest)) return { kind: 'html-until-blank' };
  return null;
}

/**
 * A line without its indent: spaces and tabs only. (`trimStart` would also drop a byte order mark, a
 * no-break space and the other Unicode spaces, which Markdown reads as text: `\uFEFF\`\`\`` is no fence.)
 */
function withoutIndent(line: string): string {
  let i = 0;
  while (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === 9) i++;
  return i === 0 ? line : line.slice(i);
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
    case 'fence':
      return closesFence(line, hidden.char, hidden.length);
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
