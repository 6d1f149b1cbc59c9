// Placeholders (❓, TODO, [fill in]) and highlights (🔸) in a node's text, never in code or HTML.

import type { Nodes, Parent } from 'mdast';
import { HIGHLIGHT_RE, isBlank, PLACEHOLDER_RE } from '../marks.js';
import { flat } from './plain-text.js';
import type { SectionText } from './section-text.js';

/** Placeholders and highlights in the source of the node's text (never in code or HTML). */
export function readMarkers(t: SectionText, node: Parent, from: number): void {
  for (const child of node.children as Nodes[]) {
    if (child.type === 'text') {
      const start = Math.max(t.start(child), from);
      const end = t.end(child);
      if (start < end) scanMarkers(t, t.text.slice(start, end), start);
    } else if (child.type === 'strong' || child.type === 'emphasis') {
      readMarkers(t, child, from);
    }
  }
}

export function scanMarkers(t: SectionText, source: string, offset: number): void {
  for (const m of source.matchAll(PLACEHOLDER_RE)) {
    if (m[1] !== undefined && !isBlank(m[1])) continue;
    t.facts.push({ kind: 'placeholder', start: offset + m.index, end: offset + m.index + m[0].length, text: flat(m[0]) });
  }
  for (const m of source.matchAll(HIGHLIGHT_RE)) {
    t.facts.push({ kind: 'highlight', start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
  }
}
