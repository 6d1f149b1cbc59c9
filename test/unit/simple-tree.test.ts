// The hand-built tree of a section in the plainest notes style (src/core/simple-tree.ts) is the tree
// plain remark-parse gives, node for node and position for position: over generated lines of every
// shape it reads and of shapes one character away from them, over the generated notes of the bench,
// over the property suite's documents and over the real notes of the corpus. And it is built for most
// of ordinary notes (otherwise the first analysis gains nothing), never for text it cannot be sure of.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyze, decodeFile } from '../../src/core/index';
import { analyzeAsOneSection } from '../../src/core/pipeline';
import { scanSections } from '../../src/core/sections';
import { simpleTree } from '../../src/core/simple-tree';
import { describeText, notesDoc, params, PROPERTY_RUNS, readmeDoc } from '../support/arbitraries';
import { generateNotes } from '../support/generate-notes.mjs';
import { corpusFiles, requireShared } from '../support/shared';

const remark = unified().use(remarkParse);
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Whether `source` is either not built or built as remark-parse reads it; throws with the difference. */
function assertSameWhenBuilt(source: string): boolean {
  const tree = simpleTree(source);
  if (tree === undefined) return false;
  assert.deepStrictEqual(plain(tree), plain(remark.parse(source)), describeText(source));
  return true;
}

function sectionsOf(text: string): string[] {
  const starts = scanSections(text).starts;
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length));
}

// Inline pieces: the ones read here, and spoilers one character away from them.
const INLINE = [
  'We shipped it', 'café', '数据迁移', '🔸', '❓', '$12k', '40%', 'app-6\'s', '(see notes)', 'a = b', 'x -> y', 'snake_case', 'C#', '#tag', '1.5x', '2024',
  '**Situation**:', '**Situation:**', '**Result.**', '**story-1**', '**Two words**', '[doc](https://x.example/a?b=1)', '[RFC-42](./rfc/42.md)',
  '<https://jira.example.com/OPS-1>', '`kubectl get pods`', '`x`', '*quoted*', '_Result_', '__init__', '*Situation:*', '**Label with: a colon**', '__Two words__',
];
const SPOILERS = [
  '*', '**', '_', '__x__', '`', '``', '```', '[', ']', '[x]', '[x]:', '![img](a.png)', '<br>', '<div>', '&amp;', '&', '\\', '~', '~~~', '|', '>', '#', '=', '-',
  '1.', '1)', '+', '**a**b', 'a_', '_a', '*a*b', '_a_b', 'x*y*', '*a_b*', '***a***', '*(a)*', '🔸_a_', '**a *b***', '*a*', '**(x)**', '[a](b c)', '[a](<b>)', '<a@b.c>', '` x `', '\u00a0', '  ', ' ', '\t', '\u2028',
];
const words = fc.array(fc.constantFrom(...INLINE), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
/** A list: each item one level deeper than the one before at most, its text on one to three lines. */
const list = fc
  .record({
    bullet: fc.constantFrom('-', '-', '*', '+'),
    items: fc.array(fc.tuple(fc.nat(3), words, fc.array(fc.tuple(fc.constantFrom('', '  ', '    ', '        '), words), { maxLength: 2 })), { minLength: 1, maxLength: 6 }),
    step: fc.constantFrom(2, 4, 4, 3),
    code: fc.option(fc.tuple(fc.nat(5), fc.constantFrom('```', '~~~', '````sql'), fc.array(words, { maxLength: 3 })), { freq: 3 }),
  })
  .map(({ bullet, items, step, code }) => {
    const lines: string[] = [];
    const columns = [0];
    items.forEach(([depth, text, more], i) => {
      const level = Math.min(depth, columns.length - 1 + (i > 0 ? 1 : 0));
      columns.length = level + 1;
      const at = level === 0 ? 0 : columns[level - 1]! + step;
      columns[level] = at;
      lines.push(' '.repeat(at) + bullet + ' ' + text, ...more.map(([pad, t]) => pad + t));
      if (code && code[0] === i) {
        const pad = ' '.repeat(at + 2);
        const fence = code[1].replace(/[a-z]+$/, '');
        lines.push(pad + code[1], ...code[2].map((t) => pad + t), pad + fence);
      }
    });
    return lines;
  });
const block: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('#', '##', '###', '######'), words).map(([h, t]) => [h + ' ' + t]) },
  { weight: 2, arbitrary: fc.array(fc.tuple(fc.constantFrom('', '', '  '), words), { minLength: 1, maxLength: 3 }).map((ls) => ls.map(([pad, t], i) => (i === 0 ? t : pad + t))) },
  { weight: 4, arbitrary: list },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '```python'), fc.array(fc.constantFrom('x = 1', '', '  y_z | w & v', '# not a heading'), { maxLength: 3 })).map(([f, body]) => [f, ...body, f.slice(0, 3)]) },
  { weight: 1, arbitrary: fc.constantFrom('---', '***').map((rule) => [rule]) },
);
/** What may be put in somewhere: an inline spoiler, or a line of another shape. */
const SPOILER_LINES = ['', '- ', '-', '  ', '> quote', '1. first', '2) second', '<details>', '<!-- c -->', '[id]: https://x.example', '| a | b |', '===', '---', '- - -', '    indented', '#######', '#tag', '#', '## ', '\ufeff', '```', '~~~', '   - odd', ' - odd', '\t- tab'];
const spoil = fc.oneof(
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...SPOILERS)).map(([at, place, spoiler]) => (lines: string[]) => {
    const i = at % lines.length;
    const cut = place % (lines[i]!.length + 1);
    lines[i] = lines[i]!.slice(0, cut) + spoiler + lines[i]!.slice(cut);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...SPOILER_LINES)).map(([at, odd]) => (lines: string[]) => void lines.splice(at % (lines.length + 1), 0, odd)),
  // Trailing spaces: one is dropped, two before a paragraph's next line are a hard break.
  fc.tuple(fc.nat(), fc.constantFrom(' ', '  ', '   ')).map(([at, spaces]) => (lines: string[]) => {
    lines[at % lines.length] += spaces;
  }),
);
const section = fc
  .tuple(
    // The story bank also reads a part's text alone: it may start with spaces.
    fc.constantFrom('### 1 A story\n', '## ✅ A. Category\n', '', '# Notes\n\n', ' ', '   ', '    '),
    fc.array(fc.tuple(block, fc.constantFrom('', '', '\n')), { minLength: 1, maxLength: 6 }),
    fc.array(spoil, { maxLength: 3 }),
    fc.constantFrom('', '\n', '\n\n', '\r\n'),
  )
  .map(([head, blocks, spoilers, tail]) => {
    // Blocks one after another, a blank line between some (a heading or a list may follow a line directly).
    const lines = blocks.flatMap(([b, gap], i) => (i > 0 && gap ? ['', ...b] : b));
    for (const apply of spoilers) apply(lines);
    return head + lines.join('\n') + tail;
  });

