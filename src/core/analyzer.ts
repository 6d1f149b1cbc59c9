// Analysis with a per-section cache: after an edit only the sections whose text changed are parsed
// again, so the cost of a keystroke depends on the size of the story being edited, not of the file.
// `analyze(text)` is the same pipeline with an empty cache; a differential test holds the two equal.

import type { DirectiveFact, SectionFacts } from './facts.js';
import { isPathological, readSection } from './facts.js';
import { anchorCategory, moveCategory } from './anchored-span.js';
import { deferFix } from './deferred-fix.js';
import { applyDirectives } from './directives.js';
import type { MisencodedRun } from './encoding.js';
import { detectLineEnding } from './line-index.js';
import type { Category, Finding, NotesModel, Severity, Span, Story, TextEdit } from './model.js';
import { RULES, type Rule, type RuleContext } from './rules/index.js';
import { scanSections } from './sections.js';
import { buildCategories, globalSignature, placeFacts, readGlobals, type Globals, type LevelOptions, type NotesOption, type Placed, type PlacedSection, type Structure } from './structure.js';

export interface AnalyzeOptions {
  /** Fix the heading levels instead of detecting them per file. */
  levels?: LevelOptions;
  /** Per-rule severity; 'off' turns a rule off. */
  severities?: Record<string, Severity | 'off'>;
  /**
   * Whether the file is notes: `'auto'` (the default) decides from the evidence; `true` or `false`
   * says it (the settings' globs of files that are or are not notes). The file's own front matter
   * `interview-notes: true|false` or `<!-- interview-notes-disable-file -->` wins over it.
   */
  notes?: NotesOption;
}

/** What an edit changed, in the previous text's offsets (VS Code's `TextDocumentContentChangeEvent`). */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

interface Section extends PlacedSection {
  end: number;
}

/**
 * A section's facts at its place in the document, made when a build needs them: sections that an
 * edit only moves keep their relative facts, and nothing per fact is shifted.
 */
function placed(section: Section): Placed[] {
  return placeFacts(section.facts, section.start);
}

export class NotesAnalyzer {
  private text = '';
  private readonly latest = { text: '' };
  private sections: Section[] = [];
  private model: NotesModel | undefined;
  private lastStructure: Structure | undefined;
  /** Every finding of the categories and the mis-encoded runs, sorted by position, before the silencing
   *  comments apply: an edit splices in the findings of the region it rebuilt and moves those after. */
  private findings: Finding[] = [];
  /** How many sections have link definitions, and which have silencing comments: kept up to date by
   *  resection so that a keystroke does not look through every section. */
  private definitionSections = 0;
  private withDirectives: Section[] = [];
  private eol = '\n';

  constructor(private options: AnalyzeOptions = {}) {}

  /** Changes options; the next update re-runs the (cheap) structure and rules, not the parsing. */
  setOptions(options: AnalyzeOptions): void {
    this.options = options;
    this.model = undefined;
    this.lastStructure = undefined;
  }

  get structure(): Structure | undefined {
    return this.lastStructure;
  }

  /**
   * Analyses `text`, reusing every section the edit did not touch. `changes`, when known, saves
   * looking for the edited region; without them it is found by comparing with the previous text.
   * The categories, stories and findings of the returned model are reused by the next update (those
   * after the edit move with it): read a model before updating again, or take a copy.
   */
  update(text: string, changes?: readonly TextChange[]): NotesModel {
    // With a change event the texts differ; without one, a full comparison is no dearer than the diff.
    if (this.model && !changes?.length && text === this.text) return this.model;
    const region = this.resection(text, changes);
    this.text = text;
    this.latest.text = text;
    this.model = this.buildModel(this.model ? region : undefined);
    return this.model;
  }

  private useSections(sections: Section[]): void {
    this.sections = sections;
    this.definitionSections = sections.filter((s) => s.facts.definitions.length).length;
    this.withDirectives = sections.filter((s) => s.facts.hasDirectives);
  }

