// The one place where UTF-16 offsets become lines and columns and back.
// Line breaks are what CommonMark (and so micromark) and VS Code count: \r\n, \n and a bare \r.

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit within the line (VS Code's `Position.character`). */
  character: number;
}

export class LineIndex {
  /** Offset at which each line starts; lineStarts[0] === 0. */
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    const re = /\r\n?|\n/g;
    for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Clamps the offset into the text, so no caller can produce a position outside the document. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(Math.floor(offset), this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo]! };
  }

  /** 1-based line and column, as the command-line output and JSON use. */
  lineColumnAt(offset: number): { line: number; column: number } {
    const p = this.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  }

  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.lineStarts.length - 1));
    const start = this.lineStarts[line]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(line));
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }

  /** Offset of the end of the line's content (before its line break). */
  lineEnd(line: number): number {
    const l = Math.max(0, Math.min(line, this.lineStarts.length - 1));
    if (l + 1 >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[l + 1]!;
    if (this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13) return next - 2;
    return next - 1;
  }
}

/** The document's dominant line break, used for text the analysis inserts. */
export function detectLineEnding(text: string): '\n' | '\r\n' | '\r' {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  const re = /\r\n?|\n/g;
  let seen = 0;
  for (let m = re.exec(text); m && seen < 1000; m = re.exec(text), seen++) {
    if (m[0] === '\r\n') crlf++;
    else if (m[0] === '\n') lf++;
    else cr++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}
