// `unbalanced` (hint): the set-up crowds out what you did: Situation and Task over 35 % of the words
// of the parts, or Action under 40 %. Only for stories long enough to be a script.

import { finding, SCRIPT_MIN_WORDS, type CoachRule } from './rule.js';

const MAX_SETUP_SHARE = 0.35;
const MIN_ACTION_SHARE = 0.4;
const percent = (share: number) => `${Math.round(share * 100)} %`;

export const unbalanced: CoachRule = {
  id: 'unbalanced',
  severity: 'hint',
  enabledByDefault: true,
  doc: 'Situation and Task take more than 35 % of the story, or the Action less than 40 %. Interviewers score what you did: shorten the set-up, say more about your actions.',
  check({ story, time }) {
    const { situation, task, action } = time.parts;
    const partWords = Object.values(time.parts).reduce((sum, p) => sum + p.words, 0);
    // Judged only where the set-up and the Action are both written: a missing part is another rule's.
    if (partWords < SCRIPT_MIN_WORDS || !action || (!situation && !task)) return [];
    const setup = (situation?.share ?? 0) + (task?.share ?? 0);
    if (setup > MAX_SETUP_SHARE) return [finding(this, this.severity, `Situation and Task take ${percent(setup)} of the story: keep the set-up short, say more about what you did.`, story.heading)];
    if (action.share < MIN_ACTION_SHARE) return [finding(this, this.severity, `The Action is ${percent(action.share)} of the story: say more about what you did.`, story.heading)];
    return [];
  },
};
