// Writing to standard output and error synchronously, so that a long run streams and a reader that
// goes away (`| head -1`: EPIPE) ends the run quietly instead of with a stack trace.

import { writeSync } from 'node:fs';

export class BrokenPipe extends Error {}

/** Writes all of `text` to a file descriptor; EAGAIN (a non-blocking pipe that is full) waits. */
export function writeAll(fd: number, text: string): void {
  let bytes = Buffer.from(text, 'utf8');
  while (bytes.length > 0) {
    try {
      const n = writeSync(fd, bytes);
      bytes = bytes.subarray(n);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') throw new BrokenPipe('broken pipe');
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

/**
 * Standard output as C's stdio buffers it: a line at a time to a terminal, so a person sees each
 * file as it is checked; in blocks to a pipe or a file, where a write per file was an eighth of a
 * run over 760 READMEs (one system call, and a turn of the reader, per line). A block is at most
 * `BLOCK` characters, so a run over 100 000 files still streams in bounded memory.
 */
export class BufferedOutput {
  private static readonly BLOCK = 16 * 1024;
  private pending: string[] = [];
  private length = 0;

  constructor(
    private readonly fd: number,
    private readonly lineBuffered: boolean,
  ) {}

  write(text: string): void {
    if (this.lineBuffered) return writeAll(this.fd, text);
    this.pending.push(text);
    this.length += text.length;
    if (this.length >= BufferedOutput.BLOCK) this.flush();
  }

  /** Writes what is pending (before standard error is written to, and at the end of the run). */
  flush(): void {
    if (this.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.length = 0;
    writeAll(this.fd, text);
  }
}
