// The palette commands (all under the "Interview Notes" category) and the view's actions.

import * as vscode from 'vscode';
import { categoryTitle, detectLineEnding, ENCODING_RULE_ID, fixAll, newCategory, newStory, NOTES_TEMPLATE, summarize, type Category, type Scaffold } from '../../core/index.js';
import { workspaceEdit } from './code-actions.js';
import type { NotesEntry, NotesStore } from '../notes-store.js';
import { toPosition, toRange } from '../positions.js';
import type { Feature } from './feature.js';
import type { StoryElement } from './stories-view.js';

/** The editor commands (the Stories view registers its own actions: filter, refresh). */
export function registerCommands(store: NotesStore): vscode.Disposable[] {
  const register = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
  return [
    register('interviewNotes.reveal', (uri: string | vscode.Uri, offset: number) => reveal(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri, offset)),
    register('interviewNotes.newStory', (element?: StoryElement) => addStory(store, element)),
    register('interviewNotes.newStoryHere', (element?: StoryElement) => addStory(store, element)),
    register('interviewNotes.newCategory', () => addCategory(store)),
    register('interviewNotes.nextUnfinished', () => goToUnfinished(store, 1)),
    register('interviewNotes.previousUnfinished', () => goToUnfinished(store, -1)),
    register('interviewNotes.repairEncoding', () => applyRule(store, ENCODING_RULE_ID, 'No mis-encoded text in this file.')),
    register('interviewNotes.fixAll', () => applyRule(store, undefined, 'Nothing to fix with certainty in this file.')),
    register('interviewNotes.newNotesFile', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: NOTES_TEMPLATE });
      await vscode.window.showTextDocument(document);
    }),
  ];
}

export const commandsFeature: Feature = {
  id: 'commands',
  activate(context, store) {
    context.subscriptions.push(...registerCommands(store));
  },
};

async function reveal(uri: vscode.Uri, offset: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false, preview: true });
  const position = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The active editor when it shows notes, analysed up to its current text. */
function activeNotes(store: NotesStore): { editor: vscode.TextEditor; entry: NotesEntry } | undefined {
  const editor = vscode.window.activeTextEditor;
  const entry = editor && store.analyzeDocument(editor.document);
  if (!editor || !entry?.model.isNotes) {
    void vscode.window.showInformationMessage('Open an interview notes file first (Markdown with STAR stories).');
    return undefined;
  }
  return { editor, entry };
}

async function insertScaffold(editor: vscode.TextEditor, scaffold: Scaffold): Promise<void> {
  const at = editor.document.positionAt(scaffold.offset);
  await editor.insertSnippet(new vscode.SnippetString(scaffold.snippet), at);
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function addStory(store: NotesStore, element?: StoryElement): Promise<void> {
  let target: { editor: vscode.TextEditor; entry: NotesEntry } | undefined;
  if (element) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(element.data.uri));
    const editor = await vscode.window.showTextDocument(document);
    const entry = store.analyzeDocument(document);
    if (entry?.model.isNotes) target = { editor, entry };
  } else {
    target = activeNotes(store);
  }
  if (!target) return;
  const { editor, entry } = target;
  const categories = entry.model.categories;
  let category: Category | undefined;
  if (element?.data.kind === 'category') {
    category = categories.find((c) => (c.heading?.start ?? c.span.start) === element.data.offset);
  } else if (categories.length === 1) {
    category = categories[0];
  } else if (categories.length > 1) {
    const picked = await vscode.window.showQuickPick(
      categories.map((c) => ({ label: categoryTitle(c), description: `${c.stories.length} stories`, category: c })),
      { placeHolder: 'Add the story to which category?' },
    );
    if (!picked) return;
    category = picked.category;
  }
  await insertScaffold(editor, newStory(entry.text, entry.model, entry.analyzer.structure, category, detectLineEnding(entry.text)));
}

async function addCategory(store: NotesStore): Promise<void> {
  const target = activeNotes(store);
  if (!target) return;
  const { editor, entry } = target;
  await insertScaffold(editor, newCategory(entry.text, entry.model, entry.analyzer.structure, detectLineEnding(entry.text)));
}

async function goToUnfinished(store: NotesStore, direction: 1 | -1): Promise<void> {
  const target = activeNotes(store);
  if (!target) return;
  const { editor, entry } = target;
  const unfinished = summarize(entry.model).unfinishedStories.map((story) => story.heading.start);
  if (unfinished.length === 0) {
    void vscode.window.showInformationMessage('Every story in this file is complete. ★');
    return;
  }
  const here = editor.document.offsetAt(editor.selection.active);
  const next =
    direction === 1 ? (unfinished.find((o) => o > here) ?? unfinished[0]!) : ([...unfinished].reverse().find((o) => o < here) ?? unfinished.at(-1)!);
  const position = toPosition(entry.positions, next);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(toRange(entry.positions, { start: next, end: next }), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function applyRule(store: NotesStore, rule: string | undefined, nothing: string): Promise<void> {
  const target = activeNotes(store);
  if (!target) return;
  const { editor, entry } = target;
  const { edits } = fixAll(entry.text, entry.model, store.optionsOf(entry.uri), rule === undefined ? {} : { rule });
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(nothing);
    return;
  }
  await vscode.workspace.applyEdit(workspaceEdit(editor.document, entry, edits));
}
