import { readSection, type LabelFact } from '../facts.js';
import { buildCategories, placeFacts, type Levels } from '../structure.js';
import type { StarPart, Story, TextEdit } from '../model.js';
import { REQUIRED_PARTS } from '../model.js';
import { isBlankLine, lastContentLineEnd, lineEndAt, lineStartAt, nextLineStart } from '../text.js';
import { escapeRegExp, labelWordFor } from '../vocabulary.js';
import { eachStory, listParts, quote, type Report, type Rule, type RuleContext } from './rule.js';

/**
 * A story that has some content but no label at all for one of Situation, Task, Action, Result.
 * (A label that is there but empty is the empty-section rule's.) The fix inserts the missing labels,
 * empty, where they belong in S-T-A-R order, written like the story's own labels — or, for a story
 * with no label yet, like the labels most used in the file. Inserting an empty label changes no
 * existing text; the fix is offered as certain only when re-reading the story with it applied shows
 * every part labelled (checked when the fix is first read).
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
      // Notes written as prose, with no label anywhere: a story without labels is how they are written.
      if (story.sections.length === 0 && !context.structure.fileStyle) continue;
      const labelled = new Set(story.sections.map((s) => s.part));
      const absent = REQUIRED_PARTS.filter((p) => !labelled.has(p));
      if (absent.length === 0) continue;
      const edits = insertLabels(context, story, absent);
      const { levels } = context.structure;
      reports.push({
        span: story.heading,
        message: `${story.kind === 'substory' ? 'Sub-story' : 'Story'} ${quote(story.title)} has no ${listParts(absent)}.`,
        ...(edits ? { fix: edits, verifyFix: (text: string, current: readonly TextEdit[]) => settles(text, levels, story, absent, current) } : {}),
      });
    }
    return reports;
  },
};

function insertLabels({ text, structure, eol }: RuleContext, story: Story, absent: StarPart[]): TextEdit[] | undefined {
  // Where one untitled story or narrative ends and the next begins depends on the labels themselves.
  if (story.untitled || story.narrative) return undefined;
  const own = structure.storyLabels.get(story) ?? [];
  // Inline `(S) … (A) …` markers live inside paragraphs: no place to insert a label is certain.
  if (own.some((l) => l.style === 'inline')) return undefined;
  const model = own[0] ?? structure.fileStyle;
  if (!model || model.style === 'inline') return undefined;
  const template = own.length ? model.template : childIndent(text, story) + model.template.replace(/^[ \t]+/, '');
  const paragraphs = model.style === 'heading' || model.style === 'bold' || (model.style === 'plain' && !/^\s*[-*+]|^\s*\d+[.)]/.test(template));
  const gap = paragraphs ? eol + eol : eol;
  const line = (part: StarPart) => relabel(model, template, part);

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
      const at = lastContentLineEnd(text, last ? last.span.end : story.span.end);
      const entry = inserts.get(at) ?? { before: false, parts: [] };
      entry.parts.push(part);
      inserts.set(at, entry);
    }
  }
  const edits: TextEdit[] = [];
  for (const [at, { before, parts }] of inserts) {
    // Inside a code fence the story never closed, a label would be code.
    if (insideOpenFence(text, story.heading.start, at)) return undefined;
    const lines = parts.map(line);
    let newText = before ? lines.map((l) => l + gap).join('') : lines.map((l) => gap + l).join('');
    if (before) {
      // Not joined to a paragraph just above (a paragraph-style label needs a blank line before it),
      // and a list label not continued by a paragraph line just below (lazy continuation).
      const previous = lineBefore(text, at);
      if (paragraphs && previous !== undefined && !isBlankLine(previous)) newText = eol + newText;
      if (!paragraphs && !LIST_ITEM.test(text.slice(at, lineEndAt(text, at)))) newText += eol;
    } else {
      const next = nextLineStart(text, at);
      if (next !== undefined && !isBlankLine(text.slice(next, lineEndAt(text, next)))) newText += eol;
    }
    edits.push({ span: { start: at, end: at }, newText });
  }
  return edits.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Whether the edits give the story every absent label, checked by reading again the stretch of text
 * around the story with the edits applied (from the column-0 heading at or before the story to the
 * next one after the last edit). Layouts where an inserted line would join a paragraph or leave a
 * list item are many; a fix is called certain only when it is seen to work.
 */
