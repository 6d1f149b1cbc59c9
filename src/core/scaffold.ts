// Text for new stories and categories, in the file's own style. Pure, so the commands' output is
// tested without an editor; the extension inserts it as a snippet (tab stops on the title, then
// each STAR part).

import type { Category, NotesModel, StarPart } from './model.js';
import { REQUIRED_PARTS } from './model.js';
import type { Structure } from './structure.js';
import { lineEndAt } from './text.js';
import type { LabelFact } from './facts.js';
import { escapeRegExp, labelWordFor } from './vocabulary.js';

export interface Scaffold {
  /** Where to insert (an offset into the text). */
  offset: number;
  /** The text with VS Code snippet tab stops (`${1:title}`). */
  snippet: string;
  /** The same text with the tab stops' defaults filled in. */
  text: string;
}

/** Characters that mean something in a snippet and must be escaped in literal text. */
export function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}

/** Renders `parts` (literal strings and [tabstop, default] pairs) as snippet and as plain text. */
function render(parts: (string | [number, string])[]): { snippet: string; text: string } {
  let snippet = '';
  let text = '';
  for (const p of parts) {
    if (typeof p === 'string') {
      snippet += escapeSnippet(p);
      text += p;
    } else {
      snippet += p[1] ? `\${${p[0]}:${escapeSnippet(p[1])}}` : `$${p[0]}`;
      text += p[1];
    }
  }
  return { snippet, text };
}

/** The label line for `part`, like the file's most used label (default `- **Situation**:`). */
function labelLine(structure: Structure | undefined, part: StarPart): string {
  const model = structure?.fileStyle;
  if (!model || model.style === 'inline' || model.style === 'table' || model.style === 'heading') return `- **${labelWordFor(part, 'en', 'Situation')}**:`;
  return relabel(model, model.template.replace(/^[ \t]+/, ''), part);
}

/**
 * A new story at the end of `category` (or of the document), numbered after the category's last
 * story, with the STAR labels in the file's style.
 */
export function newStory(text: string, model: NotesModel, structure: Structure | undefined, category: Category | undefined, eol: string): Scaffold {
  const depth = model.levels.story || 3;
  const stories = category?.stories ?? [];
  const numbers = stories.map((s) => s.number).filter((n): n is number => n !== undefined);
  const numbered = stories.length === 0 || numbers.length > 0;
  const next = numbers.length ? Math.max(...numbers) + 1 : stories.length + 1;
  const offset = category ? lineEndAt(text, Math.max(category.span.start, category.span.end - 1)) : text.length;
  const atEnd = offset >= text.length;
  const before = offset === 0 ? '' : atEnd && /(?:\r\n?|\n)$/.test(text) ? eol : eol + eol;
  const parts: (string | [number, string])[] = [before, `${'#'.repeat(depth)} ${numbered ? `${next} ` : ''}`, [1, 'title']];
  REQUIRED_PARTS.forEach((part, i) => parts.push(eol, labelLine(structure, part), ' ', [i + 2, '']));
  parts.push([0, '']);
  return { offset, ...render(parts) };
}

/** A new category at the end of the document, labelled after the last one (A., B., … or 1., 2., …). */
export function newCategory(text: string, model: NotesModel, structure: Structure | undefined, eol: string): Scaffold {
  const depth = model.levels.category || 2;
  const labels = model.categories.map((c) => c.label).filter((l): l is string => l !== undefined);
  const last = labels.at(-1);
  let label = 'A';
  if (last && /^[A-Y]$/.test(last)) label = String.fromCharCode(last.charCodeAt(0) + 1);
  else if (last && /^\d+$/.test(last)) label = String(Number(last) + 1);
  else if (model.categories.length > 0 && labels.length === 0) label = '';
  const offset = text.length;
  const before = offset === 0 ? '' : /(?:\r\n?|\n)$/.test(text) ? eol : eol + eol;
  const storyDepth = model.levels.story || depth + 1;
  const parts: (string | [number, string])[] = [before, `${'#'.repeat(depth)} ${label ? label + '. ' : ''}`, [1, 'category'], eol, `${'#'.repeat(storyDepth)} 1 `, [2, 'first story']];
  REQUIRED_PARTS.forEach((part, i) => parts.push(eol, labelLine(structure, part), ' ', [i + 3, '']));
  parts.push([0, ''], eol);
  return { offset, ...render(parts) };
}

/**
 * A notes file to start from (the "create a notes file" button of the empty view). The example's hints
 * are HTML comments, which count as no content: a new file has nothing complete yet.
 */
export const NOTES_TEMPLATE = `# Interview story bank

## A. Handling Disagreements
### 1 title of the story
- **Situation**: <!-- where and when; what was at stake -->
- **Task**: <!-- what you had to do -->
- **Action**: <!-- what you did (say "I") -->
- **Result**: <!-- what changed, with a number if you can -->

## B. Ownership
### 1 ❓
- **Situation**:
- **Task**:
- **Action**:
- **Result**:
`;

/** A label line written like `label` (its template, or `template`), naming `part` instead. */
export function relabel(label: LabelFact, template: string, part: StarPart): string {
  const pattern = label.vocabulary === 'letters-named' ? /\b[STARL]\s*\([^)]*\)/ : new RegExp(escapeRegExp(label.written));
  return template.replace(pattern, labelWordFor(part, label.vocabulary, label.written));
}
