// A coach rule of the story bank (src/core/bank/rules/) as a rule of the analysis: for each story it
// hands the bank's rule the story's coach context, whose findings become reports. The judging stays
// in the bank, one module per rule; this is only the way in.
//
// The context is shared by every coach rule of a run and reads the story's tags and speaking time
// (a parse of its text) only when a rule asks for them; each rule first looks at the raw text and
// the reader's parts, so a story that gives no rule a reason is never parsed again
// (bank/rules/context.ts).
//
// Tags are read with the story's category (a category titled with a competency tags its stories) but
// not the file's front matter: a rule reports from its category alone, so that an edit recomputes
// only the categories it touches (scope 'categories'), and front matter is outside every category.

import * as bank from '../bank/index.js';
import type { Report, Rule } from './rule.js';
import { eachStory } from './rule.js';

/**
 * A story longer than this is not coached. Its tags and speaking time would need a parse of its whole
 * text again (a log pasted under a story's bullet: 200 000 lines took 37 s in the coach rules, after
 * the analysis itself had bounded it), and no story told aloud is that long: 50 000 characters are
 * about an hour of speech.
 */
const MAX_COACHED_LENGTH = 50_000;

export function coachRule(id: string, rule: Pick<Rule, 'description' | 'doc'>): Rule {
  const coach = bank.COACH_RULES.find((r) => r.id === id);
  if (!coach) throw new Error(`no coach rule ${id}`);
  return {
    id,
    // A coach rule that is off by default is 'off' until a setting or the configuration gives it a severity.
    defaultSeverity: coach.enabledByDefault ? coach.severity : 'off',
    scope: 'categories',
    ...rule,
    check({ text, structure, bank: options }) {
      const reports: Report[] = [];
      const memo = options?.coachMemo;
      for (const { story, category } of eachStory(structure.categories)) {
        if (story.span.end - story.span.start > MAX_COACHED_LENGTH) continue;
        const place = { text, story, category };
        const recalled = memo?.recall(id, place);
        if (recalled) {
          for (const r of recalled) reports.push(r);
          continue;
        }
        const own: Report[] = [];
        for (const f of coach.check(bank.storyContext(text, story, category, options))) {
          own.push({ span: f.span, message: f.message, ...(f.suggestions ? { suggestions: f.suggestions } : {}) });
        }
        memo?.keep(id, place, own);
        for (const r of own) reports.push(r);
      }
      return reports;
    },
  };
}
