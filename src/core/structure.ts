// Builds categories → stories → sub-stories from the facts of every section.
//
// Which heading level holds categories and which holds stories differs from file to file (H1 per
// question, `###` stories under `##` categories, `##` stories under a `###` category, bold
// `**Story: …**` lines under a question heading). The levels are read per file from where the STAR
// labels sit: the heading (or bold story line) that owns most labels is the story level, and the
// nearest shallower heading above those stories is the category level. A setting can fix both.

import type { BoldLineFact, Fact, HeadingFact, LabelFact, SectionFacts } from './facts.js';
import type { Category, LabelStyle, NotNotesReason, StarPart, StarSection, Story, StoryStatus } from './model.js';
import { REQUIRED_PARTS } from './model.js';
import { isBehaviouralTitle } from './read/prose.js';

/** A section's facts placed at its offset in the document. */
export interface PlacedSection {
  start: number;
  facts: SectionFacts;
}

export interface LevelOptions {
  /** Heading depth of categories (1–6); 0 means none. Undefined: detect. */
  category?: number | undefined;
  /** Heading depth of stories (1–6). Undefined: detect. */
  story?: number | undefined;
}

/** A fact at its place in the document: every offset in it (doneMark and blockEnd too) absolute. */
export type Placed<F extends Fact = Fact> = F & { placed: true };

export interface Structure {
  isNotes: boolean;
  levels: { category: number; story: number; bold: boolean };
  categories: Category[];
  /** Per story: the label facts, for fixes that copy a label's style (offsets hold while the story is built). */
  storyLabels: Map<Story, LabelFact[]>;
  /** The file's most used label style, for stories that have no label to copy. */
  fileStyle: LabelFact | undefined;
}

/** The title shown for a story that has none (labels with no heading above them); `untitled` says it. */
export const UNTITLED = '(untitled story)';

