// **Export Cheat Sheet…**: the one-page sheet of the stories the store knows (src/core/sheet), as a
// self-contained HTML page to print or as Markdown, saved where the user says (never over a notes
// file). The desktop then opens the HTML in the browser; the web build saves it through the same
// save dialog, which there is a download.

import * as vscode from 'vscode';
import { sheet } from '../../core/index.js';
import type { NotesStore } from '../notes-store.js';
import type { Feature } from './feature.js';

export interface ExportArgs {
  format?: 'html' | 'md';
  groupBy?: sheet.SheetGrouping;
  include?: 'complete' | 'all';
  paper?: 'a4' | 'letter';
  /** Where to write it (skips the save dialog). */
  target?: string | vscode.Uri;
  /** Open the HTML once written (default: on the desktop). */
  open?: boolean;
}

async function pick<T extends string>(title: string, items: { label: string; description?: string; value: T }[]): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title, ignoreFocusOut: true }))?.value;
}

/** Exports the sheet; returns where it was written, or undefined when cancelled or nothing to write. */
export async function exportSheet(store: NotesStore, args: ExportArgs = {}): Promise<vscode.Uri | undefined> {
  const notes = store.notes();
  const stories = notes.flatMap((e) => sheet.sheetStories(e.text, e.model, { file: vscode.workspace.asRelativePath(e.uri, false) }));
  if (stories.length === 0) {
    void vscode.window.showInformationMessage('No stories to put on a cheat sheet: open a notes file first.');
    return undefined;
  }
  const complete = stories.filter((s) => s.status === 'complete').length;
  const include =
    args.include ??
    (await pick('Which stories?', [
      { label: 'Complete stories', description: `${complete} of ${stories.length}`, value: 'complete' as const },
      { label: 'Every story', description: `${stories.length}`, value: 'all' as const },
    ]));
  if (!include) return undefined;
  const groupBy =
    args.groupBy ??
    (await pick('Group them by', [
      { label: 'Category', value: 'category' as const },
      { label: 'Competency', description: 'their first tag', value: 'competency' as const },
    ]));
  if (!groupBy) return undefined;
  const groups = sheet.groupSheet(stories, { include, groupBy });
  if (groups.length === 0) {
    void vscode.window.showInformationMessage(`None of the ${stories.length} stories is complete yet: export every story, or finish one first.`);
    return undefined;
  }
  const format = args.format ?? (await pick('Format', [{ label: 'HTML (print to PDF)', value: 'html' as const }, { label: 'Markdown', value: 'md' as const }]));
  if (!format) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? notes[0]!.uri.with({ path: notes[0]!.uri.path.replace(/\/[^/]*$/, '') });
  const target =
    typeof args.target === 'string'
      ? vscode.Uri.parse(args.target)
      : (args.target ??
        (await vscode.window.showSaveDialog({
          title: 'Export Cheat Sheet',
          defaultUri: vscode.Uri.joinPath(folder, format === 'html' ? 'cheat-sheet.html' : 'cheat-sheet.md'),
          filters: format === 'html' ? { HTML: ['html'] } : { Markdown: ['md'] },
        })));
  if (!target) return undefined;
  // The sheet never replaces the notes it was made from.
  if (notes.some((e) => e.uri.toString() === target.toString())) {
    void vscode.window.showErrorMessage('That is one of your notes files: choose another name for the cheat sheet.');
    return undefined;
  }
  const render = format === 'html' ? sheet.sheetHtml : sheet.sheetMarkdown;
  const text = render(groups, { paper: args.paper ?? 'a4' });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const shown = groups.reduce((n, g) => n + g.stories.length, 0);
  const open = args.open ?? vscode.env.uiKind === vscode.UIKind.Desktop;
  if (format === 'html' && open) await vscode.env.openExternal(target);
  else if (format === 'md' && open) await vscode.window.showTextDocument(target);
  void vscode.window.showInformationMessage(`Cheat sheet written: ${vscode.workspace.asRelativePath(target, false)} (${shown} ${shown === 1 ? 'story' : 'stories'}).`);
  return target;
}

export const sheetFeature: Feature = {
  id: 'sheet',
  activate(context, store) {
    context.subscriptions.push(vscode.commands.registerCommand('interviewNotes.exportSheet', (args?: ExportArgs) => exportSheet(store, args)));
  },
};
