import type { LabelFact } from '../facts.js';
import type { StarPart, Story, TextEdit } from '../model.js';
import { REQUIRED_PARTS } from '../model.js';
import { lineEndAt, lineStartAt, nextLineStart } from '../text.js';
import { labelWordFor } from '../vocabulary.js';
import { eachStory, listParts, quote, type Report, type Rule, type RuleContext } from './rule.js';

/**
 * A story that has some content but no label at all for one of Situation, Task, Action, Result.
 * (A label that is there but empty is the empty-section rule's.) The fix inserts the missing labels,
 * empty, where they belong in S-T-A-R order, written like the story's own labels — or, for a story
 * with no label yet, like the labels most used in the file. Inserting an empty label changes no
 * existing text, so the fix is certain.
 */
export const missingSection: Rule = {
  id: 'missing-section',
  defaultSeverity: 'warning',
  scope: 'categories',
  description: 'A story lacks one of the STAR parts (Situation, Task, Action, Result).',
  check(context) {
    const reports: Report[] = [];
    for (const { story } of eachStory(context.structure.categories)) {
      if (story.status === 'empty' || story.stories.length > 0) continue;
      const labelled = new Set(story.sections.map((s) => s.part));
      const absent = REQUIRED_PARTS.filter((p) => !labelled.has(p));
      if (absent.length === 0) continue;
      const fix = insertLabels(context, story, absent);
      reports.push({
        span: story.heading,
        message: `${story.kind === 'substory' ? 'Sub-story' : 'Story'} ${quote(story.title)} has no ${listParts(absent)}.`,
        ...(fix ? { fix } : {}),
      });
    }
    return reports;
  },
};

function insertLabels({ text, structure, eol }: RuleContext, story: Story, absent: StarPart[]): TextEdit[] | undefined {
  const own = structure.storyLabels.get(story) ?? [];
  const model = own.find((l) => l.style !== 'inline') ?? (own.length === 0 ? structure.fileStyle : undefined);
  if (!model || model.style === 'inline') return undefined;
  const template = own.length ? model.template : childIndent(text, story) + model.template.replace(/^[ \t]+/, '');
  const paragraphs = model.style === 'heading' || model.style === 'bold' || (model.style === 'plain' && !/^\s*[-*+]|^\s*\d+[.)]/.test(template));
  const gap = paragraphs ? eol + eol : eol;
  const line = (part: StarPart) => template.replace(labelPattern(model), labelWordFor(part, model.vocabulary, model.written));

  // Group the absent parts by where they go: before the first later part that is present, else
  // after the last section (or after the story's content when it has no label yet).
  const inserts = new Map<number, { before: boolean; parts: StarPart[] }>();
  for (const part of absent) {
    const order = REQUIRED_PARTS.indexOf(part);
    const later = story.sections.find((s) => REQUIRED_PARTS.indexOf(s.part) > order && s.part !== 'learning');
    if (later) {
      const at = lineStartAt(text, later.label.start);
      const entry = inserts.get(at) ?? { before: true, parts: [] };
      entry.parts.push(part);
      inserts.set(at, entry);
    } else {
      const last = story.sections.filter((s) => s.part !== 'learning').at(-1);
      const at = lineEndAt(text, Math.max(0, (last ? last.span.end : story.span.end) - 1));
      const entry = inserts.get(at) ?? { before: false, parts: [] };
      entry.parts.push(part);
      inserts.set(at, entry);
    }
  }
  const edits: TextEdit[] = [];
  for (const [at, { before, parts }] of inserts) {
    const lines = parts.map(line);
    const newText = before ? lines.map((l) => l + gap).join('') : lines.map((l) => gap + l).join('');
    edits.push({ span: { start: at, end: at }, newText });
  }
  return edits.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Indentation for labels borrowed from elsewhere: none for a story, and for a sub-story (a list item)
 * that of its nested content, so the labels land inside the sub-story's item.
 */
function childIndent(text: string, story: Story): string {
  if (story.kind !== 'substory') return '';
  const lineStart = lineStartAt(text, story.heading.start);
  const prefix = text.slice(lineStart, story.heading.start);
  const next = nextLineStart(text, story.heading.start);
  const nextIndent = next === undefined ? '' : /^[ \t]*/.exec(text.slice(next, next + 100))![0];
  return nextIndent.length > prefix.length - prefix.trimStart().length && next! < story.span.end ? nextIndent : ' '.repeat(prefix.length);
}

/** What to replace in a label's template to name another part. */
function labelPattern(label: LabelFact): RegExp {
  if (label.vocabulary === 'letters-named') return /\b[STARL]\s*\([^)]*\)/;
  return new RegExp(label.written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
