// What a configuration file says, as read from `.interview-notes.jsonc`, `.interview-notes.json` or the
// `interview-notes` key of package.json. The shape is the JSON schema's
// (schemas/interview-notes.schema.json); a test holds the two together.

import type { Severity, StarPart } from '../model.js';

export type SeverityOrOff = Severity | 'off';

export interface InterviewNotesConfig {
  $schema?: string;
  /** Severity per rule id. */
  rules?: Record<string, SeverityOrOff>;
  levels?: { category?: number | null; story?: number | null };
  /** Reserved: extra label words per STAR part (validated, not yet used by the analysis). */
  labels?: Partial<Record<StarPart, string[]>>;
  /** Reserved: the built-in vocabularies to recognise (validated, not yet used). */
  vocabularies?: string[];
  /** The competency frameworks stories are tagged with, in order (the first is the one coverage shows): a built-in's id or a user's own. */
  frameworks?: (string | { name: string; competencies: { id?: string; name: string; aliases?: string[] }[] })[];
  /** Words per minute for speaking times (110–180). */
  speakingRate?: number;
  /** Speaking times: the rate (wins over speakingRate), a story's target and its maximum, in seconds. */
  speech?: { wordsPerMinute?: number; targetSeconds?: number; maxSeconds?: number };
  coverage?: { minStories?: number };
  /** Globs relative to the configuration file's folder. */
  notes?: { include?: string[]; exclude?: string[] };
}

/** A problem in a configuration file, at a place in its text (UTF-16 offsets; line and column 1-based). */
export interface ConfigProblem {
  message: string;
  offset: number;
  length: number;
  line: number;
  column: number;
  /** Syntax errors make the file unusable; schema errors drop only the offending part. */
  kind: 'syntax' | 'schema';
}

export interface ParsedConfig {
  /** What could be used: the valid parts (undefined when the text is not JSON at all, or has no key). */
  config: InterviewNotesConfig | undefined;
  problems: ConfigProblem[];
}

/**
 * Whether a file is notes: `true` (the configuration's include says so), `false` (its exclude says so:
 * not analysed at all) or `'auto'` (decided by the file's STAR labels, as without configuration).
 */
export type NotesMode = boolean | 'auto';
