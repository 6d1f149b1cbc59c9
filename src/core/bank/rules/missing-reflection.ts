// `missing-reflection` (off by default): a finished story with no Learning part. Many interviewers
// ask "what did you learn?"; some users want every story to answer it.

import { finding, type CoachRule } from './rule.js';

export const missingReflection: CoachRule = {
  id: 'missing-reflection',
  severity: 'hint',
  enabledByDefault: false,
  doc: 'A complete story has no Learning (Lessons, Reflection) part. Off by default: turn it on to have every story answer "what did you learn?".',
  check(context) {
    if (context.story.status !== 'complete' || context.story.sections.some((s) => s.part === 'learning')) return [];
    return [finding(this, this.severity, 'No Learning part: add what you learned or would do differently.', context.story.heading)];
  },
};
