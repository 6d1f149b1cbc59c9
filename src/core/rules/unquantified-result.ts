import { coachRule } from './coach.js';

/** A Result that gives no figure; judged by the story bank's `unquantified-result`. */
export const unquantifiedResult = coachRule('unquantified-result', {
  description: 'The Result gives no number: no figure, percentage, money, time, "×" or "from … to".',
  doc: {
    fix: 'none',
    fixSummary: '—',
    body: 'The Result has no number: no figure, percentage, money, time, "×", number word (`doubled`,\n`two weeks`) or "from … to". A result with a figure is remembered; "it went well" is not. Say how\nmuch changed.',
    details:
      'Counted in every language the reader knows the labels of (digits, number words and units of time).\nA Result of fewer than three words is a note still to be written, and a Result that is only a\nplaceholder is the business of `empty-section` and `placeholder`: neither is reported.',
  },
});
