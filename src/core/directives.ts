// Silencing a rule in place with an HTML comment, in the manner of markdownlint:
//   <!-- interview-notes-disable placeholder -->   … <!-- interview-notes-enable placeholder -->
//   <!-- interview-notes-disable-next-line empty-section -->
//   <!-- interview-notes-disable-line -->           (on the same line as the finding)
//   <!-- interview-notes-disable-file mis-encoded -->
// No rule names means every rule.

import type { DirectiveFact } from './facts.js';
import type { Finding, TextEdit } from './model.js';
import { lineEndAt as lineEnd, lineStartAt as lineStart, nextLineStart } from './text.js';

export function applyDirectives(text: string, directives: readonly DirectiveFact[], findings: Finding[]): Finding[] {
  if (directives.length === 0) return findings;
  const covers = (d: DirectiveFact, rule: string) => d.rules.length === 0 || d.rules.includes(rule);
  return findings.filter((f) => {
    let disabled = false;
    for (const d of directives) {
      if (!covers(d, f.rule)) continue;
      switch (d.mode) {
        case 'disable-file':
          return false;
        case 'disable':
          if (d.start <= f.span.start) disabled = true;
          break;
        case 'enable':
          if (d.start <= f.span.start) disabled = false;
          break;
        case 'disable-line': {
          if (lineStart(text, d.start) <= f.span.start && f.span.start <= lineEnd(text, d.end)) return false;
          break;
        }
        case 'disable-next-line': {
          const next = nextLineStart(text, d.end);
          if (next !== undefined && next <= f.span.start && f.span.start <= lineEnd(text, next)) return false;
          break;
        }
      }
    }
    return !disabled;
  });
}

/** An edit that silences `rule` for the line the finding starts on, with a comment above it. */
export function silenceEdit(text: string, rule: string, offset: number, eol: string): TextEdit {
  const start = lineStart(text, offset);
  const indent = /^[ \t]*/.exec(text.slice(start, start + 200))![0];
  // A comment line above a list item or paragraph is an HTML block of its own: it does not change
  // the structure around it (a blank-line-free HTML comment ends at `-->`).
  return { span: { start, end: start }, newText: `${indent}<!-- interview-notes-disable-next-line ${rule} -->${eol}` };
}
