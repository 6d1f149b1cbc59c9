// Small questions about a piece of text that every reader asks: does it say anything, where does
// it end, and a copy of it that does not keep the document alive.

import { withoutPlaceholders } from '../marks.js';

/** A letter or a digit: what makes text say something. */
export const MEANINGFUL_RE = /[\p{L}\p{N}]/u;

const HTML_COMMENT_RE = /<!--[^]*?(?:-->|$)/g;

/**
 * Whether `s` says something: a letter or digit once placeholders and HTML comments are gone
 * (`- **Result**: <!-- fill in later -->` and `- **Result**: …` are empty).
 */
export function hasMeaning(s: string): boolean {
  return MEANINGFUL_RE.test(withoutPlaceholders(s.includes('<!--') ? s.replace(HTML_COMMENT_RE, ' ') : s));
}

/** Length of `s` without its trailing white space. */
export function trimmedLength(s: string): number {
  return s.trimEnd().length;
}

/**
 * A copy of `s` that does not point into the document text. V8 keeps substrings as views of their
 * parent; facts outlive the text they were read from (they are reused after edits), and a view would
 * keep every old version of a large document alive.
 */
export function flat(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
