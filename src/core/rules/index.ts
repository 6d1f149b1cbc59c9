import { doneButUnfinished } from './done-but-unfinished.js';
import { emptySection } from './empty-section.js';
import { emptyStory } from './empty-story.js';
import { misEncoded } from './mis-encoded.js';
import { missingSection } from './missing-section.js';
import { placeholder } from './placeholder.js';
import { firstPersonAction } from './first-person-action.js';
import { tooLong } from './too-long.js';
import { tooManyTags } from './too-many-tags.js';
import { unknownTag } from './unknown-tag.js';
import { unbalanced } from './unbalanced.js';
import { unquantifiedResult } from './unquantified-result.js';
import { missingReflection } from './missing-reflection.js';
import { readAsPlainText } from './read-as-plain-text.js';
import type { Rule } from './rule.js';
import { unmappedQuestion } from './unmapped-question.js';

export type { Rule, RuleContext, Report } from './rule.js';
export { questionFindings } from './unmapped-question.js';

/** Every rule, in the order their findings are listed for the same position. The story bank's coach rules follow the others. */
export const RULES: readonly Rule[] = [
  missingSection,
  emptySection,
  emptyStory,
  placeholder,
  doneButUnfinished,
  misEncoded,
  tooLong,
  unbalanced,
  firstPersonAction,
  unquantifiedResult,
  missingReflection,
  unknownTag,
  tooManyTags,
  readAsPlainText,
  unmappedQuestion,
];

export const RULE_IDS = RULES.map((r) => r.id);

/** The rule the "Repair Mis-encoded Text in File" command applies (the glue names no rule). */
export const ENCODING_RULE_ID = misEncoded.id;