const STORY_TITLE = /^(?:story|case study|case|example|beispiel|geschichte|história|historia|exemplo|ejemplo|histoire|exemple)\b/iu;
const STORY_HEADING = /^(?:story|case study|case|example|beispiel|geschichte|história|historia|exemplo|ejemplo)\s*(?:#\s*)?(?:\d+|[a-z])\b|^(?:tell me about|describe a time|give an example|a time)\b/iu;

/** Copies of a section's facts at their place in the document. */
export function placeFacts(facts: SectionFacts, start: number): Placed[] {
  return facts.facts.map((f) => placeFact(f, start));
}

function placeFact(f: Fact, start: number): Placed {
  const placed = { ...f, start: f.start + start, end: f.end + start, placed: true as const };
  if (placed.kind === 'label') placed.blockEnd += start;
  else if (placed.kind === 'heading' && placed.doneMark) placed.doneMark = { start: placed.doneMark.start + start, end: placed.doneMark.end + start };
  return placed;
}

/** What the whole file decides, whatever part of it is rebuilt: notes or not, levels, label style. */
export interface Globals {
  isNotes: boolean;
  /** Why the file is not notes, when it is not. */
  notNotes?: NotNotesReason;
  levels: Levels;
  fileStyle: LabelFact | undefined;
}

/**
 * Whether the file is notes by the user's word: front matter `interview-notes: true|false` first,
 * then `<!-- interview-notes-disable-file -->` naming no rule (not notes), then the caller's option
 * (`AnalyzeOptions.notes`, set from the settings' globs). Undefined: decide from the evidence.
 */
export function saidNotes(facts: readonly Placed[], option: NotesOption = 'auto'): boolean | undefined {
  return notesSaid(facts, option)?.value;
}

/** What `saidNotes` returns, with who said it. */
function notesSaid(facts: readonly Placed[], option: NotesOption): { value: boolean; by: 'front-matter' | 'comment' | 'configuration' } | undefined {
  for (const f of facts) if (f.kind === 'notes') return { value: f.value, by: 'front-matter' };
  if (facts.some(isFileSwitchOff)) return { value: false, by: 'comment' };
  return option === 'auto' ? undefined : { value: option, by: 'configuration' };
}

/** `<!-- interview-notes-disable-file -->` with no rule named: the whole file is not notes. */
function isFileSwitchOff(f: Fact): boolean {
  return f.kind === 'directive' && f.mode === 'disable-file' && f.rules.length === 0;
}

/** Whether a file is notes: decided from the evidence (`'auto'`, the default), or said by the caller. */
export type NotesOption = 'auto' | boolean;

export function readGlobals(facts: readonly Placed[], options: LevelOptions = {}, notes: NotesOption = 'auto'): Globals {
  const switched = notesSaid(facts, notes);
  const said = switched?.value;
  if (switched?.value === false) return { isNotes: false, notNotes: { by: switched.by }, levels: { category: 0, story: 0, bold: false }, fileStyle: undefined };
  const distinct = new Set<StarPart>();
  const styles = new Map<LabelStyle, { count: number; label: LabelFact }>();
  for (const f of facts) {
    if (f.kind === 'label') {
      for (const p of f.parts) distinct.add(p);
      const counted = styles.get(f.style);
      if (counted) counted.count++;
      else styles.set(f.style, { count: 1, label: f });
    } else if (f.kind === 'heading' && f.star) {
      for (const p of f.star.parts) distinct.add(p);
      const counted = styles.get('heading');
      if (counted) counted.count++;
      else styles.set('heading', { count: 1, label: headingLabel(f) });
    }
  }
  // A file is notes only when it uses at least two different STAR parts as labels: a README with a
  // stray "**Result:**" is not a story bank.
  const labelled = REQUIRED_PARTS.filter((p) => distinct.has(p)).length >= 2;
  const prose = labelled ? [] : proseStoryHeadings(facts);
  if (said !== true && !labelled && prose.length < 2) {
    const labelledParts = REQUIRED_PARTS.filter((p) => distinct.has(p));
    return { isNotes: false, notNotes: { by: 'evidence', labelledParts }, levels: { category: 0, story: 0, bold: false }, fileStyle: undefined };
  }
  let fileStyle: LabelFact | undefined;
  let best = 0;
  for (const { count, label } of styles.values()) if (count > best) [best, fileStyle] = [count, label];
  const levels = detectLevels(facts, options, prose);
  return { isNotes: true, levels: prose.length ? { ...levels, prose: true } : levels, fileStyle };
}

/**
 * The evidence of a story bank written as prose: headings that ask a behavioural question or name a
 * competency, each followed by a narrative before the next heading as deep or shallower. An empty
 * heading in between (`##### `) is no boundary.
 */
export function proseStoryHeadings(facts: readonly Placed[]): Placed<HeadingFact | BoldLineFact>[] {
  const found: Placed<HeadingFact | BoldLineFact>[] = [];
  let open: Placed<HeadingFact | BoldLineFact> | undefined;
  // A file that defines the STAR parts explains the method: its narratives are advice, not stories.
  if (facts.some((f) => f.kind === 'content' && f.definition)) return found;
  for (const f of facts) {
    if (f.kind === 'heading' && !f.star && f.text !== '') {
      if (open?.kind === 'heading' && f.depth > open.depth) continue;
      open = isBehaviouralTitle(f.text) ? (f as Placed<HeadingFact>) : undefined;
    } else if (f.kind === 'bold' && (f.question || (f.story && isBehaviouralTitle(f.title)))) {
      open = f as Placed<BoldLineFact>;
    } else if (f.kind === 'content' && f.narrative && open) {
      found.push(open);
      open = undefined;
    }
  }
  return found;
}

const signatures = new WeakMap<SectionFacts, string>();

/**
 * What of a section the file-wide decisions (readGlobals) depend on: headings, bold story lines and
 * labels, not text, content or marks. When an edit leaves the signatures of the sections it touched
 * unchanged, the globals are unchanged too and need not be read again from every section.
 */
export function globalSignature(facts: SectionFacts): string {
  let signature = signatures.get(facts);
  if (signature !== undefined) return signature;
  const parts: string[] = [];
  for (const f of facts.facts) {
    if (f.kind === 'heading') {
      parts.push(f.star ? `S${f.depth}${f.star.parts.join(',')}|${f.star.vocabulary}|${f.star.written}` : `H${f.depth}${isStoryHeading(f) ? 's' : ''}`);
    } else if (f.kind === 'bold') {
      parts.push(`B${f.inList ? 'l' : ''}${isStoryLine(f) ? 's' : ''}${f.question ? 'q' : ''}`);
    } else if (f.kind === 'content' && (f.narrative || f.definition)) {
      // (question lines are bold facts: their signature below says so)
      parts.push(f.narrative ? 'P' : 'F');
    } else if (f.kind === 'notes') {
      parts.push(`N${f.value}`);
    } else if (isFileSwitchOff(f)) {
      parts.push('D');
    } else if (f.kind === 'label') {
      parts.push(`L${f.style}|${f.parts.join(',')}|${f.vocabulary}|${f.written}|${f.template}`);
    }
  }
  signature = parts.join('\n');
  signatures.set(facts, signature);
  return signature;
}

/** A `### Situation` heading as the label it is. */
function headingLabel(f: Placed<HeadingFact>): LabelFact {
  return {
    kind: 'label',
    start: f.start,
    end: f.end,
    parts: f.star!.parts,
    style: 'heading',
    vocabulary: f.star!.vocabulary,
    written: f.star!.written,
    template: '#'.repeat(f.depth) + ' ' + f.star!.written,
    inlineContent: false,
    inlinePlaceholder: false,
    blockEnd: f.end,
  };
}

/** Categories and stories of a run of facts that starts and ends at category boundaries. */
export function buildCategories(facts: readonly Placed[], levels: Levels): Pick<Structure, 'categories' | 'storyLabels'> {
  return new Builder(facts, levels).build();
}

export interface Levels {
  category: number;
  story: number;
  bold: boolean;
  /** Notes written as prose, without labels: a behavioural heading with content is a story. */
  prose?: boolean;
}

function detectLevels(facts: readonly Placed[], options: LevelOptions, prose: readonly Placed<HeadingFact | BoldLineFact>[] = []): Levels {
  const headingOwners = new Map<Placed<HeadingFact>, true>(prose.filter((f) => f.kind === 'heading').map((h) => [h as Placed<HeadingFact>, true]));
  const proseLines = new Set<Placed>(prose.filter((f) => f.kind === 'bold'));
  const boldOwners = new Map<Placed, Placed<HeadingFact> | undefined>();
  const stack: Placed<HeadingFact>[] = []; // non-STAR headings, by depth
  let lastBold: Placed | undefined;
  for (const f of facts) {
    if (f.kind === 'heading') {
      if (f.star) {
        const owner = [...stack].reverse().find((h) => h.depth < f.depth);
        if (owner) headingOwners.set(owner, true);
        continue;
      }
      while (stack.length && stack[stack.length - 1]!.depth >= f.depth) stack.pop();
      stack.push(f as Placed<HeadingFact>);
      lastBold = undefined;
    } else if (f.kind === 'bold' && proseLines.has(f)) {
      boldOwners.set(f, stack[stack.length - 1]);
    } else if (f.kind === 'bold' && !f.inList && isStoryLine(f)) {
      lastBold = f;
    } else if (f.kind === 'label') {
      const heading = stack[stack.length - 1];
      // A plain title line comes from a text editor: a heading above it is no category of it.
      if (lastBold) boldOwners.set(lastBold, lastBold.kind === 'bold' && lastBold.plain ? undefined : heading);
      else if (heading) headingOwners.set(heading, true);
    }
  }
  const bold = boldOwners.size > headingOwners.size;
  let story = options.story ?? 0;
  let category = options.category;
  if (bold) {
    story = 0;
    category ??= mode([...boldOwners.values()].filter((h) => h !== undefined).map((h) => h!.depth));
    return { category, story, bold };
  }
  if (!options.story) story = mode([...headingOwners.keys()].map((h) => h.depth));
  if (category === undefined) {
    const votes: number[] = [];
    const inverted: number[] = [];
    const headings = facts.filter((f): f is Placed<HeadingFact> => f.kind === 'heading' && !f.star);
    // For each story heading, the nearest heading above it that is shallower (a vote for the category
    // level) or deeper and directly followed by a story-level heading (an inverted file). Whether a
    // heading is either depends only on it and the next one, so one pass keeps the nearest: linear in
    // the number of headings (scanning back from each story was quadratic in a category's stories).
    let nearest: { depth: number; inverted: boolean } | undefined;
    headings.forEach((h, i) => {
      // A table of contents (`## Contents`) above the stories is no category.
      const previous = headings[i - 1] && !isContentsTitle(headings[i - 1]!.text) ? headings[i - 1] : undefined;
      if (previous && previous.depth < story) nearest = { depth: previous.depth, inverted: false };
      else if (previous && previous.depth > story && h.depth === story) nearest = { depth: previous.depth, inverted: true };
      if (h.depth !== story || (!headingOwners.has(h) && !isStoryHeading(h)) || !nearest) return;
      (nearest.inverted ? inverted : votes).push(nearest.depth);
    });
    category = votes.length ? mode(votes) : inverted.length >= 2 ? mode(inverted) : 0;
  }
  return { category, story, bold };
}

/** A bold line that opens a story: `**Story: Billing**`, `**Example 2**`, a `<details>` summary. */
function isStoryLine(f: BoldLineFact): boolean {
  return f.story === true || STORY_TITLE.test(f.title);
}

/** A plain numbered line (`1 – Setup`) in notes whose stories are headings: a line of a story's text. */
function isPlainTitleInHeadingNotes(f: BoldLineFact, boldStories: boolean): boolean {
  return f.plain === true && !boldStories;
}

function isStoryHeading(h: HeadingFact): boolean {
  return h.number !== undefined || STORY_HEADING.test(h.text);
}

/** The most common value; ties go to the larger (deeper) one. 0 for none. */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && v > best)) [best, bestCount] = [v, c];
  return best;
}

