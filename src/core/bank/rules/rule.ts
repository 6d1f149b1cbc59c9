// The shape of a coach rule: pure, one per module, run over one story with its time and tags.
// Findings use the model's `Finding` shape so the rules framework can take them as they are.

import type { Finding, Severity, Span, StarPart } from '../../model.js';
import type { Framework } from '../frameworks.js';
import { proseRuns } from '../prose.js';
import type { SpeakingTime } from '../speech.js';
import type { StoryTags } from '../tags.js';

export interface CoachStory {
  title: string;
  status: 'complete' | 'incomplete' | 'empty';
  span: Span;
  heading: Span;
  sections: readonly { part: StarPart; label: Span; span: Span; hasContent?: boolean }[];
  stories: readonly { span: Span }[];
}

export interface CoachOptions {
  frameworks?: readonly Framework[];
  /** Seconds over which `too-long` reports (default 120); a story's own time comment wins. */
  maxSeconds?: number;
  /** Tags over which `too-many-tags` reports (default 5). */
  maxTags?: number;
}

export interface CoachContext {
  text: string;
  story: CoachStory;
  time: SpeakingTime;
  tags: StoryTags;
  options: CoachOptions;
}

export interface CoachRule {
  id: string;
  severity: Severity;
  /** Off by default rules run only when a user turns them on. */
  enabledByDefault: boolean;
  /** One paragraph for the rule's page. */
  doc: string;
  check(context: CoachContext): Finding[];
}

/** Stories shorter than this are notes, not a script: no time rules on them. */
export const SCRIPT_MIN_WORDS = 60;

export const finding = (rule: CoachRule | string, severity: Severity, message: string, span: Span, extra: Partial<Finding> = {}): Finding => ({
  rule: typeof rule === 'string' ? rule : rule.id,
  severity,
  message,
  span: { start: span.start, end: span.end },
  fix: undefined,
  ...extra,
});

/** The prose of a story's part (all its sections of that part), label and sub-stories left out, code skipped. */
export function partText(context: CoachContext, part: StarPart): { text: string; label: Span } | undefined {
  const sections = context.story.sections.filter((s) => s.part === part);
  if (sections.length === 0) return undefined;
  const nested = context.story.stories.map((s) => s.span);
  let text = '';
  for (const section of sections) {
    // Code blocks and HTML are left out by proseRuns; inline code and link text are part of what is said.
    for (const run of proseRuns(context.text, { start: section.label.end, end: section.span.end }, nested)) text += context.text.slice(run.start, run.end) + ' ';
  }
  return { text, label: sections[0]!.label };
}
