import { eachStory, quote, type Rule } from './rule.js';

/**
 * Marks of unfinished work: ❓ (and its mis-encoded form), TODO, TBD, FIXME, `???`, and bracket
 * blanks such as `[Write here]` or `[Title]` (not links, not task boxes). A ❓ at the start of a
 * heading is decoration (`## ❓ Frage 1:`) and is not reported.
 */
export const placeholder: Rule = {
  id: 'placeholder',
  defaultSeverity: 'information',
  scope: 'categories',
  description: 'A placeholder (❓, TODO, TBD, ???, [Write here]) marks unfinished work.',
  doc: {
    fix: 'none',
    fixSummary: '—',
    body: 'Marks of unfinished work: ❓ (also its mis-encoded form `‚ùì`), `TODO`, `TBD`, `TBA`, `FIXME`,\n`XXX`, `???`, and bracket blanks such as `[Write here]`, `[Title]` or\n`[Your Leadership Story Here]`.',
    details:
      'Not placeholders: links and references (`[RFC][1]` with a definition), task boxes (`[ ]`, `[x]`),\nshort citations (`[1]`, `[sic]`), anything in code, and a ❓ used as decoration at the start of a\nheading (`## ❓ Frage 1: …`).',
  },
  check({ structure, text }) {
    const reports = [];
    for (const { story } of eachStory(structure.categories)) {
      for (const span of story.placeholders) {
        const mark = text.slice(span.start, span.end);
        reports.push({ span, message: `Placeholder ${quote(mark)} in ${quote(story.title)}: still to be written.` });
      }
    }
    return reports;
  },
};
