// Property tests over the hostile classes of issue 17 (generators in test/support/hostile-arbitraries.ts):
// legacy CJK encodings are read exactly and never writable; text mis-encoded in layers is repaired
// through every layer or none; code holding mojibake is never rewritten; inline HTML floods, many list
// items, directive floods and many stories in one category are analysed within the invariants, and
// incrementally as from scratch; the splitting of large sections and of pasted logs changes nothing.
// Deterministic; a soak run: PROPERTY_RUNS=20000 npx mocha test/unit/hostile-properties.test.ts

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeUnsectioned } from '../support/oracle';
import { decodeFile, encodeFile } from '../../src/core/encoding';
import { analyze, applyCertainFixes, eachStory, NotesAnalyzer, repairMisencoded } from '../../src/core/index';
import { analyzeAsOneSection } from '../../src/core/pipeline';
import { CHUNK } from '../../src/core/sections';
import { guessEncoding } from '../../src/cli/files';
import { assertModelInvariants, describeText, notesDoc, params, PROPERTY_RUNS, suiteTimeout } from '../support/arbitraries';
import { withoutIds } from '../support/oracle';
import { codeWithMojibake, directiveFlood, inlineHtmlFlood, layeredMojibake, lazyLog, legacyNotes, manyListItems, manyStoriesOneCategory } from '../support/hostile-arbitraries';

const HEAD = '## A. Category\n### 1 A story\n- **Situation**: s\n- **Task**: t\n\n';
const TAIL = '\n\n### 2 After\n- **Situation**: s\n- **Task**: t\n';
/** Lines of plain text, CHUNK long in all: makes the splitting of large sections reachable. */
const FILLER = Array.from({ length: Math.ceil(CHUNK / 60) }, (_, i) => `filler line ${i} of ordinary words to pad a section`).join('\n');

