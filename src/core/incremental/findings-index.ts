// Every finding of the document (before the silencing comments), sorted by position and kept across
// edits: an edit splices in the findings of what it rebuilt, and everything after it moves by the
// edit's length. Findings are frozen, so moving one makes a new one; those before the edit are kept.

import type { Category, Finding, Span, StarSection, Story, Suggestion, TextEdit } from '../model.js';
import { freezeModel as freeze } from '../freeze.js';
import { byPosition, RUN_RULES } from '../pipeline.js';
import { originOf, setOrigin, textToken, type TextOrigin } from './text-origin.js';

/** What an edit replaced, in old offsets: the rebuilt categories' span and the re-read sections' span. */
export interface Replaced {
  /** Category findings starting in [lo, hi) (hi: Infinity for up to the end). */
  categories: { lo: number; hi: number };
  /** Mis-encoded findings starting in [from, to). */
  sections: { from: number; to: number };
  /** Where the edit ended in the old text, and how much longer it made the text. */
  oldTo: number;
  delta: number;
}

const RUN_RULE_IDS = new Set(RUN_RULES.map((r) => r.id));

export class FindingsIndex {
  private list: Finding[] = [];

  get all(): readonly Finding[] {
    return this.list;
  }

  reset(findings: Finding[]): void {
    this.list = findings;
  }

  /**
   * Replaces the findings of what was rebuilt with `fresh` (new offsets) and moves those after the
   * edit. Category findings lie inside their category and run findings inside their section, so
   * nothing else changes.
   */
  splice(replaced: Replaced, fresh: readonly Finding[]): void {
    const all = this.list;
    const { categories, sections, oldTo, delta } = replaced;
    const lo = Math.min(categories.lo, sections.from);
    const hi = Math.max(categories.hi, sections.to);
    const i0 = lowerBound(all, lo);
    const i1 = lowerBound(all, hi);
    const kept: Finding[] = [];
    for (let i = i0; i < i1; i++) {
      const f = all[i]!;
      const at = f.span.start;
      const isReplaced = RUN_RULE_IDS.has(f.rule) ? at >= sections.from && at < sections.to : at >= categories.lo && at < categories.hi;
      // A kept finding lies wholly before the edit or wholly after it.
      if (!isReplaced) kept.push(delta !== 0 && at >= oldTo ? shiftFinding(f, delta) : f);
    }
    const middle = kept.concat(fresh).sort(byPosition);
    if (delta !== 0) for (let i = i1; i < all.length; i++) all[i] = shiftFinding(all[i]!, delta);
    all.splice(i0, i1 - i0, ...middle);
  }
}

/** Index of the first finding starting at or after `offset`. */
function lowerBound(items: readonly Finding[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Moving frozen model objects: copies with every offset moved by `delta`, each frozen as it is made
// where models are frozen (freeze.ts; a walk over the copy to freeze it costs more than making it). Every field is written out: a
// literal of a known shape is several times cheaper than a spread, and a keystroke at 1 MB moves some
// 15 000 objects. `Shifted<T>` makes the compiler name a field a copy forgets (the differential test
// compares every copy with a fresh reading). Arrays of plain values (a story's `missing`) are shared,
// already frozen. Optional fields are copied only when present, as a fresh reading leaves them out.


/** T with its optional fields required (as possibly undefined): a literal of it names every field. */
type Shifted<T> = { [K in keyof Required<T>]: T[K] };
/** The optional fields of T. */
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];
/** Compiles only when `Named` lists every optional field of T (copied after the literal, when present). */
type AllOptional<T, Named extends keyof T> = Exclude<OptionalKeys<T>, Named> extends never ? true : never;

/** Spans are exactly { start, end } (model.ts). */
function shiftSpan(span: Span, delta: number): Span {
  return freeze({ start: span.start + delta, end: span.end + delta });
}

function shiftSpans(spans: readonly Span[], delta: number): Span[] {
  const out: Span[] = new Array(spans.length);
  for (let i = 0; i < spans.length; i++) out[i] = shiftSpan(spans[i]!, delta);
  return freeze(out) as Span[];
}

function shiftEdits(edits: readonly TextEdit[], delta: number): TextEdit[] {
  const out: TextEdit[] = new Array(edits.length);
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i]!;
    out[i] = freeze({ span: shiftSpan(e.span, delta), newText: e.newText } satisfies Shifted<TextEdit>);
  }
  return freeze(out) as TextEdit[];
}

function shiftSuggestions(suggestions: readonly Suggestion[], delta: number): Suggestion[] {
  return freeze(suggestions.map((s) => freeze({ title: s.title, edits: shiftEdits(s.edits, delta) } satisfies Shifted<Suggestion>))) as Suggestion[];
}

const findingOptionalsNamed: AllOptional<Finding, 'checkedFix' | 'suggestions'> = true;
const storyOptionalsNamed: AllOptional<Story, 'untitled' | 'narrative'> = true;
void findingOptionalsNamed;
void storyOptionalsNamed;

