// A heading's facts: its depth, its title without decoration, a leading `A.` letter or `4.` number,
// a ✅ done mark, and whether it is itself a STAR label (`### Situation`).

import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { HeadingFact } from '../facts.js';
import { DECORATION_RE, DONE_MARKS, LEADING_DECORATION_RE, TRAILING_DONE_RE } from '../marks.js';
import { ATX_HEADING_PREFIX } from '../markdown-lines.js';
import { readLabelWords } from '../vocabulary.js';
import { readMarkers } from './markers.js';
import { flat } from './plain-text.js';
import type { SectionText } from './section-text.js';

export function readHeading(t: SectionText, node: Nodes & { type: 'heading' }): void {
  const start = t.start(node);
  const end = t.end(node);
  const raw = headingText(node);
  const decoration = DECORATION_RE.exec(raw)?.[0].length ?? 0;
  const text = flat(raw.slice(decoration).replace(TRAILING_DONE_RE, '').trim());
  const label = /^((?:[A-Z]|\d{1,3})[.)])\s+(.*)$/su.exec(text);
  const numbered = /^(\d{1,4})(?:[.)]\s*|\s+)(.*)$/su.exec(text);
  const source = t.text.slice(start, end);
  let doneMark: HeadingFact['doneMark'];
  for (const mark of DONE_MARKS) {
    const at = source.indexOf(mark);
    if (at !== -1) {
      doneMark = { start: start + at, end: start + at + mark.length };
      break;
    }
  }
  const starText = text.replace(/[*_:]+/g, ' ').replace(/\s+/g, ' ').trim();
  t.facts.push({
    kind: 'heading',
    start,
    end,
    depth: node.depth,
    text,
    label: label ? label[1]!.slice(0, -1) : undefined,
    labelTitle: label ? flat(label[2]!.trim()) : text,
    number: numbered ? Number(numbered[1]) : undefined,
    numberTitle: numbered && numbered[2]!.trim() ? flat(numbered[2]!.trim()) : text,
    doneMark,
    star: starText.split(' ').length <= 8 ? readLabelWords(starText, true) : undefined,
  });
  // A ❓ before the title is decoration (`## ❓ Frage 1:`); anywhere else it marks a blank.
  readMarkers(t, node, start + leadingDecoration(source));
}

/**
 * A heading's text, with a reference link kept in its brackets: `[ref]` reads the same whether its
 * definition is in this section (a linkReference) or another one (plain text).
 */
function headingText(node: Nodes): string {
  if (node.type === 'linkReference' || node.type === 'imageReference') return `[${toString(node)}]`;
  if ('children' in node) return (node.children as Nodes[]).map(headingText).join('');
  return toString(node);
}

function leadingDecoration(source: string): number {
  const hashes = ATX_HEADING_PREFIX.exec(source)?.[0].length ?? 0;
  const rest = source.slice(hashes);
  const deco = LEADING_DECORATION_RE.exec(rest)?.[0].length ?? 0;
  return hashes + deco;
}
