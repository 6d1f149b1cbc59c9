// The browser build's twin of practice-file.ts: there is no Node here, so the history goes through
// workspace.fs (practice-history.ts's FsHistory) or the workspace state.

import type * as vscode from 'vscode';
import type { AppendOnlyFile } from './practice-file.js';

export type { AppendOnlyFile } from './practice-file.js';

export function nodeHistoryFile(_uri: vscode.Uri): AppendOnlyFile | undefined {
  return undefined;
}