export function shiftFinding(f: Finding, delta: number): Finding {
  const shifted: Omit<Shifted<Finding>, OptionalKeys<Finding>> & Partial<Finding> = {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    span: shiftSpan(f.span, delta),
    fix: f.fix && shiftEdits(f.fix, delta),
  };
  // Added, not deleted: deleting a field turns an object into a slow dictionary.
  if (f.checkedFix) shifted.checkedFix = freeze({ edits: shiftEdits(f.checkedFix.edits, delta), check: f.checkedFix.check });
  if (f.suggestions) shifted.suggestions = shiftSuggestions(f.suggestions, delta);
  return freeze(shifted);
}

function shiftSection(s: StarSection, delta: number): StarSection {
  return freeze({
    part: s.part,
    label: shiftSpan(s.label, delta),
    span: shiftSpan(s.span, delta),
    hasContent: s.hasContent,
    style: s.style,
  } satisfies Shifted<StarSection>);
}

function shiftStory(s: Story, delta: number): Story {
  const sections: StarSection[] = new Array(s.sections.length);
  for (let i = 0; i < sections.length; i++) sections[i] = shiftSection(s.sections[i]!, delta);
  const stories: Story[] = new Array(s.stories.length);
  for (let i = 0; i < stories.length; i++) stories[i] = shiftStory(s.stories[i]!, delta);
  const shifted: Omit<Shifted<Story>, OptionalKeys<Story>> & Partial<Story> = {
    id: s.id,
    kind: s.kind,
    title: s.title,
    number: s.number,
    heading: shiftSpan(s.heading, delta),
    span: shiftSpan(s.span, delta),
    status: s.status,
    missing: s.missing,
    sections: freeze(sections) as StarSection[],
    placeholders: s.placeholders.length ? shiftSpans(s.placeholders, delta) : s.placeholders,
    highlights: s.highlights.length ? shiftSpans(s.highlights, delta) : s.highlights,
    stories: s.stories.length ? (freeze(stories) as Story[]) : s.stories,
  };
  if ('untitled' in s) shifted.untitled = s.untitled;
  if ('narrative' in s) shifted.narrative = s.narrative;
  return freeze(shifted) as Story;
}

/** A moved category's stories, made when first read (kept as the copy's text origin). */
interface MovedStories extends TextOrigin {
  /** The category whose stories are moved: the first one of a chain of moves nobody read. */
  origin: Category | undefined;
  /** How far from `origin`'s offsets. */
  delta: number;
  stories: Story[] | undefined;
}

const isUnreadMove = (o: TextOrigin | undefined): o is MovedStories => o !== undefined && 'delta' in o && (o as MovedStories).stories === undefined;

/**
 * A category moved by `delta`: a new frozen object with its heading and spans moved, and its stories
 * moved when they are first read (`stories` is a getter that makes them once; the same frozen array
 * on every read after). At 8 MB a keystroke in the middle moves some 800 categories holding 7 000
 * stories and 100 000 spans: the keystroke makes the 800, and whoever reads a category's stories pays
 * for that category alone (the counts and the folding ranges of a moved category are kept by its text
 * token and read none). A copy moved again before anyone read its stories moves its origin's by both
 * deltas at once, so a run of keystrokes moves each story once, when it is read.
 *
 * The copy is still plain data to every reader: `stories` is an own enumerable property, so a spread,
 * JSON, structuredClone and deepStrictEqual see an array like any other.
 */
export function shiftCategory(c: Category, delta: number): Category {
  const known = originOf(c);
  const state: MovedStories = isUnreadMove(known)
    ? { token: known.token, origin: known.origin, delta: known.delta + delta, stories: undefined }
    : { token: known?.token ?? textToken(c), origin: c, delta, stories: undefined };
  const moved = {
    id: c.id,
    title: c.title,
    label: c.label,
    done: c.done,
    doneMark: c.doneMark && shiftSpan(c.doneMark, delta),
    heading: c.heading && shiftSpan(c.heading, delta),
    span: shiftSpan(c.span, delta),
  } satisfies Omit<Shifted<Category>, 'stories'>;
  // One getter for every copy (it finds the copy's state by the copy): a getter written in the
  // literal is a closure per copy and takes V8's slow path for literals, ~1 µs a copy.
  Object.defineProperty(moved, 'stories', STORIES);
  setOrigin(moved, state);
  return freeze(moved as Category);
}

/** A moved category's `stories`: enumerable, as the field it stands for. */
const STORIES: PropertyDescriptor = {
  enumerable: true,
  get(this: Category): Story[] {
    const state = originOf(this) as MovedStories;
    return (state.stories ??= moveStories(state));
  },
};

function moveStories(state: MovedStories): Story[] {
  const from = state.origin!.stories;
  const stories: Story[] = new Array(from.length);
  for (let i = 0; i < stories.length; i++) stories[i] = shiftStory(from[i]!, state.delta);
  // The origin is no longer needed: let it go with its stories.
  state.origin = undefined;
  return freeze(stories) as Story[];
}
