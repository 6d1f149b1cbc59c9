// A coach rule of the story bank (src/core/bank/rules/) as a rule of the analysis: for each story it
// reads the story's tags and speaking time and hands them to the bank's rule, whose findings become
// reports. The judging stays in the bank, one module per rule; this is only the way in.
//
// Tags are read with the story's category (a category titled with a competency tags its stories) but
// not the file's front matter: a rule reports from its category alone, so that an edit recomputes
// only the categories it touches (scope 'categories'), and front matter is outside every category.

import * as bank from '../bank/index.js';
import type { Report, Rule } from './rule.js';
import { eachStory } from './rule.js';

export function coachRule(coach: bank.CoachRule, rule: Pick<Rule, 'description' | 'doc'>): Rule {
  return {
    id: coach.id,
    defaultSeverity: coach.severity,
    scope: 'categories',
    ...rule,
    check({ text, structure }) {
      const reports: Report[] = [];
      for (const { story, category } of eachStory(structure.categories)) {
        const { tags, time } = bank.tagsAndTime(text, story, { category: { title: category.title, ...(category.heading ? { heading: category.heading } : {}) } });
        for (const f of coach.check({ text, story, time, tags, options: {} })) {
          reports.push({ span: f.span, message: f.message, ...(f.suggestions ? { suggestions: f.suggestions } : {}) });
        }
      }
      return reports;
    },
  };
}
