// The shared parse (plain-parse.ts): the story bank reads a story with the blank lines after it, as
// the analysis reads the section a story ends, so that the tree of a story under its own heading is
// the analysis' tree and is parsed once per keystroke, not twice. These check that reading it so
// finds what a parse of the story's own text finds, and that a tree is shared only for the same text.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyze, eachStory, type Span } from '../../src/core/index';
import { nestedSpans, readProse, type Prose } from '../../src/core/bank/prose';
import { parsePlain } from '../../src/core/plain-parse';
import { describeText, notesDoc, params, PROPERTY_RUNS, storiesDoc } from '../support/arbitraries';

const fresh = unified().use(remarkParse);

/** readProse as it was: a fresh parse of the span's own text, nothing clamped. */
function proseOfOwnText(text: string, span: Span, skip: readonly Span[]): Prose {
  const tree = fresh.parse(text.slice(span.start, span.end));
  const prose: Prose = { runs: [], blocks: [] };
  const place = (node: Nodes) => ({ start: span.start + node.position!.start.offset!, end: span.start + node.position!.end.offset! });
  const cut = (s: Span): Span[] => {
    let pieces = [s];
    for (const k of skip) pieces = pieces.flatMap((p) => (p.start < k.end && k.start < p.end ? [{ start: p.start, end: k.start }, { start: k.end, end: p.end }].filter((q) => q.start < q.end) : [p]));
    return pieces;
  };
  const visit = (node: Nodes, link: boolean, heading: boolean): void => {
    if (node.type === 'code' || node.type === 'html') return void prose.blocks.push(place(node));
    if (node.type === 'image' || node.type === 'imageReference' || node.type === 'definition') return;
    if (node.type === 'text' || node.type === 'inlineCode') {
      for (const piece of cut(place(node))) prose.runs.push({ ...piece, code: node.type === 'inlineCode', link, heading });
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child, link || node.type === 'link' || node.type === 'linkReference', heading || node.type === 'heading');
  };
  visit(tree, false, false);
  return prose;
}

describe('the story bank shares the analysis parse (plain-parse.ts)', () => {
  it('a story read with the blank lines after it has the prose of its own text', () => {
    fc.assert(
      fc.property(fc.oneof(notesDoc, storiesDoc), ({ text }) => {
        for (const { story } of eachStory(analyze(text).categories)) {
          const span = { start: Math.max(0, story.span.start), end: Math.min(text.length, story.span.end) };
          const skip = nestedSpans(story);
          assert.deepStrictEqual(readProse(text, span, skip), proseOfOwnText(text, span, skip), `story ${JSON.stringify(story.title)} of ${describeText(text)}`);
        }
      }),
      params('shared-parse-prose', PROPERTY_RUNS),
    );
  });

  it('hands out the tree of the same text only', () => {
    const section = '### Story\n- **Situation**: s\n- **Action**: I did it\n';
    const tree = parsePlain(section);
    assert.equal(parsePlain(section), tree);
    assert.notEqual(parsePlain(section.slice(0, -1)), tree);
    assert.deepStrictEqual(parsePlain(section.slice(0, -1)).children, fresh.parse(section.slice(0, -1)).children);
  });
});
