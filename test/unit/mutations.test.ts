// Mutation tests over the user's seed notes and every corpus file: random lines deleted, duplicated or
// swapped, the file cut at a random point, random bytes inserted (which may make it invalid UTF-8 and
// so Windows-1252); and the hostile classes of issue 17 spliced in: code holding mojibake, inline
// HTML floods, silencing comments, a story repeated into hundreds in its category, the whole file
// saved in a legacy CJK encoding. Every mutant keeps the properties of properties.test.ts: no
// exception, every span inside the text, stories in order, the same result twice, and the incremental
// analyser (moved from the original to the mutant and back) equal to analysis from scratch; a certain
// missing-section fix leaves every other story as it was; the certain fixes never change code (what
// a parse of the whole file reads as code); a file in a legacy encoding is never writable.
//
// Deterministic: a fixed seed per file. MUTATION_RUNS sets the mutants per file (a soak run:
// MUTATION_RUNS=2000); PROPERTY_SEED explores other mutants.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { analyze, applyEdits, certainFix, decodeFile, NotesAnalyzer, type NotesModel, type Story } from '../../src/core/index';
import type { Nodes } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { guessEncoding } from '../../src/cli/files';
import { applyCertainFixes } from '../../src/core/index';
import type { LegacyEncoding } from '../../src/core/encoding';
import { assertModelInvariants, describeText, envInt, params, suiteTimeout } from '../support/arbitraries';
import { directiveLine, encodeLegacyLossy, inlineHtmlFloodOf, LEGACY_WORDS, mojibakeCode } from '../support/hostile-arbitraries';
import { assertUniqueIds, withoutIds } from '../support/oracle';
import { corpusFiles, requireShared, SEED_PATH, sharedAvailable } from '../support/shared';

const RUNS_PER_FILE = envInt('MUTATION_RUNS', 75);

type Mutation =
  | { kind: 'delete'; line: number }
  | { kind: 'duplicate'; line: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'splice'; line: number; piece: string }
  | { kind: 'repeat'; line: number; times: number };

