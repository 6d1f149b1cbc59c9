// The practice history file on a desktop (Node extension host, `file:` workspace): the command
// line's PracticeStore, which appends each rating as one write(2) with O_APPEND, so two windows
// rating at once both keep their lines. The browser build has no Node and takes
// practice-file.web.ts instead (scripts/build.mjs swaps it in).

import type * as vscode from 'vscode';
import { PracticeStore } from '../cli/practice-store.js';
import type { ParsedHistory, PracticeRecord } from '../core/practice/index.js';

export interface AppendOnlyFile {
  read(): ParsedHistory;
  append(record: PracticeRecord): void;
}

/** The history file at `uri` through Node's fs, or undefined where there is no Node or no local file. */
export function nodeHistoryFile(uri: vscode.Uri): AppendOnlyFile | undefined {
  return uri.scheme === 'file' ? new PracticeStore(uri.fsPath) : undefined;
}
