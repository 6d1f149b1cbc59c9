import { eachStory, quote, type Rule } from './rule.js';

/**
 * A story (or sub-story) with nothing written under its title yet. A story whose sub-stories are
 * all empty is reported once, for the story, not again for each sub-story.
 */
export const emptyStory: Rule = {
  id: 'empty-story',
  defaultSeverity: 'warning',
  scope: 'categories',
  description: 'A story or sub-story has nothing written under its title.',
  doc: {
    fix: 'none',
    fixSummary: '—',
    body: 'A story (or sub-story, `- **story-2**`) with nothing written under its title yet.',
    details: 'A story whose sub-stories are all empty is reported once, for the story.',
  },
  check({ structure }) {
    const reports = [];
    for (const { story, parent } of eachStory(structure.categories)) {
      if (story.status !== 'empty' || parent?.status === 'empty') continue;
      const what = story.kind === 'substory' ? 'Sub-story' : 'Story';
      reports.push({ span: story.heading, message: `${what} ${quote(story.title)} is empty.` });
    }
    return reports;
  },
};
