// Which categories hold the same text: a category the incremental update moved (shiftCategory) is a
// new object with new offsets but the text of the one it was moved from. Readers that keep something
// per category's text (the story bank's cache, the counts, the folding ranges) ask for its token
// instead of slicing and comparing the text of its stories: two categories with the same token hold
// the same text. A category met for the first time gets a token of its own; a moved copy gets its
// original's. Only categories are marked: one WeakMap entry per moved category, not one per moved
// story, on every keystroke.
//
// The entry of a moved copy is also where shiftCategory keeps what it needs to make the copy's
// stories when they are first read (one map, so a moved category costs one entry).
//
// A WeakMap to a small record rather than to the original, so a moved copy does not keep the original
// (and its stories) alive.

/** What is known of a category's text: its token (a moved copy adds more, see shiftCategory). */
export interface TextOrigin {
  readonly token: object;
}

const ORIGINS = new WeakMap<object, TextOrigin>();

/** The record of a category met before (moved or asked for its token), if any. */
export function originOf(category: object): TextOrigin | undefined {
  return ORIGINS.get(category);
}

/** The token of `category`'s text: the same object for every moved copy of one category. */
export function textToken(category: object): object {
  let origin = ORIGINS.get(category);
  if (!origin) {
    origin = { token: {} };
    ORIGINS.set(category, origin);
  }
  return origin.token;
}

/**
 * What `make` gives for `category`, kept in `kept` by the category's text token: a copy an edit only
 * moved gets its original's without reading its stories (position-free figures only: counts, ids,
 * lines relative to the category).
 */
export function byText<T>(kept: WeakMap<object, T>, category: object, make: () => T): T {
  const token = textToken(category);
  let value = kept.get(token);
  if (value === undefined) {
    value = make();
    kept.set(token, value);
  }
  return value;
}

/** `copy` holds the text of the category whose token `origin` carries. */
export function setOrigin(copy: object, origin: TextOrigin): void {
  ORIGINS.set(copy, origin);
}