interface OpenSection {
  section: StarSection;
}

interface OpenStory {
  story: Story;
  /** Whether it was opened from a heading/bold line (a candidate that may turn out not to be a story). */
  candidate: boolean;
  content: boolean;
  labels: LabelFact[];
  open: OpenSection | undefined;
  parent: OpenStory | undefined;
  /** Its sub-stories are narratives split at a repeated part, not sub-stories with titles of their own. */
  narratives?: boolean;
  /** It holds a list of links only (a table of contents). */
  navigation?: boolean;
  /** It holds labels that define their parts (a STAR method section). */
  definitions?: boolean;
}

/**
 * Whether an open story is one: it holds labels or sub-stories, or its title is a story's (numbered,
 * `Story 2`, `Tell me about a time…`), or it is a bare heading about to be filled — unless, holding
 * no label, it holds a table of contents or STAR definitions, or its title names the notes' tooling
 * (`Story Template`, `Coverage Matrix`) or asks a question no story answers (`Why do you want to work here?`).
 */
function isStory(open: OpenStory, prose: boolean): boolean {
  const { story } = open;
  if (isStarDefinitionTitle(story.title)) return false;
  if (open.labels.length > 0 || story.stories.length > 0) return true;
  if (open.navigation || open.definitions) return false;
  if (isToolingTitle(story.title) || isNonBehaviouralQuestion(story.title)) return false;
  return (
    (prose && open.content && isBehaviouralTitle(story.title)) ||
    story.number !== undefined ||
    STORY_HEADING.test(story.title) ||
    STORY_TITLE.test(story.title) ||
    (!open.content && story.placeholders.length === 0 && story.title !== '')
  );
}

