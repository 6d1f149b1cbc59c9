// The one home of the marks people put in their notes, each with its mis-encoded forms (UTF-8 read as
// Mac Roman, Windows-1252 or ISO-8859-1: `‚úÖ` is ✅ in the seed notes). The mis-encoded forms are computed with
// the same decoders that produce them, not typed by hand.
//   done ✅ ✔ ☑  ·  placeholder ❓ ??? TODO TBD [Write here]  ·  highlight 🔸

import { misread } from './encoding.js';
import { escapeRegExp } from './vocabulary.js';

const DONE = ['\u2705', '\u2714\uFE0F', '\u2714', '\u2611\uFE0F', '\u2611'];
const QUESTION = '\u2753';
const HIGHLIGHTS = ['\u{1F538}'];

/** `s` as its UTF-8 bytes read as Mac Roman, as Windows-1252 and as ISO-8859-1. */
function misreadForms(s: string): string[] {
  return [misread(s, 'macintosh'), misread(s, 'windows-1252'), misread(s, 'iso-8859-1')];
}

const withMisread = (marks: string[]) => [...new Set(marks.flatMap((m) => [m, ...misreadForms(m)]))];
const alternation = (marks: string[]) => withMisread(marks).map(escapeRegExp).join('|');

/** ✅ and its kin, as written and mis-encoded: a category marked done. */
export const DONE_MARKS = withMisread(DONE);
/** 🔸 (and mis-encoded): a highlight the user placed. */
export const HIGHLIGHT_RE = new RegExp(alternation(HIGHLIGHTS), 'gu');
/** ❓, `???`, TODO/TBD/TBA/FIXME/XXX, or a bracketed blank (group 1: its inside, judged by isBlank). */
export const PLACEHOLDER_RE = new RegExp(
  `${alternation([QUESTION])}|\\?{3,}|\\b(?:TODO|TBD|TBA|FIXME|XXX)\\b|\\[(?![xX ]\\])([^\\[\\]\\n]{1,100})\\](?![(\\[:])`,
  'gu',
);
/** Decoration before a title: emoji, bullets, dashes, any mark. */
export const DECORATION_RE = new RegExp(
  `^(?:[\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\u200D\\uFE0F\\u20E3\\u2022\\-–—*#:|]|${alternation([...DONE, QUESTION, ...HIGHLIGHTS])}|\\s)+`,
  'u',
);
/** Decoration at a heading's start, where a ❓ is decoration rather than a blank (`## ❓ Frage 1:`). */
export const LEADING_DECORATION_RE = new RegExp(`^(?:[\\p{Extended_Pictographic}\\uFE0F\\u200D]|${alternation([...DONE, QUESTION])}|\\s)+`, 'u');
/** Done marks at a title's end. */
export const TRAILING_DONE_RE = new RegExp(`(?:\\s|\\uFE0F|${DONE_MARKS.map(escapeRegExp).join('|')})+$`, 'u');

/** `[Write here]`, `[Title]`, `[Your Leadership Story Here]` are blanks to fill; `[1]`, `[sic]`, `[x]` are not. */
export function isBlank(inside: string): boolean {
  const t = inside.trim();
  // Case-sensitive for the capital (with /i, \p{Lu} would match any letter and `[sic]` would count).
  if (!/^\p{Lu}/u.test(t) && !/^(?:write|title|your|insert|add|fill|todo|tbd|name|describe|example|e\.g\.)/i.test(t)) return false;
  return !/^[\p{Lu}\d\s]{1,4}$/u.test(t) || /^(?:TBD|TODO)$/.test(t);
}

/** `s` with its placeholders blanked out, to judge whether anything real is left. */
export function withoutPlaceholders(s: string): string {
  return s.replace(PLACEHOLDER_RE, ' ');
}

/** Whether `s` holds a placeholder. */
export function hasPlaceholder(s: string): boolean {
  PLACEHOLDER_RE.lastIndex = 0;
  const found = PLACEHOLDER_RE.test(s);
  PLACEHOLDER_RE.lastIndex = 0;
  return found;
}
