// The analysis as one pure pipeline, the full path only:
//
//   text → sections (sections.ts) → facts per section (facts.ts) → structure (structure.ts)
//        → rules (rules/) → findings → silencing comments (directives.ts) → a frozen model
//
// `analyze(text)` runs it from scratch; it is also the oracle the incremental analyzer
// (analyzer.ts + incremental/) is tested against. The stages are exported for the analyzer, which
// runs them on the part of the document an edit touched.

import type { StoryBankOptions } from './bank/rules/context.js';
import { cannotBeNotes } from './cannot-be-notes.js';
import { applyDirectives } from './directives.js';
import type { DirectiveFact, PlainText, SectionFacts } from './facts.js';
import { freezeDeep, freezeModel } from './freeze.js';
import { readSection } from './facts.js';
import { assignIdsInSteps } from './ids.js';
import type { MisencodedRun } from './encoding.js';
import { detectLineEnding } from './line-index.js';
import type { Category, Finding, NotesModel, NotNotesReason, Severity } from './model.js';
import { RULES, type Rule, type RuleContext } from './rules/index.js';
import { scanSections } from './sections.js';
import { buildCategoriesInSteps } from './build/builder.js';
import { readGlobalsInSteps } from './build/evidence.js';
import { placeFacts, type Globals, type LevelOptions, type NotesOption, type Placed, type Structure } from './structure.js';
import { runSteps } from './steps.js';

export { freezeDeep } from './freeze.js';

export interface AnalyzeOptions {
  /** Fix the heading levels instead of detecting them per file. */
  levels?: LevelOptions;
  /** Per-rule severity; 'off' turns a rule off. */
  severities?: Record<string, Severity | 'off'>;
  /**
   * Whether the file is notes: `'auto'` (the default) decides from the evidence; `true` or `false`
   * says it (the configuration's globs of files that are or are not notes). The file's own front
   * matter `interview-notes: true|false` or `<!-- interview-notes-disable-file -->` wins over it.
   */
  notes?: NotesOption;
  /** Frameworks, speaking rate and limits for the story bank's coach rules. */
  bank?: StoryBankOptions;
}


/** A section of the document with what it says (facts relative to its start). */
export interface Section {
  start: number;
  end: number;
  facts: SectionFacts;
}

/**
 * Analyses a whole document from scratch. A file the line scan proves cannot be notes (most
 * Markdown: READMEs, changelogs) is not parsed at all.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): NotesModel {
  // The sections the scan had to parse to decide are not parsed again.
  const read = new Map<string, SectionFacts>();
  if (cannotBeNotes(text, options.notes, read)) return provenNotNotesModel(options);
  return analyzeSections(text, readSections(text, scanSections(text).starts, text.length, read), options).model;
}

/** The same, every section parsed, without the cheap no: the reference cannot-be-notes.ts is tested against. */
export function analyzeByParsing(text: string, options: AnalyzeOptions = {}): NotesModel {
  return analyzeSections(text, readSections(text, scanSections(text).starts, text.length), options).model;
}

/**
 * The same pipeline with the whole text read as one section, as if there were no splitting: the
 * reference the sectioning is tested against. Slow on large files.
 */
export function analyzeAsOneSection(text: string, options: AnalyzeOptions = {}): NotesModel {
  return analyzeSections(text, readSections(text, [0], text.length), options).model;
}

