// The shape every rule has, in the manner of remark-lint: a small pure function over the analysed
// document that reports a message at a span, with an id, a default severity and a short doc.

import type { MisencodedRun } from '../encoding.js';
import type { Category, Severity, Span, Story, Suggestion, TextEdit } from '../model.js';
import type { Structure } from '../structure.js';

export interface RuleContext {
  text: string;
  structure: Structure;
  /** Mis-encoded runs, absolute offsets. */
  misencoded: readonly MisencodedRun[];
  /** The line break to use in inserted text. */
  eol: string;
}

export interface Report {
  span: Span;
  message: string;
  fix?: TextEdit[];
  /**
   * When given, `fix` is certain only if this says so; asked when the fix is first read, with the
   * document's text then and the fix's edits where they are then (see deferred-fix.ts).
   */
  verifyFix?: (text: string, edits: readonly TextEdit[]) => boolean;
  suggestions?: Suggestion[];
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One line, shown in settings and the README. */
  description: string;
  /**
   * What a rule reports from, so that an edit recomputes only the findings it can change:
   * 'categories': only from the categories in context, each finding inside its category;
   * 'runs': only at the mis-encoded runs in context, each finding inside its run.
   */
  scope: 'categories' | 'runs';
  check(context: RuleContext): Report[];
}

/** Every story and sub-story, parents first, in document order. */
export function* eachStory(categories: readonly Category[]): Generator<{ story: Story; parent: Story | undefined; category: Category }> {
  for (const category of categories) {
    for (const story of category.stories) {
      yield { story, parent: undefined, category };
      for (const sub of story.stories) yield { story: sub, parent: story, category };
    }
  }
}

export function quote(title: string): string {
  const t = title.length > 60 ? title.slice(0, 57) + '…' : title;
  return `“${t}”`;
}

export const PART_NAMES = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result', learning: 'Learning' } as const;

export function listParts(parts: readonly (keyof typeof PART_NAMES)[]): string {
  const names = parts.map((p) => PART_NAMES[p]);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
