// Builds categories → stories → sub-stories from the placed facts of a run of sections, at the levels
// the file uses (build/levels.ts): opens and closes categories, stories and STAR parts as headings,
// story lines and labels come, and works out each story's status and missing parts.

import type { HeadingFact, LabelFact } from '../facts.js';
import type { Category, StarPart, StarSection, Story, StoryStatus } from '../model.js';
import { REQUIRED_PARTS } from '../model.js';
import { isBehaviouralTitle } from '../read/prose.js';
import type { Levels, Placed, Structure } from '../structure.js';
import { headingLabel } from './evidence.js';
import { isNonBehaviouralQuestion, isPlainTitleInHeadingNotes, isStarDefinitionTitle, isStoryLine, isToolingTitle, STORY_HEADING, STORY_TITLE } from './titles.js';

/** The title shown for a story that has none (labels with no heading above them); `untitled` says it. */
export const UNTITLED = '(untitled story)';

/** Categories and stories of a run of facts that starts and ends at category boundaries. */
export function buildCategories(facts: readonly Placed[], levels: Levels): Pick<Structure, 'categories' | 'storyLabels'> {
  return new Builder(facts, levels).build();
}

/** buildCategories yielding after every `factsPerStep` facts (a first analysis in slices); the same result. */
export function* buildCategoriesInSteps(facts: readonly Placed[], levels: Levels, factsPerStep: number): Generator<void, Pick<Structure, 'categories' | 'storyLabels'>, void> {
  const builder = new Builder(facts, levels);
  for (let i = 0; i < facts.length; i += factsPerStep) {
    builder.visitAll(i, Math.min(facts.length, i + factsPerStep));
    yield;
  }
  return builder.result();
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
  /** With sub-story headings: the headings that own labels (build/levels.ts reads them the same way). */
  private labelOwners: Set<Placed<HeadingFact>> | undefined;
  private subDepth: number | undefined;

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
    if (levels.subHeadings) this.labelOwners = labelOwners(facts);
  }

  build(): Pick<Structure, 'categories' | 'storyLabels'> {
    this.visitAll(0, this.facts.length);
    return this.result();
  }

  visitAll(from: number, to: number): void {
    for (let i = from; i < to; i++) this.visit(this.facts[i]!);
  }

  result(): Pick<Structure, 'categories' | 'storyLabels'> {
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
        } else if (this.story && this.opensSubStory(f as Placed<HeadingFact>, this.story)) {
          this.closeSub();
          this.sub = this.newStory(f, f.numberTitle, f.number, 'substory', this.story);
          this.subDepth = f.depth;
          this.story.story.stories.push(this.sub.story);
        } else {
          // A heading no deeper than the sub-story's ends it; a deeper heading inside a story
          // (`#### Details`) ends the STAR part above it.
          if (this.sub && this.subDepth !== undefined && f.depth <= this.subDepth) this.closeSub();
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

  /** A deeper heading with parts of its own, in a story that has none before it: a sub-story. */
  private opensSubStory(h: Placed<HeadingFact>, story: OpenStory): boolean {
    return this.labelOwners?.has(h) === true && story.labels.length === 0;
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
    this.subDepth = undefined;
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

/** The headings that labels sit under: the innermost heading, or the one above a `### Situation`. */
function labelOwners(facts: readonly Placed[]): Set<Placed<HeadingFact>> {
  const owners = new Set<Placed<HeadingFact>>();
  const stack: Placed<HeadingFact>[] = [];
  for (const f of facts) {
    if (f.kind === 'heading') {
      let at = stack.length - 1;
      while (at >= 0 && stack[at]!.depth >= f.depth) at--;
      if (f.star) {
        if (at >= 0) owners.add(stack[at]!);
        continue;
      }
      stack.length = at + 1;
      stack.push(f as Placed<HeadingFact>);
    } else if (f.kind === 'label' && stack.length) owners.add(stack[stack.length - 1]!);
  }
  return owners;
}
