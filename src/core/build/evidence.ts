// The notes decision: whether a file is interview notes, from the user's word (front matter, a
// disable-file comment, the settings) or from the evidence (two different STAR parts as labels, or
// behavioural-question headings with narratives), and why not when it is not.

import type { BoldLineFact, Fact, HeadingFact, LabelFact } from '../facts.js';
import type { LabelStyle, NotNotesReason, StarPart } from '../model.js';
import { REQUIRED_PARTS } from '../model.js';
import { isBehaviouralTitle } from '../read/prose.js';
import type { Globals, LevelOptions, Placed } from '../structure.js';
import { detectLevelsInSteps } from './levels.js';
import { runSteps } from '../steps.js';

/**
 * Whether the file is notes by the user's word: front matter `interview-notes: true|false` first,
 * then `<!-- interview-notes-disable-file -->` naming no rule (not notes), then the caller's option
 * (`AnalyzeOptions.notes`, set from the settings' globs). Undefined: decide from the evidence.
 */
export function saidNotes(facts: readonly Placed[], option: NotesOption = 'auto'): boolean | undefined {
  return notesSaid(facts, option)?.value;
}

type NotesSaid = { value: boolean; by: 'front-matter' | 'comment' | 'configuration' } | undefined;

/** What `saidNotes` returns, with who said it. */
function notesSaid(facts: readonly Placed[], option: NotesOption): NotesSaid {
  return runSteps(notesSaidInSteps(facts, option, Infinity));
}

/** notesSaid yielding after every `factsPerStep` facts (two passes over every fact: 20 ms of one slice at 8 MB). */
function* notesSaidInSteps(facts: readonly Placed[], option: NotesOption, factsPerStep: number): Generator<void, NotesSaid, void> {
  for (let i = 0; i < facts.length; i++) {
    if (i > 0 && i % factsPerStep === 0) yield;
    const f = facts[i]!;
    if (f.kind === 'notes') return { value: f.value, by: 'front-matter' };
  }
  for (let i = 0; i < facts.length; i++) {
    if (i > 0 && i % factsPerStep === 0) yield;
    if (isFileSwitchOff(facts[i]!)) return { value: false, by: 'comment' };
  }
  return option === 'auto' ? undefined : { value: option, by: 'configuration' };
}

/** `<!-- interview-notes-disable-file -->` with no rule named: the whole file is not notes. */
export function isFileSwitchOff(f: Fact): boolean {
  return f.kind === 'directive' && f.mode === 'disable-file' && f.rules.length === 0;
}

/** Whether a file is notes: decided from the evidence (`'auto'`, the default), or said by the caller. */
export type NotesOption = 'auto' | boolean;

export function readGlobals(facts: readonly Placed[], options: LevelOptions = {}, notes: NotesOption = 'auto'): Globals {
  return runSteps(readGlobalsInSteps(facts, options, notes, Infinity));
}

