import { eachStory, listParts, quote, type Rule } from './rule.js';

/**
 * STAR labels with nothing after them: `- **Result**:` with no text and no nested content. One
 * finding per story, at its first empty label, naming every empty one ("Task and Result of … are
 * empty"), so that inserting the missing labels of a story (missing-section's fix) never raises its
 * count of warnings: one "has no Task or Result" becomes one "Task and Result … are empty".
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
    body: 'A STAR label with nothing after it: no text on its line and no nested content before the next\nlabel, sub-story or story. A story with several empty labels is reported once, at the first.',
    details: 'A section that holds only a placeholder (`[Write here]`, ❓) is reported by\n[placeholder](placeholder.md) instead, and an empty story by [empty-story](empty-story.md), so one\ngap is reported once.',
  },
  check({ structure }) {
    const reports = [];
    const seen = new Set<number>();
    for (const { story } of eachStory(structure.categories)) {
      if (story.status === 'empty') continue;
      const empty = story.sections.filter((section) => {
        if (section.hasContent || seen.has(section.label.start)) return false;
        const s = section.span;
        return !story.placeholders.some((p) => p.start >= s.start && p.end <= s.end);
      });
      if (empty.length === 0) continue;
      for (const section of empty) seen.add(section.label.start);
      const parts = [...new Set(empty.map((s) => s.part))];
      reports.push({ span: empty[0]!.label, message: `${listParts(parts, 'and')} of ${quote(story.title)} ${parts.length === 1 ? 'is' : 'are'} empty.` });
    }
    return reports;
  },
};

