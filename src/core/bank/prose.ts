// The prose of a stretch of the document: where its text is, and what is not prose (code, HTML,
// link targets). Tags and speaking time both need it. We parse the slice with remark (as the reader
// does) instead of scanning: a hand scan gets code spans with several backticks, indented code and
// link syntax wrong, and those are exactly where a `#` or a word must not count.

import type { Nodes, Root } from 'mdast';
import { parsePlain } from '../plain-parse.js';
import type { Span } from '../model.js';

export interface ProseRun extends Span {
  /** Inline code (its text is spoken, but it is never a tag). */
  code: boolean;
  /** Inside a link or a link reference (the link text; the target is never a run). */
  link: boolean;
  /** Inside a heading (its `#` markers are not part of any run). */
  heading: boolean;
}

/**
 * The mdast of a span of the text (clamped to it) read with the line ending and blank lines after it,
 * as the analysis reads the section a story ends (so a story under its own heading is the text the
 * analysis parsed, and its tree is shared: plain-parse.ts); the offset its positions are relative to,
 * and the span's end, where every node read from the tree is cut.
 */
function parseSpan(text: string, span: Span): { tree: Root; start: number; end: number } | undefined {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  try {
    return { tree: parsePlain(text.slice(start, withBlankLinesAfter(text, end))), start, end };
  } catch {
    return undefined; // remark does not throw on Markdown; this keeps our promise if it ever did
  }
}

/** The end of the line ending at `end` and of the blank lines after it (`end` when no line ends there). */
function withBlankLinesAfter(text: string, end: number): number {
  let at = end;
  for (;;) {
    const afterBreak = text.charCodeAt(at) === 13 ? (text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1) : text.charCodeAt(at) === 10 ? at + 1 : at;
    if (afterBreak === at) return at;
    let blank = afterBreak;
    while (text.charCodeAt(blank) === 32 || text.charCodeAt(blank) === 9) blank++;
    const c = text.charCodeAt(blank);
    if (!(c === 10 || c === 13)) return afterBreak; // the next line has text, or the text ends
    at = blank;
  }
}

/** What one parse of a span gives: its runs of prose and its code and HTML blocks, absolute offsets. */
export interface Prose {
  runs: ProseRun[];
  blocks: Span[];
}

/** Runs of prose (left out: code blocks, HTML, images, definitions, `skip`) and the code and HTML blocks of a span. */
export function readProse(text: string, span: Span, skip: readonly Span[] = []): Prose {
  const parsed = parseSpan(text, span);
  const prose: Prose = { runs: [], blocks: [] };
  if (!parsed) return prose;
  const { tree, start, end } = parsed;
  // Nothing past the span's end: the blank lines after it are read only to share the section's tree.
  const place = (node: Nodes): Span | undefined => {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from === undefined || to === undefined || start + from >= end) return undefined;
    return { start: start + from, end: Math.min(start + to, end) };
  };
  const visit = (node: Nodes, link: boolean, heading: boolean): void => {
    if (node.type === 'code' || node.type === 'html') {
      const at = place(node);
      if (at) prose.blocks.push(at);
      return;
    }
    if (node.type === 'image' || node.type === 'imageReference' || node.type === 'definition') return;
    if (node.type === 'text' || node.type === 'inlineCode') {
      const at = place(node);
      if (at) for (const piece of without(at, skip)) prose.runs.push({ ...piece, code: node.type === 'inlineCode', link, heading });
      return;
    }
    if ('children' in node) {
      const inLink = link || node.type === 'link' || node.type === 'linkReference';
      for (const child of node.children as Nodes[]) visit(child, inLink, heading || node.type === 'heading');
    }
  };
  visit(tree, false, false);
  return prose;
}

/** Runs of prose in `text` between `span.start` and `span.end`, in document order, absolute offsets. */
export function proseRuns(text: string, span: Span, skip: readonly Span[] = []): ProseRun[] {
  return readProse(text, span, skip).runs;
}

/** The runs with the parts that `skip` covers cut out: a second cut of one parse instead of a second parse. */
export function cutRuns(runs: readonly ProseRun[], skip: readonly Span[]): ProseRun[] {
  if (skip.length === 0) return [...runs];
  return runs.flatMap((run) => without(run, skip).map((piece) => ({ ...run, ...piece })));
}

/** The parts of `span` that no span of `skip` covers. */
function without(span: Span, skip: readonly Span[]): Span[] {
  let pieces: Span[] = [span];
  for (const cut of skip) {
    if (!pieces.some((p) => overlaps(p, cut))) continue;
    pieces = pieces.flatMap((p) =>
      overlaps(p, cut) ? [{ start: p.start, end: cut.start }, { start: cut.end, end: p.end }].filter((q) => q.start < q.end) : [p],
    );
  }
  return pieces;
}

/** Spans of the sub-stories of a story: a story's own text leaves them out. */
export function nestedSpans(story: { stories: readonly { span: Span }[] }): Span[] {
  return story.stories.map((s) => ({ start: s.span.start, end: s.span.end }));
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
export const inside = (offset: number, spans: readonly Span[]): boolean => spans.some((s) => s.start <= offset && offset < s.end);
