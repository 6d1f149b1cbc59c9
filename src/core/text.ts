// Line arithmetic on raw text for code that has offsets but no LineIndex (fixes, directives).
// Line breaks are \r\n, \n or a bare \r, as in CommonMark.

import { bomLength } from './markdown-lines.js';

export function lineStartAt(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  // The first line starts after a byte order mark: nothing is inserted before it.
  if (i === 0 && offset > 0 && bomLength(text)) return 1;
  return i;
}

/** The end of the last line that holds content before `end` (never between a \r and its \n). */
export function lastContentLineEnd(text: string, end: number): number {
  let i = Math.max(0, Math.min(end, text.length));
  while (i > 0 && (text[i - 1] === '\n' || text[i - 1] === '\r')) i--;
  return lineEndAt(text, i);
}

/** Whether `line` (a whole line) is blank. */
export function isBlankLine(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

export function lineEndAt(text: string, offset: number): number {
  let i = Math.max(offset, 0);
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Start of the line after the one holding `offset`, or undefined on the last line. */
export function nextLineStart(text: string, offset: number): number | undefined {
  const end = lineEndAt(text, offset);
  if (end >= text.length) return undefined;
  return text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
}
