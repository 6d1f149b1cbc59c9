import { coachRule } from './coach.js';

/** A story that takes longer to tell than the maximum; judged by the story bank's `too-long`. */
export const tooLong = coachRule('too-long', {
  description: 'A story takes longer to tell than two minutes (at 150 words a minute).',
  doc: {
    fix: 'none',
    fixSummary: '—',
    body: 'The story takes longer to tell than the maximum: 120 seconds at 150 words a minute, or the\nstory\'s own target written as `<!-- interview-notes-time 2:30 -->`. Labels, code, comments and\nplaceholders are not counted as spoken words.',
    details: 'Stories under about 60 words are notes, not a script, and are never timed. Sub-stories are timed on\ntheir own.',
  },
});
