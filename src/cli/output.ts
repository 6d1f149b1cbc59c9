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
