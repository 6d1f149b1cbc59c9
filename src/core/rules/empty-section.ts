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
  doc: {
    fix: 'none (only you can write it)',
    fixSummary: '—',
    body: 'A STAR label with nothing after it: no text on its line and no nested content before the next\nlabel, sub-story or story.',
    details: 'A section that holds only a placeholder (`[Write here]`, ❓) is reported by\n[placeholder](placeholder.md) instead, and an empty story by [empty-story](empty-story.md), so one\ngap is reported once.',
  },
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
