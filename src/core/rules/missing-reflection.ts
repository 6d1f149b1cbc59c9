import { coachRule } from './coach.js';

/** A complete story with no Learning part; judged by the story bank's `missing-reflection`. Off by default. */
export const missingReflection = coachRule('missing-reflection', {
  description: 'A complete story has no Learning (Lessons, Reflection) part (off by default).',
  doc: {
    fix: 'none',
    fixSummary: '—',
    body: 'A complete story (all four STAR parts written) has no Learning part (`Learning`, `Lessons`,\n`Reflection`, and their words in the other languages). Many interviewers ask "what did you learn?".',
    details:
      'Off by default: most story banks do not write a fifth part. Turn it on with\n`"missing-reflection": "hint"` under `rules` in the configuration file, or the setting\n`interviewNotes.severity.missing-reflection`. Unfinished stories are not reported: the missing STAR\nparts come first.',
  },
});