  /** Re-reads the sections an edit touched; returns the edited region (old coordinates) and the shift. */
  private resection(text: string, changes?: readonly TextChange[]): EditedRegion | undefined {
    const old = this.sections;
    if (old.length === 0) {
      this.useSections(readAll(text, scanSections(text).starts, text.length));
      return undefined;
    }
    const [from, oldTo, newTo] = changedRegion(this.text, text, changes);
    const delta = text.length - this.text.length;
    // Re-scan from the start of the section holding the character before the edit: the scanner's
    // state is clear at every section start, and nothing before it changed.
    const first = Math.max(0, sectionIndexAt(old, Math.max(0, from - 1)));
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
      reuse.set(this.text.slice(s.start, s.end), s.facts);
    }
    const fresh = readAll(text, scan.starts, resumeAt ?? text.length, reuse);
    const replaced = old.slice(first, tailFrom);
    // Before the tail moves: the tracked sections in [scanFrom, tail start) are the replaced ones.
    const tailStart = tailFrom < old.length ? old[tailFrom]!.start : Infinity;
    retrack(this.withDirectives, scanFrom, tailStart, fresh.filter((s) => s.facts.hasDirectives));
    this.definitionSections += fresh.filter((s) => s.facts.definitions.length).length - replaced.filter((s) => s.facts.definitions.length).length;
    if (delta !== 0) {
      for (let i = tailFrom; i < old.length; i++) {
        old[i]!.start += delta;
        old[i]!.end += delta;
      }
    }
    old.splice(first, tailFrom - first, ...fresh);
    return { from, oldTo, delta, replaced, fresh, readFrom: scanFrom, readTo: tailStart };
  }

  /**
   * Structure and findings. After an edit with the file-wide decisions (notes or not, heading levels,
   * label style, line ending) unchanged, only the categories around the edit are rebuilt: the
   * builder's state is the same at every category heading, so a run from one category heading to
   * the next gives what a full run would. Categories after it move with their anchor (one addition
   * each, see anchored-span.ts).
   */
  private buildModel(region?: EditedRegion): NotesModel {
    const text = this.text;
    const sections = this.sections;
    const eol = detectLineEnding(text);
    const previous = this.lastStructure;
    // A `[Label]` is a link when a definition for it exists anywhere in the document. A section parsed
    // alone cannot know of a definition in another section, so such blanks are dropped (full path).
    const definitions = this.definitionSections > 0;
    const signature = (list: readonly Section[]) => list.map((s) => globalSignature(s.facts)).join('\n\n');
    const incremental =
      region !== undefined &&
      previous !== undefined &&
      previous.isNotes &&
      !definitions &&
      eol === this.eol &&
      signature(region.replaced) === signature(region.fresh);
    this.eol = eol;
    const window = incremental ? this.rebuildAround(region, previous) : undefined;
    if (window) this.spliceFindings(region!, window);
    else {
      let facts: Placed[] = [];
      for (const s of sections) for (const f of placed(s)) facts.push(f);
      if (definitions) {
        const labels = new Set(sections.flatMap((s) => s.facts.definitions));
        facts = facts.filter((f) => f.kind !== 'placeholder' || !f.text.startsWith('[') || !labels.has(normalizeLabel(f.text.slice(1, -1))));
      }
      const globals = readGlobals(facts, this.options.levels, this.options.notes);
      if (!globals.isNotes) {
        this.lastStructure = { ...globals, categories: [], storyLabels: new Map() };
        this.findings = [];
        return { isNotes: false, categories: [], findings: [], levels: { category: 0, story: 0 } };
      }
      const built = buildCategories(facts, globals.levels);
      this.lastStructure = { ...globals, ...built };
      const byCategory: Finding[] = [];
      for (const c of built.categories) for (const f of this.categoryRuleFindings(c)) byCategory.push(f);
      this.findings = mergeSorted(byCategory, this.runFindings(sections));
    }
    const structure = this.lastStructure!;
    const directives: DirectiveFact[] = [];
    for (const s of this.withDirectives) for (const f of placed(s)) if (f.kind === 'directive') directives.push(f);
    const silenced = applyDirectives(text, directives, this.findings);
    // The model gets its own array: the next update splices this.findings in place.
    const findings = silenced === this.findings ? silenced.slice() : silenced;
    return {
      isNotes: true,
      categories: structure.categories.slice(),
      findings,
      levels: { category: structure.levels.category, story: structure.levels.story },
    };
  }

  /** The findings of a freshly built category; then the category and they move with one anchor. */
  private categoryRuleFindings(category: Category): Finding[] {
    const structure = { ...this.lastStructure!, categories: [category] };
    const findings = this.findingsOf(CATEGORY_RULES, { text: this.text, structure, misencoded: [], eol: this.eol });
    anchorCategory(category, findings);
    return findings;
  }

  /** The findings of the mis-encoded runs of `sections`. */
  private runFindings(sections: readonly Section[]): Finding[] {
    const misencoded: MisencodedRun[] = [];
    for (const s of sections) {
      for (const run of s.facts.misencoded) misencoded.push({ ...run, start: run.start + s.start, end: run.end + s.start });
    }
    if (misencoded.length === 0) return [];
    return this.findingsOf(RUN_RULES, { text: this.text, structure: this.lastStructure!, misencoded, eol: this.eol });
  }

  /**
   * Replaces the findings of the rebuilt categories and of the re-read sections (old coordinates:
   * `window` and region.readFrom–readTo) with their new ones, and moves what follows the edit: the
   * categories after the window (their findings move with them) and the mis-encoded findings.
   * Category findings lie inside their category and run findings inside their section, so nothing
   * else changes.
   */
  private spliceFindings(region: EditedRegion, window: RebuiltWindow): void {
    const all = this.findings;
    const { delta } = region;
    const lo = Math.min(window.lo, region.readFrom);
    const hi = Math.max(window.hi, region.readTo);
    const i0 = lowerBound(all, lo, findingStart);
    const i1 = lowerBound(all, hi, findingStart);
    const kept: Finding[] = [];
    for (let i = i0; i < i1; i++) {
      const f = all[i]!;
      const at = f.span.start;
      const replaced = RUN_RULE_IDS.has(f.rule) ? at >= region.readFrom && at < region.readTo : at >= window.lo && at < window.hi;
      if (!replaced) kept.push(f);
    }
    if (delta !== 0) {
      // Only now: the search and the sorting out above read old offsets.
      const cats = this.lastStructure!.categories;
      for (let c = window.after; c < cats.length; c++) moveCategory(cats[c]!, delta);
      // A kept run finding lies wholly before the edit or wholly after it.
      for (const f of kept) if (RUN_RULE_IDS.has(f.rule) && f.span.start >= region.oldTo) shiftFinding(f, delta);
      for (let i = i1; i < all.length; i++) if (RUN_RULE_IDS.has(all[i]!.rule)) shiftFinding(all[i]!, delta);
    }
    const fresh = kept.concat(window.findings, this.runFindings(region.fresh)).sort(byPosition);
    all.splice(i0, i1 - i0, ...fresh);
  }

  private findingsOf(rules: readonly Rule[], context: RuleContext): Finding[] {
    const severities = this.options.severities ?? {};
    const findings: Finding[] = [];
    // A deferred fix reads the latest text through this holder, not through the analyzer: a model
    // kept after analyze() must not keep the analyzer's cache alive.
    const latest = this.latest;
    for (const rule of rules) {
      const severity = severities[rule.id] ?? rule.defaultSeverity;
      if (severity === 'off') continue;
      for (const r of rule.check(context)) {
        // Findings own their spans: a mis-encoded finding is shifted in place after an edit, and a
        // span shared with the model would move twice.
        const finding: Finding = {
          rule: rule.id,
          severity,
          message: r.message,
          span: { start: r.span.start, end: r.span.end },
          fix: r.fix,
          ...(r.suggestions ? { suggestions: r.suggestions } : {}),
        };
        if (r.fix && r.verifyFix) deferFix(finding, r.fix, r.verifyFix, () => latest.text);
        findings.push(finding);
      }
    }
    return findings.sort(byPosition);
  }

  /**
   * Rebuilds the categories the edit touched and their findings; undefined when it cannot be done
   * exactly (then everything is rebuilt).
   */
  private rebuildAround(region: EditedRegion, globals: Globals): RebuiltWindow | undefined {
    const { levels } = globals;
    if (levels.bold || levels.category === 0 || levels.category > levels.story) return undefined;
    const structure = this.lastStructure!;
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
    const end = next < cats.length ? cats[next]!.heading!.start + region.delta : this.text.length;
    // Both ends must still be category headings in the new text (an edit may open a code fence that
    // hides the next heading, or break the first one).
    const facts: Placed[] = [];
    for (let i = sectionIndexAt(this.sections, start); i < this.sections.length && this.sections[i]!.start <= end; i++) {
      for (const f of placed(this.sections[i]!)) facts.push(f);
    }
    const lo = lowerBound(facts, start, factStart);
    const hi = lowerBound(facts, end, factStart);
    const isCategoryHeading = (f: Placed | undefined, at: number) =>
      f !== undefined && f.start === at && f.kind === 'heading' && !f.star && f.depth === levels.category;
    if (!isCategoryHeading(facts[lo], start)) return undefined;
    if (next < cats.length && !isCategoryHeading(facts[hi], end)) return undefined;
    const built = buildCategories(facts.slice(lo, hi), levels);
    const oldEnd = next < cats.length ? cats[next]!.heading!.start : Infinity;
    for (let i = first; i < next; i++) for (const story of cats[i]!.stories) forgetStory(structure.storyLabels, story);
    for (const [story, labels] of built.storyLabels) structure.storyLabels.set(story, labels);
    const removed = next - first;
    cats.splice(first, removed, ...built.categories);
    this.lastStructure = { ...structure, categories: cats };
    const findings: Finding[] = [];
    for (const c of built.categories) for (const f of this.categoryRuleFindings(c)) findings.push(f);
    return { lo: start, hi: oldEnd, after: first + built.categories.length, findings };
  }
}

