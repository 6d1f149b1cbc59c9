// `too-many-tags` (hint): a story tagged with more than five competencies shows none of them well;
// interviewers hear one or two. Counts the story's own tags (label and hashtags), not the file's or
// the category's.

import { mayHaveOwnTags } from '../tags.js';
import { finding, type CoachRule } from './rule.js';

export const DEFAULT_MAX_TAGS = 5;

export const tooManyTags: CoachRule = {
  id: 'too-many-tags',
  severity: 'hint',
  enabledByDefault: true,
  doc: 'The story has more than five tags of its own. A story shows one or two competencies well: keep the strongest.',
  check(context) {
    const { text, story, options } = context;
    if (!mayHaveOwnTags(text, story)) return [];
    const tags = context.tags;
    const max = options.maxTags ?? DEFAULT_MAX_TAGS;
    const own = tags.tags.filter((t) => t.source === 'label' || t.source === 'hashtag');
    if (own.length <= max) return [];
    const span = tags.labelLine ?? own[max]!.span!;
    return [finding(this, this.severity, `${own.length} tags: a story shows one or two competencies well; keep at most ${max}.`, span)];
  },
};
