// A feature of the extension: one module under features/, activated from the list in extension.ts
// with the extension's context and the one NotesStore every feature reads its models from. A new
// view (competencies, practice) is one more module and one more line in that list.

import type * as vscode from 'vscode';
import type { NotesStore } from '../notes-store.js';

export interface Feature {
  /** A name for logs and tests. */
  id: string;
  /**
   * Registers what the feature contributes (disposables go to context.subscriptions); returns what
   * integration tests may look at, if anything.
   */
  activate(context: vscode.ExtensionContext, store: NotesStore): Record<string, unknown> | void;
}
