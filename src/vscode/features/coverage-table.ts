// The coverage table as commands: *Show Coverage Table* opens it for every open notes file in an
// untitled Markdown document; *Insert/Update Coverage Table* writes this file's table between
// `<!-- interview-notes:coverage -->` markers (replacing only what is between them), the table
// `interview-notes check --check-generated` checks.

import * as vscode from 'vscode';
import { bank, coverageSummary } from '../../core/index.js';
import type { NotesStore } from '../notes-store.js';
import { toRange } from '../positions.js';
import type { Feature } from './feature.js';

function activeNotes(store: NotesStore): { editor: vscode.TextEditor; text: string } | undefined {
  const editor = vscode.window.activeTextEditor;
  const entry = editor && store.analyzeDocument(editor.document);
  return editor && entry?.model.isNotes ? { editor, text: editor.document.getText() } : undefined;
}

async function updateTable(store: NotesStore): Promise<boolean> {
  const active = activeNotes(store);
  if (!active) {
    void vscode.window.showInformationMessage('Open a notes file to write its coverage table.');
    return false;
  }
  const { editor, text } = active;
  const entry = store.get(editor.document.uri)!;
  const options = store.optionsOf(editor.document.uri).bank;
  const summary = coverageSummary([{ file: editor.document.uri.toString(), text, model: entry.model, ...(options ? { bank: options } : {}) }]);
  const edit = bank.coverageTableEdit(text, summary.rows);
  if (text.slice(edit.span.start, edit.span.end) === edit.newText) return true;
  return editor.edit((b) => b.replace(toRange(editor.document, edit.span), edit.newText));
}

async function showTable(store: NotesStore): Promise<vscode.TextDocument | undefined> {
  const files = store.notes().filter((e) => e.model.isNotes);
  if (files.length === 0) {
    void vscode.window.showInformationMessage('No notes are open.');
    return undefined;
  }
  const summary = coverageSummary(files.map((e) => {
    const options = store.optionsOf(e.uri).bank;
    return { file: e.uri.toString(), text: e.text, model: e.model, ...(options ? { bank: options } : {}) };
  }));
  const heading = `# ${summary.framework.name}: ${summary.covered}/${summary.total} covered`;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: `${heading}\n\n${bank.coverageTable(summary.rows)}\n` });
  await vscode.window.showTextDocument(document, { preview: true });
  return document;
}

export const coverageTableFeature: Feature = {
  id: 'coverage-table',
  activate(context, store) {
    context.subscriptions.push(
      vscode.commands.registerCommand('interviewNotes.updateCoverageTable', () => updateTable(store)),
      vscode.commands.registerCommand('interviewNotes.showCoverageTable', () => showTable(store)),
    );
  },
};
