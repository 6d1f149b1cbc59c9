// Which heading depth holds categories and which holds stories, read per file from where the STAR
// labels sit: the heading (or bold story line) that owns most labels is the story level, and the
// nearest shallower heading above those stories is the category level. A setting can fix both.

import type { BoldLineFact, HeadingFact } from '../facts.js';
import type { LevelOptions, Levels, Placed } from '../structure.js';
import { isContentsTitle, isStoryHeading, isStoryLine } from './titles.js';
import { runSteps } from '../steps.js';

export function detectLevels(facts: readonly Placed[], options: LevelOptions, prose: readonly Placed<HeadingFact | BoldLineFact>[] = []): Levels {
  return runSteps(detectLevelsInSteps(facts, options, prose, Infinity));
}

/** detectLevels yielding after every `factsPerStep` facts it reads (a first analysis in slices); the same result. */
export function* detectLevelsInSteps(
  facts: readonly Placed[],
  options: LevelOptions,
  prose: readonly Placed<HeadingFact | BoldLineFact>[],
  factsPerStep: number,
): Generator<void, Levels, void> {
  let read = 0;
  const headingOwners = new Map<Placed<HeadingFact>, true>(prose.filter((f) => f.kind === 'heading').map((h) => [h as Placed<HeadingFact>, true]));
  const proseLines = new Set<Placed>(prose.filter((f) => f.kind === 'bold'));
  const boldOwners = new Map<Placed, Placed<HeadingFact> | undefined>();
  const stack: Placed<HeadingFact>[] = []; // non-STAR headings, by depth
  /** The nearest shallower heading of each heading that owns labels. */
  const parents = new Map<Placed<HeadingFact>, Placed<HeadingFact> | undefined>();
  let lastBold: Placed | undefined;
  for (const f of facts) {
    if (++read % factsPerStep === 0) yield;
    if (f.kind === 'heading') {
      if (f.star) {
        let at = stack.length - 1;
        while (at >= 0 && stack[at]!.depth >= f.depth) at--;
        if (at !== -1) {
          headingOwners.set(stack[at]!, true);
          parents.set(stack[at]!, stack[at - 1]);
        }
        continue;
      }
      while (stack.length && stack[stack.length - 1]!.depth >= f.depth) stack.pop();
      stack.push(f as Placed<HeadingFact>);
      lastBold = undefined;
    } else if (f.kind === 'bold' && proseLines.has(f)) {
      boldOwners.set(f, stack[stack.length - 1]);
    } else if (f.kind === 'bold' && !f.inList && isStoryLine(f)) {
      lastBold = f;
    } else if (f.kind === 'label') {
      const heading = stack[stack.length - 1];
      // A plain title line comes from a text editor: a heading above it is no category of it.
      if (lastBold) boldOwners.set(lastBold, lastBold.kind === 'bold' && lastBold.plain ? undefined : heading);
      else if (heading) {
        headingOwners.set(heading, true);
        parents.set(heading, stack[stack.length - 2]);
      }
    }
  }
  const bold = boldOwners.size > headingOwners.size;
  let story = options.story ?? 0;
  let category = options.category;
  if (bold) {
    story = 0;
    category ??= mode([...boldOwners.values()].filter((h) => h !== undefined).map((h) => h!.depth));
    return { category, story, bold };
  }
  let subHeadings = false;
  let holders = new Set<Placed<HeadingFact>>();
  if (!options.story) {
    story = mode([...headingOwners.keys()].map((h) => h.depth));
    const shallower = storiesAboveSubHeadings(headingOwners, parents, story);
    if (shallower) [story, subHeadings, holders] = [shallower.depth, true, shallower.holders];
  }
  if (category === undefined) {
    const votes: number[] = [];
    const inverted: number[] = [];
    const headings = facts.filter((f): f is Placed<HeadingFact> => f.kind === 'heading' && !f.star);
    // For each story heading, the nearest heading above it that is shallower (a vote for the category
    // level) or deeper and directly followed by a story-level heading (an inverted file). Whether a
    // heading is either depends only on it and the next one, so one pass keeps the nearest: linear in
    // the number of headings (scanning back from each story was quadratic in a category's stories).
    let nearest: { depth: number; inverted: boolean } | undefined;
    for (let i = 0; i < headings.length; i++) {
      if (++read % factsPerStep === 0) yield;
      const h = headings[i]!;
      // A table of contents (`## Contents`) above the stories is no category.
      const previous = headings[i - 1] && !isContentsTitle(headings[i - 1]!.text) ? headings[i - 1] : undefined;
      if (previous && previous.depth < story) nearest = { depth: previous.depth, inverted: false };
      // (Deeper headings that are sub-stories make no inverted file.)
      else if (!subHeadings && previous && previous.depth > story && h.depth === story) nearest = { depth: previous.depth, inverted: true };
      if (h.depth !== story || (!headingOwners.has(h) && !holders.has(h) && !isStoryHeading(h)) || !nearest) continue;
      (nearest.inverted ? inverted : votes).push(nearest.depth);
    }
    category = votes.length ? mode(votes) : inverted.length >= 2 ? mode(inverted) : 0;
  }
  return subHeadings ? { category, story, bold, subHeadings } : { category, story, bold };
}

/**
 * `### Led the migration` holding `#### First attempt` and `#### Second attempt`, each with its own
 * parts, beside `### Handled a conflict` with parts of its own: the `###` headings are the stories,
 * the deeper ones their sub-stories. The depth of such stories, when the headings at it that hold
 * parts themselves are as many as those that hold the deeper owners, and never the same ones (a
 * category with a stray label above its stories is no story).
 */
function storiesAboveSubHeadings(
  owners: ReadonlyMap<Placed<HeadingFact>, true>,
  parents: ReadonlyMap<Placed<HeadingFact>, Placed<HeadingFact> | undefined>,
  story: number,
): { depth: number; holders: Set<Placed<HeadingFact>> } | undefined {
  const holders = new Set<Placed<HeadingFact>>();
  for (const h of owners.keys()) {
    const parent = parents.get(h);
    if (h.depth === story && parent) holders.add(parent);
  }
  const depths = new Set([...holders].map((h) => h.depth));
  if (depths.size !== 1) return undefined;
  const [depth] = depths;
  const ownersThere = [...owners.keys()].filter((h) => h.depth === depth);
  if (ownersThere.length === 0 || ownersThere.some((h) => holders.has(h))) return undefined;
  return ownersThere.length >= holders.size ? { depth: depth!, holders } : undefined;
}

/** The most common value; ties go to the larger (deeper) one. 0 for none. */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && v > best)) [best, bestCount] = [v, c];
  return best;
}
