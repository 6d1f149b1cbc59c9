// Markdown parsed with plain remark (no extension), with the last few trees kept by their text.
//
// Why: after a keystroke the analysis parses the section the edit changed, and the story bank then
// reads the story in that section for its words and tags. When the story is the whole section (a
// story under its own heading), that is the same text, so the bank's parse is the analysis' tree
// again (the bank reads a story with the blank lines after it, as the section holds them): half of
// a keystroke's parsing at 1 MB. The same text always gives the same tree, and
// neither reader changes a tree, so sharing one is safe. Only small texts are kept (a few sections),
// so the memory held stays a few trees.

import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { simpleTree } from './simple-tree.js';

const processor = unified().use(remarkParse);

/** How many recent trees are kept: an edit re-reads one to three sections. */
const KEPT_TREES = 4;
/** Texts longer than this are parsed but not kept (their trees are large and rarely met again). */
const KEPT_CHARS = 64 * 1024;

const recent: Array<{ source: string; tree: Root }> = [];

/** The plain remark tree of `source` (shared: a caller must not change it). */
export function parsePlain(source: string): Root {
  for (const kept of recent) if (kept.source === source) return kept.tree;
  // Text in the plainest notes style gets its certain tree without micromark: simple-tree.ts.
  const tree = simpleTree(source) ?? processor.parse(source);
  if (source.length <= KEPT_CHARS) {
    recent.unshift({ source, tree });
    if (recent.length > KEPT_TREES) recent.pop();
  }
  return tree;
}
