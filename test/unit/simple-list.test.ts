// The hand-built tree of a plain bullet list (src/core/simple-list.ts) is the tree remark-parse gives,
// node for node and position for position, over generated lists of items that are plain and items
// that are almost plain (one character that starts a construct, a blank line, a tab, a trailing
// space). Deterministic; PROPERTY_RUNS scales it.

import { COACH_RULES } from '../../src/core/bank/rules/index';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyze } from '../../src/core/index';
import { analyzeAsOneSection } from '../../src/core/pipeline';
import { simpleListTree } from '../../src/core/simple-list';
import { describeText, params, PROPERTY_RUNS } from '../support/arbitraries';

const parse = (source: string) => JSON.parse(JSON.stringify(unified().use(remarkParse).parse(source))) as unknown;

const WORDS = ['item', 'Situation', 'Result', 'TODO', 'café', 'Ünïcode', 'déjà vu', 'x', '12', 'a-b', 'e.g.', 'ok:', '#tag', 'http://x.y/z', '(note)', 'a  b', '“quoted”', '❓', '🔸', 'ß'];
/** What may make an item not plain, or change how it reads. */
const SPOILERS = ['*', '_', '`', '[', ']', '!', '<', '>', '&', '\\', '~', '|', '\t', ' ', '  ', '\u00a0', '\u0000', '\u2028', '1.', '#', '-', '=', '\ud800'];
const EOLS = ['\n', '\r\n', '\r'];

const plainItem = fc.tuple(fc.constantFrom('item', 'Situation', 'café', 'Result', 'déjà', 'x'), fc.array(fc.constantFrom(...WORDS), { maxLength: 4 })).map(([first, rest]) => [first, ...rest].join(' '));
/** A plain item with one character that may spoil it put in somewhere. */
const spoiltItem = fc.tuple(plainItem, fc.constantFrom(...SPOILERS), fc.nat()).map(([t, s, at]) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1)));
const list = fc
  .record({
    bullet: fc.constantFrom('-', '*', '+'),
    items: fc.array(plainItem, { minLength: 30, maxLength: 80 }),
    spoilt: fc.option(fc.tuple(fc.nat(), spoiltItem), { freq: 2 }),
    eol: fc.constantFrom(...EOLS),
    tail: fc.constantFrom('', '\n', '\n\n', '\n  \n', '\n\t', '\nafter', '\n\n- other'),
    odd: fc.option(fc.tuple(fc.nat(), fc.constantFrom('', '+ x', '  - nested', '1. one', '- [ ] task')), { freq: 4 }),
  })
  .map(({ bullet, items, spoilt, eol, tail, odd }) => {
    if (spoilt) items.splice(spoilt[0] % items.length, 1, spoilt[1]);
    const lines = items.map((t) => `${bullet} ${t}`);
    if (odd) lines.splice(odd[0] % lines.length, 0, odd[1]);
    return lines.join(eol) + tail.replace(/\n/g, eol);
  });

describe('a plain bullet list built without the parser', () => {
  it('is the tree remark-parse gives, whenever it is built', () => {
    let built = 0;
    fc.assert(
      fc.property(list, (source) => {
        const tree = simpleListTree(source);
        if (tree === undefined) return;
        built++;
        assert.deepStrictEqual(JSON.parse(JSON.stringify(tree)), parse(source), describeText(source));
      }),
      params('simple-list', Math.max(200, PROPERTY_RUNS)),
    );
    assert.ok(built > 20, `built only ${built} times`);
  });

  it('is built for a plain list and not for one with markup, a blank line between items or other text', () => {
    const items = Array.from({ length: 40 }, (_, i) => `- item ${i}`);
    assert.ok(simpleListTree(items.join('\n') + '\n\n'));
    assert.ok(simpleListTree(items.join('\r\n')));
    for (const spoilt of ['- **Result**: r', '', 'lazy text', '  - nested', '* other bullet', '- item `code`', '- item <br>', '- item ', '- 1. nested']) {
      const lines = [...items];
      lines.splice(20, 0, spoilt);
      assert.equal(simpleListTree(lines.join('\n')), undefined, spoilt);
    }
    assert.equal(simpleListTree(items.slice(0, 10).join('\n')), undefined, 'a short list goes to the parser');
  });

  it('reads as the parser does: the labels and placeholders of a story written as a long plain list', () => {
    // Past CHUNK the list is split at its items, and the sections after the first are plain lists.
    const filler = Array.from({ length: 1000 }, (_, i) => `- step ${i} done`);
    const text = '## A. Category\n### 1 A long story\n' + [...filler, '- Situation: the build broke', '- Task: fix it', '- Action: I fixed it', '- Result: it works, TODO measure'].join('\n') + '\n';
    // The reading alone: the story bank's coach rules (a long story, a Result with no number) are off.
    const readingOnly = { severities: Object.fromEntries(COACH_RULES.map((r) => [r.id, 'off' as const])) };
    const model = analyze(text, readingOnly);
    assert.deepEqual(
      model.findings.map((f) => f.rule),
      ['placeholder'],
      'the four parts are read from bare label items at the end, and the TODO is found',
    );
    assert.deepStrictEqual(model, analyzeAsOneSection(text, readingOnly));
  });
});
