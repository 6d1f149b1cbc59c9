// A notes file's bytes decoded one way wherever they are read outside an editor buffer: the command
// line (src/cli/files.ts) and the extension's workspace-scope reads (src/vscode/notes-store.ts). The
// core's honest decodeFile (UTF-8, UTF-16/32 by BOM, Windows-1252 only when it is the likely reading)
// with the chardet detector naming legacy CJK encodings. Not in the core, which stays free of the
// detector; chardet is plain JavaScript (its file functions, which need `fs`, are not used), so this
// also runs in the web extension host.

import { analyse } from 'chardet';
import { decodeFile, type DecodedFile } from '../core/encoding.js';

/** chardet's best guess on a sample: its statistics need a few kilobytes, and cost about 1.5 s per MB. */
export function guessEncoding(bytes: Uint8Array): string | undefined {
  const SAMPLE = 64 * 1024;
  const best = analyse(bytes.length > SAMPLE ? bytes.subarray(0, SAMPLE) : bytes)[0];
  return best && best.confidence >= 10 ? best.name : undefined;
}

/** The file's text and how it was decoded (see decodeFile). */
export function decodeNotesBytes(bytes: Uint8Array): DecodedFile {
  return decodeFile(bytes, { guessEncoding });
}
