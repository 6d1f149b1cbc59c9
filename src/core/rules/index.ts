import { doneButUnfinished } from './done-but-unfinished.js';
import { emptySection } from './empty-section.js';
import { emptyStory } from './empty-story.js';
import { misEncoded } from './mis-encoded.js';
import { missingSection } from './missing-section.js';
import { placeholder } from './placeholder.js';
import { readAsPlainText } from './read-as-plain-text.js';
import type { Rule } from './rule.js';

export type { Rule, RuleContext, Report } from './rule.js';

/** Every rule, in the order their findings are listed for the same position. */
export const RULES: readonly Rule[] = [missingSection, emptySection, emptyStory, placeholder, doneButUnfinished, misEncoded, readAsPlainText];

export const RULE_IDS = RULES.map((r) => r.id);

/** The rule the "Repair Mis-encoded Text in File" command applies (the glue names no rule). */
export const ENCODING_RULE_ID = misEncoded.id;
