// What the command line reports about one file, in the documented JSON shape
// (schemas/check-output.schema.json). Every output format is made from these records, one file at a
// time, so the formats agree with each other and nothing of a file is kept once it is written.

import { bank, certainFix, explainNotNotes, LineIndex, summarize, type Category, type NotesModel, type Severity, type StarPart, type Story } from '../core/index.js';
import type { NotesFile } from './files.js';

export interface FileReport {
  path: string;
  file: NotesFile;
  model: NotesModel;
  /** How many certain fixes --fix applied. */
  fixed: number;
  /** Left out by the configuration's `notes.exclude`: not analysed. */
  excluded?: boolean;
  /** The story bank's options the file was analysed with (frameworks, speaking rate). */
  bank?: bank.StoryBankOptions;
}

export interface JsonStory {
  title: string;
  line: number;
  status: Story['status'];
  missing: Story['missing'];
  number?: number;
  /** How many placeholders (❓, TODO…) the story holds. */
  placeholders: number;
  /** Competency names the story is tagged with (story bank). */
  tags: string[];
  /** Words of the story's own text, and seconds to tell them at the speaking rate. */
  words: number;
  seconds: number;
  /** Words per STAR part the story has. */
  parts: Partial<Record<StarPart, number>>;
  stories: JsonStory[];
}

export interface JsonCategory {
  title: string | null;
  line: number;
  done: boolean;
  label?: string;
  stories: JsonStory[];
}

export interface JsonFinding {
  rule: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** Whether `--fix` would fix it: set only for the formats that print it (see `Format.readsFixable`). */
  fixable?: boolean;
}

export interface JsonFile {
  path: string;
  isNotes: boolean;
  /** When it is not notes: why, in words (notes-decision.ts). */
  notNotes?: string;
  encoding: string;
  fixed?: number;
  excluded?: boolean;
  categories: JsonCategory[];
  findings: JsonFinding[];
}

export interface Summary {
  stories: number;
  complete: number;
}

/**
 * `checkFixes`: say of each finding whether it is fixable. Checking a missing-section fix re-reads the
 * file's structure with the fix applied, seconds for a large file with many findings: only the
 * formats that print it ask.
 */
export function toJsonFile(r: FileReport, checkFixes = true): JsonFile {
  // Made when first asked for: most files checked are not notes and have no finding, and the index
  // is a pass over the whole text.
  let lines: LineIndex | undefined;
  const at = (offset: number) => (lines ??= new LineIndex(r.file.text)).lineColumnAt(offset);
  const line = (offset: number) => at(offset).line;
  const facts = bank.storyBank(r.file.text, r.model, r.bank);
  const NO_FACTS: bank.StoryBankFacts = { tags: [], words: 0, seconds: 0, parts: {} };
  const story = (s: Story): JsonStory => ({
    title: s.title,
    line: line(s.heading.start),
    status: s.status,
    missing: s.missing,
    ...(s.number !== undefined ? { number: s.number } : {}),
    placeholders: s.placeholders.length,
    ...(facts.get(s.heading.start) ?? NO_FACTS),
    stories: s.stories.map(story),
  });
  const categories = r.model.categories.map(
    (c: Category): JsonCategory => ({
      title: c.title,
      line: c.heading ? line(c.heading.start) : line(c.span.start),
      done: c.done,
      ...(c.label ? { label: c.label } : {}),
      stories: c.stories.map(story),
    }),
  );
  const findings = r.model.findings.map((f): JsonFinding => {
    const start = at(f.span.start);
    const end = at(f.span.end);
    return {
      rule: f.rule,
      severity: f.severity,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      message: f.message,
      // certainFix: a missing-section fix is certain only once a re-read of the story confirms it.
      ...(checkFixes ? { fixable: certainFix(r.file.text, f) !== undefined } : {}),
    };
  });
  return {
    path: r.path,
    isNotes: r.model.isNotes,
    ...(r.model.isNotes ? {} : { notNotes: explainNotNotes(r.model.notNotes) }),
    encoding: r.file.encoding,
    ...(r.fixed ? { fixed: r.fixed } : {}),
    ...(r.excluded ? { excluded: true } : {}),
    categories,
    findings,
  };
}

/** Adds a file's stories to the running summary, counted as the editor counts them (core summary). */
export function addToSummary(summary: Summary, model: NotesModel): void {
  const counts = summarize(model);
  summary.stories += counts.stories;
  summary.complete += counts.complete;
}

/**
 * Text for a terminal or a CI log: C0 and C1 control characters (an ESC that would start a terminal
 * escape sequence, a carriage return that would overwrite the line) and the bidirectional overrides
 * that can reorder what is shown are written as visible `\xNN` / `\uNNNN` escapes.
 */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

export const isFailing = (severity: Severity): boolean => severity === 'error' || severity === 'warning';