describe('properties over hostile inputs (issue 17)', function () {
  this.timeout(suiteTimeout(30 * 60_000));
  let cases = 0;
  after(() => console.log(`      hostile properties: ${cases} cases (PROPERTY_RUNS=${PROPERTY_RUNS})`));

  it('legacy CJK notes: the detector names the encoding, the text is exact, the file is never writable', () => {
    fc.assert(
      fc.property(legacyNotes, ({ encoding, text, bytes }) => {
        cases++;
        const file = decodeFile(bytes, { guessEncoding });
        if (file.encoding === encoding || file.text === text) {
          // EUC-JP and Shift_JIS, GB18030 and Big5 share byte ranges: a short text may be told as another.
          assert.equal(file.text, text, `${encoding} read as ${file.encoding}`);
        }
        assert.ok(file.notWritable, `${encoding} read as ${file.encoding} is writable: ${describeText(file.text)}`);
        if (file.encoding !== 'windows-1252') assert.throws(() => encodeFile(file.text, file), /only read/);
      }),
      params('legacy-encodings', Math.max(20, Math.round(PROPERTY_RUNS / 4))),
    );
  });

  it('inline HTML floods: no exception, every span inside the text, the stories around them read', () => {
    fc.assert(
      fc.property(inlineHtmlFlood, fc.constantFrom('', 'x ', '- '), (flood, lead) => {
        cases++;
        const text = HEAD + lead + flood + TAIL;
        const model = analyze(text);
        assertModelInvariants(text, model);
        assert.equal(model.isNotes, true);
      }),
      params('inline-html-floods', Math.max(10, Math.round(PROPERTY_RUNS / 10))),
    );
  });

  it('many list items and pasted logs: no exception, every span inside the text', () => {
    fc.assert(
      fc.property(manyListItems, (items) => {
        cases++;
        const text = HEAD + items + TAIL;
        assertModelInvariants(text, analyze(text));
      }),
      params('many-list-items', Math.max(5, Math.round(PROPERTY_RUNS / 40))),
    );
  });

  it('text mis-encoded in layers: repaired to the original through every layer, or left as it is', () => {
    let repaired = 0;
    fc.assert(
      fc.property(layeredMojibake, fc.constantFrom(['The ', ' here.'], ['', ''], ['x', 'y'], ['- **Result**: ', '\n']), ({ word, text, layers }, [before, after]) => {
        cases++;
        const original = before + word + after;
        const out = repairMisencoded(before + text + after);
        assert.ok(out === original || out === before + text + after, `${layers} of ${JSON.stringify(word)}: ${JSON.stringify(out)}`);
        if (out === original) repaired++;
      }),
      params('layered-mojibake', PROPERTY_RUNS),
    );
    assert.ok(repaired > PROPERTY_RUNS / 2, `only ${repaired} of ${PROPERTY_RUNS} repaired`);
  });

  it('code holding mojibake is never reported nor rewritten; the text around it is repaired', () => {
    fc.assert(
      fc.property(codeWithMojibake, ({ text, code }) => {
        cases++;
        const model = analyze(text);
        assertModelInvariants(text, model);
        const spans = code.flatMap((c) => [...text.matchAll(new RegExp(c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => [m.index, m.index + c.length] as const));
        for (const f of model.findings.filter((f) => f.rule === 'mis-encoded')) {
          assert.ok(!spans.some(([a, b]) => f.span.start < b && a < f.span.end), `a finding in code: ${text.slice(f.span.start, f.span.end)}`);
        }
        const fixed = applyCertainFixes(text, model).text;
        for (const c of code) assert.ok(fixed.includes(c), `code changed: ${c}`);
      }),
      params('code-with-mojibake', Math.max(20, Math.round(PROPERTY_RUNS / 4))),
    );
  });

  it('directive floods: silenced as they say, and a keystroke among them analysed as from scratch', () => {
    fc.assert(
      fc.property(directiveFlood, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (text, where) => {
        cases++;
        const analyzer = new NotesAnalyzer();
        const model = analyzer.update(text);
        assertModelInvariants(text, model);
        const placeholders = model.findings.filter((f) => f.rule === 'placeholder').length;
        const stories = [...eachStory(model.categories)].length;
        if (/disable(?:-next-line)? (?:placeholder)? -->/.test(text) && !/disable-line/.test(text) && !text.includes('no-such') && /enable/.test(text) === /disable /.test(text)) {
          assert.ok(placeholders <= stories / 7 + 1, `${placeholders} placeholders reported of ${stories}`);
        }
        if (text.includes('no-such-rule')) assert.equal(placeholders, stories, 'an unknown rule silences nothing');
        const actions = [...text.matchAll(/- \*\*Action\*\*:/g)];
        const at = actions[Math.floor(where * actions.length)]!.index! + 14;
        const edited = text.slice(0, at) + ' x' + text.slice(at);
        const incremental = analyzer.update(edited, [{ rangeOffset: at, rangeLength: 0, text: ' x' }]);
        assert.deepStrictEqual(withoutIds(incremental), withoutIds(analyze(edited)));
      }),
      params('directive-floods', Math.max(5, Math.round(PROPERTY_RUNS / 100))),
    );
  });

  it('many stories in one category: every story read, and adding a label analysed as from scratch', () => {
    fc.assert(
      fc.property(manyStoriesOneCategory, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), ({ text, stories }, where) => {
        cases++;
        const analyzer = new NotesAnalyzer();
        const model = analyzer.update(text);
        assert.equal([...eachStory(model.categories)].length, stories);
        const tasks = [...text.matchAll(/- \*\*Task\*\*: t\n/g)];
        const at = tasks[Math.floor(where * tasks.length)]!.index! + tasks[0]![0].length;
        const label = '- **Learning**: l\n';
        const edited = text.slice(0, at) + label + text.slice(at);
        const incremental = analyzer.update(edited, [{ rangeOffset: at, rangeLength: 0, text: label }]);
        assert.deepStrictEqual(withoutIds(incremental), withoutIds(analyze(edited)));
      }),
      params('many-stories-one-category', Math.max(5, Math.round(PROPERTY_RUNS / 100))),
    );
  });

  it('a log pasted under a bullet or a quote: split past its bound, read as the whole document reads it', () => {
    fc.assert(
      fc.property(lazyLog, (log) => {
        cases++;
        const text = HEAD + log + TAIL;
        const model = analyze(text);
        assertModelInvariants(text, model);
        assert.deepStrictEqual(model, analyzeAsOneSection(text), `sectioned ≠ whole for ${describeText(text)}`);
      }),
      params('lazy-logs', Math.max(5, Math.round(PROPERTY_RUNS / 40))),
    );
  });

  it('large sections split between blocks: analyze = the text parsed as one section', () => {
    const glue = fc.constantFrom('\n\n', '\n', '\n  ', '\n\n- ', '\n- ', '\n1. ', '\n> ');
    fc.assert(
      fc.property(fc.array(fc.tuple(notesDoc, glue, glue), { minLength: 1, maxLength: 4 }), (pieces) => {
        cases++;
        const text = pieces.map(([doc, a, b]) => a + FILLER + b + doc.text).join('');
        assert.deepStrictEqual(analyze(text), analyzeUnsectioned(text), `sectioned ≠ unsectioned for ${describeText(text)}`);
      }),
      params('large-sections', Math.max(10, Math.round(PROPERTY_RUNS / 10))),
    );
  });
});
