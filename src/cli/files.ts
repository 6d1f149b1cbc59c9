// Reading and writing notes files byte-exactly: the encoding (UTF-8 or, when the bytes are not valid
// UTF-8, Windows-1252) and the byte order mark are kept, and a write goes through a temporary file
// and a rename so that a crash mid-write leaves the original whole.

import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeFile, encodeFile, type DecodedFile } from '../core/index.js';

export type NotesFile = DecodedFile;

export function readNotesFile(path: string): NotesFile {
  if (statSync(path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  return decodeFile(readFileSync(path));
}

export function writeNotesFileAtomically(path: string, file: NotesFile): void {
  const bytes = encodeFile(file.text, file);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const mode = statSync(path).mode;
  const fd = openSync(temp, 'wx', mode);
  try {
    // The mode given to open is reduced by the umask; set it exactly, so the file keeps its own.
    fchmodSync(fd, mode & 0o7777);
    writeSync(fd, bytes);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(temp);
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (e) {
    unlinkSync(temp);
    throw e;
  }
}
