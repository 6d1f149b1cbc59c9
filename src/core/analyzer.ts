// Analysis with a per-section cache: after an edit only the sections whose text changed are parsed
// again, so the cost of a keystroke depends on the size of the story being edited, not of the file.
// `analyze(text)` is the same pipeline with an empty cache; a differential test holds the two equal.

import type { DirectiveFact, SectionFacts } from './facts.js';
import { readSection } from './facts.js';
import { applyDirectives } from './directives.js';
import type { MisencodedRun } from './encoding.js';
import { detectLineEnding } from './line-index.js';
import type { Finding, NotesModel, Severity } from './model.js';
import { RULES } from './rules/index.js';
import { scanSections } from './sections.js';
import { buildStructure, placeFacts, type LevelOptions, type Placed, type PlacedSection, type Structure } from './structure.js';

export interface AnalyzeOptions {
  /** Fix the heading levels instead of detecting them per file. */
  levels?: LevelOptions;
  /** Per-rule severity; 'off' turns a rule off. */
  severities?: Record<string, Severity | 'off'>;
}

/** What an edit changed, in the previous text's offsets (VS Code's `TextDocumentContentChangeEvent`). */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

interface Section extends PlacedSection {
  end: number;
  /** The facts at their place in the document; shifted in place when an edit before them moves them. */
  placed: Placed[];
}

export class NotesAnalyzer {
  private text = '';
  private sections: Section[] = [];
  private model: NotesModel | undefined;
  private lastStructure: Structure | undefined;

  constructor(private options: AnalyzeOptions = {}) {}

  /** Changes options; the next update re-runs the (cheap) structure and rules, not the parsing. */
  setOptions(options: AnalyzeOptions): void {
    this.options = options;
    this.model = undefined;
  }

  get structure(): Structure | undefined {
    return this.lastStructure;
  }

  /**
   * Analyses `text`, reusing every section the edit did not touch. `changes`, when known, saves
   * looking for the edited region; without them it is found by comparing with the previous text.
   */
  update(text: string, changes?: readonly TextChange[]): NotesModel {
    if (text === this.text && this.model) return this.model;
    this.resection(text, changes);
    this.text = text;
    this.model = this.buildModel();
    return this.model;
  }

  private resection(text: string, changes?: readonly TextChange[]): void {
    const old = this.sections;
    if (old.length === 0) {
      this.sections = readAll(text, scanSections(text).starts, text.length);
      return;
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
    const tail = old.slice(tailFrom);
    if (delta !== 0) {
      for (const s of tail) {
        s.start += delta;
        s.end += delta;
        for (const f of s.placed) {
          f.start += delta;
          f.end += delta;
          f.base += delta;
        }
      }
    }
    this.sections = [...old.slice(0, first), ...fresh, ...tail];
  }

  private buildModel(): NotesModel {
    const text = this.text;
    let facts: Placed[] = [];
    for (const s of this.sections) for (const f of s.placed) facts.push(f);
    // A `[Label]` is a link when a definition for it exists anywhere in the document. A section parsed
    // alone cannot know of a definition in another section, so such blanks are dropped here.
    const definitions = new Set(this.sections.flatMap((s) => s.facts.definitions));
    if (definitions.size > 0) {
      facts = facts.filter((f) => f.kind !== 'placeholder' || !f.text.startsWith('[') || !definitions.has(normalizeLabel(f.text.slice(1, -1))));
    }
    const structure = buildStructure(facts, this.options.levels);
    this.lastStructure = structure;
    if (!structure.isNotes) return { isNotes: false, categories: [], findings: [], levels: { category: 0, story: 0 } };
    const misencoded: MisencodedRun[] = [];
    const directives: DirectiveFact[] = [];
    for (const s of this.sections) {
      for (const run of s.facts.misencoded) misencoded.push({ ...run, start: run.start + s.start, end: run.end + s.start });
    }
    for (const f of facts) if (f.kind === 'directive') directives.push(f);
    const context = { text, structure, misencoded, eol: detectLineEnding(text) };
    const severities = this.options.severities ?? {};
    let findings: Finding[] = [];
    for (const rule of RULES) {
      const severity = severities[rule.id] ?? rule.defaultSeverity;
      if (severity === 'off') continue;
      for (const r of rule.check(context)) {
        findings.push({ rule: rule.id, severity, message: r.message, span: r.span, fix: r.fix, ...(r.suggestions ? { suggestions: r.suggestions } : {}) });
      }
    }
    findings = applyDirectives(text, directives, findings);
    const order = new Map(RULES.map((r, i) => [r.id, i]));
    findings.sort((a, b) => a.span.start - b.span.start || order.get(a.rule)! - order.get(b.rule)!);
    return {
      isNotes: true,
      categories: structure.categories,
      findings,
      levels: { category: structure.levels.category, story: structure.levels.story },
    };
  }
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
  const analyzer = new NotesAnalyzer(options);
  analyzer['sections'] = readAll(text, [0], text.length);
  analyzer['text'] = text;
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
    out.push({ start, end: stop, facts, placed: placeFacts(facts, start) });
  }
  return out;
}

/** A link label as mdast's `identifier` has it (micromark's normalizeIdentifier, lower-cased). */
function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase();
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
  // One change (a keystroke, a paste) says exactly where it is; several, applied one after
  // another, are simpler and as fast to find again by comparing the texts.
  if (changes && changes.length === 1) {
    const c = changes[0]!;
    const oldTo = c.rangeOffset + c.rangeLength;
    if (oldTo <= before.length && before.length - c.rangeLength + c.text.length === after.length) {
      return [c.rangeOffset, oldTo, c.rangeOffset + c.text.length];
    }
  }
  const max = Math.min(before.length, after.length);
  let prefix = commonPrefix(before, after, max);
  if (prefix > 0 && isLowSurrogate(after.charCodeAt(prefix))) prefix--;
  const suffix = commonSuffix(before, after, max - prefix);
  return [prefix, before.length - suffix, after.length - suffix];
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