interface EditedRegion {
  /** Where the edit starts, and where it ended in the old text. */
  from: number;
  oldTo: number;
  delta: number;
  /** The sections the edit replaced, and those that replaced them. */
  replaced: Section[];
  fresh: Section[];
  /** The old text's span of the sections that were read again (readTo: Infinity for up to the end). */
  readFrom: number;
  readTo: number;
}

/** The categories an edit rebuilt: their old span (hi: Infinity for up to the end), their new findings. */
interface RebuiltWindow {
  lo: number;
  hi: number;
  /** The index of the first category after the rebuilt ones (not yet moved). */
  after: number;
  findings: Finding[];
}

const CATEGORY_RULES = RULES.filter((r) => r.scope === 'categories');
const RUN_RULES = RULES.filter((r) => r.scope === 'runs');
const RUN_RULE_IDS = new Set(RUN_RULES.map((r) => r.id));
const RULE_ORDER = new Map(RULES.map((r, i) => [r.id, i]));

function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)!;
}

/** Two lists each sorted by position, as one. */
function mergeSorted(a: Finding[], b: Finding[]): Finding[] {
  if (b.length === 0) return a;
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byPosition(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

const findingStart = (f: Finding) => f.span.start;
const factStart = (f: Placed) => f.start;

/** Index of the first item (facts, findings: sorted by start) starting at or after `offset`. */
function lowerBound<T>(items: readonly T[], offset: number, startOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(items[mid]!) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Shifting the mis-encoded findings after an edit (categories move with their anchor instead).
function shiftSpan(span: Span, delta: number): void {
  span.start += delta;
  span.end += delta;
}

function shiftEdits(edits: readonly TextEdit[], delta: number): void {
  for (let i = 0; i < edits.length; i++) shiftSpan(edits[i]!.span, delta);
}

function shiftFinding(finding: Finding, delta: number): void {
  shiftSpan(finding.span, delta);
  if (finding.fix) shiftEdits(finding.fix, delta);
  const suggestions = finding.suggestions;
  if (suggestions) for (let i = 0; i < suggestions.length; i++) shiftEdits(suggestions[i]!.edits, delta);
}

function forgetStory(labels: Map<Story, unknown>, story: Story): void {
  labels.delete(story);
  for (const sub of story.stories) forgetStory(labels, sub);
}

/** Analyses a whole document from scratch. */
export function analyze(text: string, options: AnalyzeOptions = {}): NotesModel {
  return new NotesAnalyzer(options).update(text);
}

/**
 * The reference the sectioning is tested against: the whole document parsed as one section, as if
 * there were no splitting at all. Slow on large files; for tests.
 */
export function analyzeUnsectioned(text: string, options: AnalyzeOptions = {}): NotesModel {
  // A section too deeply nested to parse is read plainly, section by section; the whole text parsed
  // at once would be read plainly as a whole. There the sectioned reading is its own reference.
  // The same when only the whole is: its markers counted together pass the bound (20 000 `_` in one
  // section, a few more in the next).
  const { starts } = scanSections(text);
  if (isPathological(text) || starts.some((start, i) => isPathological(text.slice(start, starts[i + 1] ?? text.length)))) return analyze(text, options);
  const analyzer = new NotesAnalyzer(options);
  analyzer['useSections'](readAll(text, [0], text.length));
  analyzer['text'] = text;
  analyzer['latest'].text = text;
  return analyzer['buildModel']();
}

function readAll(text: string, starts: number[], end: number, reuse?: Map<string, SectionFacts>): Section[] {
  const out: Section[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const stop = i + 1 < starts.length ? starts[i + 1]! : end;
    const slice = text.slice(start, stop);
    // Parsing depends on nothing but the section's text, so facts cached by text are exact.
    const facts = reuse?.get(slice) ?? readSection(slice);
    out.push({ start, end: stop, facts });
  }
  return out;
}

/** A link label as mdast's `identifier` has it (micromark's normalizeIdentifier, lower-cased). */
function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase();
}

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

/** [start, old end, new end] of the region that differs between two texts. */
function changedRegion(before: string, after: string, changes?: readonly TextChange[]): [number, number, number] {
  // Changes say where they are: comparing 8 MB texts costs more than the rest of a keystroke.
  const folded = changes?.length ? foldChanges(changes, before.length) : undefined;
  if (folded && before.length - (folded[1] - folded[0]) + (folded[2] - folded[0]) === after.length) return folded;
  const max = Math.min(before.length, after.length);
  let prefix = commonPrefix(before, after, max);
  if (prefix > 0 && isLowSurrogate(after.charCodeAt(prefix))) prefix--;
  const suffix = commonSuffix(before, after, max - prefix);
  return [prefix, before.length - suffix, after.length - suffix];
}

/**
 * The one region that covers changes applied one after another (each in the offsets of the text the
 * previous ones left, as VS Code's change events are): [start, old end, new end]. Undefined when a
 * change does not fit the text it applies to.
 */
export function foldChanges(changes: readonly TextChange[], beforeLength: number): [number, number, number] | undefined {
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
  return [start, oldEnd, newEnd];
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
