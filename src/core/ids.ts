// Stable keys for categories and stories, for whatever keeps a story across edits: the tree's items,
// and later practice history and coverage.
//
// A fresh reading keys a category by its title and a story by its category's key and its own title
// (`#2`, `#3` for repeats, in document order), so an edit elsewhere in the file leaves every key as it
// was. When part of the document is rebuilt, the rebuilt categories and stories take the ids of the
// ones they replace: first those with the same title, then, when as many are left on both sides, the
// rest by position, which follows a rename (an edit of a story's title keeps its id).

import type { Category, Story } from './model.js';

/**
 * Gives `fresh` (just built, not frozen) ids, taken over from `replaced` where they can be followed.
 * `taken` holds the category ids in use outside the rebuilt run, which new ids must not repeat.
 */
export function assignIds(fresh: readonly Category[], replaced: readonly Category[], taken: ReadonlySet<string>): void {
  const steps = assignIdsInSteps(fresh, replaced, taken, Infinity);
  while (!steps.next().done);
}

/** assignIds yielding after every `categoriesPerStep` categories (a first analysis in slices); the same ids. */
export function* assignIdsInSteps(fresh: readonly Category[], replaced: readonly Category[], taken: ReadonlySet<string>, categoriesPerStep: number): Generator<void, void, void> {
  const pairs = follow(fresh, replaced, categoryKey);
  const used = new Set(taken);
  for (const [, old] of pairs) if (old) used.add(old.id);
  let done = 0;
  for (const [c, old] of pairs) {
    if (++done % categoriesPerStep === 0) yield;
    c.id = old ? old.id : unique(`c:${categoryKey(c)}`, used);
    assignStoryIds(c.id, c.stories, old?.stories ?? []);
  }
}

function assignStoryIds(parentId: string, fresh: readonly Story[], replaced: readonly Story[]): void {
  const pairs = follow(fresh, replaced, storyKey);
  const used = new Set<string>();
  for (const [, old] of pairs) if (old) used.add(old.id);
  for (const [s, old] of pairs) {
    s.id = old ? old.id : unique(`${parentId}/${storyKey(s)}`, used);
    assignStoryIds(s.id, s.stories, old?.stories ?? []);
  }
}

/** Pairs each fresh item with the replaced one it continues, if any: same key first, then by position. */
function follow<T>(fresh: readonly T[], replaced: readonly T[], key: (item: T) => string): [T, T | undefined][] {
  const pairs: [T, T | undefined][] = fresh.map((f) => [f, undefined]);
  if (replaced.length === 0) return pairs;
  const byKey = new Map<string, T[]>();
  for (const r of replaced) {
    const k = key(r);
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  const matched = new Set<T>();
  for (const pair of pairs) {
    const candidate = byKey.get(key(pair[0]))?.shift();
    if (candidate) {
      pair[1] = candidate;
      matched.add(candidate);
    }
  }
  // What is left on both sides, when as many: renamed in place.
  const left = replaced.filter((r) => !matched.has(r));
  const open = pairs.filter((p) => p[1] === undefined);
  if (left.length === open.length) open.forEach((p, i) => (p[1] = left[i]));
  return pairs;
}

function unique(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}#${n}`;
  used.add(id);
  return id;
}

/** A title as a key: case and runs of blanks do not count; `/` (the separator of ids) is escaped. */
function normalise(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase().replace(/%/g, '%25').replace(/\//g, '%2F');
}

const categoryKey = (c: Category) => (c.title === null ? '' : normalise(c.title));
const storyKey = (s: Story) => normalise(s.title);
