// Folding ranges for stories and their STAR parts, so "Fold All" folds every story and a long Action
// folds to its label. Markdown's own heading ranges stay; these add the stories that are bold lines or
// list items (sub-stories) and the parts.

import * as vscode from 'vscode';
import { byText, type Category, type Story } from '../../core/index.js';
import type { NotesStore } from '../notes-store.js';
import { MARKDOWN_SELECTOR } from '../selector.js';
import { toPosition } from '../positions.js';
import type { Feature } from './feature.js';

/** A category's ranges as lines from its first line: the same for every copy of its text. */
type RelativeRanges = readonly (readonly [number, number])[];

export class StoryFolding implements vscode.FoldingRangeProvider {
  // Kept by the category's text token (a category an edit only moved has its original's), so after a
  // keystroke in a large file only the rebuilt category's stories are read; a moved category's stories
  // are made when first read (the core's shiftCategory).
  private readonly byText = new WeakMap<object, RelativeRanges>();

  constructor(private readonly store: NotesStore) {}

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    const entry = this.store.analyzeDocument(document);
    if (!entry?.model.isNotes) return [];
    const ranges: vscode.FoldingRange[] = [];
    for (const category of entry.model.categories) {
      const first = toPosition(entry.positions, category.span.start);
      const read = () => categoryRanges(document, entry.positions, category, first.line);
      // Lines from a category's start are its text's alone only when it starts a line.
      const relative = first.character === 0 ? byText(this.byText, category, read) : read();
      for (const [from, to] of relative) ranges.push(new vscode.FoldingRange(first.line + from, first.line + to));
    }
    return ranges;
  }
}

/** The ranges of a category's stories and parts, as lines from `base`. */
function categoryRanges(document: vscode.TextDocument, positions: Parameters<typeof toPosition>[0], category: Category, base: number): RelativeRanges {
  const out: [number, number][] = [];
  // Up to the last line with text: trailing blank lines stay visible between folded stories.
  const lastLine = (end: number) => {
    let line = toPosition(positions, end).line;
    while (line > 0 && document.lineAt(Math.min(line, document.lineCount - 1)).isEmptyOrWhitespace) line--;
    return line;
  };
  const add = (start: number, end: number) => {
    const from = toPosition(positions, start).line;
    const to = lastLine(end);
    if (to > from) out.push([from - base, to - base]);
  };
  const story = (s: Story) => {
    add(s.heading.start, s.span.end);
    for (const section of s.sections) add(section.label.start, section.span.end);
    for (const sub of s.stories) story(sub);
  };
  for (const s of category.stories) story(s);
  return out;
}

export const foldingFeature: Feature = {
  id: 'folding',
  activate(context, store) {
    context.subscriptions.push(vscode.languages.registerFoldingRangeProvider(MARKDOWN_SELECTOR, new StoryFolding(store)));
  },
};
