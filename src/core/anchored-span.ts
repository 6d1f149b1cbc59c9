// Spans that move with their category. Every position in the model is absolute (model.ts), but after
// an edit everything behind it moves: shifting each span of the categories after the edit cost an
// 8 MB file about 5 ms per keystroke. A category's spans and its findings' spans instead keep their
// offsets relative to one anchor per category, so moving a category is one addition, whatever it holds.
// They read and write like plain spans (`start`, `end`), and serialise as plain spans.

import { mapFixEdits } from './deferred-fix.js';
import type { Category, Finding, Span, Story, TextEdit } from './model.js';

export interface Anchor {
  /** Where the category starts: the offset every span of it is relative to. */
  offset: number;
}

export class AnchoredSpan implements Span {
  constructor(
    private readonly anchor: Anchor,
    private relativeStart: number,
    private relativeEnd: number,
  ) {}

  get start(): number {
    return this.anchor.offset + this.relativeStart;
  }

  set start(value: number) {
    this.relativeStart = value - this.anchor.offset;
  }

  get end(): number {
    return this.anchor.offset + this.relativeEnd;
  }

  set end(value: number) {
    this.relativeEnd = value - this.anchor.offset;
  }

  toJSON(): Span {
    return { start: this.start, end: this.end };
  }

  /** The anchor of a span of an anchored category, or undefined for a plain span. */
  static anchorOf(span: Span): Anchor | undefined {
    return span instanceof AnchoredSpan ? span.anchor : undefined;
  }
}

function anchored(anchor: Anchor, span: Span): AnchoredSpan {
  return new AnchoredSpan(anchor, span.start - anchor.offset, span.end - anchor.offset);
}

function anchorStory(anchor: Anchor, story: Story): void {
  story.heading = anchored(anchor, story.heading);
  story.span = anchored(anchor, story.span);
  story.placeholders = story.placeholders.map((s) => anchored(anchor, s));
  story.highlights = story.highlights.map((s) => anchored(anchor, s));
  for (const section of story.sections) {
    section.label = anchored(anchor, section.label);
    section.span = anchored(anchor, section.span);
  }
  for (const sub of story.stories) anchorStory(anchor, sub);
}

function anchorEdits(anchor: Anchor, edits: readonly TextEdit[]): TextEdit[] {
  return edits.map((e) => ({ span: anchored(anchor, e.span), newText: e.newText }));
}

/**
 * Makes a freshly built category's spans, and its findings', relative to one new anchor at the
 * category's start. Every span becomes an object of its own, so none is shared with another.
 */
export function anchorCategory(category: Category, findings: readonly Finding[]): void {
  const anchor: Anchor = { offset: category.span.start };
  category.span = anchored(anchor, category.span);
  if (category.heading) category.heading = anchored(anchor, category.heading);
  if (category.doneMark) category.doneMark = anchored(anchor, category.doneMark);
  for (const story of category.stories) anchorStory(anchor, story);
  for (const f of findings) {
    f.span = anchored(anchor, f.span);
    mapFixEdits(f, (edits) => anchorEdits(anchor, edits));
    if (f.suggestions) f.suggestions = f.suggestions.map((s) => ({ title: s.title, edits: anchorEdits(anchor, s.edits) }));
  }
}

/** Moves an anchored category, its stories and its findings by `delta`. */
export function moveCategory(category: Category, delta: number): void {
  AnchoredSpan.anchorOf(category.span)!.offset += delta;
}
