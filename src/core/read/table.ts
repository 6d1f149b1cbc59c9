// STAR stories written as GFM tables, read from the mdast of micromark's GFM table extension:
// - a row per story: a header row that names three parts or more (`Situation | Task | Action | Result`,
//   `S | T | A | R`, any vocabulary) beside a column that does not (`Story`, `Question`, `#`); the title
//   cell is the story's title line, each part cell its part;
// - a part per row: a two-column table whose first cells name parts (`Situation | …`, `Task | …`)
//   gives the story it sits under its parts.
// Any other table is content.

import type { Nodes, Table, TableCell, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LabelWord } from '../vocabulary.js';
import { readLabelWords } from '../vocabulary.js';

/** A delimiter row (`|---|:--:|`, `--- | ---`): a section without one holds no table to parse for. */
const DELIMITER_ROW = /^[ \t>]*(?=[^\r\n]*\|)(?=[^\r\n]*-)[|: \t-]+$/m;

export function mayHoldTable(text: string): boolean {
  return text.includes('|') && DELIMITER_ROW.test(text);
}

export interface TableCellRead {
  /** Where the cell starts and ends in the section. */
  start: number;
  end: number;
}

export interface TablePart {
  read: LabelWord;
  /** The cell that names the part (a part-per-row table) or holds it (a row-per-story table). */
  label: TableCellRead;
  /** The cell that holds the part's text. */
  content: TableCellRead;
  /** The header the part was read from, as written (copied by nothing: no fix writes into a table). */
  written: string;
}

export interface TableStory {
  title: string;
  /** The title cell. */
  heading: TableCellRead;
  row: TableCellRead;
  parts: TablePart[];
}

export type TableRead =
  | { kind: 'stories'; stories: TableStory[] }
  | { kind: 'parts'; parts: TablePart[] }
  | undefined;

/** Header cells read as numbering, not titles: `#`, `No.`, `Nr`. */
const NUMBER_HEADER = /^(?:#|no\.?|nr\.?|n[º°]|num(?:ber)?|id)$/iu;
/** Fewest distinct parts a header names before its rows are stories. */
const STORY_HEADER_PARTS = 3;

/**
 * What a table says, if it holds stories or parts. `at(node, end)` gives a node's offset in the
 * section.
 */
export function readTable(table: Table, at: (node: Nodes, end: boolean) => number): TableRead {
  const [header, ...rows] = table.children;
  if (!header) return undefined;
  const span = (node: Nodes): TableCellRead => ({ start: at(node, false), end: at(node, true) });
  const names = header.children.map(cellText);
  // Letters are STAR's only when no other column is a letter: `S | T | R | I | D | E` spells STRIDE.
  const otherLetter = names.some((name) => /^\p{L}$/u.test(name) && !readLabelWords(name, true));
  const headers = names.map((name) => (otherLetter && /^\p{L}$/u.test(name) ? undefined : readLabelWords(name, true)));
  const partColumns = headers.flatMap((read, i) => (read && read.parts.length === 1 ? [i] : []));
  const distinct = new Set(partColumns.map((i) => headers[i]!.parts[0]));
  const titleColumns = headers.flatMap((read, i) => (read ? [] : [i]));
  if (distinct.size >= STORY_HEADER_PARTS && titleColumns.length > 0) {
    const named = titleColumns.find((i) => !NUMBER_HEADER.test(names[i]!));
    const titleColumn = named ?? titleColumns[0]!;
    const stories: TableStory[] = [];
    for (const row of rows) {
      const titleCell = row.children[titleColumn];
      const title = titleCell ? cellText(titleCell) : '';
      if (!titleCell || !title) continue;
      stories.push({
        title,
        heading: span(titleCell),
        row: span(row),
        parts: partColumns.flatMap((i) => {
          const cell = row.children[i];
          if (!cell) return [];
          return [{ read: headers[i]!, label: span(cell), content: span(cell), written: names[i]! }];
        }),
      });
    }
    return stories.length ? { kind: 'stories', stories } : undefined;
  }
  return partRows(table, span);
}

/** `| Situation | … |` / `| Task | … |`: two columns, the first naming a part on two rows or more. */
function partRows(table: Table, span: (node: Nodes) => TableCellRead): TableRead {
  if (table.children.some((row) => row.children.length > 2)) return undefined;
  const parts: TablePart[] = [];
  for (const row of table.children as TableRow[]) {
    const [name, text] = row.children;
    const read = name ? readLabelWords(cellText(name), true) : undefined;
    if (!name || !read) continue;
    parts.push({ read, label: span(name), content: text ? span(text) : { start: span(name).end, end: span(name).end }, written: cellText(name) });
  }
  const distinct = new Set(parts.flatMap((p) => p.read.parts));
  return distinct.size >= 2 ? { kind: 'parts', parts } : undefined;
}

/** A cell's text: `<br>` and other inline HTML are line breaks or markup, not words. */
function cellText(cell: TableCell): string {
  return cell.children
    .map((child) => (child.type === 'html' ? ' ' : toString(child)))
    .join('')
    .replace(/[*_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[:：]$/, '');
}
