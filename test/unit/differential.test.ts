// Incremental analysis must equal analysis from scratch. After each random edit to real and generated
// notes: the cached analyzer's result == analyze(text) == the whole text parsed as one section (so
// the section splitting itself is proved sound, not just the cache).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, decodeFile, NotesAnalyzer } from '../../src/core/index';
import { analyzeUnsectioned } from '../../src/core/analyzer';
import { corpusFiles, SEED_PATH, sharedAvailable } from '../support/shared';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- a plain ESM module shared with the benchmark
import { generateNotes, mulberry32 } from '../../bench/generate-notes.mjs';

/** Pieces that change structure: heading markers, fences, HTML blocks, labels, line breaks, marks. */
const PIECES = [
  '\n', '\n\n', '#', '## ', '### ', '\n### 9 new story\n', '```\n', '\n```', '~~~', '<details>\n', '\n</details>\n',
  '<!--', '-->', '<pre>', '</pre>', '---\n', '- **Result**: ', '- **Situation**:', '**S**: ', '(S) ', '❓', 'TODO',
  '[Write here]', '🔸', '‚úÖ', '\r\n', '\r', '    ', '> ', '- ', '1. ', 'x', 'é', '\uFEFF', '<!-- interview-notes-disable -->\n',
  '[Write here]: https://example.com\n',
];

function randomEdit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const kind = random();
  if (kind < 0.45) return text.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + text.slice(at);
  if (kind < 0.8) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 40)));
  // Move a line elsewhere.
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd + 1);
  const rest = text.slice(0, lineStart) + text.slice(lineStart + line.length);
  const to = Math.floor(random() * (rest.length + 1));
  return rest.slice(0, to) + line + rest.slice(to);
}

function documents(): { name: string; text: string }[] {
  const docs: { name: string; text: string }[] = [
    { name: 'generated 16 KB', text: generateNotes(16 * 1024, 7) },
    { name: 'example notes', text: readFileSync(join(__dirname, '..', '..', 'examples', 'notes.md'), 'utf8') },
  ];
  if (sharedAvailable()) {
    docs.push({ name: 'seed notes', text: readFileSync(SEED_PATH, 'utf8') });
    for (const f of corpusFiles()) docs.push({ name: f.name, text: decodeFile(f.bytes).text });
  }
  return docs;
}

const EDITS_PER_DOCUMENT = Number(process.env.DIFFERENTIAL_EDITS ?? 60);

describe('incremental analysis equals analysis from scratch', () => {
  let total = 0;
  after(() => console.log(`      (${total} random edits checked)`));

  for (const { name, text } of documents()) {
    it(`${name}: ${EDITS_PER_DOCUMENT} random edits`, () => {
      const random = mulberry32(name.length * 7919 + text.length);
      const analyzer = new NotesAnalyzer();
      let current = text;
      analyzer.update(current);
      for (let i = 0; i < EDITS_PER_DOCUMENT; i++) {
        const before = current;
        current = randomEdit(current, random);
        const incremental = analyzer.update(current);
        const full = analyze(current);
        assert.deepEqual(incremental, full, `edit ${i} of ${name} (from ${before.length} to ${current.length} chars)`);
        total++;
        // The one-section reference is slow on large files: check it on every fifth edit.
        if (i % 5 === 0) assert.deepEqual(full, analyzeUnsectioned(current), `sectioning, edit ${i} of ${name}`);
      }
    });
  }

  it('passes VS Code-style change events as well as plain texts', () => {
    const analyzer = new NotesAnalyzer();
    let text = generateNotes(8 * 1024, 3);
    analyzer.update(text);
    const random = mulberry32(11);
    for (let i = 0; i < 50; i++) {
      const at = Math.floor(random() * text.length);
      const length = Math.floor(random() * 5);
      const insert = PIECES[Math.floor(random() * PIECES.length)]!;
      text = text.slice(0, at) + insert + text.slice(at + length);
      assert.deepEqual(analyzer.update(text, [{ rangeOffset: at, rangeLength: length, text: insert }]), analyze(text));
    }
  });
});
