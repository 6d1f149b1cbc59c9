// Silencing comments: the sweep in directives.ts against the plain reading of what each comment
// means (a direct, pair-by-pair reference kept here), and a flood of comments that once cost seconds
// per keystroke.

import assert from 'node:assert/strict';
import { applyDirectives } from '../../src/core/directives';
import type { DirectiveFact } from '../../src/core/facts';
import { analyze, type Finding } from '../../src/core/index';
import { lineEndAt, lineStartAt, nextLineStart } from '../../src/core/text';
import { mulberry32 } from '../support/generate-notes.mjs';

/** Every comment looked at for every finding: obviously what the README says, and slow. */
function naiveApply(text: string, directives: readonly DirectiveFact[], findings: readonly Finding[]): Finding[] {
  const covers = (d: DirectiveFact, rule: string) => d.rules.length === 0 || d.rules.includes(rule);
  return findings.filter((f) => {
    let disabled = false;
    for (const d of directives) {
      if (!covers(d, f.rule)) continue;
      if (d.mode === 'disable-file') return false;
      if (d.mode === 'disable' && d.start <= f.span.start) disabled = true;
      if (d.mode === 'enable' && d.start <= f.span.start) disabled = false;
      if (d.mode === 'disable-line' && lineStartAt(text, d.start) <= f.span.start && f.span.start <= lineEndAt(text, d.end)) return false;
      if (d.mode === 'disable-next-line') {
        const next = nextLineStart(text, d.end);
        if (next !== undefined && next <= f.span.start && f.span.start <= lineEndAt(text, next)) return false;
      }
    }
    return !disabled;
  });
}

const RULES = ['placeholder', 'empty-section', 'missing-section'];
const MODES: DirectiveFact['mode'][] = ['disable', 'enable', 'disable-next-line', 'disable-line', 'disable-file'];

/** A text of short lines, directives and findings at random places in it (both sorted by start). */
function randomCase(random: () => number) {
  const lines = Array.from({ length: 2 + Math.floor(random() * 12) }, () => 'x'.repeat(Math.floor(random() * 6)));
  const text = lines.join(random() < 0.5 ? '\n' : '\r\n');
  const at = () => Math.floor(random() * (text.length + 1));
  const pickRules = () => RULES.filter(() => random() < 0.3);
  const directives: DirectiveFact[] = Array.from({ length: Math.floor(random() * 6) }, () => {
    const start = at();
    const mode = MODES[Math.floor(random() * (random() < 0.1 ? 5 : 4))]!;
    return { kind: 'directive' as const, start, end: Math.min(text.length, start + Math.floor(random() * 3)), mode, rules: pickRules() };
  }).sort((a, b) => a.start - b.start);
  const findings: Finding[] = Array.from({ length: Math.floor(random() * 10) }, () => {
    const start = at();
    return { rule: RULES[Math.floor(random() * RULES.length)]!, severity: 'warning' as const, message: 'm', span: { start, end: start }, fix: undefined };
  }).sort((a, b) => a.span.start - b.span.start);
  return { text, directives, findings };
}

describe('silencing comments', () => {
  it('the sweep keeps exactly the findings the pair-by-pair reading keeps (2,000 random small cases)', () => {
    const random = mulberry32(2024);
    for (let i = 0; i < 2000; i++) {
      const { text, directives, findings } = randomCase(random);
      assert.deepEqual(applyDirectives(text, directives, findings), naiveApply(text, directives, findings), `case ${i}: ${JSON.stringify({ text, directives, findings })}`);
    }
  });

  it('a flood of 2,500 disable/enable pairs around placeholders is read in one sweep', () => {
    const pair = (i: number) => `<!-- interview-notes-disable placeholder -->\n- Result: ❓ ${i}\n<!-- interview-notes-enable placeholder -->\n- Action: TODO ${i}\n\n`;
    const body = Array.from({ length: 2500 }, (_, i) => pair(i)).join('');
    const text = `## A. Flood\n### 1 many comments\n- **Situation**: s\n- **Task**: t\n${body}`;
    const started = performance.now();
    const model = analyze(text);
    console.log(`      (${(text.length / 1024).toFixed(0)} KB with 5,000 comments analysed in ${(performance.now() - started).toFixed(0)} ms)`);
    const placeholders = model.findings.filter((f) => f.rule === 'placeholder');
    // Every ❓ sits between a disable and its enable; every TODO after an enable.
    assert.equal(placeholders.length, 2500);
    assert.ok(placeholders.every((f) => text.slice(f.span.start, f.span.end) === 'TODO'));
  });
});
