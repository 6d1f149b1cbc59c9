// Line arithmetic on raw text for code that has offsets but no LineIndex (fixes, directives).
// Line breaks are \r\n, \n or a bare \r, as in CommonMark.

export function lineStartAt(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
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
