// Applying edits to text: shared by the command line's --fix and the extension's "fix all", so both
// apply exactly the same certain fixes in the same way.

import { NotesAnalyzer, type AnalyzeOptions } from './analyzer.js';
import type { NotesModel, TextEdit } from './model.js';

/**
 * Applies edits that do not overlap (an edit overlapping one already taken is skipped). Text outside
 * the edits' spans is copied unchanged.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number; taken: Set<TextEdit> } {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const taken: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.span.start < 0 || e.span.end > text.length || e.span.start > e.span.end) continue;
    // Edits that only touch (an insertion right after a replacement) both apply, in order; anything
    // that overlaps is left for the next pass.
    if (e.span.start < lastEnd) continue;
    taken.push(e);
    lastEnd = Math.max(lastEnd, e.span.end);
  }
  let out = '';
  let pos = 0;
  for (const e of taken) {
    out += text.slice(pos, e.span.start) + e.newText;
    pos = e.span.end;
  }
  out += text.slice(pos);
  return { text: out, applied: taken.length, taken: new Set(taken) };
}

/**
 * Applies every certain fix (each finding's `fix`), re-analysing until none is left, at most a few
 * rounds: a fix never creates another, so the second round normally finds nothing.
 */
export function applyCertainFixes(
  text: string,
  model: NotesModel,
  options: AnalyzeOptions = {},
  /** Only edits this accepts are applied (the command line keeps to what the file's encoding holds). */
  accept: (edit: TextEdit) => boolean = () => true,
): { text: string; model: NotesModel; applied: number } {
  const analyzer = new NotesAnalyzer(options);
  let current = text;
  let currentModel = model;
  let applied = 0;
  // A fix that did not settle its finding is not applied again (it would insert the same text twice).
  const tried = new Set<string>();
  for (let round = 0; round < 3; round++) {
    const fixable = currentModel.findings.filter((f) => f.fix && f.fix.every(accept) && !tried.has(`${f.rule}\u0000${f.message}`));
    const edits = fixable.flatMap((f) => f.fix ?? []);
    if (edits.length === 0) break;
    const result = applyEdits(current, edits);
    for (const f of fixable) if (f.fix!.every((e) => result.taken.has(e))) tried.add(`${f.rule}\u0000${f.message}`);
    if (result.applied === 0 || result.text === current) break;
    applied += result.applied;
    current = result.text;
    currentModel = analyzer.update(current);
  }
  return { text: current, model: currentModel, applied };
}
