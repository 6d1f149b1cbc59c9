// Which categories hold the same text: a category the incremental update moved (shiftCategory) is a
// new object with new offsets but the text of the one it was moved from. Readers that keep something
// per category's text (the story bank's cache) ask for its token instead of slicing and comparing the
// text of its stories: two categories with the same token hold the same text. A category met for the
// first time gets a token of its own; a moved copy gets its original's. Only categories are marked:
// one WeakMap entry per moved category, not one per moved story, on every keystroke.
//
// A WeakMap to a small token rather than to the original, so a moved copy does not keep the original
// (and its stories) alive.

const TOKENS = new WeakMap<object, object>();

/** The token of `category`'s text: the same object for every moved copy of one category. */
export function textToken(category: object): object {
  let token = TOKENS.get(category);
  if (!token) {
    token = {};
    TOKENS.set(category, token);
  }
  return token;
}

/** `copy` is `original` moved: the same text at other offsets. */
export function sameTextAs(copy: object, original: object): void {
  TOKENS.set(copy, textToken(original));
}
