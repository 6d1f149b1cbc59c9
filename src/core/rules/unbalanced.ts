import { coachRule } from './coach.js';

/** A story whose set-up crowds out the Action; judged by the story bank's `unbalanced`. Off by default. */
export const unbalanced = coachRule('unbalanced', {
  description: 'Situation and Task take more of a story than its Action (off by default).',
  doc: {
    fix: 'none',
    fixSummary: '—',
    body: 'Situation and Task take more than 35 % of the words of the four STAR parts while the Action takes\nless than 40 % (or the set-up is over half, or the Action under a quarter). Interviewers score what\nyou did: shorten the set-up and say more about your actions.',
    details:
      'Off by default: on real notes about one story in six that it reported was fine as it was (a short\nAction that says all it needs). Turn it on with `"unbalanced": "hint"` under `rules` in the\nconfiguration file, or the setting `interviewNotes.severity.unbalanced`. Stories of fewer than about\n60 words in their parts are notes, not a script, and are not judged; nor are stories without an\nAction or without any set-up.',
  },
});
