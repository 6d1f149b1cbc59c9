// Completion of competency tags: after `#` in a story's text (`#DiveDeep`) and in a tag label line
// (`- **Tags**: ownership, di…`), the names of the frameworks the file is tagged against. Where a tag
// is being typed is the core's call (tagCompletionAt); this only offers the names.

import { MARKDOWN_SELECTOR } from '../selector.js';
import * as vscode from 'vscode';
import { bank } from '../../core/index.js';
import type { NotesStore } from '../notes-store.js';
import type { Feature } from './feature.js';

export function tagCompletions(store: NotesStore, document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
  if (!store.get(document.uri)?.model.isNotes) return [];
  const prefix = document.lineAt(position.line).text.slice(0, position.character);
  const at = bank.tagCompletionAt(prefix);
  if (!at) return [];
  const range = new vscode.Range(position.line, at.start, position.line, position.character);
  const frameworks = store.optionsOf(document.uri).bank?.frameworks ?? bank.DEFAULT_FRAMEWORKS;
  const items: vscode.CompletionItem[] = [];
  const seen = new Set<string>();
  for (const framework of frameworks) {
    for (const competency of framework.competencies) {
      const text = at.kind === 'hashtag' ? bank.hashtagOf(competency.name) : competency.name;
      if (seen.has(text)) continue;
      seen.add(text);
      const item = new vscode.CompletionItem({ label: text, description: framework.name }, vscode.CompletionItemKind.EnumMember);
      item.range = range;
      // Filtered by the name and its aliases, so `#persuasion` finds Influence.
      item.filterText = at.kind === 'hashtag' ? `#${[competency.name, ...(competency.aliases ?? [])].join(' ')}` : [competency.name, ...(competency.aliases ?? [])].join(' ');
      if (competency.description) item.documentation = competency.description;
      items.push(item);
    }
  }
  return items;
}

export const tagCompletionFeature: Feature = {
  id: 'tag-completion',
  activate(context, store) {
    context.subscriptions.push(
      vscode.languages.registerCompletionItemProvider(MARKDOWN_SELECTOR, { provideCompletionItems: (document, position) => tagCompletions(store, document, position) }, '#'),
    );
  },
};
