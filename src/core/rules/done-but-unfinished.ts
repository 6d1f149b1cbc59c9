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
  check({ structure, text }) {
    const reports = [];
    for (const category of structure.categories) {
      if (!category.done || !category.doneMark) continue;
      const unfinished = category.stories.filter((s) => s.status !== 'complete').length;
      if (unfinished === 0) continue;
      const mark = category.doneMark;
      // Remove the mark and the space after it, so `## ✅ A. Title` becomes `## A. Title`.
      let end = mark.end;
      while (text[end] === ' ' || text[end] === '\t') end++;
      reports.push({
        span: mark,
        message: `${quote(category.title ?? '')} is marked done, but ${unfinished} of ${category.stories.length} ${category.stories.length === 1 ? 'story is' : 'stories are'} unfinished.`,
        suggestions: [{ title: 'Remove the done mark', edits: [{ span: { start: mark.start, end }, newText: '' }] }],
      });
    }
    return reports;
  },
};
