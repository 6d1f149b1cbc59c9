// `too-long` (information): the story takes longer to tell than the maximum: the story's own
// (`<!-- interview-notes-time 2:30 -->` or `… max 3:00 -->`), else interviewNotes.speech.maxSeconds
// (the configuration's `speech.maxSeconds`), else 120 s. Notes under ~60 words are not a script: not timed.

import { clampWpm, DEFAULT_MAX_SECONDS, formatDuration, storyTimeLimits, wordsAtMost } from '../speech.js';
import { finding, rawOwnText, SCRIPT_MIN_WORDS, type CoachContext, type CoachRule } from './rule.js';

/** Whether the story's raw text holds enough words to be timed over `max` (most stories do not: no parse for them). */
function mayTakeLonger({ text, story, options }: CoachContext, max: number): boolean {
  const words = wordsAtMost(rawOwnText(text, { start: story.heading.end, end: story.span.end }, story.stories));
  return words >= SCRIPT_MIN_WORDS && Math.round((words / clampWpm(options.wordsPerMinute)) * 60) > max;
}

const validMax = (seconds: number | undefined) => (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined);

export const tooLong: CoachRule = {
  id: 'too-long',
  severity: 'information',
  enabledByDefault: true,
  doc: 'The story takes longer to tell than the maximum (`interviewNotes.speech.maxSeconds`, 120 seconds by default; a story can set its own with `<!-- interview-notes-time 2:30 -->` or `<!-- interview-notes-time max 3:00 -->`). Stories under about 60 words are notes and are not timed.',
  check(context) {
    const { story, options } = context;
    const max = storyTimeLimits(context.text, story).maxSeconds ?? validMax(options.maxSeconds) ?? DEFAULT_MAX_SECONDS;
    if (!mayTakeLonger(context, max)) return [];
    const time = context.time;
    if (time.words < SCRIPT_MIN_WORDS || time.seconds <= max) return [];
    return [finding(this, this.severity, `Takes about ${formatDuration(time.seconds)} to tell (${time.words} words at ${time.wordsPerMinute} wpm), over ${formatDuration(max)}.`, story.heading)];
  },
};
