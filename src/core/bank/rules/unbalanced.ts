// `unbalanced` (hint): the set-up crowds out what you did: Situation and Task over 35 % of the words
// of the four parts while the Action is under 40 %, or either one far off on its own (set-up over
// half, Action under a quarter). Only for stories long enough to be a script.
//
// Why both thresholds together: on the corpus, either one alone flagged half of the stories, most of
// them a point or two over with a full Action a careful reader calls fine (S+T 37 %, A 45 %).

import { REQUIRED_PARTS } from '../../model.js';
import { wordsAtMost } from '../speech.js';
import { finding, rawPartText, SCRIPT_MIN_WORDS, type CoachContext, type CoachRule } from './rule.js';

const MAX_SETUP_SHARE = 0.35;
const MIN_ACTION_SHARE = 0.4;
const FAR_SETUP_SHARE = 0.5;
const FAR_ACTION_SHARE = 0.25;
const percent = (share: number) => `${Math.round(share * 100)} %`;

/** Whether the raw parts hold enough words to be judged (short stories are not parsed). */
const mayBeLongEnough = (context: CoachContext) => REQUIRED_PARTS.reduce((sum, part) => sum + wordsAtMost(rawPartText(context, part) ?? ''), 0) >= SCRIPT_MIN_WORDS;

export const unbalanced: CoachRule = {
  id: 'unbalanced',
  severity: 'hint',
  enabledByDefault: false,
  doc: 'Situation and Task take more than 35 % of the story while the Action takes less than 40 % (or the set-up is over half, or the Action under a quarter). Interviewers score what you did: shorten the set-up, say more about your actions.',
  check(context) {
    if (!mayBeLongEnough(context)) return [];
    const { story, time } = context;
    const { situation, task, action } = time.parts;
    const partWords = REQUIRED_PARTS.reduce((sum, part) => sum + (time.parts[part]?.words ?? 0), 0);
    // Judged only where the set-up and the Action are both written: a missing part is another rule's.
    if (partWords < SCRIPT_MIN_WORDS || !action || (!situation && !task)) return [];
    const setup = (situation?.share ?? 0) + (task?.share ?? 0);
    const crowded = setup > MAX_SETUP_SHARE && action.share < MIN_ACTION_SHARE;
    if (!crowded && setup <= FAR_SETUP_SHARE && action.share >= FAR_ACTION_SHARE) return [];
    const advice = setup > MAX_SETUP_SHARE ? 'keep the set-up short, say more about what you did' : 'say more about what you did';
    return [finding(this, this.severity, `Situation and Task take ${percent(setup)} of the story, the Action ${percent(action.share)}: ${advice}.`, story.heading)];
  },
};
