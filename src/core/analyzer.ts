// The incremental analyzer: the pipeline (pipeline.ts) with private caches, so that the cost of a
// keystroke depends on the size of the category being edited, not of the file. It coordinates:
//   incremental/edit-region.ts     where the text changed (change events, checked, or a comparison)
//   incremental/section-cache.ts   the sections and their facts; an edit re-reads only what it touched
//   incremental/findings-index.ts  the sorted findings; an edit splices in what it rebuilt
// After an edit with the file-wide decisions unchanged (notes or not, heading levels, label style,
// line ending), only the categories around the edit are rebuilt: the builder's state is the same at
// every category heading, so a run from one category heading to the next gives what a full run
// would. Otherwise the whole pipeline runs again on the cached sections. A differential test holds
// update() equal to analyze() after random edits.
//
// Every model handed out is plain and never changes (frozen where the unit tests run, freeze.ts):
// categories an edit neither rebuilt nor moved are shared between models; those after the edit are
// copied with their offsets moved.

import { detectLineEnding } from './line-index.js';
import type { Category, NotesModel } from './model.js';
import { assignIds } from './ids.js';
import { CoachMemo } from './rules/coach-memo.js';
import { cannotBeNotes, cannotBeNotesInSteps } from './cannot-be-notes.js';
import type { SectionFacts } from './facts.js';
import { analyzeInSteps, analyzeSections, categoryFindings, finishModel, freezeDeep, provenNotNotesModel, readSections, runFindings, type AnalyzeOptions, type FullRun, type Section } from './pipeline.js';
import { scanSectionsInSteps } from './sections.js';
import { changedRegion, type ChangedRegion, type TextChange } from './incremental/edit-region.js';
import { FindingsIndex, shiftCategory } from './incremental/findings-index.js';
import { SectionCache, type Resection } from './incremental/section-cache.js';
import { buildCategories, globalSignature, placeFacts, type Placed, type Structure } from './structure.js';

export type { AnalyzeOptions } from './pipeline.js';

/** What a first analysis in slices needs of its host (the core stays free of timers and Node). */
export interface Scheduler {
  /** Milliseconds from any fixed origin (`performance.now`). */
  now(): number;
  /** Resolves once other work has had its turn (a macrotask: `setTimeout(resolve, 0)`). */
  yield(): Promise<void>;
}

export interface SliceOptions {
  /** How long a slice runs before it yields (default 20 ms). */
  sliceMs?: number;
  /** Asked after each yield: true stops the analysis (the file was closed). */
  cancelled?: () => boolean;
  /** Told how long each slice ran, for the benchmark. */
  onSlice?: (ms: number) => void;
}

const DEFAULT_SLICE_MS = 20;
export type { TextChange } from './incremental/edit-region.js';

export class NotesAnalyzer {
  private text = '';
  private readonly cache = new SectionCache();
  private readonly findings = new FindingsIndex();
  private model: NotesModel | undefined;
  private lastStructure: Structure | undefined;
  private eol = '\n';
  /** The sections the scan parsed to decide (provenNotNotes), for the first reading to reuse. */
  private scanned: Map<string, SectionFacts> | undefined;
  /** The options as given, with this analyzer's coach memo in the bank options (see withMemo). */
  private options: AnalyzeOptions;
  private memo: CoachMemo;

  constructor(options: AnalyzeOptions = {}) {
    this.memo = new CoachMemo();
    this.options = withMemo(options, this.memo);
  }

  /** Changes options; the next update re-runs the (cheap) structure and rules, not the parsing. */
  setOptions(options: AnalyzeOptions): void {
    // What the coach rules said holds for the options they said it under.
    this.memo = new CoachMemo();
    this.options = withMemo(options, this.memo);
    this.model = undefined;
  }

  /** How many sections the analyzer keeps (none for a file the scan proved is not notes). */
  get heldSections(): number {
    return this.cache.sections.length;
  }

  /** The file-wide reading (levels, label style) and the categories of the latest model. */
  get structure(): Structure | undefined {
    return this.lastStructure;
  }

  /**
   * Analyses `text`, reusing every section the edit did not touch. `changes`, when known, saves
   * looking for the edited region; without them it is found by comparing with the previous text.
   */
  update(text: string, changes?: readonly TextChange[]): NotesModel {
    // With a change event the texts differ; without one, a full comparison is no dearer than the diff.
    if (this.model && !changes?.length && text === this.text) return this.model;
    if (this.provenNotNotes(text)) return this.model!;
    const previous = this.model;
    let edit: { region: ChangedRegion; resection: Resection } | undefined;
    if (this.cache.sections.length === 0) {
      this.cache.readAll(text, this.scanned);
      this.scanned = undefined;
    } else {
      const region = changedRegion(this.text, text, changes);
      edit = { region, resection: this.cache.resection(this.text, text, region) };
    }
    const oldText = this.text;
    this.text = text;
    this.model = (previous && edit && this.rebuildAround(oldText, edit.region, edit.resection)) || this.rebuildAll(previous);
    return this.model;
  }

