import { coachRule } from './coach.js';

/** A story that takes longer to tell than the maximum; judged by the story bank's `too-long`. */
export const tooLong = coachRule('too-long', {
  description: 'A story takes longer to tell than the maximum (two minutes at 150 words a minute, unless set otherwise).',
  doc: {
    fix: 'none',
    fixSummary: '—',
    body: 'The story takes longer to tell than the maximum: `interviewNotes.speech.maxSeconds` (the configuration\nfile\'s `speech.maxSeconds`), 120 seconds by default, at the speaking rate (150 words a minute by\ndefault). A story sets its own with a comment in it: `<!-- interview-notes-time 2:30 -->` (its target\nand its maximum), or `<!-- interview-notes-time target 1:30 max 3:00 -->` (either may be left out).\nLabels, code, comments and placeholders are not counted as spoken words.',
    details: 'Stories under about 60 words are notes, not a script, and are never timed. Sub-stories are timed on\ntheir own.',
  },
});
