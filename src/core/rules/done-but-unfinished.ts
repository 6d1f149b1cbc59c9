import { DONE_MARKS } from '../facts.js';
import type { TextEdit } from '../model.js';
import { quote, type Rule } from './rule.js';

/**
 * A category marked done (✅) that still holds unfinished stories. Removing the mark is offered as a
 * suggestion, not applied by `--fix`: finishing the stories may be what the user wants instead.
 */
export const doneButUnfinished: Rule = {
  id: 'done-but-unfinished',
  defaultSeverity: 'warning',
  scope: 'categories',
  description: 'A category marked done (✅) still holds unfinished stories.',
  doc: {
    fix: 'suggested (remove the ✅), never applied by `--fix`',
    fixSummary: 'suggests removing the ✅',
    body: 'A category marked done with ✅ (or ✔️, ☑️, or the mis-encoded `‚úÖ`) that still holds stories\nthat are not complete.',
    details: 'The quick fix "Remove the done mark" is offered, not applied automatically: finishing the stories\nmay be what you want instead.',
  },
  check({ structure, text }) {
    const reports = [];
    for (const category of structure.categories) {
      if (!category.done || !category.doneMark) continue;
      const unfinished = category.stories.filter((s) => s.status !== 'complete').length;
      if (unfinished === 0) continue;
      const mark = category.doneMark;
      reports.push({
        span: mark,
        message: `${quote(category.title ?? '')} is marked done, but ${unfinished} of ${category.stories.length} ${category.stories.length === 1 ? 'story' : 'stories'} ${unfinished === 1 ? 'is' : 'are'} unfinished.`,
        suggestions: [{ title: 'Remove the done mark', edits: removeMarks(text, category.heading ?? mark) }],
      });
    }
    return reports;
  },
};

/**
 * Edits that remove every done mark in the heading (`## ✅ A. Title ✅`), each with the blanks after
 * it, or before it at the end of the line, so `## ✅ A. Title` becomes `## A. Title`.
 */
function removeMarks(text: string, heading: { start: number; end: number }): TextEdit[] {
  const source = text.slice(heading.start, heading.end);
  const edits: TextEdit[] = [];
  let at = 0;
  while (at < source.length) {
    let found = -1;
    let length = 0;
    for (const m of DONE_MARKS) {
      const i = source.indexOf(m, at);
      if (i !== -1 && (found === -1 || i < found || (i === found && m.length > length))) [found, length] = [i, m.length];
    }
    if (found === -1) break;
    let start = found;
    let end = found + length;
    while (source[end] === ' ' || source[end] === '\t') end++;
    // At the end of the line, the blanks before the mark go instead (not into a previous edit).
    if (end === source.length) while (start > at && (source[start - 1] === ' ' || source[start - 1] === '\t')) start--;
    edits.push({ span: { start: heading.start + start, end: heading.start + end }, newText: '' });
    at = end;
  }
  return edits;
}