  /**
   * A file never parsed that the line scan proves is not notes stays unparsed: nothing is kept of it
   * but its text, and each update asks the scan again (so it notices when the file becomes notes).
   */
  private provenNotNotes(text: string): boolean {
    if (this.cache.sections.length > 0) return false;
    this.scanned = new Map();
    return cannotBeNotes(text, this.options.notes, this.scanned) && this.keepOnlyText(text);
  }

  /** A file the scan proved is not notes: nothing is kept of it but its text. */
  private keepOnlyText(text: string): true {
    this.scanned = undefined;
    this.text = text;
    this.lastStructure = undefined;
    this.model = provenNotNotesModel(this.options);
    return true;
  }

  /**
   * The first analysis of a large file without blocking its host: every stage (the cheap no, the
   * section scan, reading the sections, the structure and the rules) runs in steps of a few
   * milliseconds, in slices of about `sliceMs` with `scheduler.yield()` between them. Later calls, or
   * a file already read, are `update()`. Resolves with
   * the latest model, or undefined when `cancelled()` said so between two slices. update() must not
   * be called while it runs.
   */
  async updateInSlices(text: string, scheduler: Scheduler, options: SliceOptions = {}): Promise<NotesModel | undefined> {
    let sliceStart = scheduler.now();
    if (this.cache.sections.length > 0) return this.update(text);
    const budget = options.sliceMs ?? DEFAULT_SLICE_MS;
    /** Ends the slice when it has run its time: false when cancelled meanwhile. */
    const pause = async (): Promise<boolean> => {
      if (scheduler.now() - sliceStart < budget) return true;
      options.onSlice?.(scheduler.now() - sliceStart);
      await scheduler.yield();
      sliceStart = scheduler.now();
      return !options.cancelled?.();
    };
    /** Runs steps, pausing between them: undefined when cancelled meanwhile. */
    const drive = async <T>(steps: Generator<void, T, void>): Promise<{ value: T } | undefined> => {
      for (;;) {
        const step = steps.next();
        if (step.done) return { value: step.value };
        if (!(await pause())) return undefined;
      }
    };
    // The cheap no and the section scan read the whole text: in steps too.
    const scanned = new Map<string, SectionFacts>();
    const proven = await drive(cannotBeNotesInSteps(text, this.options.notes, scanned));
    if (!proven) return undefined;
    if (proven.value) {
      this.keepOnlyText(text);
      options.onSlice?.(scheduler.now() - sliceStart);
      return this.model;
    }
    this.scanned = scanned;
    if (!(await pause())) return undefined;
    const split = await drive(scanSectionsInSteps(text));
    if (!split) return undefined;
    const { starts } = split.value;
    const sections: Section[] = [];
    for (let i = 0; i < starts.length; i++) {
      if (!(await pause())) return undefined;
      for (const s of readSections(text, [starts[i]!], starts[i + 1] ?? text.length, this.scanned)) sections.push(s);
    }
    // The structure and rules of the whole file, in steps too.
    const steps = analyzeInSteps(text, sections, this.options, this.model?.categories);
    let run: FullRun | undefined;
    this.memo.beginFullRun();
    while (!run) {
      const step = steps.next();
      if (step.done) run = step.value;
      else if (!(await pause())) return undefined;
    }
    this.memo.endFullRun();
    // Taking the run in (the findings' index) is a step of its own: at 8 MB the model's last step
    // and this one together made the longest slice.
    if (!(await pause())) return undefined;
    this.scanned = undefined;
    this.cache.adopt(sections);
    this.text = text;
    this.model = this.adoptRun(run);
    options.onSlice?.(scheduler.now() - sliceStart);
    return this.model;
  }

  /** The whole pipeline over the cached sections; ids follow the previous model's. */
  private rebuildAll(previous: NotesModel | undefined): NotesModel {
    this.memo.beginFullRun();
    const run = analyzeSections(this.text, this.cache.sections, this.options, previous?.categories);
    this.memo.endFullRun();
    return this.adoptRun(run);
  }

  /** Keeps what a full run leaves for later edits; its model. */
  private adoptRun(run: FullRun): NotesModel {
    this.lastStructure = run.structure;
    this.findings.reset(run.findings);
    this.eol = detectLineEnding(this.text);
    return run.model;
  }

