// Workspace symbols (Ctrl+T): every category and story of the notes the extension knows (open files,
// and with the workspace scope every notes file), by title, so "outage" finds "Owned an outage".

import * as vscode from 'vscode';
import { categoryTitle, type Story } from '../../core/index.js';
import type { NotesStore } from '../notes-store.js';
import { toRange } from '../positions.js';
import type { Feature } from './feature.js';

/** Whether every character of `query` appears in `name` in order, ignoring case (VS Code ranks the rest). */
function matches(name: string, query: string): boolean {
  const n = name.toLowerCase();
  let at = 0;
  for (const ch of query.toLowerCase()) {
    if (/\s/.test(ch)) continue;
    at = n.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

export class StorySymbols implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly store: NotesStore) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const symbols: vscode.SymbolInformation[] = [];
    for (const entry of this.store.notes()) {
      const at = (span: { start: number; end: number }) => new vscode.Location(entry.uri, toRange(entry.positions, span));
      for (const category of entry.model.categories) {
        const title = categoryTitle(category);
        if (category.heading && matches(title, query)) symbols.push(new vscode.SymbolInformation(title, vscode.SymbolKind.Namespace, '', at(category.heading)));
        const story = (s: Story, container: string) => {
          if (matches(s.title, query)) symbols.push(new vscode.SymbolInformation(s.title, vscode.SymbolKind.Object, container, at(s.heading)));
          for (const sub of s.stories) story(sub, s.title);
        };
        for (const s of category.stories) story(s, title);
      }
    }
    return symbols;
  }
}

export const workspaceSymbolsFeature: Feature = {
  id: 'workspace-symbols',
  activate(context, store) {
    context.subscriptions.push(vscode.languages.registerWorkspaceSymbolProvider(new StorySymbols(store)));
  },
};
