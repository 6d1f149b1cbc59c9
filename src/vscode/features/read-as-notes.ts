// "Read This File as Interview Notes" and its way back, for a Markdown file the core did not read as
// notes; and the context key that shows the Stories view's welcome button for it.

import * as vscode from 'vscode';
import { notesSwitchOf, whyNotNotes } from '../notes-switch.js';
import type { NotesEntry, NotesStore } from '../notes-store.js';
import type { Feature } from './feature.js';

export const READ_AS_NOTES_COMMAND = 'interviewNotes.readAsNotes';
export const STOP_READING_AS_NOTES_COMMAND = 'interviewNotes.stopReadingAsNotes';

/** The active editor's Markdown file when the core did not read it as notes (and it was analysed). */
export function activeNotNotes(store: NotesStore): NotesEntry | undefined {
  const editor = vscode.window.activeTextEditor;
  const entry = editor && store.get(editor.document.uri);
  return entry && !entry.tooLarge && !entry.model.isNotes ? entry : undefined;
}

export const readAsNotesFeature: Feature = {
  id: 'read-as-notes',
  activate(context, store) {
    const switches = notesSwitchOf(context);
    const target = (uri?: vscode.Uri) => uri ?? vscode.window.activeTextEditor?.document.uri;
    const updateContext = () => {
      const entry = activeNotNotes(store);
      const offer = entry !== undefined && whyNotNotes(entry.model, entry.text, store.optionsOf(entry.uri)).canReadAsNotes;
      void vscode.commands.executeCommand('setContext', 'interviewNotes.activeFileNotNotes', offer);
      const editor = vscode.window.activeTextEditor;
      void vscode.commands.executeCommand('setContext', 'interviewNotes.activeFileReadAsNotes', editor !== undefined && switches.isOn(editor.document.uri));
    };
    context.subscriptions.push(
      vscode.commands.registerCommand(READ_AS_NOTES_COMMAND, async (uri?: vscode.Uri) => {
        const file = target(uri);
        if (file) await switches.set(file, true);
      }),
      vscode.commands.registerCommand(STOP_READING_AS_NOTES_COMMAND, async (uri?: vscode.Uri) => {
        const file = target(uri);
        if (file) await switches.set(file, false);
      }),
      store.onDidChange(updateContext),
      vscode.window.onDidChangeActiveTextEditor(updateContext),
    );
    updateContext();
  },
};