  /**
   * Rebuilds the categories the edit touched and their findings, moves those after it; undefined when
   * it cannot be done exactly (then everything is rebuilt).
   */
  private rebuildAround(oldText: string, region: ChangedRegion, resection: Resection): NotesModel | undefined {
    const structure = this.lastStructure;
    if (!structure?.isNotes || this.cache.hasDefinitions) return undefined;
    if ((touchesLineBreaks(oldText, this.text, region) && detectLineEnding(this.text) !== this.eol) || !sameSignature(resection.replaced, resection.fresh)) return undefined;
    const { levels } = structure;
    if (levels.bold || levels.category === 0 || levels.category > levels.story) return undefined;
    const delta = this.text.length - oldText.length;
    const cats = structure.categories;
    // Old coordinates: the last titled category whose heading starts before the edit, and the first
    // titled category whose heading starts after it.
    let first = -1;
    for (let i = cats.length - 1; i >= 0; i--) {
      const h = cats[i]!.heading;
      if (h && h.start < region.from) {
        first = i;
        break;
      }
    }
    if (first === -1) return undefined;
    let next = first + 1;
    while (next < cats.length && !(cats[next]!.heading && cats[next]!.heading!.start > region.oldTo)) next++;
    const start = cats[first]!.heading!.start;
    const end = next < cats.length ? cats[next]!.heading!.start + delta : this.text.length;
    // Both ends must still be category headings in the new text (an edit may open a code fence that
    // hides the next heading, or break the first one).
    const sections = this.cache.sections;
    const facts: Placed[] = [];
    for (let i = this.cache.indexAt(start); i < sections.length && sections[i]!.start <= end; i++) {
      for (const f of placeFacts(sections[i]!.facts, sections[i]!.start)) facts.push(f);
    }
    const lo = lowerBound(facts, start);
    const hi = lowerBound(facts, end);
    const isCategoryHeading = (f: Placed | undefined, at: number) =>
      f !== undefined && f.start === at && f.kind === 'heading' && !f.star && f.depth === levels.category;
    if (!isCategoryHeading(facts[lo], start)) return undefined;
    if (next < cats.length && !isCategoryHeading(facts[hi], end)) return undefined;

    const built = buildCategories(facts.slice(lo, hi), levels);
    const outside = new Set<string>();
    for (let i = 0; i < cats.length; i++) if (i < first || i >= next) outside.add(cats[i]!.id);
    assignIds(built.categories, cats.slice(first, next), outside);
    const rebuilt = { ...structure, ...built };
    const fresh = categoryFindings(this.text, rebuilt, built.categories, this.eol, this.options).concat(
      runFindings(this.text, rebuilt, resection.fresh, this.eol, this.options),
    );
    for (const c of built.categories) freezeDeep(c);
    const oldEnd = next < cats.length ? cats[next]!.heading!.start : Infinity;
    this.findings.splice({ categories: { lo: start, hi: oldEnd }, sections: { from: resection.readFrom, to: resection.readTo }, oldTo: region.oldTo, delta }, fresh);
    const moved = delta === 0 ? cats.slice(next) : cats.slice(next).map((c) => shiftCategory(c, delta));
    const categories: Category[] = [...cats.slice(0, first), ...built.categories, ...moved];
    this.lastStructure = { ...structure, categories, storyLabels: built.storyLabels };
    return finishModel(this.text, structure, categories, this.findings.all, this.cache.directives());
  }
}

/** The options with the analyzer's memo for the coach rules (analyze() runs without one). */
function withMemo(options: AnalyzeOptions, coachMemo: CoachMemo): AnalyzeOptions {
  return { ...options, bank: { ...options.bank, coachMemo } };
}

/**
 * Whether an edit may have changed the file's line breaks (and so its line ending, which is read
 * from its first thousand breaks: a scan too dear for every keystroke at 1 MB). Text put right after
 * a `\r` may have split a `\r\n`.
 */
function touchesLineBreaks(oldText: string, text: string, region: ChangedRegion): boolean {
  return hasLineBreak(oldText, region.from, region.oldTo) || hasLineBreak(text, region.from, region.newTo) || oldText.charCodeAt(region.from - 1) === 13;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

function sameSignature(replaced: readonly Section[], fresh: readonly Section[]): boolean {
  const signature = (list: readonly Section[]) => list.map((s) => globalSignature(s.facts)).join('\n\n');
  return signature(replaced) === signature(fresh);
}

/** Index of the first fact starting at or after `offset`. */
function lowerBound(facts: readonly Placed[], offset: number): number {
  let lo = 0;
  let hi = facts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (facts[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
