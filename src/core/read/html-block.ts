// Stories written in HTML: `<details><summary>Tell me about a time…</summary>` holds a story (the
// summary is its title), and inside it labels are bold tags (`<b>Situation:</b>`) or plain words at a
// line or list-item start (`<li>Task: …`). Read off the block's source, so offsets stay exact.

import { readLabelWords, type LabelWord } from '../vocabulary.js';

export interface HtmlStoryTitle {
  start: number;
  end: number;
  title: string;
}

export interface HtmlLabel {
  start: number;
  end: number;
  read: LabelWord;
  /** Where the label's content ends: the next label, or the end of the block. */
  contentEnd: number;
}

const SUMMARY = /<summary\b[^>]*>([^]*?)<\/summary\s*>/gi;
const BOLD_LABEL = /<(b|strong)\b[^>]*>\s*([^<]{1,60}?)\s*(?:[:：]\s*)?<\/\1\s*>(?:\s*[:：])?/gi;
// `[^<>]`, not `[^>]`: with no `>` ahead, each `<` of a `<?<?…` block would scan to its end.
const TAG = /<[^<>]*>/g;

/** Whether an HTML block holds a `<summary>`: a story title, maybe with the story in the block. */
export function hasSummary(source: string): boolean {
  return /<summary\b/i.test(source);
}

/** The summaries of an HTML block (offsets relative to the block's source). */
export function summaries(source: string): HtmlStoryTitle[] {
  const out: HtmlStoryTitle[] = [];
  for (const m of source.matchAll(SUMMARY)) {
    const title = decodeBasicEntities(m[1]!.replace(TAG, '')).replace(/\s+/g, ' ').trim();
    if (title) out.push({ start: m.index, end: m.index + m[0].length, title });
  }
  return out;
}

/** The STAR labels in bold tags of an HTML block, after `from` (offsets relative to the block). */
export function htmlLabels(source: string, from: number): HtmlLabel[] {
  const out: HtmlLabel[] = [];
  BOLD_LABEL.lastIndex = from;
  for (let m = BOLD_LABEL.exec(source); m; m = BOLD_LABEL.exec(source)) {
    const read = readLabelWords(m[2]!.replace(/[:：]\s*$/, ''), true);
    if (read) out.push({ start: m.index, end: m.index + m[0].length, read, contentEnd: source.length });
  }
  out.forEach((l, i) => (l.contentEnd = out[i + 1]?.start ?? closingDetails(source, l.end)));
  return out;
}

/** Text without tags, to judge whether an HTML span says anything. */
export function htmlText(source: string): string {
  return decodeBasicEntities(source.replace(/<!--[^]*?(?:-->|$)/g, ' ').replace(TAG, ' '));
}

function closingDetails(source: string, from: number): number {
  const at = source.slice(from).search(/<\/details\s*>/i);
  return at === -1 ? source.length : from + at;
}

function decodeBasicEntities(s: string): string {
  return s.replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}
