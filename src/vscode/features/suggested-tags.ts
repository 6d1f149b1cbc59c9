// A 🔸 note that names a known competency (`🔸 also good for customer obsession`) is a suggested tag:
// on the note's line a quick fix "Tag This Story with “Customer Obsession”" makes it a real one,
// appended to the story's tag line or as a new `- **Tags**:` line under its heading (the core's
// bank.addTagEdit). The story is read for its tags only when a 🔸 mark is on the lines asked about,
// so moving the cursor elsewhere costs nothing.

import * as vscode from 'vscode';
import { bank, type Span } from '../../core/index.js';
import type { NotesStore } from '../notes-store.js';
import { toRange } from '../positions.js';
import { MARKDOWN_SELECTOR } from '../selector.js';
import type { Feature } from './feature.js';

const overlapsLines = (span: Span, lines: Span) => span.start <= lines.end && lines.start <= span.end;

export class SuggestedTagActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: NotesStore) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    const entry = this.store.analyzeDocument(document);
    if (!entry?.model.isNotes || entry.tooLarge || entry.analyzing) return [];
    // The whole lines of the range: a 🔸 note is offered anywhere on its line.
    const lines: Span = { start: document.offsetAt(document.lineAt(range.start.line).range.start), end: document.offsetAt(document.lineAt(range.end.line).range.end) };
    const at = bank.storyAt(entry.model, lines.start);
    const story = at?.story;
    if (!at || !story?.highlights?.some((mark) => overlapsLines(mark, lines))) return [];
    const options = this.store.optionsOf(entry.uri).bank ?? {};
    const frontMatter = bank.frontMatterOf(entry.text);
    const tags = bank.readStoryTags(entry.text, story, {
      ...(options.frameworks ? { frameworks: options.frameworks } : {}),
      ...(options.fromCategory !== undefined ? { fromCategory: options.fromCategory } : {}),
      category: { title: at.category.title, ...(at.category.heading ? { heading: at.category.heading } : {}) },
      ...(frontMatter ? { frontMatter } : {}),
    });
    return tags.suggested
      .filter((s) => overlapsLines(s.span, lines) && s.competencies[0])
      .map((s) => {
        const name = s.competencies[0]!.name;
        const edit = bank.addTagEdit(entry.text, story, tags, name);
        const action = new vscode.CodeAction(`Tag This Story with “${name}”`, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, toRange(entry.positions, edit.span), edit.newText);
        return action;
      });
  }
}

export const suggestedTagsFeature: Feature = {
  id: 'suggested-tags',
  activate(context, store) {
    context.subscriptions.push(
      vscode.languages.registerCodeActionsProvider(MARKDOWN_SELECTOR, new SuggestedTagActions(store), { providedCodeActionKinds: SuggestedTagActions.providedCodeActionKinds }),
    );
  },
};
