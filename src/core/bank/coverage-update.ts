// The coverage table's update on save: the edit that rewrites a stale table touches only the text
// between its markers, and only a table the command could have written (each marker on a line of
// its own, outside any fenced code block). A file that quotes the markers, say in a README's code
// sample or an inline code span, is never rewritten behind the user's back.

import type { Span, TextEdit } from '../model.js';
import { COVERAGE_END, COVERAGE_START, coverageTable, type CoverageRow } from './coverage.js';

const eolOf = (text: string) => (/\r\n/.test(text) ? '\r\n' : '\n');

/** The line of `text` that holds `offset`, without its line ending. */
function lineAround(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  return text.slice(start, newline < 0 ? text.length : newline).replace(/\r$/, '');
}

/** A marker alone on its line (indented by at most three spaces, as an HTML block starts). */
function standsAlone(text: string, at: number, marker: string): boolean {
  const line = lineAround(text, at);
  return line.trim() === marker && /^ {0,3}</u.test(line);
}

// A line that opens or closes a fenced code block. Read here rather than by a Markdown parse: this
// runs while VS Code waits to save the file, and a parse of a large file would outlast the time
// VS Code gives a save participant. Any indentation counts (fences in list items are indented), so
// that a marker in doubt counts as inside code and is left alone.
const FENCE_LINE = /^[ \t>]*(`{3,}|~{3,})/gmu;

/** Whether `offset` is inside a fenced code block, by the fences before it (an unclosed fence runs to the end, as in CommonMark). */
function inFencedCode(text: string, offset: number): boolean {
  let open: string | undefined;
  FENCE_LINE.lastIndex = 0;
  for (let m = FENCE_LINE.exec(text); m && m.index < offset; m = FENCE_LINE.exec(text)) {
    const fence = m[1]!;
    if (open === undefined) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length && lineAround(text, m.index).trim() === fence) open = undefined;
  }
  return open !== undefined;
}

/**
 * Where the table's own lines are: from after the start marker to before the end marker, when both
 * stand alone on their lines, in order, outside code.
 */
export function coverageTableBody(text: string): Span | undefined {
  const start = text.indexOf(COVERAGE_START);
  if (start < 0) return undefined;
  const end = text.indexOf(COVERAGE_END, start + COVERAGE_START.length);
  if (end < 0) return undefined;
  if (!standsAlone(text, start, COVERAGE_START) || !standsAlone(text, end, COVERAGE_END)) return undefined;
  if (inFencedCode(text, start) || inFencedCode(text, end)) return undefined;
  return { start: start + COVERAGE_START.length, end };
}

/**
 * The edit that brings a stale table up to date, replacing only what lies between its markers; none
 * when the table is current (line endings aside), absent, or not one this may rewrite.
 */
export function coverageTableUpdate(text: string, rows: readonly CoverageRow[]): TextEdit | undefined {
  const body = coverageTableBody(text);
  if (!body) return undefined;
  const eol = eolOf(text);
  const table = coverageTable(rows, eol);
  const newText = table.slice(COVERAGE_START.length, table.length - COVERAGE_END.length);
  const normalise = (s: string) => s.replace(/\r\n?/g, '\n');
  if (normalise(text.slice(body.start, body.end)) === normalise(newText)) return undefined;
  return { span: body, newText };
}