const TOOLING_TITLE = /\b(?:templates?|checklists?|matrix|story bank|categories|coverage|index|contents|toc|overview|cheat ?sheet|framework|method(?:ology)?|format|guide|resources|references|links|tips)\b/iu;
const NON_BEHAVIOURAL_QUESTION = /^(?:why\b|what (?:are|is) your\b|do you have\b|tell me about yourself\b|walk me through your (?:resume|cv)\b|where do you see\b|how do you\b|what do you\b)/iu;

/** `Contents`, `Table of Contents`, `Index`, `Inhalt`: a table of contents' heading. */
export function isContentsTitle(title: string): boolean {
  return /^(?:table of contents|contents|toc|index|inhalt(?:sverzeichnis)?|índice|indice|sommaire|目录|目錄|目次|목차|содержание)$/iu.test(title.trim());
}

/** `Story Template`, `Your Story Bank`, `Story Coverage Matrix`: a heading about the notes, not a story. */
export function isToolingTitle(title: string): boolean {
  return TOOLING_TITLE.test(title);
}

/** `The STAR method`, `What is STAR?`: the labels under it define the parts, they tell no story. */
export function isStarDefinitionTitle(title: string): boolean {
  return /\bSTAR\b/u.test(title) && (isToolingTitle(title) || /\b(?:what is|technique|approach|explained)\b/iu.test(title));
}

