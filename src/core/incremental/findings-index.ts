// Every finding of the document (before the silencing comments), sorted by position and kept across
// edits: an edit splices in the findings of what it rebuilt, and everything after it moves by the
// edit's length. Findings are frozen, so moving one makes a new one; those before the edit are kept.

import type { Category, Finding, StarSection, Story, TextEdit } from '../model.js';
import { byPosition, freezeDeep, RUN_RULES } from '../pipeline.js';

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

// Moving frozen model objects: copies with every offset moved by `delta`, frozen again. Spreading
// keeps whatever other fields they have.

const shiftSpan = <S extends { start: number; end: number }>(span: S, delta: number): S => ({ ...span, start: span.start + delta, end: span.end + delta });
const shiftEdits = (edits: readonly TextEdit[], delta: number): TextEdit[] => edits.map((e) => ({ span: shiftSpan(e.span, delta), newText: e.newText }));

export function shiftFinding(f: Finding, delta: number): Finding {
  return freezeDeep({
    ...f,
    span: shiftSpan(f.span, delta),
    fix: f.fix && shiftEdits(f.fix, delta),
    ...(f.checkedFix ? { checkedFix: { edits: shiftEdits(f.checkedFix.edits, delta), check: f.checkedFix.check } } : {}),
    ...(f.suggestions ? { suggestions: f.suggestions.map((s) => ({ title: s.title, edits: shiftEdits(s.edits, delta) })) } : {}),
  });
}

function shiftSection(s: StarSection, delta: number): StarSection {
  return { ...s, label: shiftSpan(s.label, delta), span: shiftSpan(s.span, delta) };
}

function shiftStory(s: Story, delta: number): Story {
  return {
    ...s,
    heading: shiftSpan(s.heading, delta),
    span: shiftSpan(s.span, delta),
    sections: s.sections.map((x) => shiftSection(x, delta)),
    placeholders: s.placeholders.map((x) => shiftSpan(x, delta)),
    highlights: s.highlights.map((x) => shiftSpan(x, delta)),
    stories: s.stories.map((x) => shiftStory(x, delta)),
  };
}

/** A category moved by `delta`, with its stories: a new frozen object. */
export function shiftCategory(c: Category, delta: number): Category {
  return freezeDeep({
    ...c,
    heading: c.heading && shiftSpan(c.heading, delta),
    doneMark: c.doneMark && shiftSpan(c.doneMark, delta),
    span: shiftSpan(c.span, delta),
    stories: c.stories.map((s) => shiftStory(s, delta)),
  });
}