/** Positions are fractions of the file, so one mutation fits files of any size. */
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
/** Bytes worth inserting: line breaks, Markdown punctuation, UTF-8 lead and continuation bytes, NUL. */
const interestingByte = fc.oneof(
  fc.constantFrom(0x0a, 0x0d, 0x23, 0x2a, 0x2d, 0x3e, 0x60, 0x7e, 0x3c, 0x5b, 0x5d, 0x3a, 0x20, 0x09, 0x00, 0xef, 0xbb, 0xbf, 0xe2, 0x9c, 0x85, 0xc3, 0xa9, 0xf0, 0x9f, 0x80, 0xff),
  fc.integer({ min: 0, max: 255 }),
);
/** Lines of the hostile classes of issue 17, kept small: a mutant is analysed several times over. */
const hostilePiece: fc.Arbitrary<string> = fc.oneof(
  mojibakeCode().map(({ block }) => block),
  inlineHtmlFloodOf(400),
  fc.array(directiveLine, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n')),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((line) => ({ kind: 'delete' as const, line })),
  fraction.map((line) => ({ kind: 'duplicate' as const, line })),
  fc.tuple(fraction, fraction).map(([a, b]) => ({ kind: 'swap' as const, a, b })),
  { arbitrary: fraction.map((at) => ({ kind: 'cut' as const, at })), weight: 1 },
  { arbitrary: fc.tuple(fraction, fc.array(interestingByte, { minLength: 1, maxLength: 12 })).map(([at, bytes]) => ({ kind: 'insert' as const, at, bytes })), weight: 2 },
  { arbitrary: fc.tuple(fraction, hostilePiece).map(([line, piece]) => ({ kind: 'splice' as const, line, piece })), weight: 2 },
  fc.tuple(fraction, fc.integer({ min: 2, max: 60 })).map(([line, times]) => ({ kind: 'repeat' as const, line, times })),
);

/** Sometimes, the mutant saved in a legacy CJK encoding (with a phrase of that language spliced in). */
const legacy = fc.option(
  fc.constantFrom<LegacyEncoding>('euc-kr', 'shift_jis', 'euc-jp', 'gb18030', 'big5').chain((encoding) =>
    fc.tuple(fc.constant(encoding), fraction, fc.array(fc.constantFrom(...LEGACY_WORDS[encoding]), { minLength: 2, maxLength: 6 })),
  ),
  { freq: 8 },
);

/** Bytes a story repeated may make a mutant (the 2 MB limit is tested by the pathological inputs, not here). */
const MAX_MUTANT = 60_000;
const ATX_LINE = /^ {0,3}#{1,6}(?:[ \t\r\n]|$)/;

/** The file's lines as byte slices, each with its line break (\r\n, \n or a bare \r). */
function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a || b === 0x0d) {
      if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const at = (f: number, n: number) => Math.min(n - 1, Math.floor(f * n));
  switch (m.kind) {
    case 'cut':
      return bytes.subarray(0, Math.floor(m.at * (bytes.length + 1)));
    case 'insert': {
      const i = Math.floor(m.at * (bytes.length + 1));
      return Buffer.concat([bytes.subarray(0, i), Buffer.from(m.bytes), bytes.subarray(i)]);
    }
    default: {
      const lines = splitLines(bytes);
      if (lines.length === 0) return bytes;
      if (m.kind === 'splice') {
        // At a line start, on lines of its own: the piece stands as a block, as a user would paste it.
        lines.splice(at(m.line, lines.length + 1), 0, Buffer.from(`\n${m.piece}\n\n`));
      } else if (m.kind === 'repeat') {
        // The heading at or before the line, to the next heading: that story again and again.
        const isHeading = (l: Buffer) => ATX_LINE.test(l.subarray(0, 12).toString('latin1'));
        let from = at(m.line, lines.length);
        while (from > 0 && !isHeading(lines[from]!)) from--;
        let to = from + 1;
        while (to < lines.length && !isHeading(lines[to]!)) to++;
        const story = Buffer.concat([...lines.slice(from, to), ...(lines[to - 1]!.at(-1) === 0x0a ? [] : [Buffer.from('\n')])]);
        // Repeats compound (39 × 27 × 58 copies ran out of memory): the mutant stays under MAX_MUTANT bytes.
        const copies = Math.min(m.times - 1, Math.floor(Math.max(0, MAX_MUTANT - bytes.length) / story.length));
        lines.splice(to, 0, ...Array.from({ length: copies }, () => story));
      } else if (m.kind === 'delete') lines.splice(at(m.line, lines.length), 1);
      else if (m.kind === 'duplicate') {
        const i = at(m.line, lines.length);
        lines.splice(i, 0, lines[i]!);
      } else {
        const i = at(m.a, lines.length);
        const j = at(m.b, lines.length);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return Buffer.concat(lines);
    }
  }
}

/** Every story but the one whose heading starts at `skip`: depth, kind, title and labelled parts. */
function outline(model: NotesModel, skip: number): string[] {
  const out: string[] = [];
  const visit = (s: Story, depth: number) => {
    if (s.heading.start !== skip) out.push(`${depth} ${s.kind} ${s.title} ${s.sections.map((x) => x.part).join(',')}`);
    s.stories.forEach((sub) => visit(sub, depth + 1));
  };
  for (const c of model.categories) {
    out.push(`category ${c.title ?? ''} ${c.stories.length}`);
    c.stories.forEach((s) => visit(s, 1));
  }
  return out;
}

/**
 * The first certain missing-section fix, applied, labels its story and leaves every other story of
 * the file as it was (a fix that regrouped other stories once passed as certain).
 */
function assertFixKeepsOtherStories(text: string, model: NotesModel): void {
  for (const f of model.findings) {
    if (f.rule !== 'missing-section') continue;
    const fix = certainFix(text, f);
    if (!fix) continue;
    const after = analyze(applyEdits(text, fix).text);
    assert.deepEqual(outline(after, f.span.start), outline(model, f.span.start), `the fix of “${f.message}” changed other stories in ${describeText(text)}`);
    return;
  }
}

// With front matter, as the reader has it: a fence spliced into the front matter is YAML there, not code.
const wholeParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** The source of every code block and inline code of a whole-document parse, in order. */
function codeOf(text: string): string[] {
  const out: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'code' || node.type === 'inlineCode') out.push(text.slice(node.position!.start.offset!, node.position!.end.offset!));
    else if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(wholeParser.parse(text));
  return out;
}

