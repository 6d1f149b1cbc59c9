import { coachRule } from './coach.js';

/** A story tagged with more than five competencies; judged by the story bank's `too-many-tags`. */
export const tooManyTags = coachRule('too-many-tags', {
  description: 'A story has more than five tags of its own.',
  doc: {
    fix: 'none',
    fixSummary: '—',
    body: 'The story has more than five tags of its own (its tag line and hashtags). A story shows one or two\ncompetencies well: keep the strongest.',
    details: 'Tags a story gets from its category or the file\'s front matter are not counted.',
  },
});
