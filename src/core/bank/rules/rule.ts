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
  /** Not for the rules: how long a story should take (default 90), shown beside its time in the editor. */
  targetSeconds?: number;
  /** Tags over which `too-many-tags` reports (default 5). */
  maxTags?: number;
  /** The speaking rate the story's time is computed at (default 150; clamped to 110–180). */
  wordsPerMinute?: number;
}

export interface CoachContext {
  text: string;
  story: CoachStory;
  /**
   * The story's speaking time and tags. Reading them parses the story, so the context the analysis
   * hands out computes each on first use (see `storyContext`): a rule looks at the raw text first
   * (`rawPartText`, `wordsAtMost`, `mayHaveOwnTags`) and reads them only when it may report.
   */
  readonly time: SpeakingTime;
  readonly tags: StoryTags;
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

/**
 * The raw Markdown of a story's part (every section of it, labels and sub-stories left out): a
 * superset of what `partText` gives, for a cheap look before the parse.
 */
export function rawPartText(context: Pick<CoachContext, 'text' | 'story'>, part: StarPart): string | undefined {
  const sections = context.story.sections.filter((s) => s.part === part);
  if (sections.length === 0) return undefined;
  return sections.map((s) => rawOwnText(context.text, { start: s.label.end, end: s.span.end }, context.story.stories)).join('\n');
}

/** The raw text of `span` without the sub-stories in it. */
export function rawOwnText(text: string, span: Span, nested: readonly { span: Span }[]): string {
  let out = '';
  let at = Math.max(0, span.start);
  const end = Math.min(text.length, span.end);
  for (const sub of nested) {
    if (sub.span.end <= at || sub.span.start >= end) continue;
    out += text.slice(at, Math.max(at, sub.span.start)) + '\n';
    at = Math.max(at, sub.span.end);
  }
  return out + text.slice(at, Math.max(at, end));
}

// Markdown that can hide text from the prose or hold text that is not said (code, HTML, links,
// images, entities, escapes, indented code). Raw text without any of it reads as its prose does,
// once list numbers are left out: markers such as `**` or `- ` separate words as spaces do.
const MAY_HIDE_TEXT = /[`<[!&\\]|^(?: {4}|\t)/mu;
const LIST_NUMBER = /^[ \t>]*\d{1,9}[.)](?=[ \t]|$)/gmu;

/**
 * The prose of a story's part (all its sections of that part), label and sub-stories left out, code
 * skipped. A part in plain Markdown (most are) is taken as written; others are parsed.
 */
export function partText(context: Pick<CoachContext, 'text' | 'story'>, part: StarPart): { text: string; label: Span } | undefined {
  const sections = context.story.sections.filter((s) => s.part === part);
  if (sections.length === 0) return undefined;
  const raw = rawPartText(context, part)!;
  if (!MAY_HIDE_TEXT.test(raw)) return { text: raw.replace(LIST_NUMBER, ' '), label: sections[0]!.label };
  const nested = context.story.stories.map((s) => s.span);
  let text = '';
  for (const section of sections) {
    // Code blocks and HTML are left out by proseRuns; inline code and link text are part of what is said.
    for (const run of proseRuns(context.text, { start: section.label.end, end: section.span.end }, nested)) text += context.text.slice(run.start, run.end) + ' ';
  }
  return { text, label: sections[0]!.label };
}
