// The mdast of a section that is nothing but a tight bullet list of one-line items of plain words
// (`- item 12`), built directly instead of by the parser.
//
// Why by hand, beside remark-parse: micromark spends ~100 µs of CPU on each such item (its document
// tokenizer, subtokenizing and the garbage of its events), so 200 000 of them took ~25 s where the
// rest of the analysis takes ~2 s. For this one shape the tree is certain: no character in an item
// can start any inline construct (`*_\`[]!<>&\\~|` and controls are refused) and an item's text starts
// with a letter, so it starts no block either. The tree built is the one remark-parse gives, node for
// node and position for position; test/unit/simple-list.test.ts holds the two equal over generated
// lists, and everything else goes to the parser.

import type { List, ListItem, Paragraph, Root, Text } from 'mdast';

type Point = { line: number; column: number; offset: number };

/** One item: a bullet, one space, then a letter and plain characters, no trailing white space. */
const ITEM = /^([-*+]) (\p{L}(?:[^\p{Cc}\p{Cs}\p{Zl}\p{Zp}*_`[\]!<>&\\~|]*[^\s\p{Cc}\p{Cs}*_`[\]!<>&\\~|])?)$/u;
/** Below this many items the parser is fast enough, and a section is rarely only a list. */
const MIN_ITEMS = 32;

/** The tree remark-parse gives `source` when it is such a list (white space may follow it), else undefined. */
export function simpleListTree(source: string): Root | undefined {
  if (source.length < MIN_ITEMS * 3) return undefined;
  const c = source.charCodeAt(0);
  if (c !== 45 && c !== 42 && c !== 43) return undefined;
  const bullet = source[0]!;
  const items: ListItem[] = [];
  let line = 1;
  let offset = 0;
  const n = source.length;
  const lineBreak = /\r\n?|\n/g;
  for (;;) {
    lineBreak.lastIndex = offset;
    const m = lineBreak.exec(source);
    const end = m ? m.index : n;
    const match = ITEM.exec(source.slice(offset, end));
    if (!match || match[1] !== bullet) {
      // The list ends at a blank rest, or this is no such list.
      if (items.length < MIN_ITEMS || !/^[ \t]*$/.test(source.slice(offset, end)) || !/^[ \t\r\n]*$/.test(source.slice(offset))) return undefined;
      break;
    }
    const textStart = point(line, 3, offset + 2);
    const textEnd = point(line, 1 + end - offset, end);
    const text: Text = { type: 'text', value: match[2]!, position: { start: textStart, end: textEnd } };
    const paragraph: Paragraph = { type: 'paragraph', children: [text], position: { start: point(line, 3, offset + 2), end: point(line, 1 + end - offset, end) } };
    items.push({ type: 'listItem', spread: false, checked: null, children: [paragraph], position: { start: point(line, 1, offset), end: point(line, 1 + end - offset, end) } });
    if (!m) break;
    offset = m.index + m[0].length;
    line++;
    if (offset === n) break;
  }
  const first = items[0]!.position!;
  const last = items[items.length - 1]!.position!;
  const list: List = { type: 'list', ordered: false, start: null, spread: false, children: items, position: { start: { ...first.start }, end: { ...last.end } } };
  return { type: 'root', children: [list], position: { start: point(1, 1, 0), end: endPoint(source) } };
}

function point(line: number, column: number, offset: number): Point {
  return { line, column, offset };
}

/** The position just after `source`, as micromark counts lines (\r\n, \r and \n each end one). */
function endPoint(source: string): Point {
  let line = 1;
  let lineStart = 0;
  const lineBreak = /\r\n?|\n/g;
  for (let m; (m = lineBreak.exec(source)) !== null; ) {
    line++;
    lineStart = m.index + m[0].length;
  }
  return point(line, 1 + source.length - lineStart, source.length);
}