/** readGlobals yielding after every `factsPerStep` facts it reads (a first analysis in slices); the same result. */
export function* readGlobalsInSteps(facts: readonly Placed[], options: LevelOptions, notes: NotesOption, factsPerStep: number): Generator<void, Globals, void> {
  const switched = yield* notesSaidInSteps(facts, notes, factsPerStep);
  const said = switched?.value;
  if (switched?.value === false) return { isNotes: false, notNotes: { by: switched.by }, levels: { category: 0, story: 0, bold: false }, fileStyle: undefined };
  const distinct = new Set<StarPart>();
  const styles = new Map<LabelStyle, { count: number; label: LabelFact }>();
  let read = 0;
  for (const f of facts) {
    if (++read % factsPerStep === 0) yield;
    if (f.kind === 'label') {
      for (const p of f.parts) distinct.add(p);
      const counted = styles.get(f.style);
      if (counted) counted.count++;
      else styles.set(f.style, { count: 1, label: f });
    } else if (f.kind === 'heading' && f.star) {
      for (const p of f.star.parts) distinct.add(p);
      const counted = styles.get('heading');
      if (counted) counted.count++;
      else styles.set('heading', { count: 1, label: headingLabel(f) });
    }
  }
  // A file is notes only when it uses at least two different STAR parts as labels: a README with a
  // stray "**Result:**" is not a story bank.
  const labelled = REQUIRED_PARTS.filter((p) => distinct.has(p)).length >= 2;
  const prose = labelled ? [] : proseStoryHeadings(facts);
  if (said !== true && !labelled && prose.length < 2) {
    return { isNotes: false, notNotes: { by: 'evidence' }, levels: { category: 0, story: 0, bold: false }, fileStyle: undefined };
  }
  let fileStyle: LabelFact | undefined;
  let best = 0;
  for (const { count, label } of styles.values()) if (count > best) [best, fileStyle] = [count, label];
  const levels = yield* detectLevelsInSteps(facts, options, prose, factsPerStep);
  return { isNotes: true, levels: prose.length ? { ...levels, prose: true } : levels, fileStyle };
}

/**
 * The evidence of a story bank written as prose: headings that ask a behavioural question or name a
 * competency, each followed by a narrative before the next heading as deep or shallower. An empty
 * heading in between (`##### `) is no boundary.
 */
export function proseStoryHeadings(facts: readonly Placed[]): Placed<HeadingFact | BoldLineFact>[] {
  // A file that defines the STAR parts explains the method: its narratives are advice, not stories.
  if (facts.some(isDefinition)) return [];
  const prose = new ProseStories<Placed>();
  for (const f of facts) prose.take(f);
  return prose.found as Placed<HeadingFact | BoldLineFact>[];
}

/** A STAR part's definition (`**Task**: What goal were you working toward?`). */
export function isDefinition(f: Fact): boolean {
  return f.kind === 'content' && f.definition === true;
}

/**
 * proseStoryHeadings a fact at a time, for a reader that sees the facts in order (the cheap no reads
 * only the sections it must: a section can change `waiting` only by a title).
 */
export class ProseStories<F extends Fact> {
  readonly found: F[] = [];
  private open: F | undefined;

  /** A title waits for its narrative. */
  get waiting(): boolean {
    return this.open !== undefined;
  }

  take(f: F): void {
    if (f.kind === 'heading' && !f.star && f.text !== '') {
      if (this.open?.kind === 'heading' && f.depth > this.open.depth) return;
      this.open = isBehaviouralTitle(f.text) ? f : undefined;
    } else if (f.kind === 'bold' && (f.question || (f.story && isBehaviouralTitle(f.title)))) {
      this.open = f;
    } else if (f.kind === 'content' && f.narrative && this.open) {
      this.found.push(this.open);
      this.open = undefined;
    }
  }
}

/** A `### Situation` heading as the label it is. */
export function headingLabel(f: Placed<HeadingFact>): LabelFact {
  return {
    kind: 'label',
    start: f.start,
    end: f.end,
    parts: f.star!.parts,
    style: 'heading',
    vocabulary: f.star!.vocabulary,
    written: f.star!.written,
    template: '#'.repeat(f.depth) + ' ' + f.star!.written,
    inlineContent: false,
    inlinePlaceholder: false,
    blockEnd: f.end,
  };
}

/** `its front matter says interview-notes: false`, `no STAR labels naming two different parts…` */
export function explainNotNotes(reason: NotNotesReason | undefined): string {
  switch (reason?.by) {
    case 'front-matter':
      return 'its front matter says interview-notes: false';
    case 'comment':
      return 'it holds <!-- interview-notes-disable-file -->';
    case 'configuration':
      return 'the settings say it is not notes';
    case 'evidence':
      return 'no STAR labels naming two different parts, no question headings with stories';
    default:
      return 'no STAR labels';
  }
}