describe('a section in the plain notes style built without the parser', () => {
  it('is the tree remark-parse gives, whenever it is built (generated lines of every shape and spoiler)', () => {
    let built = 0;
    const runs = Math.max(1000, PROPERTY_RUNS * 5);
    fc.assert(
      fc.property(section, (source) => {
        if (assertSameWhenBuilt(source)) built++;
      }),
      params('simple-tree', runs),
    );
    console.log(`      ${built} of ${runs} generated sections built without the parser`);
    // Most hold a spoiler or an odd shape on purpose; if almost none were built, the property tested nothing.
    assert.ok(built > runs / 20, `built only ${built} times`);
  });

  it('is the tree remark-parse gives over the property suite’s notes and README-like documents', () => {
    fc.assert(
      fc.property(fc.oneof(notesDoc, readmeDoc), (doc) => {
        for (const source of sectionsOf(doc.text)) assertSameWhenBuilt(source);
      }),
      params('simple-tree-docs', PROPERTY_RUNS),
    );
  });

  it('is built for nearly all of the bench’s generated notes, and is the parser’s tree there', () => {
    for (const seed of [1, 2, 3]) {
      const text = generateNotes(96 * 1024, seed);
      let chars = 0;
      let builtChars = 0;
      for (const source of sectionsOf(text)) {
        chars += source.length;
        if (assertSameWhenBuilt(source)) builtChars += source.length;
      }
      assert.ok(builtChars / chars > 0.9, `seed ${seed}: built for ${((100 * builtChars) / chars).toFixed(1)} % of the text`);
    }
  });

  it('reads a story as the parser does: headings, labels, nested sub-stories, code, links and marks', () => {
    const text = [
      '## ✅ A. Handling Disagreements',
      'The PM and I disagreed (see [doc](https://x.example/d)).',
      '',
      '### 1 disagreement on system design',
      '- **Situation**: we had two designs, see <https://jira.example.com/OPS-1>',
      '- **Task**: pick one ❓',
      '- **Action**: I wrote a `benchmark` and shared it 🔸',
      '  with the team.',
      '    - **story-1**: the cache',
      '        - measured p99',
      '  ```sql',
      '  SELECT 1;',
      '  ```',
      '- **Result:** latency fell by 40%  ',
      '  (a hard break before this line)',
      '',
      '---',
      '',
    ].join('\n');
    for (const source of sectionsOf(text)) assert.equal(assertSameWhenBuilt(source), true, describeText(source));
    // The whole analysis is the one of the document read as one section by the parser.
    assert.deepStrictEqual(analyze(text), analyzeAsOneSection(text));
    const story = analyze(text).categories[0]!.stories[0]!;
    assert.deepEqual(
      story.sections.map((s) => s.part),
      ['situation', 'task', 'action', 'result'],
    );
    assert.equal(story.placeholders.length, 1);
    assert.equal(story.highlights.length, 1);
  });

  it('is not built where one character makes the reading uncertain', () => {
    const base = '### 1 A story\n- **Situation**: the build broke\n- **Task**: fix it\n- **Action**: I fixed it\n- **Result**: it works\n';
    assert.ok(simpleTree(base));
    for (const spoiler of ['- **Task**: fix *it*s', '- **Task**: fix _it_s', '- **Task**: fix **it*', '- **Task**: a & b', '- **Task**: a\\b', '- **Task**: x_y_', '- **Task**: <br>', '\tindented', '- **Task**: fix it\n\n- **Action**: loose', '> quote', '1. first', '- **Task**\n---', '- **Task**: fix it\n\n    indented code']) {
      const source = base.replace('- **Task**: fix it', spoiler);
      assert.equal(simpleTree(source), undefined, spoiler);
    }
  });
});

describe('the plain-style tree on real notes (../shared/corpus)', () => {
  before(function () {
    requireShared(this);
  });

  it('is the tree remark-parse gives for every section of every file it is built for', () => {
    let built = 0;
    for (const { bytes } of corpusFiles()) {
      for (const source of sectionsOf(decodeFile(bytes).text)) if (assertSameWhenBuilt(source)) built++;
    }
    assert.ok(built > 50, `built for only ${built} sections`);
  });
});
