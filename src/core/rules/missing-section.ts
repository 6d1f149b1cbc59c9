import { ATX_HEADING, ATX_HEADING_AFTER_BREAK, bomLength, closesFence, FENCE_LINE, FENCE_OPEN, LIST_ITEM_LINE } from '../markdown-lines.js';
import { readSection, type SectionFacts } from '../facts.js';
import { scanSections } from '../sections.js';
import { buildCategories, placeFacts, readGlobals, type Levels, type Placed } from '../structure.js';
import type { Category, StarPart, Story, TextEdit } from '../model.js';
import { REQUIRED_PARTS } from '../model.js';
import { isBlankLine, lastContentLineEnd, lineEndAt, lineStartAt, nextLineStart } from '../text.js';
import { relabel } from '../scaffold.js';
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
  doc: {
    fix: 'certain (inserts the missing labels)',
    fixSummary: "inserts the missing labels in the story's own style",
    body: 'A story has some content but no label at all for one of the four STAR parts: Situation, Task,\nAction, Result. (A label that is present but empty is [empty-section](empty-section.md).)',
    details:
      "The fix inserts the missing labels, empty, where they belong in S-T-A-R order, written like the\nstory's own labels (`**CONTEXT:**` stays upper case and gets `**GOAL:**`, a Portuguese story gets\n`Resultado`, a story of `**S**:` letters gets `**R**:`). A story with no label yet gets the labels\nmost used in the file. Nothing else in the file changes: a fix is certain only when re-reading the\nstory with it applied shows every part labelled and every other story as it was.\n\nSilence it: `<!-- interview-notes-disable-next-line missing-section -->` above the story, or set\n`interviewNotes.severity.missing-section` to `off`.",
  },
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
      const fixed = context.levelOptions ?? {};
      const check: SettleCheck = {
        fixedCategory: fixed.category ?? -1,
        fixedStory: fixed.story ?? -1,
        absent,
        wanted: [...absent, ...story.sections.map((x) => x.part)],
        substories: story.stories.length,
        category: levels.category,
        story: levels.story,
        bold: levels.bold,
      };
      reports.push({
        span: story.heading,
        message: `${story.kind === 'substory' ? 'Sub-story' : 'Story'} ${quote(story.title)} has no ${listParts(absent)}.`,
        ...(edits ? { fix: edits, fixCheck: check } : {}),
      });
    }
    return reports;
  },
  fixTitle(finding) {
    const absent = (finding.checkedFix?.check as SettleCheck | undefined)?.absent ?? [];
    return `Insert the missing STAR labels${absent.length ? ` (${listParts(absent, 'and')})` : ''}`;
  },
  // Every inserted line is a label (blank lines apart): a stop at the end of each, after its space.
  fixTabStops(newText) {
    const stops: number[] = [];
    for (const m of newText.matchAll(/[^\r\n]+/g)) stops.push(m.index + m[0].length);
    return stops;
  },
  fixAllTitle: 'Insert the missing STAR labels in every story of this file',
  verifyFix(text, { span, edits, check }) {
    const c = check as SettleCheck;
    return settles(text, span.start, c, edits) && keepsLevels(text, edits, c);
  },
};

/** What re-reading the story with the fix applied must show (plain data, kept by the finding). */
type SettleCheck = Readonly<{ fixedCategory: number; fixedStory: number; absent: readonly StarPart[]; wanted: readonly StarPart[]; substories: number; category: number; story: number; bold: boolean }>;

