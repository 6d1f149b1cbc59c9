// A story's title as a plain numbered line, as notes written in a text editor have it:
//   1 – Northwind Freight (2014–2018)
//   3.1 – The second project there
// A number (or two, dotted), a dash between spaces, and a title that starts with a letter or a
// digit. Read only from a paragraph's first line and outside lists; structure.ts takes it for a story
// only in files whose stories are title lines, never as a sub-story of a heading.

const NUMBERED_TITLE = /^(\d{1,2}(?:\.\d{1,2})?)[ \t]+[–—-][ \t]+([\p{L}\p{N}][^\r\n]{0,118})$/u;

export interface TitleLine {
  number: string;
  title: string;
}

/** `1 – Northwind Freight (2014–2018)`: a numbered title line, or undefined. */
export function readTitleLine(line: string): TitleLine | undefined {
  const m = NUMBERED_TITLE.exec(line.trim());
  return m ? { number: m[1]!, title: m[2]!.trim() } : undefined;
}

/** A line that is nothing but a label's words (`Context`, `Ações & Liderança (Skin in the Game)`). */
export const BARE_LABEL_LINE = /^([\p{L}][\p{L} /&()（）]{0,60}?)[ \t]*$/u;
