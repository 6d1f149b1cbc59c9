// The mdast of a section written in the plainest notes style, built directly instead of by the parser:
// ATX headings, paragraphs, tight bullet lists (nested at any depth), fenced code and thematic breaks;
// inline, only plain text, `**strong**` and `*emphasis*` words, `` `code` ``, `[text](url)` links,
// `<scheme:…>` autolinks and hard breaks (two trailing spaces).
//
// Why by hand, beside remark-parse: micromark was about two thirds of a first analysis (1 MB of notes:
// fromMarkdown 1.8 of 2.7 s), and most sections of most notes are this simple: a heading and a list of
// `- **Situation**: …` items. For such text CommonMark leaves no choice, so the tree is certain. Every
// line is checked against a short list of shapes, and anything outside it (a tab, a blank line inside a
// list, HTML, emphasis that is not certain, `&`, `\`, `|`, a setext underline, a line that could open
// another block, an item between two columns) sends the whole text to the parser. The tree built is the one plain remark-parse gives, node for node and position for
// position: test/unit/simple-tree.test.ts holds the two equal over generated sections with every
// spoiler, the bench's notes, the property suite's documents and the corpus of real notes.

import { closesFence } from './markdown-lines.js';
import { lineStartAt } from './text.js';
import type { Break, Code, Emphasis, Heading, InlineCode, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong, Text, ThematicBreak } from 'mdast';

type Point = { line: number; column: number; offset: number };

