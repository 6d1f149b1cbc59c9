// An output format of `interview-notes check`: told about one file at a time (in the order given),
// it returns the text to write at once, so output streams and nothing of a file is kept.

import type { JsonFile, Summary } from '../report.js';

export interface FormatContext {
  /** Colour the text output (a terminal, or FORCE_COLOR; never with NO_COLOR). */
  colour: boolean;
  version: string;
  /** The working directory: SARIF paths are relative to it. */
  cwd: string;
}

export interface Format {
  /** The format prints each finding's `fixable` (costly to find out: see toJsonFile). */
  readsFixable?: boolean;
  begin(): string;
  file(file: JsonFile): string;
  end(summary: Summary): string;
}