function settles(text: string, levels: Levels, story: Story, absent: StarPart[], edits: readonly TextEdit[]): boolean {
  const from = headingLineAtOrBefore(text, story.heading.start);
  const to = headingLineAfter(text, Math.max(...edits.map((e) => e.span.end)));
  let chunk = '';
  let pos = from;
  for (const e of [...edits].sort((a, b) => a.span.start - b.span.start)) {
    chunk += text.slice(pos, e.span.start) + e.newText;
    pos = e.span.end;
  }
  chunk += text.slice(pos, to);
  const at = story.heading.start - from;
  const wanted = [...absent, ...story.sections.map((x) => x.part)];
  return storyGetsEveryPart(chunk, at, levels, wanted, story.stories.length);
}

function storyGetsEveryPart(chunk: string, at: number, levels: Levels, wanted: StarPart[], substories: number): boolean {
  const facts = readSection(chunk);
  const { categories } = buildCategories(placeFacts(facts, 0), levels);
  for (const category of categories) {
    for (const s of category.stories) {
      for (const candidate of [s, ...s.stories]) {
        if (candidate.heading.start !== at) continue;
        // Every absent part now labelled, and none of the labels the story had lost.
        const labelled = new Set(candidate.sections.map((x) => x.part));
        return wanted.every((p) => labelled.has(p)) && candidate.stories.length === substories;
      }
    }
  }
  return false;
}

/** Start of the last line at or before `offset` that is a column-0 ATX heading (or 0). */
function headingLineAtOrBefore(text: string, offset: number): number {
  let i = lineStartAt(text, offset);
  for (;;) {
    if (/^#{1,6}(?:[ \t]|$)/.test(text.slice(i, i + 8))) return i;
    if (i <= 0) return 0;
    i = lineStartAt(text, i - 1);
    if (i === 1 && text.charCodeAt(0) === 0xfeff) return 0;
  }
}

/** Start of the first line after `offset`'s line that is a column-0 ATX heading (or the text's end). */
function headingLineAfter(text: string, offset: number): number {
  const re = /(?:\r\n?|\n)(?=#{1,6}(?:[ \t]|\r|\n|$))/g;
  re.lastIndex = lineEndAt(text, offset);
  const m = re.exec(text);
  return m ? m.index + m[0].length : text.length;
}

const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** The whole line before the one starting at `lineStart`, or undefined on the first line. */
function lineBefore(text: string, lineStart: number): string | undefined {
  if (lineStart <= 0 || (lineStart === 1 && text.charCodeAt(0) === 0xfeff)) return undefined;
  let end = lineStart - 1;
  if (text[end] === '\n' && text[end - 1] === '\r') end--;
  return text.slice(lineStartAt(text, end), end);
}

/** Whether a fence opened between `from` and `at` is still open at `at` (fence lines counted). */
function insideOpenFence(text: string, from: number, at: number): boolean {
  let open: string | undefined;
  for (const line of text.slice(from, at).split(/\r\n?|\n/)) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!m) continue;
    if (open === undefined) open = m[1];
    else if (m[1]![0] === open[0] && m[1]!.length >= open.length && m[2]!.trim() === '') open = undefined;
  }
  return open !== undefined;
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

/** A label line written like `label` (its template, or `template`), naming `part` instead. */
export function relabel(label: LabelFact, template: string, part: StarPart): string {
  const pattern = label.vocabulary === 'letters-named' ? /\b[STARL]\s*\([^)]*\)/ : new RegExp(escapeRegExp(label.written));
  return template.replace(pattern, labelWordFor(part, label.vocabulary, label.written));
}
