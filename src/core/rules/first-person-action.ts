import { coachRule } from './coach.js';

/** An Action told as "we" rather than "I"; judged by the story bank's `first-person-action`. */
export const firstPersonAction = coachRule('first-person-action', {
  description: 'The Action says "we" more often than "I": say what you did yourself.',
  doc: {
    fix: 'none',
    fixSummary: '—',
    body: 'The Action says "we" (our, us) more often than "I" (my, me), with "we" as the subject at least\ntwice. The interviewer wants to know which part was yours.',
    details: 'Counted in every language the reader knows the labels of. One "we" is not reported: "we agreed" after\nwhat you did is how people talk.',
  },
});
