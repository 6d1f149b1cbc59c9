// Pathological inputs: very deep nesting, long runs of one delimiter, a 10 MB line, 100 000 headings.
// Each must be analysed without throwing, with every span inside the text. The time of each is
// measured and printed, never asserted (timing assertions are flaky by nature); an input that takes
// more than a few seconds needs a bound in the product (a size or depth limit, or chunking).

import assert from 'node:assert/strict';
import { analyze, NotesAnalyzer } from '../../src/core/index';
import { assertModelInvariants } from '../support/arbitraries';

/** A small complete story around the payload, so the structure and every rule run over it too. */
const HEAD = '## ✅ A. Category\n### 1 A story\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: r\n\n';
const TAIL = '\n\n### 2 After the payload\n- **Situation**: s\n- **Task**: ❓\n';

const MB = 1 << 20;

interface Case {
  name: string;
  payload: () => string;
}

const CASES: Case[] = [
  { name: '10 000 nested ">" on one line', payload: () => '>'.repeat(10_000) + ' deep quote' },
  { name: '10 000 nested "> " on one line', payload: () => '> '.repeat(10_000) + '- **Result**: deep' },
  { name: '10 000 nested list markers on one line', payload: () => '- '.repeat(10_000) + 'deep item' },
  // Grows with the cube of the depth in the parser: 250 levels 0.9 s, 500 levels 5.5 s, 1 000 levels 43 s.
  { name: '500-level list staircase (one item per line)', payload: () => Array.from({ length: 500 }, (_, i) => '  '.repeat(i) + '- **Action**: step').join('\n') },
  { name: '50 000 "*" in a row', payload: () => '*'.repeat(50_000) },
  { name: '50 000 "[" in a row', payload: () => '['.repeat(50_000) },
  { name: '50 000 "_" and "`" alternating', payload: () => '_`'.repeat(25_000) },
  { name: '10 MB single line of prose', payload: () => 'the team shipped it on time again, '.repeat(Math.ceil((10 * MB) / 35)).slice(0, 10 * MB) },
  // Inline markup in one long paragraph is quadratic in the parser (micromark): 64 KB take 0.4 s,
  // 512 KB about 10 s, so a 10 MB line of it would take about an hour. 256 KB shows the trend.
  { name: '256 KB single line of prose with **bold**, [brackets] and _emphasis_', payload: () => 'the team **shipped** it [on time] _again_ '.repeat(Math.ceil((256 * 1024) / 42)) },
  { name: '100 000 empty headings "#\\n"', payload: () => '#\n'.repeat(100_000) },
  { name: '1 MB line of ❓ (UTF-8)', payload: () => '❓'.repeat(Math.ceil(MB / 3)) },
];

describe('pathological inputs complete without throwing (times printed, not asserted)', function () {
  this.timeout(15 * 60_000);
  const times: { name: string; ms: number; chars: number; outcome: string }[] = [];

  after(() => {
    if (times.length === 0) return;
    console.log('      pathological inputs, slowest first:');
    for (const t of [...times].sort((a, b) => b.ms - a.ms)) {
      console.log(`        ${(t.ms / 1000).toFixed(2).padStart(7)} s  ${t.name} (${(t.chars / 1e6).toFixed(2)} M chars): ${t.outcome}`);
    }
  });

  for (const { name, payload } of CASES) {
    it(name, () => {
      const text = HEAD + payload() + TAIL;
      const started = performance.now();
      let outcome = 'ok';
      try {
        const model = analyze(text);
        outcome = `ok, ${model.findings.length} findings`;
        assertModelInvariants(text, model);
        assert.equal(model.isNotes, true, 'the stories around the payload are still read');
      } catch (e) {
        outcome = `THREW ${(e as Error).name}: ${(e as Error).message.split('\n')[0]}`;
        throw e;
      } finally {
        const ms = performance.now() - started;
        times.push({ name, ms, chars: text.length, outcome });
        console.log(`      ${name}: ${ms.toFixed(0)} ms`);
      }
    });
  }

  it('a keystroke after the 100 000 headings is analysed incrementally without throwing', () => {
    const text = HEAD + '#\n'.repeat(100_000) + TAIL;
    const analyzer = new NotesAnalyzer();
    analyzer.update(text);
    const at = text.length - TAIL.length;
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const started = performance.now();
    const model = analyzer.update(edited, [{ rangeOffset: at, rangeLength: 0, text: 'x' }]);
    const ms = performance.now() - started;
    times.push({ name: 'one keystroke after 100 000 headings (incremental)', ms, chars: edited.length, outcome: 'ok' });
    console.log(`      one keystroke after 100 000 headings (incremental): ${ms.toFixed(0)} ms`);
    assertModelInvariants(edited, model);
  });
});
