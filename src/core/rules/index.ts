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
import type { Rule } from './rule.js';

export type { Rule, RuleContext, Report } from './rule.js';

/** Every rule, in the order their findings are listed for the same position. */
// The story bank's coach rules follow. Not here yet: `unbalanced` (it fires on examples/notes.md, whose
// findings the demo and the editor tests show), `unquantified-result` (it fires on the seed notes,
// whose findings the seed test lists exactly) and `missing-reflection` (off by default, which a
// rule's default severity cannot say yet).
export const RULES: readonly Rule[] = [missingSection, emptySection, emptyStory, placeholder, doneButUnfinished, misEncoded, tooLong, firstPersonAction, unknownTag, tooManyTags];

export const RULE_IDS = RULES.map((r) => r.id);

/** The rule the "Repair Mis-encoded Text in File" command applies (the glue names no rule). */
export const ENCODING_RULE_ID = misEncoded.id;
