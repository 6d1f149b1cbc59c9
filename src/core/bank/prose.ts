// The prose of a stretch of the document: where its text is, and what is not prose (code, HTML,
// link targets). Tags and speaking time both need it. We parse the slice with remark (as the reader
// does) instead of scanning: a hand scan gets code spans with several backticks, indented code and
// link syntax wrong, and those are exactly where a `#` or a word must not count.

import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Span } from '../model.js';

export interface ProseRun extends Span {
  /** Inline code (its text is spoken, but it is never a tag). */
  code: boolean;
  /** Inside a link or a link reference (the link text; the target is never a run). */
  link: boolean;
  /** Inside a heading (its `#` markers are not part of any run). */
  heading: boolean;
}

const processor = unified().use(remarkParse);

/** The mdast of a span of the text (clamped to it), and the offset its positions are relative to. */
function parseSpan(text: string, span: Span): { tree: Root; start: number } | undefined {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  try {
    return { tree: processor.parse(text.slice(start, end)), start };
  } catch {
    return undefined; // remark does not throw on Markdown; this keeps our promise if it ever did
  }
}

/** Runs of prose in `text` between `span.start` and `span.end`, in document order, absolute offsets. */
export function proseRuns(text: string, span: Span, skip: readonly Span[] = []): ProseRun[] {
  const parsed = parseSpan(text, span);
  if (!parsed) return [];
  const { tree, start } = parsed;
  const runs: ProseRun[] = [];
  const visit = (node: Nodes, link: boolean, heading: boolean): void => {
    if (node.type === 'code' || node.type === 'html' || node.type === 'image' || node.type === 'imageReference' || node.type === 'definition') return;
    if (node.type === 'text' || node.type === 'inlineCode') {
      const from = node.position?.start.offset;
      const to = node.position?.end.offset;
      if (from === undefined || to === undefined) return;
      for (const piece of without({ start: start + from, end: start + to }, skip)) runs.push({ ...piece, code: node.type === 'inlineCode', link, heading });
      return;
    }
    if ('children' in node) {
      const inLink = link || node.type === 'link' || node.type === 'linkReference';
      for (const child of node.children as Nodes[]) visit(child, inLink, heading || node.type === 'heading');
    }
  };
  visit(tree, false, false);
  return runs;
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

/** Ranges of fenced or indented code and HTML blocks (comments) in the span, absolute offsets. */
export function nonProseBlocks(text: string, span: Span): Span[] {
  const parsed = parseSpan(text, span);
  if (!parsed) return [];
  const { tree, start } = parsed;
  const blocks: Span[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'code' || node.type === 'html') {
      const from = node.position?.start.offset;
      const to = node.position?.end.offset;
      if (from !== undefined && to !== undefined) blocks.push({ start: start + from, end: start + to });
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return blocks;
}

/** Spans of the sub-stories of a story: a story's own text leaves them out. */
export function nestedSpans(story: { stories: readonly { span: Span }[] }): Span[] {
  return story.stories.map((s) => ({ start: s.span.start, end: s.span.end }));
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
export const inside = (offset: number, spans: readonly Span[]): boolean => spans.some((s) => s.start <= offset && offset < s.end);
