// Interview Notes: the thin layer between the pure analysis core and VS Code. Everything here adapts
// the core's model to an editor feature; nothing here decides what the notes mean.

import * as vscode from 'vscode';
import { NotesCodeActions } from './code-actions.js';
import { registerCommands } from './commands.js';
import { ConfigFiles } from './config-file.js';
import { DiagnosticsController } from './diagnostics.js';
import { NotesStore } from './notes-store.js';
import { readSettings } from './settings-map.js';
import { StatusBar } from './status-bar.js';
import { StoriesProvider } from './stories-view.js';

/** What `activate` returns: the parts integration tests look at. */
export interface InterviewNotesApi {
  store: NotesStore;
  stories: StoriesProvider;
  view: vscode.TreeView<unknown>;
  diagnostics: vscode.DiagnosticCollection;
}

export function activate(context: vscode.ExtensionContext): InterviewNotesApi {
  const settings = () => readSettings((key) => vscode.workspace.getConfiguration('interviewNotes').get(key));
  let current = settings();
  // The configuration file beats the settings (src/core/config/resolve.ts); set before the store
  // reads the open documents.
  const configFiles = new ConfigFiles();
  const store = new NotesStore(current, (uri) => configFiles.optionsFor(uri, current.options));
  const stories = new StoriesProvider(store);
  const view = vscode.window.createTreeView('interviewNotes.stories', { treeDataProvider: stories, showCollapseAll: true });
  const diagnostics = new DiagnosticsController(store, vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'));
  const status = new StatusBar(store, () => current.maxFileSize);

  const updateBadge = () => {
    const n = stories.unfinishedCount();
    view.badge = n > 0 ? { value: n, tooltip: `${n} unfinished ${n === 1 ? 'story' : 'stories'}` } : undefined;
  };
  updateBadge();

  // Follow the cursor: moving into a story selects it in the tree (only while the view is visible).
  const follow = vscode.window.onDidChangeTextEditorSelection((e) => {
    if (!current.followCursor || !view.visible || e.textEditor.document.languageId !== 'markdown') return;
    const element = stories.elementAt(e.textEditor.document.uri, e.textEditor.document.offsetAt(e.selections[0]!.active));
    if (element && !view.selection.includes(element)) void view.reveal(element, { select: true, focus: false, expand: false });
  });

  context.subscriptions.push(
    configFiles,
    configFiles.onDidChange(() => store.updateSettings(current)),
    store,
    stories,
    view,
    diagnostics,
    status,
    follow,
    store.onDidChange(updateBadge),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new NotesCodeActions(store), {
      providedCodeActionKinds: NotesCodeActions.providedCodeActionKinds,
    }),
    ...registerCommands(store, stories),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('interviewNotes')) return;
      current = settings();
      store.updateSettings(current);
      status.update();
    }),
  );
  void vscode.commands.executeCommand('setContext', 'interviewNotes.filterUnfinished', false);
  return { store, stories, view: view as vscode.TreeView<unknown>, diagnostics: diagnostics.collection };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
