// Where an edit changed the text: from the editor's change events when it gives them (comparing 8 MB
// texts costs more than the rest of a keystroke), checked cheaply, else by comparing the texts.

/** What an edit changed, in the previous text's offsets (VS Code's `TextDocumentContentChangeEvent`). */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/** The region that differs between two texts: it starts at `from`, ends at `oldTo` before and `newTo` after. */
export interface ChangedRegion {
  from: number;
  oldTo: number;
  newTo: number;
}

/**
 * The region that differs between `before` and `after`. Change events are trusted only when they fit
 * both texts: the lengths add up, the last change's text stands where it says in `after`, and the
 * characters just around the region are the same in both. Otherwise (a wrong offset with the right
 * lengths would silently corrupt the cache) the texts are compared.
 */
export function changedRegion(before: string, after: string, changes?: readonly TextChange[]): ChangedRegion {
  const folded = changes?.length ? foldChanges(changes, before.length) : undefined;
  if (folded && fits(before, after, folded, changes![changes!.length - 1]!)) return folded;
  return compareTexts(before, after);
}

/** How many characters on each side of a region the check compares. */
const EDGE = 32;

function fits(before: string, after: string, region: ChangedRegion, last: TextChange): boolean {
  const { from, oldTo, newTo } = region;
  if (before.length - (oldTo - from) + (newTo - from) !== after.length) return false;
  if (after.slice(last.rangeOffset, last.rangeOffset + last.text.length) !== last.text) return false;
  const lo = Math.max(0, from - EDGE);
  if (before.slice(lo, from) !== after.slice(lo, from)) return false;
  return before.slice(oldTo, oldTo + EDGE) === after.slice(newTo, newTo + EDGE);
}

/** The region by comparison: the common prefix and suffix (never splitting a surrogate pair). */
export function compareTexts(before: string, after: string): ChangedRegion {
  const max = Math.min(before.length, after.length);
  let prefix = commonPrefix(before, after, max);
  if (prefix > 0 && isLowSurrogate(after.charCodeAt(prefix))) prefix--;
  const suffix = commonSuffix(before, after, max - prefix);
  return { from: prefix, oldTo: before.length - suffix, newTo: after.length - suffix };
}

/**
 * The one region that covers changes applied one after another (each in the offsets of the text the
 * previous ones left, as VS Code's change events are). Undefined when a change does not fit the text
 * it applies to.
 */
export function foldChanges(changes: readonly TextChange[], beforeLength: number): ChangedRegion | undefined {
  let start = 0;
  let oldEnd = 0;
  let newEnd = 0;
  let length = beforeLength;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    const from = c.rangeOffset;
    const to = from + c.rangeLength;
    if (!(from >= 0 && c.rangeLength >= 0 && to <= length)) return undefined;
    const delta = c.text.length - c.rangeLength;
    if (i === 0) {
      [start, oldEnd, newEnd] = [from, to, from + c.text.length];
    } else {
      // Before `start` both texts agree; after `newEnd` they differ only by a shift.
      if (to <= newEnd) newEnd += delta;
      else {
        oldEnd += to - newEnd;
        newEnd = from + c.text.length;
      }
      start = Math.min(start, from);
    }
    length += delta;
  }
  return { from: start, oldTo: oldEnd, newTo: newEnd };
}

/** Compares in large slices first: string equality is a fast native comparison. */
function commonPrefix(a: string, b: string, max: number): number {
  let i = 0;
  for (let step = 1 << 16; step >= 1; step >>= 4) {
    while (i + step <= max && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  }
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  for (let step = 1 << 16; step >= 1; step >>= 4) {
    while (i + step <= max && a.slice(a.length - i - step, a.length - i) === b.slice(b.length - i - step, b.length - i)) i += step;
  }
  return i;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
