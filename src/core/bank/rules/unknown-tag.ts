// `unknown-tag` (hint): a tag no framework knows, with a quick fix to the closest known name. Free
// keywords under `Tags:` or `Keywords:` are the user's own; only a competency list (`LP:`,
// `Competencies:`) or a near miss of a known name (`dive-dep`) is reported.

import type { Finding } from '../../model.js';
import { closestCompetency } from '../frameworks.js';
import { hashtagOf, mayHaveOwnTags, type Tag } from '../tags.js';
import { finding, type CoachRule } from './rule.js';

const COMPETENCY_LABELS = /^(?:lps?|leadership principles?|competenc(?:y|ies)|kompetenz(?:en)?|competencias?|compétences?|competências?|competenze?|competentie?s?|胜任力|コンピテンシー|역량|компетенци[яи])$/u;


/** Whether the tag sits in a list meant for competencies, not free keywords. */
const inCompetencyList = (tag: Tag) => tag.label !== undefined && COMPETENCY_LABELS.test(tag.label);

export const unknownTag: CoachRule = {
  id: 'unknown-tag',
  severity: 'hint',
  enabledByDefault: true,
  doc: 'A tag that no framework knows, in a competency list (`LP:`, `Competencies:`) or close to a known name. The quick fix replaces it with the closest known name.',
  check(context) {
    const { text, story, options } = context;
    if (!mayHaveOwnTags(text, story)) return [];
    const tags = context.tags;
    const findings: Finding[] = [];
    for (const tag of tags.unknown) {
      // Front matter tags belong to the file: reported once there, not on every story.
      if (!tag.span || tag.source === 'front-matter') continue;
      const closest = closestCompetency(tag.raw, options.frameworks);
      if (!closest && !inCompetencyList(tag)) continue;
      const message = closest ? `Unknown tag "${tag.raw}": did you mean "${closest.name}"?` : `Unknown tag "${tag.raw}": no framework has this competency.`;
      const newText = closest ? (tag.source === 'hashtag' ? hashtagOf(closest.name) : closest.name) : undefined;
      findings.push(finding(this, this.severity, message, tag.span, newText ? { suggestions: [{ title: `Change to "${closest!.name}"`, edits: [{ span: { ...tag.span }, newText }] }] } : {}));
    }
    return findings;
  },
};