/** The certain fixes leave every piece of code as it is, in order (`assert fix("cafÃ©")` is a test, not mojibake). */
function assertFixesKeepCode(text: string, model: NotesModel): void {
  // Only a repair of mis-encoded text rewrites text in place; without one, no fix can reach code.
  if (!model.findings.some((f) => f.rule === 'mis-encoded')) return;
  const fixed = applyCertainFixes(text, model).text;
  if (fixed === text) return;
  let from = 0;
  for (const code of codeOf(text)) {
    const at = fixed.indexOf(code, from);
    assert.ok(at >= 0, `a fix changed the code ${describeText(code, 120)} in ${describeText(text)}`);
    from = at + code.length;
  }
}

/** The text of a mutant, saved in a legacy encoding when asked: then the file must be only read. */
function readMutant(bytes: Buffer, saved: [LegacyEncoding, number, string[]] | null): string {
  if (saved === null) return decodeFile(bytes).text;
  const [encoding, where, words] = saved;
  const utf8 = decodeFile(bytes).text;
  const at = utf8.lastIndexOf('\n', Math.floor(where * utf8.length)) + 1;
  const legacy = encodeLegacyLossy(`${utf8.slice(0, at)}- ${words.join(encoding === 'euc-kr' ? ' ' : '')}\n${utf8.slice(at)}`, encoding);
  const file = decodeFile(legacy.bytes, { guessEncoding });
  assert.ok(file.notWritable, `a mutant saved in ${encoding} is read as ${file.encoding} and would be written: ${describeText(file.text)}`);
  if (file.encoding === encoding) assert.equal(file.text, legacy.text, `${encoding} read back differs`);
  return file.text;
}

function documents(): { name: string; bytes: Buffer }[] {
  if (!sharedAvailable()) return [];
  return [{ name: 'seed-notes.md', bytes: readFileSync(SEED_PATH) }, ...corpusFiles()];
}

describe('mutations of the seed and the corpus keep every property', function () {
  // The largest corpus file (43 KB) takes about a minute for its 75 mutants on the loaded machine.
  this.timeout(suiteTimeout(600_000));
  let total = 0;
  let started = 0;
  const docs = documents();
  before(function () {
    requireShared(this);
    started = Date.now();
  });
  after(() => {
    if (total) console.log(`      mutations: ${total} cases over ${docs.length} files (${RUNS_PER_FILE} per file) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  for (const { name, bytes } of docs) {
    it(`${name}: ${RUNS_PER_FILE} mutants`, () => {
      const original = decodeFile(bytes).text;
      const originalModel: NotesModel = analyze(original);
      // One analyser kept on the original between cases: each case moves it to the mutant and back.
      const analyzer = new NotesAnalyzer();
      analyzer.update(original);
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), legacy, (mutations, saved) => {
          total++;
          let mutant = bytes;
          for (const m of mutations) mutant = mutate(mutant, m);
          const text = readMutant(mutant, saved);
          const model = analyze(text);
          assertModelInvariants(text, model);
          assert.deepStrictEqual(analyze(text), model, `analysing twice differs: ${describeText(text)}`);
          assertFixKeepsOtherStories(text, model);
          assertFixesKeepCode(text, model);
          try {
            const incremental = analyzer.update(text);
            assert.deepStrictEqual(withoutIds(incremental), withoutIds(model), 'incremental (original → mutant) ≠ from scratch');
            assertUniqueIds(incremental, 'incremental (original → mutant)');
          } finally {
            // Back to the original whatever happened, so that the next case starts from it.
            const back = analyzer.update(original);
            if (back !== originalModel) assert.deepStrictEqual(withoutIds(back), withoutIds(originalModel), 'incremental (mutant → original) ≠ from scratch');
          }
        }),
        params(`mutations ${name}`, RUNS_PER_FILE),
      );
    });
  }
});
