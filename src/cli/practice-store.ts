// The practice history on disk (`.interview-notes/practice.jsonl` by default): append-only, so a
// user's history is never lost. Each rating is one complete line written by one write(2) on a file
// opened with O_APPEND: the kernel puts every such write at the end of the file as a whole, so two
// windows appending at once interleave whole lines, never parts of them. The file is never truncated
// or rewritten. A line torn by an interrupted write is skipped on reading (history.ts) and the next
// append starts on a fresh line, so the torn bytes spoil only themselves.

import { closeSync, constants, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { appendRecord, foldHistory, parseHistory, type ParsedHistory, type PracticeRecord, type StoryPractice } from '../core/practice/index.js';

export const DEFAULT_PRACTICE_FILE = '.interview-notes/practice.jsonl';

// Read and write: reading only looks at the last byte (at an explicit position); every write goes to
// the end of the file whatever the position, because of O_APPEND.
const APPEND_FLAGS = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT;

/** Whether the file's last byte is something other than a newline: a torn line from an interrupted write. */
function endsMidLine(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

export class PracticeStore {
  constructor(readonly path: string) {}

  /** The history's records and the lines skipped; an absent file is an empty history. */
  read(): ParsedHistory {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], skipped: [] };
      throw e;
    }
    return parseHistory(text);
  }

  /** Each story's practice, folded from the records. */
  states(): Map<string, StoryPractice> {
    return foldHistory(this.read().records);
  }

  /** Appends one record as one line, creating the file (and its folder) when absent; synced to disk before it returns. */
  append(record: PracticeRecord): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const line = appendRecord(record);
    const fd = openSync(this.path, APPEND_FLAGS, 0o644);
    try {
      // A torn last line gets its newline in the same write as the record: one write, one whole line.
      const bytes = Buffer.from(endsMidLine(fd) ? '\n' + line : line, 'utf8');
      const written = writeSync(fd, bytes);
      // A regular file takes a write of a few hundred bytes whole; a short write means a full disk.
      if (written !== bytes.length) throw new Error(`${this.path}: only ${written} of ${bytes.length} bytes written (disk full?)`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