/** `Why do you want to work here?`, `Tell me about yourself`: a question answered without a story. */
export function isNonBehaviouralQuestion(title: string): boolean {
  return NON_BEHAVIOURAL_QUESTION.test(title.replace(/^(?:\d{1,3}[.)]\s*|Q\d*[.:)]\s*)/iu, ''));
}

/** Whether the label names a part the story already has: the start of another narrative. */
function repeatsPart(target: OpenStory, label: LabelFact): boolean {
  return target.story.sections.some((s) => s.part === label.parts[0]);
}

/**
 * Whether the label starts a second narrative under one title: a Situation again, after a full
 * narrative (a story tells its situation once; notes that name it twice under one question hold two).
 */
function startsNarrative(target: OpenStory, label: LabelFact): boolean {
  const parts = new Set(target.story.sections.map((s) => s.part));
  return label.parts[0] === 'situation' && parts.has('situation') && parts.size >= 3;
}

class Builder {
  private readonly categories: Category[] = [];
  private category: Category | undefined;
  private story: OpenStory | undefined;
  private sub: OpenStory | undefined;
  private readonly storyLabels = new Map<Story, LabelFact[]>();
  private lastHeading: Placed<HeadingFact> | undefined;
  private readonly nextHeadingDepth = new Map<Placed, number>();
  private readonly withContent = new Set<Category>();

  constructor(
    private readonly facts: readonly Placed[],
    private readonly levels: Levels,
  ) {
    let next = 0;
    for (let i = facts.length - 1; i >= 0; i--) {
      const f = facts[i]!;
      if (f.kind === 'heading' && !f.star) {
        this.nextHeadingDepth.set(f, next);
        next = f.depth;
      }
    }
  }

  build(): Pick<Structure, 'categories' | 'storyLabels'> {
    for (const f of this.facts) this.visit(f);
    this.closeStory();
    this.closeCategory();
    // A category heading with no story under it is kept only while it is a bare heading the user is
    // about to fill (or one marked like the others, `A.` / ✅); a trailing "Tips" section is not one.
    const categories = this.categories.filter(
      (c) => c.stories.length > 0 || (c.title !== null && (!this.withContent.has(c) || c.done || /^[A-Z]$/.test(c.label ?? ''))),
    );
    return { categories, storyLabels: this.storyLabels };
  }

