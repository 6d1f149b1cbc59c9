// `too-long` (information): the story takes longer to tell than the maximum (120 s, or the story's
// own `<!-- interview-notes-time 2:30 -->`). Notes under ~60 words are not a script: not timed.

import { formatDuration } from '../speech.js';
import { finding, SCRIPT_MIN_WORDS, type CoachRule } from './rule.js';

export const DEFAULT_MAX_SECONDS = 120;

export const tooLong: CoachRule = {
  id: 'too-long',
  severity: 'information',
  enabledByDefault: true,
  doc: 'The story takes longer to tell than the maximum (120 seconds by default; a story can set its own with `<!-- interview-notes-time 2:30 -->`). Stories under about 60 words are notes and are not timed.',
  check({ story, time, options }) {
    const max = time.targetSeconds ?? options.maxSeconds ?? DEFAULT_MAX_SECONDS;
    if (time.words < SCRIPT_MIN_WORDS || time.seconds <= max) return [];
    return [finding(this, this.severity, `Takes about ${formatDuration(time.seconds)} to tell (${time.words} words at ${time.wordsPerMinute} wpm), over ${formatDuration(max)}.`, story.heading)];
  },
};
