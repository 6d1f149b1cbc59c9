// Where a section holds code: fenced and indented code blocks, inline code, and HTML `<pre>`/`<code>`.
// Code is never structure and never a mark: no label, placeholder or mis-encoded run is read in it
// (`assert fix("cafÃ©")` in a fence is a test of a repair, not text to repair).

import type { Nodes, Root } from 'mdast';

export interface Range {
  start: number;
  end: number;
}

const HTML_CODE_BLOCK = /^\s*<(?:pre|code|script|style)\b/i;
const HTML_CODE_OPEN = /^<code\b[^>]*>$/i;
const HTML_CODE_CLOSE = /^<\/code\s*>$/i;

/** The code ranges of a parsed section, in document order; `bias` is added to every mdast offset. */
export function codeRanges(tree: Root, bias: number): Range[] {
  const out: Range[] = [];
  const at = (node: Nodes, end: boolean) => ((end ? node.position?.end.offset : node.position?.start.offset) ?? 0) + bias;
  const walk = (node: Nodes): void => {
    if (node.type === 'code' || node.type === 'inlineCode') {
      out.push({ start: at(node, false), end: at(node, true) });
      return;
    }
    if (node.type === 'html') {
      if (HTML_CODE_BLOCK.test(node.value)) out.push({ start: at(node, false), end: at(node, true) });
      return;
    }
    if (!('children' in node)) return;
    let openCode: Nodes | undefined;
    for (const child of node.children as Nodes[]) {
      if (child.type === 'html' && HTML_CODE_OPEN.test(child.value)) openCode ??= child;
      else if (child.type === 'html' && HTML_CODE_CLOSE.test(child.value) && openCode) {
        out.push({ start: at(openCode, false), end: at(child, true) });
        openCode = undefined;
      } else if (!openCode) walk(child);
    }
  };
  walk(tree);
  return out.sort((a, b) => a.start - b.start);
}

/** The items that overlap no range; both lists in document order. */
export function outsideRanges<T extends Range>(items: readonly T[], ranges: readonly Range[]): T[] {
  if (ranges.length === 0) return items.slice();
  const kept: T[] = [];
  let r = 0;
  for (const item of items) {
    while (r < ranges.length && ranges[r]!.end <= item.start) r++;
    const range = ranges[r];
    if (!range || range.start >= item.end) kept.push(item);
  }
  return kept;
}

/** Whether `offset` lies inside one of `ranges`. */
export function insideRanges(offset: number, ranges: readonly Range[]): boolean {
  return ranges.some((r) => r.start <= offset && offset < r.end);
}
