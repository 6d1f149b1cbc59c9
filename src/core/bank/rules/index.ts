// The coach rules, wired from this one list.

import type { Finding } from '../../model.js';
import { firstPersonAction } from './first-person-action.js';
import { missingReflection } from './missing-reflection.js';
import type { CoachContext, CoachRule } from './rule.js';
import { tooLong } from './too-long.js';
import { tooManyTags } from './too-many-tags.js';
import { unbalanced } from './unbalanced.js';
import { unknownTag } from './unknown-tag.js';
import { unquantifiedResult } from './unquantified-result.js';

export const COACH_RULES: readonly CoachRule[] = [tooLong, unbalanced, firstPersonAction, unquantifiedResult, missingReflection, unknownTag, tooManyTags];

/** Findings of the coach rules on one story; `enabled` overrides each rule's default (by id). */
export function coachStory(context: CoachContext, enabled: Readonly<Record<string, boolean>> = {}): Finding[] {
  return COACH_RULES.filter((rule) => enabled[rule.id] ?? rule.enabledByDefault).flatMap((rule) => rule.check(context));
}

export type { CoachContext, CoachOptions, CoachRule, CoachStory } from './rule.js';
export { storyContext, type ContextStory, type StoryBankOptions } from './context.js';
export { countPronouns } from './first-person-action.js';
export { isQuantified } from './unquantified-result.js';
