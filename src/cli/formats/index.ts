// The output formats of `interview-notes check --format NAME`, from one list.

import type { Format, FormatContext } from './format.js';
import { githubFormat } from './github.js';
import { jsonFormat } from './json.js';
import { junitFormat } from './junit.js';
import { sarifFormat } from './sarif.js';
import { textFormat } from './text.js';

export const FORMATS: Record<string, (context: FormatContext) => Format> = {
  text: textFormat,
  json: jsonFormat,
  sarif: sarifFormat,
  github: githubFormat,
  junit: junitFormat,
};

export type { Format, FormatContext } from './format.js';
