// `--format sarif`: SARIF 2.1.0 (OASIS), the format GitHub code scanning and other viewers read. One
// run; the rules with their defaults; a result per finding, its region in 1-based lines and UTF-16
// columns (the model's own unit, so `columnKind` says so). Paths are relative to the working
// directory (`%SRCROOT%`), as code scanning expects. Results stream like the JSON output's files.

import { pathToFileURL } from 'node:url';
import { isAbsolute, relative } from 'node:path';
import { RULES, type Severity } from '../../core/index.js';
import type { JsonFile } from '../report.js';
import type { Format, FormatContext } from './format.js';

const LEVEL: Record<Severity | 'off', 'error' | 'warning' | 'note' | 'none'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note', off: 'none' };
const RULE_INDEX = new Map(RULES.map((r, i) => [r.id, i]));

/** A path as a relative URI reference (each segment percent-encoded), or a file: URL outside cwd. */
function artifactUri(path: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = isAbsolute(path) ? relative(cwd, path) : path;
  if (rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(isAbsolute(path) ? path : `${cwd}/${path}`).href };
  return { uri: rel.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function sarifFormat(context: FormatContext): Format {
  let first = true;
  const driver = {
    name: 'interview-notes',
    version: context.version,
    rules: RULES.map((r) => ({
      id: r.id,
      shortDescription: { text: r.description },
      help: { text: `${r.description} See docs/rules/${r.id}.md in the interview-notes package.` },
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    })),
  };
  return {
    begin() {
      const head = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{ tool: { driver }, originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(context.cwd.endsWith('/') ? context.cwd : context.cwd + '/').href } }, columnKind: 'utf16CodeUnits', results: [] }],
      };
      // Everything up to the results array, which the files fill in as they come.
      const text = JSON.stringify(head);
      return text.slice(0, text.lastIndexOf('[]') + 1);
    },
    file(f: JsonFile): string {
      const location = artifactUri(f.path, context.cwd);
      return f.findings
        .map((x) => {
          const result = {
            ruleId: x.rule,
            ...(RULE_INDEX.has(x.rule) ? { ruleIndex: RULE_INDEX.get(x.rule) } : {}),
            level: LEVEL[x.severity],
            message: { text: x.message },
            locations: [{ physicalLocation: { artifactLocation: location, region: { startLine: x.line, startColumn: x.column, endLine: x.endLine, endColumn: x.endColumn } } }],
          };
          const comma = first ? '' : ',';
          first = false;
          return `${comma}\n${JSON.stringify(result)}`;
        })
        .join('');
    },
    end: () => '\n]}]}\n',
  };
}
