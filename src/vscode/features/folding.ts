// Folding ranges for stories and their STAR parts, so "Fold All" folds every story and a long Action
// folds to its label. Markdown's own heading ranges stay; these add the stories that are bold lines or
// list items (sub-stories) and the parts.

import * as vscode from 'vscode';
import type { Story } from '../../core/index.js';
import type { NotesStore } from '../notes-store.js';
import { MARKDOWN_SELECTOR } from '../selector.js';
import { toPosition } from '../positions.js';
import type { Feature } from './feature.js';

export class StoryFolding implements vscode.FoldingRangeProvider {
  constructor(private readonly store: NotesStore) {}

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    const entry = this.store.analyzeDocument(document);
    if (!entry?.model.isNotes) return [];
    const ranges: vscode.FoldingRange[] = [];
    // Up to the last line with text: trailing blank lines stay visible between folded stories.
    const lastLine = (end: number) => {
      let line = toPosition(entry.positions, end).line;
      while (line > 0 && document.lineAt(Math.min(line, document.lineCount - 1)).isEmptyOrWhitespace) line--;
      return line;
    };
    const add = (start: number, end: number) => {
      const from = toPosition(entry.positions, start).line;
      const to = lastLine(end);
      if (to > from) ranges.push(new vscode.FoldingRange(from, to));
    };
    const story = (s: Story) => {
      add(s.heading.start, s.span.end);
      for (const section of s.sections) add(section.label.start, section.span.end);
      for (const sub of s.stories) story(sub);
    };
    for (const category of entry.model.categories) for (const s of category.stories) story(s);
    return ranges;
  }
}

export const foldingFeature: Feature = {
  id: 'folding',
  activate(context, store) {
    context.subscriptions.push(vscode.languages.registerFoldingRangeProvider(MARKDOWN_SELECTOR, new StoryFolding(store)));
  },
};
