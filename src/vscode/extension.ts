// Interview Notes: the thin layer between the pure analysis core and VS Code. Everything here adapts
// the core's model to an editor feature; nothing here decides what the notes mean. Each feature is a
// module under features/ with activate(context, store), wired from the one list below.

import * as vscode from 'vscode';
import { ConfigFiles } from './config-file.js';
import { codeActionsFeature } from './features/code-actions.js';
import { commandsFeature } from './features/commands.js';
import { competenciesViewFeature } from './features/competencies-view.js';
import { coverageTableFeature } from './features/coverage-table.js';
import { coverageOnSaveFeature } from './features/coverage-on-save.js';
import { diagnosticsFeature } from './features/diagnostics.js';
import { foldingFeature } from './features/folding.js';
import { hoverFeature } from './features/hover.js';
import { readAsNotesFeature } from './features/read-as-notes.js';
import type { Feature } from './features/feature.js';
import { practiceFeature, type PracticeController } from './features/practice.js';
import { questionsFeature, type QuestionsController } from './features/questions.js';
import { sheetFeature } from './features/sheet.js';
import { statusBarFeature } from './features/status-bar.js';
import { storiesViewFeature, type StoriesProvider } from './features/stories-view.js';
import { storyTimeFeature, type StoryTimeStatus } from './features/story-time.js';
import { tagCompletionFeature } from './features/tag-completion.js';
import { suggestedTagsFeature } from './features/suggested-tags.js';
import type { CompetenciesProvider } from './features/competencies-view.js';
import { workspaceSymbolsFeature } from './features/workspace-symbols.js';
import { NotesStore } from './notes-store.js';
import { readSettings } from './settings-map.js';
import { notesSwitchOf } from './notes-switch.js';

/** Every feature, in the order they start. The next view (competencies, practice) goes here. */
export const FEATURES: readonly Feature[] = [
  storiesViewFeature,
  diagnosticsFeature,
  codeActionsFeature,
  commandsFeature,
  statusBarFeature,
  storyTimeFeature,
  competenciesViewFeature,
  tagCompletionFeature,
  suggestedTagsFeature,
  coverageTableFeature,
  coverageOnSaveFeature,
  practiceFeature,
  questionsFeature,
  sheetFeature,
  hoverFeature,
  foldingFeature,
  workspaceSymbolsFeature,
  readAsNotesFeature,
];

/** What `activate` returns: the parts integration tests look at. */
export interface InterviewNotesApi {
  store: NotesStore;
  stories: StoriesProvider;
  view: vscode.TreeView<unknown>;
  diagnostics: vscode.DiagnosticCollection;
  competencies: CompetenciesProvider;
  competenciesView: vscode.TreeView<unknown>;
  coverageStatus: vscode.StatusBarItem;
  practice: PracticeController;
  questions: QuestionsController;
  statusBar: vscode.StatusBarItem;
  /** `⏱ 1:40 / 2:00`: the time of the story under the cursor or of the selection. */
  storyTime: StoryTimeStatus;
  /** The extension's log folder; the extension host's own log lies beside it. */
  logUri: vscode.Uri;
}

export function activate(context: vscode.ExtensionContext): InterviewNotesApi {
  // In an untrusted workspace, what is read (scope, include, exclude, size cap) comes from the user's
  // own settings only: the workspace's could widen the include glob or lift the cap.
  const settings = () => {
    const config = vscode.workspace.getConfiguration('interviewNotes');
    return readSettings((key) => config.get(key), vscode.workspace.isTrusted ? undefined : (key) => config.inspect(key)?.globalValue ?? config.inspect(key)?.defaultValue);
  };
  let current = settings();
  // The configuration file beats the settings (src/core/config/resolve.ts); set before the store
  // reads the open documents.
  const configFiles = new ConfigFiles();
  // The user's per-file word ("Read This File as Interview Notes") is added last.
  const switches = notesSwitchOf(context);
  const store = new NotesStore(current, (uri) => switches.apply(uri, configFiles.optionsFor(uri, current.options)));
  const takeSettings = () => {
    current = settings();
    store.updateSettings(current);
  };
  context.subscriptions.push(store, configFiles, configFiles.onDidChange(() => store.updateSettings(current)), switches.onDidChange(() => store.updateSettings(current)));
  const api: Record<string, unknown> = { store, logUri: context.logUri };
  for (const feature of FEATURES) Object.assign(api, feature.activate(context, store) ?? {});
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('interviewNotes')) takeSettings();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(takeSettings),
  );
  return api as unknown as InterviewNotesApi;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
