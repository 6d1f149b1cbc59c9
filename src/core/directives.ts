// Silencing a rule in place with an HTML comment, in the manner of markdownlint:
//   <!-- interview-notes-disable placeholder -->   … <!-- interview-notes-enable placeholder -->
//   <!-- interview-notes-disable-next-line empty-section -->
//   <!-- interview-notes-disable-line -->           (on the same line as the finding)
//   <!-- interview-notes-disable-file mis-encoded -->
// No rule names means every rule.

import type { DirectiveFact } from './facts.js';
import type { Finding, TextEdit } from './model.js';
import { lineEndAt as lineEnd, lineStartAt as lineStart, nextLineStart } from './text.js';

/**
 * The findings no silencing comment covers. One sweep over both lists, so a file with thousands of
 * comments costs what its findings and comments cost, not their product: `findings` sorted by start
 * (the analyzer's order; sorted here otherwise), `directives` in document order.
 */
export function applyDirectives(text: string, directives: readonly DirectiveFact[], findings: readonly Finding[]): Finding[] {
  if (directives.length === 0) return findings as Finding[];
  const fileWide = new Set<string>();
  let wholeFileSilenced = false;
  const ranges: LineRange[] = [];
  const toggles: DirectiveFact[] = [];
  for (const d of directives) {
    if (d.mode === 'disable-file') {
      if (d.rules.length === 0) wholeFileSilenced = true;
      for (const rule of d.rules) fileWide.add(rule);
    } else if (d.mode === 'disable' || d.mode === 'enable') toggles.push(d);
    else {
      const range = silencedLine(text, d);
      if (range) ranges.push(range);
    }
  }
  if (wholeFileSilenced) return [];
  ranges.sort((a, b) => a.start - b.start);
  const ordered = isSortedByStart(findings) ? findings : [...findings].sort((a, b) => a.span.start - b.span.start);
  // Which disable/enable came last for each rule (and for "every rule"), by its place in the document.
  const toggle = new ToggleState();
  // The furthest end of the line ranges started so far, per rule: a finding inside a range that has
  // started is silenced exactly when that range ends at or after it.
  const reach = new Map<string, number>();
  let t = 0;
  let r = 0;
  const kept: Finding[] = [];
  for (const f of ordered) {
    const at = f.span.start;
    for (; t < toggles.length && toggles[t]!.start <= at; t++) toggle.apply(toggles[t]!, t);
    for (; r < ranges.length && ranges[r]!.start <= at; r++) {
      const range = ranges[r]!;
      for (const key of range.rules.length ? range.rules : [EVERY_RULE]) reach.set(key, Math.max(reach.get(key) ?? -1, range.end));
    }
    const inRange = (reach.get(EVERY_RULE) ?? -1) >= at || (reach.get(f.rule) ?? -1) >= at;
    if (fileWide.has(f.rule) || inRange || toggle.disables(f.rule)) continue;
    kept.push(f);
  }
  // Same order as given: the sweep may have run over a sorted copy.
  if (ordered === findings) return kept;
  const keep = new Set(kept);
  return findings.filter((f) => keep.has(f));
}

const EVERY_RULE = '\u0000every rule';

interface LineRange {
  start: number;
  end: number;
  rules: readonly string[];
}

/** The lines a disable-line (its own lines) or disable-next-line (the line after it) comment silences. */
function silencedLine(text: string, d: DirectiveFact): LineRange | undefined {
  if (d.mode === 'disable-line') return { start: lineStart(text, d.start), end: lineEnd(text, d.end), rules: d.rules };
  const next = nextLineStart(text, d.end);
  return next === undefined ? undefined : { start: next, end: lineEnd(text, next), rules: d.rules };
}

/** The last disable or enable seen, per rule and for every rule, by its index in document order. */
class ToggleState {
  private every = { index: -1, disabled: false };
  private readonly byRule = new Map<string, { index: number; disabled: boolean }>();

  apply(d: DirectiveFact, index: number): void {
    const state = { index, disabled: d.mode === 'disable' };
    if (d.rules.length === 0) this.every = state;
    for (const rule of d.rules) this.byRule.set(rule, state);
  }

  disables(rule: string): boolean {
    const own = this.byRule.get(rule);
    return own !== undefined && own.index > this.every.index ? own.disabled : this.every.disabled;
  }
}

function isSortedByStart(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) if (findings[i - 1]!.span.start > findings[i]!.span.start) return false;
  return true;
}

/** An edit that silences `rule` for the line the finding starts on, with a comment above it. */
export function silenceEdit(text: string, rule: string, offset: number, eol: string): TextEdit {
  const start = lineStart(text, offset);
  const line = text.slice(start, lineEnd(text, start));
  let indent = /^[ \t]*/.exec(line)![0];
  // A comment line above a paragraph or heading is an HTML block of its own: it changes nothing
  // around it (a blank-line-free HTML comment ends at `-->`). Above a list item that follows
  // another, a comment at the item's indentation would end the list (rendered as two lists): it goes
  // inside the item before, at that item's content column.
  const previous = LIST_ITEM.test(line) ? previousContentLine(text, start) : undefined;
  if (previous !== undefined) indent = contentIndent(previous);
  return { span: { start, end: start }, newText: `${indent}<!-- interview-notes-disable-next-line ${rule} -->${eol}` };
}

const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** The last non-blank line before the line starting at `lineStartOffset`, if any. */
function previousContentLine(text: string, lineStartOffset: number): string | undefined {
  let end = lineStartOffset;
  while (end > 0) {
    const from = lineStart(text, end - 1);
    const line = text.slice(from, lineEnd(text, from));
    if (line.trim() !== '') return line;
    end = from;
  }
  return undefined;
}

/** Where a line's content starts: after a list marker and its spaces, else after its indentation. */
function contentIndent(line: string): string {
  const m = /^([ \t]*)((?:[-*+]|\d{1,9}[.)])[ \t]+)?/.exec(line)!;
  return m[1]! + ' '.repeat(m[2]?.length ?? 0);
}
