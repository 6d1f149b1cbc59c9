// What the integration tests share: opening workspace files, waiting, and reading what the extension
// shows (diagnostics as one line each, tree labels, offered code actions). Only the vscode API, no
// Node built-in and no assertion library, so that both suites use it: extension.test.ts in the Node
// extension host and web/*.test.ts in the browser's web worker extension host.
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../src/vscode/extension';
import type { StoryElement } from '../../src/vscode/features/stories-view';

export const EXTENSION_ID = 'interview-notes.interview-notes';

/** The extension's API, activated (in the extension host these tests run in). */
export async function activate(): Promise<InterviewNotesApi> {
  const extension = vscode.extensions.getExtension<InterviewNotesApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  return extension.activate();
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function diagnosticLine(code: unknown, r: vscode.Range, severity: string, message?: string): string {
  const s = `${code} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${severity}`;
  return message === undefined ? s : `${s} ${message}`;
}

export function diagnostics(uri: vscode.Uri, withMessages = false): string[] {
  const name: Record<number, string> = { 0: 'error', 1: 'warning', 2: 'information', 3: 'hint' };
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'interview-notes')
    .map((d) => diagnosticLine(typeof d.code === 'object' ? d.code.value : d.code, d.range, name[d.severity], withMessages ? d.message : undefined));
}

export async function quickFixes(uri: vscode.Uri, range: vscode.Range, only?: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, only?.value, 100)) ?? [];
}

export async function revert(editor: vscode.TextEditor): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor('the revert', () => !editor.document.isDirty);
}

export function labels(api: InterviewNotesApi, element?: StoryElement): string[] {
  return api.stories.getChildren(element).map((e) => `${e.data.label} [${e.data.description}]`);
}

/** Applies the code action titled `title` offered at `range`; throws when it is not offered or not applied. */
export async function applyFix(editor: vscode.TextEditor, range: vscode.Range, title: string): Promise<void> {
  // Asked again for a few seconds, as the light bulb is: code actions are computed apart from the
  // diagnostics, and once in a few web-host runs the first request came before ours were there.
  let fixes: vscode.CodeAction[] = [];
  let fix: vscode.CodeAction | undefined;
  const deadline = Date.now() + 5000;
  while (!fix?.edit && Date.now() < deadline) {
    fixes = await quickFixes(editor.document.uri, range);
    fix = fixes.find((a) => a.title === title);
    if (!fix?.edit) await new Promise((r) => setTimeout(r, 100));
  }
  if (!fix?.edit) throw new Error(`"${title}" is not offered; offered: ${fixes.map((a) => a.title).join(' | ')}`);
  if (!(await vscode.workspace.applyEdit(fix.edit))) throw new Error(`"${title}" was not applied`);
}

/** What the fixture notes.md (test/fixtures/workspace) shows, as both suites assert it. */
export const NOTES_MD = {
  categories: ['A. Handling Disagreements [1/2]', 'B. Ownership [0/2]'],
  storiesOfA: ['Disagreed on a design []', 'Disagreed with my manager [missing T R]'],
  storiesOfB: ['Fixed the flaky build [missing T · 1 ❓]', 'Owned an outage [empty]'],
  unfinished: 3,
  diagnostics: [
    'done-but-unfinished 0:3-0:4 warning',
    'missing-section 7:0-7:31 warning',
    'placeholder 13:44-13:45 information',
    'empty-section 14:2-14:11 warning',
    'empty-story 18:0-18:21 warning',
  ],
  /** The quick fix on story A.2's heading (its missing-section finding): the text it replaces, and with what. */
  missingLabelsFix: {
    range: new vscode.Range(7, 0, 7, 31),
    title: 'Insert the missing STAR labels (Task and Result)',
    before: '- **Situation**: A partner date was promised early.\n- **Action**: Proposed a smaller first release.\n',
    after: '- **Situation**: A partner date was promised early.\n- **Task**: \n- **Action**: Proposed a smaller first release.\n- **Result**: \n',
  },
};
