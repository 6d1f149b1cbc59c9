// Where practice history lives (setting `interviewNotes.practice.store`):
//   - `file` (default): `.interview-notes/practice.jsonl` in the first workspace folder, beside the
//     notes (git can track it; the notes stay untouched). On a desktop it is appended with O_APPEND
//     (practice-file.ts); elsewhere (a remote or virtual folder, the browser) through workspace.fs:
//     read, add the line, write a temporary file and rename it over, checking first that nobody
//     wrote meanwhile (else read again), so a line already there is never dropped.
//   - `workspaceState`: the extension's workspace state (also used when the workspace is untrusted
//     or has no folder).
// Either way the history is JSON Lines of the core's format (core/practice/history.ts): a line that
// cannot be read is skipped with a warning naming it, and kept as it is.

import * as vscode from 'vscode';
import { practice } from '../core/index.js';
import { nodeHistoryFile } from './practice-file.js';

export const HISTORY_FILE = '.interview-notes/practice.jsonl';
const STATE_KEY = 'interviewNotes.practice.history';

export interface HistoryStore {
  /** Where it is, for messages: a path or "the workspace state". */
  readonly where: string;
  read(): Promise<practice.ParsedHistory>;
  append(record: practice.PracticeRecord): Promise<void>;
}

/** The history file through workspace.fs, for folders Node cannot write (remote, virtual, the browser). */
class FsHistory implements HistoryStore {
  constructor(
    private readonly uri: vscode.Uri,
    readonly where: string,
  ) {}

  private async bytes(): Promise<Uint8Array> {
    try {
      return await vscode.workspace.fs.readFile(this.uri);
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return new Uint8Array();
      throw e;
    }
  }

  async read(): Promise<practice.ParsedHistory> {
    return practice.parseHistory(new TextDecoder().decode(await this.bytes()));
  }

  async append(record: practice.PracticeRecord): Promise<void> {
    const line = new TextEncoder().encode(practice.appendRecord(record));
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.uri, '..'));
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = await this.bytes();
      // A torn last line (an interrupted write) gets its newline, so the new record is a line of its own.
      const tornLine = before.length > 0 && before[before.length - 1] !== 0x0a;
      const after = new Uint8Array(before.length + (tornLine ? 1 : 0) + line.length);
      after.set(before);
      if (tornLine) after[before.length] = 0x0a;
      after.set(line, after.length - line.length);
      const temp = this.uri.with({ path: `${this.uri.path}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp` });
      await vscode.workspace.fs.writeFile(temp, after);
      // Another window appended meanwhile: start again from what it wrote.
      if (!sameBytes(await this.bytes(), before)) {
        await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
        continue;
      }
      await vscode.workspace.fs.rename(temp, this.uri, { overwrite: true });
      return;
    }
    throw new Error(`${this.where} kept changing while the rating was written; it was not recorded`);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The history file through Node's fs (desktop): appends are single O_APPEND writes. */
class NodeFileHistory implements HistoryStore {
  constructor(
    private readonly file: NonNullable<ReturnType<typeof nodeHistoryFile>>,
    readonly where: string,
  ) {}

  async read(): Promise<practice.ParsedHistory> {
    return this.file.read();
  }

  async append(record: practice.PracticeRecord): Promise<void> {
    this.file.append(record);
  }
}

/** The history in the extension's workspace state: the same lines, kept by VS Code. */
class StateHistory implements HistoryStore {
  readonly where = 'the workspace state';
  constructor(private readonly memento: vscode.Memento) {}

  async read(): Promise<practice.ParsedHistory> {
    const lines = this.memento.get<unknown>(STATE_KEY);
    return practice.parseHistory(Array.isArray(lines) ? lines.filter((l) => typeof l === 'string').join('') : '');
  }

  async append(record: practice.PracticeRecord): Promise<void> {
    const lines = this.memento.get<unknown>(STATE_KEY);
    await this.memento.update(STATE_KEY, [...(Array.isArray(lines) ? lines : []), practice.appendRecord(record)]);
  }
}

export type StoreSetting = 'file' | 'workspaceState';

/** The store the setting asks for, where it can be: the file needs a trusted workspace with a folder. */
export function historyStore(setting: StoreSetting, state: vscode.Memento): HistoryStore {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (setting !== 'file' || !folder || !vscode.workspace.isTrusted) return new StateHistory(state);
  const uri = vscode.Uri.joinPath(folder.uri, HISTORY_FILE);
  const where = vscode.workspace.asRelativePath(uri, false);
  const node = nodeHistoryFile(uri);
  return node ? new NodeFileHistory(node, where) : new FsHistory(uri, where);
}

/** The warning for lines that could not be read, or undefined when every line was read. */
export function skippedWarning(where: string, skipped: readonly practice.SkippedLine[]): string | undefined {
  if (skipped.length === 0) return undefined;
  const first = skipped[0]!;
  const lines = skipped.length === 1 ? `line ${first.line} (${first.reason}) was` : `${skipped.length} lines (line ${first.line}: ${first.reason}; …) were`;
  return `Practice history in ${where}: ${lines} not readable and skipped. Nothing was removed: the file keeps every line as it is.`;
}