  private visit(f: Placed): void {
    const { category, story, bold } = this.levels;
    switch (f.kind) {
      case 'heading': {
        if (f.star) {
          this.label(f, headingLabel(f as Placed<HeadingFact>));
          return;
        }
        this.lastHeading = f as Placed<HeadingFact>;
        const inverted = category > story && !bold;
        const isCategory =
          category > 0 && f.depth === category && (!inverted || this.nextHeadingDepth.get(f) === story);
        if (isCategory) {
          this.closeStory();
          this.closeCategory();
          this.openCategory(f as Placed<HeadingFact>);
        } else if (bold ? f.depth <= category || category === 0 : f.depth <= story) {
          this.closeStory();
          if (inverted ? f.depth < story : f.depth < category || (category === 0 && f.depth < story)) this.closeCategory();
          if (!bold && f.depth === story) this.openStory(f, f.numberTitle, f.number, 'story');
        } else if (inverted && f.depth < story) {
          this.closeStory();
          this.closeCategory();
        } else {
          // A deeper heading inside a story (`#### Details`) ends the STAR part above it.
          const target = this.sub ?? this.story;
          if (target) this.closeSection(target);
        }
        return;
      }
      case 'bold': {
        if (!isStoryLine(f) && !(this.levels.prose && f.question)) return;
        if (isPlainTitleInHeadingNotes(f, bold)) return;
        if (bold && !f.inList) {
          this.closeStory();
          this.openStory(f, f.title, undefined, 'story');
        } else if (this.story) {
          this.closeSub();
          this.sub = this.newStory(f, f.title, undefined, 'substory', this.story);
          this.story.story.stories.push(this.sub.story);
        }
        return;
      }
      case 'label':
        this.label(f, f);
        return;
      case 'content': {
        const target = this.sub ?? this.story;
        if (!target) {
          if (this.category) this.withContent.add(this.category);
          return;
        }
        if (f.navigation) target.navigation = true;
        if (f.definition) target.definitions = true;
        if (f.prompt) return;
        target.content = true;
        if (target.open) target.open.section.hasContent = true;
        this.extend(target, f.end);
        return;
      }
      case 'placeholder': {
        const target = this.sub ?? this.story;
        if (!target) return;
        target.story.placeholders.push({ start: f.start, end: f.end });
        this.extend(target, f.end);
        return;
      }
      case 'highlight': {
        const target = this.sub ?? this.story;
        if (target) target.story.highlights.push({ start: f.start, end: f.end });
        return;
      }
      case 'directive':
      case 'notes':
        return;
    }
  }

  private label(at: Placed, label: LabelFact): void {
    if (!this.story) {
      // Labels outside any story heading: a story without a title (a worksheet with no headings), or
      // the heading just above when the file's levels put it elsewhere.
      const h = this.lastHeading;
      if (h && !this.levels.bold && h.depth !== this.levels.category) this.openStory(h, h.numberTitle, h.number, 'story');
      else this.openUntitled(at);
    }
    let target = (this.sub ?? this.story)!;
    const story = this.story!;
    if (target.story.untitled && repeatsPart(target, label)) {
      // A part that repeats in an untitled story starts the next untitled story.
      this.closeStory();
      this.openUntitled(at);
      target = this.story!;
    } else if (startsNarrative(target, label) && (story.narratives || (target === story && story.story.stories.length === 0))) {
      // Under a titled story, the next of several narratives (`(S) … (R) …` twice under one question).
      target = this.nextNarrative(story, at);
    }
    this.closeSection(target);
    target.labels.push(label);
    for (const part of label.parts) {
      const section: StarSection = {
        part,
        label: { start: at.start, end: at.end },
        span: { start: at.start, end: at.end },
        hasContent: label.inlineContent,
        style: label.style,
      };
      target.story.sections.push(section);
      target.open = { section };
      if (label.parts.length > 1) this.closeSection(target);
    }
    this.extend(target, Math.max(at.end, label.blockEnd));
  }

  /**
   * The story's next narrative, as a sub-story from `at`; the first time, what the story held from its
   * first label on becomes its first narrative.
   */
  private nextNarrative(story: OpenStory, at: { start: number; end: number }): OpenStory {
    const title = story.story.title;
    if (!story.narratives) {
      story.narratives = true;
      const first = story.story.sections[0]!.label;
      const sub = this.newStory(first, `${title} (1)`, undefined, 'substory', story);
      sub.story.narrative = true;
      sub.story.sections = story.story.sections;
      sub.story.span.end = story.story.span.end;
      sub.story.placeholders = story.story.placeholders.filter((p) => p.start >= first.start);
      story.story.placeholders = story.story.placeholders.filter((p) => p.start < first.start);
      sub.labels = story.labels;
      sub.content = sub.story.sections.some((s) => s.hasContent);
      story.story.sections = [];
      story.labels = [];
      story.open = undefined;
      story.story.stories.push(sub.story);
      this.finish(sub);
    }
    this.closeSub();
    this.sub = this.newStory(at, `${title} (${story.story.stories.length + 1})`, undefined, 'substory', story);
    this.sub.story.narrative = true;
    story.story.stories.push(this.sub.story);
    return this.sub;
  }

