import { eachStory, PART_NAMES, quote, type Rule } from './rule.js';

/**
 * A STAR label with nothing after it: `- **Result**:` with no text and no nested content.
 * A section that holds only a placeholder (`[Write here]`, ❓) is left to the placeholder rule, and
 * an empty story to the empty-story rule, so one gap is reported once.
 */
export const emptySection: Rule = {
  id: 'empty-section',
  defaultSeverity: 'warning',
  scope: 'categories',
  description: 'A STAR label (Situation, Task, Action, Result) has nothing after it.',
  check({ structure }) {
    const reports = [];
    const seen = new Set<number>();
    for (const { story } of eachStory(structure.categories)) {
      if (story.status === 'empty') continue;
      for (const section of story.sections) {
        if (section.hasContent || seen.has(section.label.start)) continue;
        const s = section.span;
        if (story.placeholders.some((p) => p.start >= s.start && p.end <= s.end)) continue;
        seen.add(section.label.start);
        reports.push({ span: section.label, message: `${PART_NAMES[section.part]} of ${quote(story.title)} is empty.` });
      }
    }
    return reports;
  },
};
