// Reading and writing notes files without ever damaging one.
//
// Reading: only regular files (a FIFO or a device is refused before it can block or flood), at most
// `maxBytes`, decoded honestly (src/shared/decode.ts: the core's decodeFile, with the chardet
// detector naming legacy CJK encodings; the extension's workspace reads decode the same way).
// Writing (`writeFixedFile`) keeps what the file is:
//   - a symbolic link is written through: its target changes, the link stays a link;
//   - the bytes go to a temporary file in the same folder (a short name, so long file names work),
//     which gets the file's mode and owner, is synced, and is renamed over the file, so a crash
//     mid-write leaves the original whole;
//   - when a rename would lose something — other hard links to the file, or an owner we cannot give
//     the temporary file — the file is rewritten in place instead, from the synced temporary copy,
//     which is kept (and named in the error) if that write fails;
//   - a read-only file, one that is no longer a regular file, or one that changed since it was read
//     (size, modification time or content) is refused with a reason.

import { createHash, randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { encodeFile, type DecodedFile } from '../core/encoding.js';
import { decodeNotesBytes } from '../shared/decode.js';

export { guessEncoding } from '../shared/decode.js';

export type NotesFile = DecodedFile;

/** What was read, to check before writing that the file is still what was read. */
export interface FileStamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface ReadNotes {
  file: NotesFile;
  stamp: FileStamp;
}

export interface ReadOptions {
  /** Larger files are refused (the extension's `interviewNotes.maxFileSize` default is 2 000 000). */
  maxBytes: number;
}

export const DEFAULT_MAX_FILE_BYTES = 2_000_000;

/** The file's text and how it was decoded, or why it cannot be read (a sentence for the user). */
export function readNotesFile(path: string, options: ReadOptions = { maxBytes: DEFAULT_MAX_FILE_BYTES }): ReadNotes | { error: string } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { error: errnoMessage(e) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { error: `not a regular file (${kindOf(stats)})` };
    if (stats.size > options.maxBytes) {
      return { error: `${stats.size} bytes, more than the limit of ${options.maxBytes} (raise it with --max-file-size)` };
    }
    const bytes = readAll(fd, options.maxBytes, stats.size);
    if (bytes === undefined) return { error: `grew past the limit of ${options.maxBytes} bytes while being read` };
    return { file: decodeNotesBytes(bytes), stamp: stampOf(stats, bytes) };
  } catch (e) {
    return { error: errnoMessage(e) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `text` over the file that `read` came from, in its encoding; or says why not. Never leaves
 * the file partly written: either the old bytes or the new ones (or, if an in-place write fails, the
 * new bytes in the named temporary file beside it).
 */
export function writeFixedFile(path: string, read: ReadNotes, text: string): { ok: true } | { error: string } {
  const { file } = read;
  if (file.notWritable) return { error: file.notWritable };
  let bytes: Uint8Array;
  try {
    bytes = encodeFile(text, file);
  } catch (e) {
    return { error: (e as Error).message };
  }
  let target: string;
  let stats: Stats;
  try {
    target = realpathSync(path); // through symbolic links: the link stays, its target is fixed
    stats = statSync(target);
  } catch (e) {
    return { error: errnoMessage(e) };
  }
  if (!stats.isFile()) return { error: `not a regular file any more (${kindOf(stats)})` };
  if ((stats.mode & 0o222) === 0 || !writable(target)) return { error: 'the file is read-only; not fixed (make it writable to fix it)' };
  const changed = changedSince(target, read.stamp);
  if (changed) return { error: changed };

  const temp = join(dirname(target), `.in-${process.pid.toString(36)}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o600);
  } catch (e) {
    return { error: `cannot create a temporary file beside it: ${errnoMessage(e)}` };
  }
  let inPlace = stats.nlink > 1; // a rename would cut the other hard links off
  try {
    try {
      fchownSync(fd, stats.uid, stats.gid);
    } catch {
      inPlace = true; // not root: the new file would change owner, so keep the old inode
    }
    // The mode given to open is reduced by the umask; set it exactly, so the file keeps its own.
    fchmodSync(fd, stats.mode & 0o7777);
    writeSync(fd, bytes);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(temp);
    return { error: `cannot write the temporary file: ${errnoMessage(e)}` };
  }
  closeSync(fd);
  // Right before replacing, once more: an edit saved while we worked must not be lost.
  const changedNow = changedSince(target, read.stamp);
  if (changedNow) {
    unlinkSync(temp);
    return { error: changedNow };
  }
  if (!inPlace) {
    try {
      renameSync(temp, target);
      return { ok: true };
    } catch (e) {
      unlinkSync(temp);
      return { error: errnoMessage(e) };
    }
  }
  try {
    overwrite(target, bytes);
  } catch (e) {
    return { error: `the in-place write failed (${errnoMessage(e)}); the fixed text is in ${temp}` };
  }
  unlinkSync(temp);
  return { ok: true };
}

/** Rewrites the file's own inode: keeps hard links, owner, ACLs. */
function overwrite(target: string, bytes: Uint8Array): void {
  const fd = openSync(target, constants.O_WRONLY | constants.O_NONBLOCK);
  try {
    writeSync(fd, bytes, 0, bytes.length, 0);
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Why the file is not what was read any more, or undefined if it is. */
function changedSince(target: string, stamp: FileStamp): string | undefined {
  const CHANGED = 'the file changed since it was read (edited meanwhile?); not fixed, run again';
  let fd: number;
  try {
    fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return errnoMessage(e);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.dev !== stamp.dev || stats.ino !== stamp.ino) return CHANGED;
    if (stats.size !== stamp.size || stats.mtimeMs !== stamp.mtimeMs) return CHANGED;
    const bytes = readAll(fd, stamp.size, stamp.size);
    if (bytes === undefined || sha256(bytes) !== stamp.sha256) return CHANGED;
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * The file's bytes, or undefined if there are more than `max`. Read into one buffer of the size the
 * file had (`expected`) and one byte more, so a file that grew since is seen at once, grown when it
 * did: a fixed 1 MB chunk per file was 770 MB of garbage for `check` over 770 small READMEs.
 */
function readAll(fd: number, max: number, expected: number): Uint8Array | undefined {
  let buffer = new Uint8Array(Math.min(expected, max) + 1);
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      const grown = new Uint8Array(Math.min(buffer.length * 2, max + 1));
      grown.set(buffer);
      buffer = grown;
    }
    const n = readSync(fd, buffer, total, buffer.length - total, null);
    if (n === 0) break;
    total += n;
    if (total > max) return undefined;
  }
  return buffer.subarray(0, total);
}

/** The stamp of what was read; its hash is taken when first asked for (only --fix writes back). */
function stampOf(stats: Stats, bytes: Uint8Array): FileStamp {
  let hash: string | undefined;
  return {
    dev: stats.dev,
    ino: stats.ino,
    size: stats.size,
    mtimeMs: stats.mtimeMs,
    get sha256() {
      return (hash ??= sha256(bytes));
    },
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function errnoMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a directory',
    ENOSPC: 'no space left on the device',
    EROFS: 'read-only file system',
    ENAMETOOLONG: 'file name too long',
    ELOOP: 'too many symbolic links',
  };
  return (err.code && reasons[err.code]) ?? err.code ?? err.message;
}