/** Characters that send a text to the parser wherever they are: controls (a tab, \r), a lone surrogate, a byte order mark (micromark drops a leading one). */
const REFUSED_ANYWHERE = /[^\P{Cc}\n]|[\p{Cs}\ufeff]/u;
/** Characters outside code that may start a construct not read here. */
const REFUSED_IN_TEXT = /[&\\|]/;
const HEADING = /^(#{1,6})(?: +(.*))?$/;
const ITEM = /^( *)([-*+]) (\S.*)$/;
const FENCE = /^( *)(`{3,}|~{3,})(.*)$/;
const THEMATIC_BREAK = /^(?:-{3,}|\*{3,})$/;
/** A line's text that opens no block: not a marker, a fence, HTML, a quote, an ordered item or an underline. */
const OPENS_NOTHING = /^(?:[^\s#>\-+*=~<[\]!\d`]|`(?!`)|\*{1,2}[\p{L}\p{N}]|\d+(?![\d.)])|<[A-Za-z][A-Za-z0-9+.-]{1,31}:|\[|![^[])/u;
/**
 * `**strong**`, `__strong__`, `*emphasis*` and `_emphasis_` around plain text, each run certain to
 * pair: the opening run follows white space or the line's start and comes before a letter or digit (so
 * it can only open), the closing run follows a letter or digit and comes before white space, the end or
 * `:.,;` (so it can only close), with no `*` or `_` between them. A label may end with `:` or `.` inside
 * the stars (`**Situation:**`) when white space follows them.
 */
const DELIMITED = /(\*\*|__|\*(?!\*)|_(?!_))([\p{L}\p{N}](?:[^*_`[\]<>!&\\|\n]*[\p{L}\p{N}])?)\1(?=$|[\n :.,;])|(\*\*|__|\*(?!\*)|_(?!_))([\p{L}\p{N}](?:[^*_`[\]<>!&\\|\n]*[\p{L}\p{N}])?[:.])\3(?=$|[\n ])/uy;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** `[text](url)`: plain text, a destination with no space, parenthesis or markup. */
const LINK = /\[([^[\]*_<>!`]+)\]\(([^\s()<>*[\]`]+)\)/y;
/** `<scheme:rest>`, CommonMark's URI autolink, with nothing in it the parser would read otherwise. */
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>*[\]`]*)>/y;
/** `` `code` ``: one backtick each side, on one line, no space at either end (which the parser would strip). */
const CODE = /`([^`\s](?:[^`]*[^`\s])?)`(?!`)/y;

/** One line of a paragraph: where its text starts and ends (the line's indentation and trailing spaces are not text; two or more before the next line are a hard break). */
interface Segment {
  line: number;
  /** Column of `start` (1-based). */
  column: number;
  start: number;
  end: number;
  /** The end of the line, its trailing spaces included (where a paragraph ends, and its line ending starts). */
  lineEnd: number;
  /** How many trailing spaces. */
  trail: number;
}

/** An open list: its marker column, where its items' content starts, and its last item. */
interface Level {
  list: List;
  item: ListItem;
  indent: number;
  contentColumn: number;
  bullet: string;
}

/** An open fenced code block: its fence, the column its lines are read from, and its lines so far. */
interface Fence {
  node: Code;
  char: string;
  length: number;
  indent: number;
  lines: string[];
}

/** The tree plain remark-parse gives `source` when it is written in the plain style above, else undefined. */
export function simpleTree(source: string): Root | undefined {
  if (source === '' || REFUSED_ANYWHERE.test(source)) return undefined;
  const children: RootContent[] = [];
  /** The open lists, outermost first. */
  const levels: Level[] = [];
  /** The open paragraph's lines, and the children its node goes into. */
  let paragraph: Segment[] | undefined;
  let paragraphParent: RootContent[] | ListItem['children'] = children;
  let fence: Fence | undefined;
  let blankBefore = false;

  const closeParagraph = (): boolean => {
    if (!paragraph) return true;
    const node = paragraphOf(source, paragraph);
    paragraph = undefined;
    if (!node) return false;
    paragraphParent.push(node);
    return true;
  };
  /** Closes the lists deeper than `depth` (0: every list). */
  const closeLevels = (depth: number): void => {
    while (levels.length > depth) {
      const { list, item } = levels.pop()!;
      item.position!.end = endOf(item);
      list.position!.end = { ...item.position!.end };
    }
  };
  /** Where a block at `indent` goes: the children of the deepest item it is inside (their depth), or undefined when it is between columns. */
  const containerAt = (indent: number): number | undefined => {
    let depth = 0;
    while (depth < levels.length && indent >= levels[depth]!.contentColumn) depth++;
    const column = depth === 0 ? 0 : levels[depth - 1]!.contentColumn;
    return indent === column ? depth : undefined;
  };
  const deepestColumn = (): number => (levels.length ? levels[levels.length - 1]!.contentColumn : 0);
  const childrenAt = (depth: number): RootContent[] | ListItem['children'] => (depth === 0 ? children : levels[depth - 1]!.item.children);

  let offset = 0;
  let line = 1;
  const n = source.length;
  for (;;) {
    let end = source.indexOf('\n', offset);
    if (end === -1) end = n;
    const raw = source.slice(offset, end);
    // Spaces at the end of a line are not text (two before a paragraph's next line are a hard break).
    const trail = trailingSpaces(raw);
    if (fence) {
      if (!readFenceLine(fence, raw, line, offset, end)) return undefined;
      if (fence.node.position!.end.offset === end) fence = undefined;
    } else if (trail === raw.length) {
      if (!closeParagraph()) return undefined;
      blankBefore = true;
    } else {
      if (REFUSED_IN_TEXT.test(raw)) return undefined;
      const text = trail ? raw.slice(0, -trail) : raw;
      const textEnd = end - trail;
      let match: RegExpExecArray | null;
      if ((match = HEADING.exec(text)) !== null) {
        if (!closeParagraph()) return undefined;
        closeLevels(0);
        const content = match[2] ?? '';
        if (content.endsWith('#')) return undefined; // closing hashes
        const contentStart = textEnd - content.length;
        const inline = content === '' ? [] : inlineOf(source, [{ line, column: 1 + contentStart - offset, start: contentStart, end: textEnd, lineEnd: end, trail }]);
        if (!inline) return undefined;
        const heading: Heading = { type: 'heading', depth: match[1]!.length as Heading['depth'], children: inline, position: span(line, offset, end, offset) };
        children.push(heading);
      } else if (THEMATIC_BREAK.test(text)) {
        if (paragraph) return undefined; // `---` under a paragraph line underlines it
        closeLevels(0);
        const rule: ThematicBreak = { type: 'thematicBreak', position: span(line, offset, end, offset) };
        children.push(rule);
      } else if ((match = ITEM.exec(text)) !== null && !(paragraph && !blankBefore && match[1]!.length >= deepestColumn() + 4)) {
        // (Four columns past the deepest item's content, a marker is text: the paragraph goes on.)
        const indent = match[1]!.length;
        const bullet = match[2]!;
        if (!OPENS_NOTHING.test(match[3]!) || (blankBefore && levels.length)) return undefined; // a loose list, or an item that opens more
        if (!closeParagraph()) return undefined;
        // A sibling of an open list's item, or the first item of a list in the deepest item.
        let depth = levels.findIndex((level) => level.indent === indent);
        if (depth === -1) {
          const deepest = levels[levels.length - 1];
          const inside = deepest ? indent >= deepest.contentColumn && indent <= deepest.contentColumn + 3 : indent === 0;
          if (!inside) return undefined;
          depth = levels.length;
        } else if (levels[depth]!.bullet !== bullet) {
          if (depth !== 0) return undefined;
          closeLevels(0); // another bullet: a new list
        }
        const markerAt = offset + indent;
        const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [], position: span(line, markerAt, end, offset) };
        if (depth < levels.length) {
          closeLevels(depth + 1);
          const level = levels[depth]!;
          level.item.position!.end = endOf(level.item);
          level.list.children.push(item);
          level.item = item;
        } else {
          const list: List = { type: 'list', ordered: false, start: null, spread: false, children: [item], position: span(line, markerAt, end, offset) };
          childrenAt(depth).push(list);
          levels.push({ list, item, indent, contentColumn: indent + 2, bullet });
        }
        paragraph = [{ line, column: indent + 3, start: markerAt + 2, end: textEnd, lineEnd: end, trail }];
        paragraphParent = item.children;
      } else if ((match = FENCE.exec(text)) !== null) {
        const indent = match[1]!.length;
        const depth = containerAt(indent);
        const info = match[3]!;
        // In an item after a blank line: a loose list. Spaces after the info string stay in its meta.
        if (depth === undefined || (depth > 0 && blankBefore) || trail > 0 || (match[2]![0] === '`' && info.includes('`'))) return undefined;
        if (!closeParagraph()) return undefined;
        closeLevels(depth);
        const words = /^(\S+)(?: +(\S.*))?$/.exec(info);
        if (info !== '' && !words) return undefined;
        const node: Code = { type: 'code', lang: words ? words[1]! : null, meta: words?.[2] ?? null, value: '', position: span(line, offset + indent, end, offset) };
        childrenAt(depth).push(node);
        fence = { node, char: match[2]![0]!, length: match[2]!.length, indent, lines: [] };
      } else {
        const indent = spacesAt(text);
        const continues = paragraph !== undefined && !blankBefore;
        // Four columns past the deepest item's content nothing opens a block, so a paragraph goes on.
        if (!(continues && indent >= deepestColumn() + 4) && !OPENS_NOTHING.test(text.slice(indent))) return undefined;
        if (continues) {
          paragraph!.push({ line, column: indent + 1, start: offset + indent, end: textEnd, lineEnd: end, trail }); // a continuation line, lazy or not
        } else {
          // Up to three spaces before a paragraph outside every item; more is indented code, and a line
          // inside an item after a blank line makes the list loose.
          if (indent > 3 || (levels.length > 0 && indent >= levels[0]!.contentColumn)) return undefined;
          closeLevels(0);
          paragraph = [{ line, column: indent + 1, start: offset + indent, end: textEnd, lineEnd: end, trail }];
          paragraphParent = children;
        }
      }
      blankBefore = false;
    }
    if (end === n) break;
    offset = end + 1;
    line++;
  }
  if (fence || !closeParagraph()) return undefined; // an unclosed fence runs to the end of its container
  closeLevels(0);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line, column: 1 + n - lineStartAt(source, n), offset: n } } };
}

/**
 * One line inside a fenced code block: its text (from the fence's column), or the closing fence, which
 * ends the node there. False when the line is not certain: indented less than the fence (it would end
 * a list item), or blank inside a list.
 */
function readFenceLine(fence: Fence, text: string, line: number, offset: number, end: number): boolean {
  const indent = spacesAt(text);
  if (indent === text.length) {
    if (fence.indent > 0 || text !== '') return false;
    fence.lines.push('');
    return true;
  }
  if (indent < fence.indent) return false;
  if (closesFence(text.slice(indent), fence.char, fence.length)) {
    if (indent !== fence.indent) return false;
    fence.node.value = fence.lines.join('\n');
    fence.node.position!.end = { line, column: 1 + end - offset, offset: end };
    return true;
  }
  fence.lines.push(text.slice(fence.indent));
  return true;
}

function isLetterOrDigit(source: string, at: number): boolean {
  // A surrogate pair is one letter: look at the code point that ends or starts there.
  const c = source.codePointAt(at);
  if (c === undefined) return false;
  if (c >= 0xdc00 && c <= 0xdfff && at > 0) return LETTER_OR_DIGIT.test(String.fromCodePoint(source.codePointAt(at - 1)!));
  return LETTER_OR_DIGIT.test(String.fromCodePoint(c));
}

/** The spaces a line ends with. */
function trailingSpaces(text: string): number {
  let at = text.length;
  while (at > 0 && text.charCodeAt(at - 1) === 32) at--;
  return text.length - at;
}

/** The spaces a line starts with: its indentation (other white space, as U+00A0, is text). */
function spacesAt(text: string): number {
  let at = 0;
  while (text.charCodeAt(at) === 32) at++;
  return at;
}

/** The position of a whole line from `start` to `end` (offsets; `lineStart` is the line's first offset). */
function span(line: number, start: number, end: number, lineStart: number): { start: Point; end: Point } {
  return { start: { line, column: 1 + start - lineStart, offset: start }, end: { line, column: 1 + end - lineStart, offset: end } };
}

/** Where an item ends: where its last child ends. */
function endOf(item: ListItem): Point {
  const last = item.children[item.children.length - 1];
  return { ...(last ?? item).position!.end } as Point;
}

function paragraphOf(source: string, lines: Segment[]): Paragraph | undefined {
  const inline = inlineOf(source, lines);
  if (!inline) return undefined;
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  return {
    type: 'paragraph',
    children: inline,
    position: { start: { line: first.line, column: first.column, offset: first.start }, end: { line: last.line, column: last.column + last.lineEnd - last.start, offset: last.lineEnd } },
  };
}

/**
 * The phrasing content of a paragraph's lines, as mdast-util-from-markdown builds it: text runs over
 * line endings (the next line's indentation is not in the value), a run after a link starting at the
 * line ending; undefined when something is not in the plain style.
 */
function inlineOf(source: string, lines: Segment[]): PhrasingContent[] | undefined {
  const out: PhrasingContent[] = [];
  let run: Text | undefined;
  const addText = (start: Point, endAt: Point, value: string): void => {
    if (run) {
      run.value += value;
      run.position!.end = endAt;
    } else {
      run = { type: 'text', value, position: { start, end: endAt } };
      out.push(run);
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const { line, column, start, end } = lines[i]!;
    const at = (offset: number): Point => ({ line, column: column + offset - start, offset });
    if (i > 0 && lines[i - 1]!.trail >= 2) {
      // Two spaces or more before the line ending: a hard break, from the spaces to this line's start.
      const previous = lines[i - 1]!;
      const hardBreak: Break = { type: 'break', position: { start: { line: previous.line, column: previous.column + previous.end - previous.start, offset: previous.end }, end: { line, column: 1, offset: previous.lineEnd + 1 } } };
      out.push(hardBreak);
      run = undefined;
    } else if (i > 0) {
      // The line ending before this line: text, from the end of the last line to this line's start.
      const previous = lines[i - 1]!;
      addText({ line: previous.line, column: previous.column + previous.lineEnd - previous.start, offset: previous.lineEnd }, { line, column: 1, offset: previous.lineEnd + 1 }, '\n');
    }
    let textFrom = start;
    let cursor = start;
    while (cursor < end) {
      const c = source.charCodeAt(cursor);
      let node: Strong | Emphasis | Link | InlineCode | undefined;
      let length = 0;
      if (c === 95 /* _ */ && isLetterOrDigit(source, cursor - 1) && isLetterOrDigit(source, cursor + 1)) {
        cursor++; // between letters an `_` neither opens nor closes: text
        continue;
      } else if (c === 42 /* * */ || c === 95 /* _ */) {
        DELIMITED.lastIndex = cursor;
        const m = cursor === start || source.charCodeAt(cursor - 1) === 32 ? DELIMITED.exec(source) : null;
        if (!m || m.index + m[0].length > end) return undefined;
        length = m[0].length;
        const run = (m[1] ?? m[3]!).length;
        const inner: Text = { type: 'text', value: m[2] ?? m[4]!, position: { start: at(cursor + run), end: at(cursor + length - run) } };
        node = { type: run === 2 ? 'strong' : 'emphasis', children: [inner], position: { start: at(cursor), end: at(cursor + length) } };
      } else if (c === 91 /* [ */) {
        LINK.lastIndex = cursor;
        const m = LINK.exec(source);
        if (!m || m.index + m[0].length > end) return undefined;
        length = m[0].length;
        const textEnd = cursor + 1 + m[1]!.length;
        node = { type: 'link', title: null, url: m[2]!, children: [{ type: 'text', value: m[1]!, position: { start: at(cursor + 1), end: at(textEnd) } }], position: { start: at(cursor), end: at(cursor + length) } };
      } else if (c === 60 /* < */) {
        AUTOLINK.lastIndex = cursor;
        const m = AUTOLINK.exec(source);
        if (!m || m.index + m[0].length > end) return undefined;
        length = m[0].length;
        node = { type: 'link', title: null, url: m[1]!, children: [{ type: 'text', value: m[1]!, position: { start: at(cursor + 1), end: at(cursor + length - 1) } }], position: { start: at(cursor), end: at(cursor + length) } };
      } else if (c === 96 /* ` */) {
        CODE.lastIndex = cursor;
        const m = source.charCodeAt(cursor - 1) === 96 ? null : CODE.exec(source);
        if (!m || m.index + m[0].length > end) return undefined;
        length = m[0].length;
        node = { type: 'inlineCode', value: m[1]!, position: { start: at(cursor), end: at(cursor + length) } };
      } else if (c === 93 /* ] */ || (c === 33 /* ! */ && source.charCodeAt(cursor + 1) === 91)) {
        return undefined;
      }
      if (!node) {
        cursor++;
        continue;
      }
      if (cursor > textFrom) addText(at(textFrom), at(cursor), source.slice(textFrom, cursor));
      out.push(node);
      run = undefined;
      cursor += length;
      textFrom = cursor;
    }
    if (end > textFrom) addText(at(textFrom), at(end), source.slice(textFrom, end));
  }
  return out;
}