/** Reads the sections starting at `starts` (the last one ends at `end`); `reuse` holds facts by text. */
export function readSections(text: string, starts: readonly number[], end: number, reuse?: ReadonlyMap<string, SectionFacts>): Section[] {
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

/** What a full run leaves besides the model: the analyzer keeps it to rebuild part of it later. */
export interface FullRun {
  model: NotesModel;
  structure: Structure;
  /** Every finding before the silencing comments, sorted by position. */
  findings: Finding[];
}

/**
 * Structure, rules and silencing comments over every section. `previous` (an earlier model of the
 * same document) lets stories and categories keep their ids across the rebuild (ids.ts).
 */
export function analyzeSections(text: string, sections: readonly Section[], options: AnalyzeOptions, previous?: readonly Category[]): FullRun {
  return runSteps(analyzeInSteps(text, sections, options, previous));
}

/** How many categories' rules one step runs. */
const CATEGORIES_PER_STEP = 1;
/** How many sections' mis-encoded runs one step reports. */
const SECTIONS_PER_STEP = 256;
/** How many categories one step gives ids (with their stories'). */
const CATEGORY_IDS_PER_STEP = 32;
/** How many facts one step places or builds into categories (a few ms here). */
const FACTS_PER_STEP = 1_000;

/**
 * analyzeSections in steps: it yields between pieces of work of bounded size (the structure, the
 * rules of each run of categories, the finished model), so that a first analysis in slices can let
 * other work run between them. The rules of a category depend on that category only (the
 * incremental analyzer relies on it too), so running them a few categories at a time changes nothing.
 */
export function* analyzeInSteps(text: string, sections: readonly Section[], options: AnalyzeOptions, previous?: readonly Category[]): Generator<void, FullRun, void> {
  let facts: Placed[] = [];
  let placedBefore = 0;
  for (const s of sections) {
    for (const f of placeFacts(s.facts, s.start)) facts.push(f);
    if (facts.length - placedBefore >= FACTS_PER_STEP) {
      placedBefore = facts.length;
      yield;
    }
  }
  // A `[Label]` is a link when a definition for it exists anywhere in the document. A section parsed
  // alone cannot know of a definition in another section, so such blanks are dropped here.
  const labels = new Set(sections.flatMap((s) => s.facts.definitions));
  if (labels.size) facts = facts.filter((f) => f.kind !== 'placeholder' || !f.text.startsWith('[') || !labels.has(normalizeLabel(f.text.slice(1, -1))));
  const globals = yield* readGlobalsInSteps(facts, options.levels ?? {}, options.notes ?? 'auto', FACTS_PER_STEP);
  if (!globals.isNotes) {
    return { model: notNotesModel(globals.notNotes ?? { by: 'evidence' }), structure: { ...globals, categories: [], storyLabels: new Map() }, findings: [] };
  }
  yield;
  const built = yield* buildCategoriesInSteps(facts, globals.levels, FACTS_PER_STEP);
  yield* assignIdsInSteps(built.categories, previous ?? [], new Set(), CATEGORY_IDS_PER_STEP);
  const structure: Structure = { ...globals, ...built };
  const eol = detectLineEnding(text);
  yield;
  const found: Finding[] = [];
  for (let i = 0; i < built.categories.length; i += CATEGORIES_PER_STEP) {
    const run = built.categories.slice(i, i + CATEGORIES_PER_STEP);
    for (const f of categoryFindings(text, structure, run, eol, options)) found.push(f);
    for (const c of run) freezeDeep(c);
    yield;
  }
  // The runs' findings (mis-encoded text, text read plainly) are each of one section: a run of
  // sections at a time gives them in order.
  const runs: Finding[] = [];
  for (let i = 0; i < sections.length; i += SECTIONS_PER_STEP) {
    for (const f of runFindings(text, structure, sections.slice(i, i + SECTIONS_PER_STEP), eol, options)) runs.push(f);
    yield;
  }
  const findings = mergeSorted(found, runs);
  const model = finishModel(text, structure, built.categories, findings, directivesOf(sections));
  return { model, structure, findings };
}

/** The model of a file that is not notes, saying why (one frozen object per reason). */
export function notNotesModel(reason: NotNotesReason): NotesModel {
  let model = NOT_NOTES.get(reason.by);
  if (!model) {
    model = freezeDeep({ isNotes: false, notNotes: { by: reason.by }, categories: [], findings: [], levels: { category: 0, story: 0 } });
    NOT_NOTES.set(reason.by, model);
  }
  return model;
}

/**
 * The model of a file the cheap no rules out: what the full decision says of it. The scan says
 * 'none' for `notes: false` (the settings), and otherwise only when there is too little evidence: the
 * file's own word (front matter, a disable-file comment) always names the extension, so is read fully.
 */
export function provenNotNotesModel(options: AnalyzeOptions): NotesModel {
  return notNotesModel({ by: options.notes === false ? 'configuration' : 'evidence' });
}

const NOT_NOTES = new Map<NotNotesReason['by'], NotesModel>();

/** The model of a notes file: the silencing comments applied, everything frozen. */
export function finishModel(
  text: string,
  globals: Globals,
  categories: readonly Category[],
  findings: readonly Finding[],
  directives: readonly DirectiveFact[],
): NotesModel {
  return freezeModel({
    isNotes: true,
    categories: freezeModel(categories.slice()) as Category[],
    findings: freezeModel(applyDirectives(text, directives, findings).slice()) as Finding[],
    levels: freezeModel({ category: globals.levels.category, story: globals.levels.story }),
  });
}

/** The silencing comments of `sections`, at their place in the document. */
export function directivesOf(sections: readonly Section[]): DirectiveFact[] {
  const out: DirectiveFact[] = [];
  for (const s of sections) {
    if (!s.facts.hasDirectives) continue;
    for (const f of s.facts.facts) if (f.kind === 'directive') out.push({ ...f, start: f.start + s.start, end: f.end + s.start });
  }
  return out;
}

export const CATEGORY_RULES = RULES.filter((r) => r.scope === 'categories');
export const RUN_RULES = RULES.filter((r) => r.scope === 'runs');
const RULE_ORDER = new Map(RULES.map((r, i) => [r.id, i]));

/** The findings of the category rules over `categories` (freshly built, not yet frozen). */
export function categoryFindings(text: string, structure: Structure, categories: Category[], eol: string, options: AnalyzeOptions): Finding[] {
  return findingsOf(CATEGORY_RULES, { text, structure: { ...structure, categories }, misencoded: [], eol, ...(options.levels ? { levelOptions: options.levels } : {}), ...(options.bank ? { bank: options.bank } : {}) }, options);
}

/** The findings of the mis-encoded runs and the text read plainly of `sections`. */
export function runFindings(text: string, structure: Structure, sections: readonly Section[], eol: string, options: AnalyzeOptions): Finding[] {
  const misencoded: MisencodedRun[] = [];
  const plainText: PlainText[] = [];
  for (const s of sections) {
    for (const run of s.facts.misencoded) misencoded.push({ ...run, start: run.start + s.start, end: run.end + s.start });
    if (s.facts.plain) plainText.push({ ...s.facts.plain, start: s.facts.plain.start + s.start, end: s.facts.plain.end + s.start });
  }
  if (misencoded.length === 0 && plainText.length === 0) return [];
  return findingsOf(RUN_RULES, { text, structure, misencoded, plainText, eol }, options);
}

/** The rules' reports as frozen findings, sorted by position. */
function findingsOf(rules: readonly Rule[], context: RuleContext, options: AnalyzeOptions): Finding[] {
  const severities = options.severities ?? {};
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = severities[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    for (const r of rule.check(context)) {
      const edits = r.fix?.map((e) => ({ span: { start: e.span.start, end: e.span.end }, newText: e.newText }));
      const finding: Finding = {
        rule: rule.id,
        severity,
        message: r.message,
        span: { start: r.span.start, end: r.span.end },
        fix: r.fixCheck ? undefined : edits,
        ...(edits && r.fixCheck ? { checkedFix: { edits, check: r.fixCheck } } : {}),
        ...(r.suggestions ? { suggestions: r.suggestions.map((s) => ({ title: s.title, edits: s.edits.map((e) => ({ span: { ...e.span }, newText: e.newText })) })) } : {}),
      };
      findings.push(freezeDeep(finding));
    }
  }
  return findings.sort(byPosition);
}

export function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)!;
}

/** Two lists each sorted by position, as one. */
export function mergeSorted(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byPosition(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** A link label as mdast's `identifier` has it (micromark's normalizeIdentifier, lower-cased). */
function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase();
}