function insertLabels({ text, structure, eol }: RuleContext, story: Story, absent: StarPart[]): TextEdit[] | undefined {
  // Where one untitled story or narrative ends and the next begins depends on the labels themselves.
  if (story.untitled || story.narrative) return undefined;
  const own = structure.storyLabels.get(story) ?? [];
  // Inline `(S) … (A) …` markers live inside paragraphs, table labels in cells: no place to insert
  // a label is certain.
  if (own.some((l) => l.style === 'inline' || l.style === 'table')) return undefined;
  const model = own[0] ?? structure.fileStyle;
  if (!model || model.style === 'inline' || model.style === 'table') return undefined;
  const template = own.length ? model.template : childIndent(text, story) + model.template.replace(/^[ \t]+/, '');
  const paragraphs = model.style === 'heading' || model.style === 'bold' || (model.style === 'plain' && !/^\s*[-*+]|^\s*\d+[.)]/.test(template));
  const gap = paragraphs ? eol + eol : eol;
  // With the snippet's trailing space after a separator (`- **Result**: `), ready to type.
  const line = (part: StarPart) => withTypingSpace(relabel(model, template, part));
  // Story text kept in a code block (an example, or STAR text pasted as code) is not where a
  // skeleton goes: no label of the story's own and a fence inside it, no certain place.
  if (own.length === 0 && holdsFence(text, story)) return undefined;

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
      if (!paragraphs && !LIST_ITEM_LINE.test(text.slice(at, lineEndAt(text, at)))) newText += eol;
    } else {
      // A blank line before a following paragraph (else it would continue the last label); none
      // before a following list item, which would turn a tight list loose (`- **story-2**`).
      const next = nextLineStart(text, at);
      const following = next === undefined ? undefined : text.slice(next, lineEndAt(text, next));
      if (following !== undefined && !isBlankLine(following) && (paragraphs || !LIST_ITEM_LINE.test(following))) newText += eol;
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
function settles(text: string, headingStart: number, check: SettleCheck, edits: readonly TextEdit[]): boolean {
  const from = headingLineAtOrBefore(text, headingStart);
  const to = headingLineAfter(text, Math.max(...edits.map((e) => e.span.end)));
  let chunk = '';
  let pos = from;
  for (const e of [...edits].sort((a, b) => a.span.start - b.span.start)) {
    chunk += text.slice(pos, e.span.start) + e.newText;
    pos = e.span.end;
  }
  chunk += text.slice(pos, to);
  const at = headingStart - from;
  const levels: Levels = { category: check.category, story: check.story, bold: check.bold };
  const after = buildCategories(placeFacts(readSection(chunk), 0), levels).categories;
  if (!storyGetsEveryPart(after, at, check)) return false;
  // The labels go to this story only: the other stories around it read as they did (an inserted
  // line can close a list or a paragraph that held another story's label).
  const before = buildCategories(placeFacts(readSection(text.slice(from, to)), 0), levels).categories;
  return outline(before, at) === outline(after, at);
}

/**
 * Whether the file's heading levels, read again with the edits applied, stay what they were: labels
 * count in deciding which heading level holds stories, so a fix can regroup the whole file. The
 * sections the edits leave alone are read from a cache of the last text checked, so checking every
 * fix of a file parses each section once.
 */
function keepsLevels(text: string, edits: readonly TextEdit[], check: SettleCheck): boolean {
  // Levels fixed in the settings are not read from the labels.
  if (check.fixedCategory >= 0 && check.fixedStory >= 0) return true;
  if (sectionCache.text !== text) sectionCache = { text, facts: new Map() };
  const after = applyAll(text, edits);
  const { starts } = scanSections(after);
  const facts: Placed[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const slice = after.slice(start, starts[i + 1] ?? after.length);
    let read = sectionCache.facts.get(slice);
    if (!read) {
      read = readSection(slice);
      sectionCache.facts.set(slice, read);
    }
    for (const f of placeFacts(read, start)) facts.push(f);
  }
  const options = { category: check.fixedCategory < 0 ? undefined : check.fixedCategory, story: check.fixedStory < 0 ? undefined : check.fixedStory };
  const { isNotes, levels } = readGlobals(facts, options);
  return isNotes && levels.category === check.category && levels.story === check.story && levels.bold === check.bold;
}

/** The facts of the sections of the last text whose fixes were checked, by section text. */
let sectionCache: { text: string; facts: Map<string, SectionFacts> } = { text: '', facts: new Map() };

function applyAll(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let pos = 0;
  for (const e of [...edits].sort((a, b) => a.span.start - b.span.start)) {
    out += text.slice(pos, e.span.start) + e.newText;
    pos = e.span.end;
  }
  return out + text.slice(pos);
}

function storyGetsEveryPart(categories: readonly Category[], at: number, check: SettleCheck): boolean {
  for (const category of categories) {
    for (const s of category.stories) {
      for (const candidate of [s, ...s.stories]) {
        if (candidate.heading.start !== at) continue;
        // Every absent part now labelled, and none of the labels the story had lost.
        const labelled = new Set(candidate.sections.map((x) => x.part));
        return check.wanted.every((p) => labelled.has(p)) && candidate.stories.length === check.substories;
      }
    }
  }
  return false;
}

/** The categories and stories of a reading, but for the story at `skip`: titles and labelled parts. */
function outline(categories: readonly Category[], skip: number): string {
  const out: string[] = [];
  const story = (s: Story, depth: number) => {
    if (s.heading.start !== skip) out.push(`${depth} ${s.kind} ${s.title} ${s.sections.map((x) => x.part).join(',')}`);
    for (const sub of s.stories) story(sub, depth + 1);
  };
  for (const c of categories) {
    out.push(`0 ${c.title ?? ''} ${c.stories.length}`);
    for (const s of c.stories) story(s, 1);
  }
  return out.join('\n');
}

/** Start of the last line at or before `offset` that is a column-0 ATX heading (or 0). */
function headingLineAtOrBefore(text: string, offset: number): number {
  let i = lineStartAt(text, offset);
  for (;;) {
    if (ATX_HEADING.test(text.slice(i, i + 8))) return i;
    if (i <= 0) return 0;
    i = lineStartAt(text, i - 1);
    if (i === 1 && bomLength(text)) return 0;
  }
}

/** Start of the first line after `offset`'s line that is a column-0 ATX heading (or the text's end). */
function headingLineAfter(text: string, offset: number): number {
  const re = new RegExp(ATX_HEADING_AFTER_BREAK);
  re.lastIndex = lineEndAt(text, offset);
  const m = re.exec(text);
  return m ? m.index + m[0].length : text.length;
}


/** The whole line before the one starting at `lineStart`, or undefined on the first line. */
function lineBefore(text: string, lineStart: number): string | undefined {
  if (lineStart <= 0 || (lineStart === 1 && bomLength(text))) return undefined;
  let end = lineStart - 1;
  if (text[end] === '\n' && text[end - 1] === '\r') end--;
  return text.slice(lineStartAt(text, end), end);
}

/** A label line with a space after its separator (`- **Task**: `), as the snippets write it. */
function withTypingSpace(label: string): string {
  return /[:：](?:\*\*|__|\*|<\/b>)?$|\s[-–—]$/.test(label) ? `${label} ` : label;
}

/** Whether a code fence opens within the story. */
function holdsFence(text: string, story: Story): boolean {
  return FENCE_LINE.test(text.slice(story.heading.end, story.span.end));
}

/** Whether a fence opened between `from` and `at` is still open at `at` (fence lines counted). */
function insideOpenFence(text: string, from: number, at: number): boolean {
  let open: string | undefined;
  for (const line of text.slice(from, at).split(/\r\n?|\n/)) {
    if (open !== undefined) {
      if (closesFence(line, open[0]!, open.length)) open = undefined;
      continue;
    }
    open = FENCE_OPEN.exec(line)?.[1];
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
