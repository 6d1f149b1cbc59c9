// Property tests over the hostile classes of issue 17 (generators in test/support/hostile-arbitraries.ts):
// legacy CJK encodings are read exactly and never writable; inline HTML floods and many list items
// are analysed within the invariants; the splitting of large sections changes nothing.
// Deterministic; a soak run: PROPERTY_RUNS=20000 npx mocha test/unit/hostile-properties.test.ts

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeUnsectioned } from '../support/oracle';
import { decodeFile, encodeFile } from '../../src/core/encoding';
import { analyze } from '../../src/core/index';
import { CHUNK } from '../../src/core/sections';
import { guessEncoding } from '../../src/cli/files';
import { assertModelInvariants, describeText, notesDoc, params, PROPERTY_RUNS } from '../support/arbitraries';
import { inlineHtmlFlood, legacyNotes, manyListItems } from '../support/hostile-arbitraries';

const HEAD = '## A. Category\n### 1 A story\n- **Situation**: s\n- **Task**: t\n\n';
const TAIL = '\n\n### 2 After\n- **Situation**: s\n- **Task**: t\n';
/** Lines of plain text, CHUNK long in all: makes the splitting of large sections reachable. */
const FILLER = Array.from({ length: Math.ceil(CHUNK / 60) }, (_, i) => `filler line ${i} of ordinary words to pad a section`).join('\n');

describe('properties over hostile inputs (issue 17)', function () {
  this.timeout(30 * 60_000);
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
