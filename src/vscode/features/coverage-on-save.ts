// interviewNotes.coverage.updateOnSave (off by default): saving a notes file whose coverage table no
// longer says what its stories say rewrites the table in the same save. The edit comes from the core
// (bank.coverageTableUpdate) and touches only the text between the markers; a table quoted in code,
// or a file whose analysis is not of the text being saved, is left as it is.

import * as vscode from 'vscode';
import { bank, coverageSummary } from '../../core/index.js';
import type { NotesStore } from '../notes-store.js';
import { toRange } from '../positions.js';
import type { Feature } from './feature.js';

/** The edit that updates the table of `document`, if it has a stale one. */
export function coverageEditOnSave(store: NotesStore, document: vscode.TextDocument): vscode.TextEdit[] {
  if (!store.currentSettings.coverageOnSave || document.languageId !== 'markdown') return [];
  const text = document.getText();
  // Most files have no table: nothing is analysed for them.
  if (!text.includes(bank.COVERAGE_START)) return [];
  const entry = store.analyzeDocument(document);
  const isCurrentNotes = entry !== undefined && entry.model.isNotes && !entry.tooLarge && !entry.analyzing && entry.text === text;
  if (!isCurrentNotes) return [];
  const options = store.optionsOf(document.uri).bank;
  const { rows } = coverageSummary([{ file: document.uri.toString(), text, model: entry.model, ...(options ? { bank: options } : {}) }]);
  const edit = bank.coverageTableUpdate(text, rows);
  return edit ? [vscode.TextEdit.replace(toRange(document, edit.span), edit.newText)] : [];
}

export const coverageOnSaveFeature: Feature = {
  id: 'coverage-on-save',
  activate(context, store) {
    context.subscriptions.push(
      vscode.workspace.onWillSaveTextDocument((e) => {
        const edits = coverageEditOnSave(store, e.document);
        if (edits.length > 0) e.waitUntil(Promise.resolve(edits));
      }),
    );
  },
};
