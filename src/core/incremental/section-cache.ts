// The document's sections with their facts, kept across edits: an edit re-reads only the sections it
// touched (scanning from the section before it until the old section starts line up again), and
// sections that only moved keep their facts, which are relative to the section's start.

import type { DirectiveFact, SectionFacts } from '../facts.js';
import { directivesOf, readSections, type Section } from '../pipeline.js';
import { scanSections } from '../sections.js';
import type { ChangedRegion } from './edit-region.js';

/** What a resection did, in the old text's offsets. */
export interface Resection {
  /** The sections the edit replaced, and those that replaced them (new offsets). */
  replaced: Section[];
  fresh: Section[];
  /** The old text's span of the sections that were read again (readTo: Infinity for up to the end). */
  readFrom: number;
  readTo: number;
}

export class SectionCache {
  private list: Section[] = [];
  /** How many sections have link definitions (then the file is always rebuilt in full). */
  private definitionSections = 0;
  /** The sections that hold silencing comments, in order: most sections have none. */
  private withDirectives: Section[] = [];

  get sections(): readonly Section[] {
    return this.list;
  }

  get hasDefinitions(): boolean {
    return this.definitionSections > 0;
  }

  /** The silencing comments of the whole document, at their place. */
  directives(): DirectiveFact[] {
    return directivesOf(this.withDirectives);
  }

  /** Reads `text` from scratch. */
  readAll(text: string, reuse?: ReadonlyMap<string, SectionFacts>): void {
    this.use(readSections(text, scanSections(text).starts, text.length, reuse));
  }

  /** Takes the sections of a whole text read elsewhere (a first analysis read in slices). */
  adopt(sections: Section[]): void {
    this.use(sections);
  }

  private use(sections: Section[]): void {
    this.list = sections;
    this.definitionSections = sections.filter(hasDefinitions).length;
    this.withDirectives = sections.filter(hasDirectives);
  }

  /** Re-reads the sections the edit from `oldText` to `text` touched. */
  resection(oldText: string, text: string, region: ChangedRegion): Resection {
    const old = this.list;
    const { from, oldTo, newTo } = region;
    const delta = text.length - oldText.length;
    // Re-scan from the start of the section holding the character before the edit: the scanner's
    // state is clear at every section start, and nothing before it changed.
    // A section that starts on the edited line starts there by that line (a heading an edit may
    // break): re-decide it from the section before.
    let first = Math.max(0, sectionIndexAt(old, Math.max(0, from - 1)));
    if (first > 0 && old[first]!.start > Math.max(oldText.lastIndexOf('\n', from - 1), oldText.lastIndexOf('\r', from - 1))) first--;
    const scanFrom = old[first]!.start;
    let k = first + 1;
    const resumable = (offset: number) => {
      if (offset < newTo) return false;
      const oldOffset = offset - delta;
      while (k < old.length && old[k]!.start < oldOffset) k++;
      return k < old.length && old[k]!.start === oldOffset && oldOffset >= oldTo;
    };
    const scan = scanSections(text, scanFrom, resumable);
    const resumeAt = scan.resumedAt;
    const tailFrom = resumeAt === undefined ? old.length : sectionIndexAt(old, resumeAt - delta);
    // Cached facts of the replaced sections, by their text, for sections that only moved.
    const reuse = new Map<string, SectionFacts>();
    for (let i = first; i < tailFrom; i++) {
      const s = old[i]!;
      reuse.set(oldText.slice(s.start, s.end), s.facts);
    }
    const fresh = readSections(text, scan.starts, resumeAt ?? text.length, reuse);
    const replaced = old.slice(first, tailFrom);
    // Before the tail moves: the tracked sections in [scanFrom, tail start) are the replaced ones.
    const tailStart = tailFrom < old.length ? old[tailFrom]!.start : Infinity;
    retrack(this.withDirectives, scanFrom, tailStart, fresh.filter(hasDirectives));
    this.definitionSections += fresh.filter(hasDefinitions).length - replaced.filter(hasDefinitions).length;
    if (delta !== 0) {
      // The cache's own records: sections are never handed out.
      for (let i = tailFrom; i < old.length; i++) {
        old[i]!.start += delta;
        old[i]!.end += delta;
      }
    }
    old.splice(first, tailFrom - first, ...fresh);
    return { replaced, fresh, readFrom: scanFrom, readTo: tailStart };
  }

  /** The index of the section holding `offset`. */
  indexAt(offset: number): number {
    return sectionIndexAt(this.list, offset);
  }
}

const hasDefinitions = (s: Section) => s.facts.definitions.length > 0;
const hasDirectives = (s: Section) => s.facts.hasDirectives;

/** Replaces the tracked sections starting in [from, to) with `fresh` (sections sorted by start). */
function retrack(tracked: Section[], from: number, to: number, fresh: Section[]): void {
  let i = 0;
  while (i < tracked.length && tracked[i]!.start < from) i++;
  let j = i;
  while (j < tracked.length && tracked[j]!.start < to) j++;
  if (j > i || fresh.length) tracked.splice(i, j - i, ...fresh);
}

function sectionIndexAt(sections: readonly Section[], offset: number): number {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sections[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
