// Freezing the models handed out. A model never changes once handed out (nothing in the core writes
// to one, and every later update makes new objects); freezing is how the unit tests prove it, as they
// run the sources and any write to a frozen object throws there.
//
// The bundles (dist/, what ships and what the benchmark times) leave models plain: Object.freeze costs
// ~120 ns an object, and a keystroke at 1 MB moves ~15 000 model objects by the edit's length, so
// freezing them was two thirds of the cost of moving them (2.4 of 3.8 ms). scripts/build.mjs sets
// INTERVIEW_NOTES_FREEZE_MODELS to false; the sources, without the define, freeze.

declare const INTERVIEW_NOTES_FREEZE_MODELS: boolean | undefined;

/** True where models are frozen (the sources, run by the unit tests), false in the bundles. */
export const FREEZES_MODELS: boolean = typeof INTERVIEW_NOTES_FREEZE_MODELS === 'boolean' ? INTERVIEW_NOTES_FREEZE_MODELS : true;

const identity = <T>(value: T): T => value;

/** Object.freeze where models are frozen; otherwise the value as it is. */
export const freezeModel: <T>(value: T) => T = FREEZES_MODELS ? (Object.freeze as <T>(value: T) => T) : identity;

/** Freezes a plain value and everything in it (the model's objects and arrays), returning it. */
function freezeAll<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) freezeAll((value as Record<string, unknown>)[key]);
  return value;
}

/** freezeAll where models are frozen; otherwise the value as it is. */
export const freezeDeep: <T>(value: T) => T = FREEZES_MODELS ? freezeAll : identity;
