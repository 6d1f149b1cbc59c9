// `--format github`: GitHub Actions workflow commands, one line per finding, which the runner turns
// into annotations on the pull request's diff:
//   ::warning file=notes.md,line=3,col=1,endLine=3,endColumn=19,title=interview-notes missing-section::…
// Escaping as the runner reads it (actions/toolkit, command.ts): in the message %, CR and LF become
// %25, %0D, %0A; in properties also `:` and `,` (%3A, %2C). Info and hints become notices.

import type { Severity } from '../../core/index.js';
import { printable, type JsonFile } from '../report.js';
import type { Format } from './format.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubFormat(): Format {
  return {
    begin: () => '',
    file(f: JsonFile): string {
      // Control characters other than CR/LF (which the escaping keeps) would reach the log raw.
      const file = escapeProperty(printable(f.path));
      return f.findings
        .map((x) => {
          const props = `file=${file},line=${x.line},col=${x.column},endLine=${x.endLine},endColumn=${x.endColumn},title=${escapeProperty(`interview-notes ${x.rule}`)}`;
          return `::${COMMAND[x.severity]} ${props}::${escapeData(printable(x.message))}\n`;
        })
        .join('');
    },
    end: () => '',
  };
}
