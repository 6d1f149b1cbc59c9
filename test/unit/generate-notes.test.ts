// The benchmark's notes generator: deterministic, close to the requested size, and covering the
// features the analyzer has to handle.
import assert from 'node:assert/strict';
import { misread } from '../../src/core/encoding';
import { generateNotes, generateNotesDetailed, mulberry32, MOJIBAKE } from '../support/generate-notes.mjs';

const KB = 1024;
const MB = 1024 * KB;

/** Lines outside fenced code blocks (``` or ~~~, possibly indented), and the lines inside them. */
function splitByFences(text: string): { outside: string[]; inside: string[] } {
  const outside: string[] = [];
  const inside: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line.replace(/^ {2,4}(?=[`~]{3})/, ''));
    if (fence === null && m) {
      fence = m[1]![0]!;
      inside.push(line);
    } else if (fence !== null) {
      inside.push(line);
      if (m && m[1]![0] === fence) fence = null;
    } else outside.push(line);
  }
  return { outside, inside };
}

describe('test/support/generate-notes (shared with the benchmark)', () => {
  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      assert.equal(x, b());
      assert.ok(x >= 0 && x < 1);
    }
    assert.notEqual(mulberry32(1)(), mulberry32(2)());
  });

  it('gives the same text for the same seed, and another for another seed', () => {
    for (const size of [4 * KB, 64 * KB]) {
      assert.equal(generateNotes(size, 42), generateNotes(size, 42));
      assert.notEqual(generateNotes(size, 42), generateNotes(size, 43));
    }
  });

  it('does not use Math.random', () => {
    const original = Math.random;
    Math.random = () => {
      throw new Error('Math.random called');
    };
    try {
      generateNotes(64 * KB, 5);
    } finally {
      Math.random = original;
    }
  });

  for (const size of [4 * KB, 64 * KB, 1 * MB, 8 * MB]) {
    it(`is within ±5% of ${size} bytes (UTF-8)`, () => {
      for (const seed of size >= MB ? [1] : [1, 2, 3, 99]) {
        const { text, stats } = generateNotesDetailed(size, seed);
        const bytes = Buffer.byteLength(text, 'utf8');
        assert.equal(stats.bytes, bytes);
        assert.ok(Math.abs(bytes - size) <= 0.05 * size, `seed ${seed}: ${bytes} bytes for a target of ${size}`);
        assert.ok(text.endsWith('\n'));
      }
    });
  }

  it('contains the features the analyzer must handle (64 KB)', () => {
    const { text, stats } = generateNotesDetailed(64 * KB, 1);
    const { outside, inside } = splitByFences(text);
    const out = outside.join('\n');
    const has = (re: RegExp, what: string) => assert.match(out, re, what);

    has(/^## ✅ [A-Z]+\. /m, 'category marked done');
    has(/^## [A-Z]+\. /m, 'category with a label and no ✅');
    has(/^## [^✅‚A-Z\n]|^## [A-Z][a-z]/m, 'category with neither mark nor label');
    has(new RegExp(`^## ${MOJIBAKE.done} `, 'm'), 'mis-encoded ✅');
    has(/^### \d+\. /m, 'story `### 4. title`');
    has(/^### \d+ [a-z]/m, 'story `### 1 title`');
    has(/^- \*\*Situation\*\*: \S/m, 'Situation');
    has(/^- \*\*Task\*\*:$/m, 'empty `- **Task**:`');
    has(/^- \*\*Action\*\*: .*\n {2}\S/m, 'multi-line Action with a continuation line');
    has(/^- \*\*story-1\*\*/m, 'sub-story');
    has(/^ {4}- .*🔸/m, 'nested bullet with 🔸');
    has(/^- \*\*Decision taken for .*\*\* \? ❓$/m, 'open decision with ❓');
    has(/TODO/, 'TODO line');
    has(new RegExp(MOJIBAKE.question), 'mis-encoded ❓');
    has(new RegExp(MOJIBAKE.diamond), 'mis-encoded 🔸');
    has(/[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/, 'CJK text');
    has(/[éïë]/, 'accented letters');
    has(/\[[^\]]+\]\(https?:\/\/[^)]+\)/, 'inline link');
    has(/<https?:\/\/[^>]+>/, 'autolink');
    has(/^---$/m, 'thematic break between categories');
    // Each is the emoji's UTF-8 bytes read as Mac Roman (🔸's first byte 0xF0 reads as U+F8FF).
    assert.equal(MOJIBAKE.done, misread('✅', 'macintosh'));
    assert.equal(MOJIBAKE.question, misread('❓', 'macintosh'));
    assert.equal(MOJIBAKE.diamond, misread('🔸', 'macintosh'));

    // Code blocks, some holding lines that look like notes but must not count.
    const code = inside.join('\n');
    assert.match(code, /^\s*### /m, 'a `### heading` inside a code block');
    assert.match(code, /^\s*- \*\*Situation\*\*:/m, 'a `- **Situation**:` inside a code block');
    assert.ok(stats.codeBlocks > 0 && stats.fakeNotesCodeBlocks > 0);

    // Stories: complete ones (S, T, A, R all present), ones missing a Result, empty ones.
    const stories = out.split(/^(?=### )/m).filter((s) => s.startsWith('### '));
    assert.equal(stories.length, stats.stories, 'story count in stats = `###` headings outside code');
    assert.equal(outside.filter((l) => l.startsWith('## ')).length, stats.categories, 'category count in stats');
    const isComplete = (s: string) => ['Situation', 'Task', 'Action', 'Result'].every((p) => new RegExp(`^- \\*\\*${p}\\*\\*: \\S`, 'm').test(s));
    const noResult = (s: string) => /\*\*Situation\*\*|\*\*Task\*\*|\*\*Action\*\*/.test(s) && !/Result/.test(s);
    const isEmpty = (s: string) => s.trim().split('\n').length === 1;
    assert.ok(stories.filter(isComplete).length >= 10, 'complete stories');
    assert.ok(stories.filter(noResult).length >= 5, 'stories without a Result');
    assert.ok(stories.filter(isEmpty).length >= 2, 'stories with a heading only');
    for (const k of ['completeStories', 'incompleteStories', 'emptyStories', 'substories', 'emptyParts', 'questionMarks', 'diamonds', 'mojibake', 'todos', 'links'] as const) {
      assert.ok(stats[k] > 0, `stats.${k} > 0`);
    }
  });

  it('grows by appending categories: the bigger text has many more categories', () => {
    const small = generateNotesDetailed(64 * KB, 1).stats;
    const big = generateNotesDetailed(1 * MB, 1).stats;
    assert.ok(big.categories > 10 * small.categories);
    const perCategory = big.stories / big.categories;
    assert.ok(perCategory >= 5 && perCategory <= 10, `${perCategory} stories per category`);
  });
});