  private openCategory(h: Placed<HeadingFact>): void {
    this.category = {
      id: '',
      title: h.labelTitle,
      label: h.label,
      done: h.doneMark !== undefined,
      doneMark: h.doneMark,
      heading: { start: h.start, end: h.end },
      span: { start: h.start, end: h.end },
      stories: [],
    };
    this.categories.push(this.category);
  }

  private closeCategory(): void {
    this.category = undefined;
  }

  private newStory(at: { start: number; end: number }, title: string, number: number | undefined, kind: Story['kind'], parent?: OpenStory): OpenStory {
    return {
      story: {
        id: '',
        kind,
        title,
        number,
        heading: { start: at.start, end: at.end },
        span: { start: at.start, end: at.end },
        status: 'empty',
        missing: [],
        sections: [],
        placeholders: [],
        highlights: [],
        stories: [],
      },
      candidate: true,
      content: false,
      labels: [],
      open: undefined,
      parent,
    };
  }

  private openStory(at: Placed, title: string, number: number | undefined, kind: Story['kind']): void {
    this.story = this.newStory(at, title, number, kind);
  }

  private openUntitled(at: Placed): void {
    this.openStory(at, UNTITLED, undefined, 'story');
    this.story!.story.untitled = true;
  }

  private extend(target: OpenStory, end: number): void {
    for (let t: OpenStory | undefined = target; t; t = t.parent) if (end > t.story.span.end) t.story.span.end = end;
    if (target.open && end > target.open.section.span.end) target.open.section.span.end = end;
  }

  private closeSection(target: OpenStory): void {
    target.open = undefined;
  }

  private closeSub(): void {
    if (!this.sub) return;
    this.finish(this.sub);
    this.sub = undefined;
  }

  private closeStory(): void {
    this.closeSub();
    const open = this.story;
    if (!open) return;
    this.story = undefined;
    const story = open.story;
    if (!isStory(open, this.levels.prose === true)) return;
    this.finish(open);
    if (!this.category) {
      this.category = {
        id: '',
        title: null,
        label: undefined,
        done: false,
        doneMark: undefined,
        heading: undefined,
        span: { ...story.span },
        stories: [],
      };
      this.categories.push(this.category);
    }
    this.category.stories.push(story);
    if (story.span.end > this.category.span.end) this.category.span.end = story.span.end;
    if (story.span.start < this.category.span.start) this.category.span.start = story.span.start;
  }

  /** Works out status and missing parts once a story's extent is known. */
  private finish(open: OpenStory): void {
    const story = open.story;
    this.storyLabels.set(story, open.labels);
    const present = new Set<StarPart>();
    let anyContent = open.content;
    for (const s of story.sections) {
      if (s.hasContent) {
        present.add(s.part);
        anyContent = true;
      }
    }
    let status: StoryStatus;
    let missing: StarPart[];
    if (story.stories.length > 0) {
      const statuses = story.stories.map((s) => s.status);
      const union = new Set(story.stories.flatMap((s) => s.missing));
      missing = REQUIRED_PARTS.filter((p) => union.has(p));
      if (statuses.every((s) => s === 'complete') && story.placeholders.length === 0) status = 'complete';
      else if (statuses.every((s) => s === 'empty') && !anyContent) status = 'empty';
      else status = 'incomplete';
    } else {
      missing = REQUIRED_PARTS.filter((p) => !present.has(p));
      if (!anyContent) status = 'empty';
      else if (missing.length === 0 && story.placeholders.length === 0) status = 'complete';
      else status = 'incomplete';
    }
    story.status = status;
    story.missing = missing;
  }
}
