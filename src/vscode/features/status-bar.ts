// "★ 7/12 stories complete" while a notes file is active; a click goes to the next unfinished story.
// A file over the size limit says so here, once, instead of being analysed.

import * as vscode from 'vscode';
import type { NotesStore } from '../notes-store.js';
import type { Feature } from './feature.js';
import { summarize } from '../../core/index.js';
import { diagnosticCut, hiddenNote } from '../diagnostic-cap.js';
import { whyNotNotes } from '../notes-switch.js';
import { READ_AS_NOTES_COMMAND } from './read-as-notes.js';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('interviewNotes.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly store: NotesStore,
    private readonly maxFileSize: () => number,
  ) {
    this.item.name = 'Interview Notes';
    this.disposables = [
      store.onDidChange(() => this.update()),
      store.onDidChangeSettings(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const entry = editor && this.store.get(editor.document.uri);
    if (entry?.tooLarge) {
      const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
      this.item.text = '$(warning) Interview Notes: not analysed';
      this.item.tooltip = `This file (${mb(entry.text.length)}) is larger than interviewNotes.maxFileSize (${mb(this.maxFileSize())}).`;
      this.item.command = { command: 'workbench.action.openSettings', title: 'Open Settings', arguments: ['interviewNotes.maxFileSize'] };
      this.item.show();
      return;
    }
    if (entry && !entry.model.isNotes) {
      // A Markdown file not read as notes: say why, and offer to read it as notes.
      const { why, canReadAsNotes } = whyNotNotes(entry.model, entry.text, this.store.optionsOf(entry.uri));
      this.item.text = '$(circle-slash) Not interview notes';
      this.item.tooltip = `Interview Notes does not read this file as notes: ${why}.${canReadAsNotes ? '\nClick to read this file as interview notes.' : ''}`;
      this.item.command = canReadAsNotes ? { command: READ_AS_NOTES_COMMAND, title: 'Read This File as Interview Notes' } : undefined;
      this.item.show();
      return;
    }
    if (!entry) {
      this.item.hide();
      return;
    }
    const { stories, complete, unfinished } = summarize(entry.model);
    const { hidden } = diagnosticCut(entry.model.findings);
    this.item.text = `${hidden > 0 ? '$(warning) ' : ''}★ ${complete}/${stories} stories complete`;
    const tooltip = unfinished ? 'Go to the next unfinished story' : 'Every story is complete';
    this.item.tooltip = hidden > 0 ? `${tooltip}\n${hiddenNote(hidden, entry.model.findings.length)}` : tooltip;
    this.item.command = unfinished ? 'interviewNotes.nextUnfinished' : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.item.dispose();
  }
}

export const statusBarFeature: Feature = {
  id: 'status-bar',
  activate(context, store) {
    const statusBar = new StatusBar(store, () => store.currentSettings.maxFileSize);
    context.subscriptions.push(statusBar);
    return { statusBar: statusBar.item };
  },
};
