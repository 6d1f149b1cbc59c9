// The palette commands (all under the "Interview Notes" category) and the view's actions.

import * as vscode from 'vscode';
import { categoryTitle, certainFix, detectLineEnding, fixSnippets, ENCODING_RULE_ID, fixAll, mayFix, newCategory, newStory, NOTES_TEMPLATE, summarize, type Category, type Finding, type Scaffold } from '../../core/index.js';
import { snippetEdit, workspaceEdit } from './code-actions.js';
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
    register(INSERT_MISSING_COMMAND, (uri: string, headingOffset: number) => insertMissing(store, vscode.Uri.parse(uri), headingOffset)),
    register('interviewNotes.newNotesFile', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: NOTES_TEMPLATE });
      await vscode.window.showTextDocument(document);
    }),
  ];
}

/** Inserts the missing STAR labels of the story whose heading starts at `headingOffset` (the hover's link). */
export const INSERT_MISSING_COMMAND = 'interviewNotes.insertMissingParts';

async function insertMissing(store: NotesStore, uri: vscode.Uri, headingOffset: number): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const entry = store.analyzeDocument(document);
  const finding = entry?.model.findings.find((f) => f.rule === 'missing-section' && f.span.start === headingOffset);
  const snippets = entry && finding && fixSnippets(entry.text, finding);
  if (!entry || !snippets) {
    void vscode.window.showInformationMessage('Nothing to insert with certainty in this story.');
    return false;
  }
  const applied = await vscode.workspace.applyEdit(snippetEdit(document, entry, snippets));
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return applied;
}

export const commandsFeature: Feature = {
  id: 'commands',
  activate(context, store) {
    context.subscriptions.push(...registerCommands(store));
  },
};

async function reveal(uri: vscode.Uri, offset: number): Promise<void> {
  // Focus stays where it was (the Stories view, when Enter or Space chose an item there), as the
  // Explorer's single click does: the next key goes on navigating the tree, not into the notes.
  const editor = await vscode.window.showTextDocument(uri, { preserveFocus: true, preview: true });
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
    const here = editor.document.offsetAt(editor.selection.active);
    const picked = await pickCategory(categories, categories.find((c) => here >= c.span.start && here <= c.span.end));
    if (!picked) return;
    category = picked;
  }
  await insertScaffold(editor, newStory(entry.text, entry.model, entry.analyzer.structure, category, detectLineEnding(entry.text)));
}

/** A category's entry in the New Story picker: its letter and title, and how many stories it has. */
export function categoryPickItem(c: Category): vscode.QuickPickItem & { category: Category } {
  const n = c.stories.length;
  return { label: categoryTitle(c), description: `${n} ${n === 1 ? 'story' : 'stories'}`, category: c };
}

/** Asks which category gets the story, the one under the cursor chosen already. */
async function pickCategory(categories: readonly Category[], current: Category | undefined): Promise<Category | undefined> {
  const pick = vscode.window.createQuickPick<ReturnType<typeof categoryPickItem>>();
  pick.items = categories.map(categoryPickItem);
  pick.placeholder = 'Add the story to which category?';
  const active = pick.items.find((i) => i.category === current);
  if (active) pick.activeItems = [active];
  const chosen = await new Promise<Category | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]?.category ?? pick.activeItems[0]?.category));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  return chosen;
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

/** Applies every certain fix (of `rule`, or of every rule) and says what it did; returns what it said. */
async function applyRule(store: NotesStore, rule: string | undefined, nothing: string): Promise<string | undefined> {
  const target = activeNotes(store);
  if (!target) return undefined;
  const { editor, entry } = target;
  const fixed = entry.model.findings.filter((f) => (rule === undefined || f.rule === rule) && mayFix(f));
  const { edits, model } = fixAll(entry.text, entry.model, store.optionsOf(entry.uri), rule === undefined ? {} : { rule });
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(nothing);
    return nothing;
  }
  if (!(await vscode.workspace.applyEdit(workspaceEdit(editor.document, entry, edits)))) return undefined;
  const left = new Set(model.findings.map((f) => `${f.rule}\u0000${f.message}`));
  const settled = fixed.filter((f) => !left.has(`${f.rule}\u0000${f.message}`));
  const message = rule === ENCODING_RULE_ID ? repairedMessage(entry.text, settled) : `Fixed ${count(settled.length, 'problem')} in this file (Undo restores it).`;
  void vscode.window.showInformationMessage(message);
  return message;
}

/** "Repaired 2 mis-encoded runs: ‚úÖ → ✅, üî∏ → 🔸 (Undo restores them).", from the repairs' own edits. */
function repairedMessage(text: string, findings: readonly Finding[]): string {
  const pairs = [...new Set(findings.flatMap((f) => (certainFix(text, f) ?? []).map((e) => `${text.slice(e.span.start, e.span.end)} → ${e.newText}`)))];
  const shown = pairs.slice(0, 3).join(', ') + (pairs.length > 3 ? ', …' : '');
  return `Repaired ${count(findings.length, 'mis-encoded run')}${shown ? `: ${shown}` : ''} (Undo restores them).`;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
