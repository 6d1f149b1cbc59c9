// Edits never lose text. For every certain fix (`finding.fix`) and every suggestion, on the seed, the
// corpus (as written, and rewritten with \r\n, with \r, with a BOM) and generated notes:
//   - applying it changes only the text inside its spans: everything before the first edit, between
//     edits and after the last edit is identical;
//   - no edit splits a \r\n pair or a surrogate pair, or lands before a BOM; inserted line breaks are
//     the document's own (LF / CRLF / CR), and a BOM stays first;
//   - the fix removes the finding it belongs to (one fewer finding of that rule);
// and `applyCertainFixes` is idempotent: applied twice equals applied once.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { analyze, applyCertainFixes, applyEdits, certainFix, decodeFile, detectLineEnding, type Finding, type TextEdit } from '../../src/core/index';
import { describeText, envInt, params, storiesDoc, notesDoc, withLineEndings } from '../support/arbitraries';
import { corpusFiles, requireShared, SEED_PATH, sharedAvailable } from '../support/shared';

const RUNS = envInt('EDIT_RUNS', 120);

/** The edits applied by hand, independently of applyEdits: the text outside the spans copied as is. */
function expectedAfter(before: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    out += before.slice(pos, e.span.start) + e.newText;
    pos = e.span.end;
  }
  return out + before.slice(pos);
}

const breaks = (s: string) => s.match(/\r\n|\r|\n/g) ?? [];

/** Checks one set of edits (a fix, or a suggestion) on `text`; returns the edited text. */
function checkEdits(text: string, edits: readonly TextEdit[], what: string): string {
  assert.ok(edits.length > 0, `${what}: no edits`);
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    assert.ok(a.span.end <= b.span.start, `${what}: its edits overlap (${a.span.start}-${a.span.end} and ${b.span.start}-${b.span.end})`);
  }
  const eol = detectLineEnding(text);
  for (const e of edits) {
    const { start, end } = e.span;
    assert.ok(0 <= start && start <= end && end <= text.length, `${what}: span ${start}-${end} outside the text`);
    for (const at of [start, end]) {
      assert.ok(!(text[at - 1] === '\r' && text[at] === '\n'), `${what}: an edit boundary at ${at} splits a \\r\\n`);
      const c = text.charCodeAt(at);
      assert.ok(!(c >= 0xdc00 && c <= 0xdfff && /[\ud800-\udbff]/.test(text[at - 1] ?? '')), `${what}: an edit boundary at ${at} splits a surrogate pair`);
    }
    if (text.startsWith('\uFEFF')) assert.ok(start >= 1, `${what}: an edit at offset 0 goes before the BOM`);
    assert.ok(!e.newText.includes('\uFEFF'), `${what}: inserts a BOM`);
    for (const b of breaks(e.newText)) assert.equal(b, eol, `${what}: inserts ${JSON.stringify(b)} in a document whose line break is ${JSON.stringify(eol)}`);
  }
  const result = applyEdits(text, edits);
  assert.equal(result.applied, edits.length, `${what}: applyEdits skipped ${edits.length - result.applied} of its own edits`);
  const after = result.text;
  assert.equal(after, expectedAfter(text, edits), `${what}: text outside the edited spans changed`);
  // The same, said plainly: the text before the first and after the last edit is byte-identical.
  const first = sorted[0]!.span.start;
  const tail = text.length - sorted.at(-1)!.span.end;
  assert.equal(after.slice(0, first), text.slice(0, first), `${what}: text before the first edit changed`);
  assert.equal(after.slice(after.length - tail), text.slice(text.length - tail), `${what}: text after the last edit changed`);
  assert.equal(after.startsWith('\uFEFF'), text.startsWith('\uFEFF'), `${what}: BOM lost or added`);
  // A uniform document stays uniform.
  const kinds = new Set(breaks(text));
  if (kinds.size === 1) assert.deepEqual(new Set(breaks(after)), kinds, `${what}: line breaks mixed into a uniform document`);
  return after;
}

interface Counts {
  fixes: number;
  suggestions: number;
  documents: number;
}

/** Every fix and suggestion of the text's findings, then applyCertainFixes twice. */
function checkDocument(text: string, name: string, counts: Counts): void {
  counts.documents++;
  const model = analyze(text);
  const count = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule).length;
  model.findings.forEach((f, i) => {
    const what = `${name}: finding ${i} (${f.rule} “${f.message}”)`;
    const fix = certainFix(text, f);
    if (fix) {
      counts.fixes++;
      const after = checkEdits(text, fix, `${what}, fix`);
      assert.ok(count(analyze(after).findings, f.rule) < count(model.findings, f.rule), `${what}: the fix leaves as many ${f.rule} findings as before in ${describeText(after)}`);
    }
    (f.suggestions ?? []).forEach((s, k) => {
      counts.suggestions++;
      const after = checkEdits(text, s.edits, `${what}, suggestion ${k} “${s.title}”`);
      assert.ok(count(analyze(after).findings, f.rule) < count(model.findings, f.rule), `${what}: suggestion “${s.title}” leaves as many ${f.rule} findings as before`);
    });
  });
  const once = applyCertainFixes(text, model);
  assert.deepStrictEqual(once.model, analyze(once.text), `${name}: applyCertainFixes returns a model of another text`);
  assert.deepEqual(
    once.model.findings.filter((f) => certainFix(once.text, f)).map((f) => f.message),
    [],
    `${name}: certain fixes left after applyCertainFixes`,
  );
  const twice = applyCertainFixes(once.text, analyze(once.text));
  assert.equal(twice.text, once.text, `${name}: applyCertainFixes is not idempotent`);
  assert.equal(twice.applied, 0, `${name}: a second applyCertainFixes still applies fixes`);
  assert.equal(once.text.startsWith('\uFEFF'), text.startsWith('\uFEFF'), `${name}: applyCertainFixes lost or added the BOM`);
  const kinds = new Set(breaks(text));
  if (kinds.size === 1) assert.deepEqual(new Set(breaks(once.text)), kinds, `${name}: applyCertainFixes mixed line breaks into a uniform document`);
  if (once.applied === 0) assert.equal(once.text, text);
}

/** The document as written, and rewritten with \r\n, with a bare \r, and with a BOM. */
function variants(name: string, text: string): [string, string][] {
  return [
    [name, text],
    [`${name} (CRLF)`, withLineEndings(text, 'crlf')],
    [`${name} (CR)`, withLineEndings(text, 'cr')],
    [`${name} (BOM)`, '\uFEFF' + text],
  ];
}

describe('edits never lose text', function () {
  const counts: Counts = { fixes: 0, suggestions: 0, documents: 0 };
  after(() => console.log(`      edits: ${counts.fixes} fixes and ${counts.suggestions} suggestions checked in ${counts.documents} documents`));

  describe('the seed and the corpus (as written, CRLF, CR, BOM)', () => {
    before(function () {
      requireShared(this);
    });
    const docs = sharedAvailable() ? [{ name: 'seed-notes.md', bytes: readFileSync(SEED_PATH) }, ...corpusFiles()] : [];
    for (const { name, bytes } of docs) {
      it(name, () => {
        for (const [label, text] of variants(name, decodeFile(bytes).text)) checkDocument(text, label, counts);
      });
    }

    it('the seed has certain fixes and suggestions to check (the test is not vacuous)', () => {
      const text = readFileSync(SEED_PATH, 'utf8');
      const model = analyze(text);
      assert.ok(model.findings.some((f) => certainFix(text, f)));
      assert.ok(model.findings.some((f) => f.suggestions?.length));
    });
  });

  describe('generated notes (fast-check)', () => {
    it('stories in every label style, every line ending, with and without BOM', () => {
      fc.assert(
        fc.property(storiesDoc, ({ text }) => checkDocument(text, describeText(text), counts)),
        params('edits stories', RUNS),
      );
    });

    it('any generated Markdown', () => {
      fc.assert(
        fc.property(notesDoc, ({ text }) => checkDocument(text, describeText(text), counts)),
        params('edits notes', RUNS),
      );
    });
  });
});

// The smallest cases the properties above found, kept as plain examples. Each fails until the bug it
// names is fixed (see the report of the hardening pass).
describe('minimal cases found by the edit properties', () => {
  const missing = (text: string) => analyze(text).findings.filter((f) => f.rule === 'missing-section').map((f) => f.message);
  const fixOf = (text: string, rule = 'missing-section') => certainFix(text, analyze(text).findings.find((f) => f.rule === rule)!)!;

  it('missing-section: an empty dash-style label (`TASK - `) it inserts is read as a label', () => {
    const text = '### 1 Story\nSITUATION - the context\n\nRESULT - it worked\n';
    const after = applyEdits(text, fixOf(text)).text;
    assert.equal(after, '### 1 Story\nSITUATION - the context\n\nTASK - \n\nACTION - \n\nRESULT - it worked\n');
    assert.deepEqual(missing(after), [], 'the inserted TASK - / ACTION - are not labels');
  });

  it('applyCertainFixes never inserts the same labels twice (a fix that does not take is not repeated)', () => {
    const text = '### 1 Story\nSITUATION - the context\n\nRESULT - it worked\n';
    const fixed = applyCertainFixes(text, analyze(text)).text;
    assert.equal(fixed.split('TASK - ').length - 1, 1, `TASK inserted ${fixed.split('TASK - ').length - 1} times: ${JSON.stringify(fixed)}`);
  });

  it('missing-section: a label inserted before a list item does not join the paragraph above it', () => {
    const text = '### 1 Story\n**Situation**: s\n- **Result**: r\n';
    const after = applyEdits(text, fixOf(text)).text;
    assert.deepEqual(missing(after), [], `after the fix: ${JSON.stringify(after)}`);
  });

  it('missing-section: a list label inserted before a paragraph does not swallow that paragraph (lazy continuation)', () => {
    const text = '### 1 Story\n- **Situation**: s\n- **Task**: t\n\n**Result**: it worked\n';
    const after = applyEdits(text, fixOf(text)).text;
    // The fix gives `- **Action**:⏎**Result**: it worked`: the Result line becomes part of the Action item.
    assert.deepEqual(missing(after), [], `after the fix: ${JSON.stringify(after)}`);
  });

  it('missing-section: a story with inline (S) … (A) markers gets no fix (a label would split its paragraph)', () => {
    const text = '### 1 Story\n(S) the situation\nand (A) what I did\n\n#### Result\nit worked\n';
    const finding = analyze(text).findings.find((f) => f.rule === 'missing-section');
    assert.ok(finding, 'the missing Task is reported');
    assert.equal(certainFix(text, finding), undefined);
  });

  it('missing-section: a story ending in an unclosed fence gets no labels inside the code', () => {
    const text = '### 1 Story\r\n- **Situation**: a\r\n- **Task**: b\r\n\r\n```\r\ncode\r\n';
    const finding = analyze(text).findings.find((f) => f.rule === 'missing-section');
    assert.ok(finding, 'the missing Action and Result are reported');
    assert.equal(certainFix(text, finding), undefined);
    assert.equal(applyCertainFixes(text, analyze(text)).text, text);
  });

  it('missing-section: labels after the last line go after its \\r\\n, never between them', () => {
    const text = '### 1 Story\r\n- **Situation**: a\r\n- **Task**: b\r\n';
    for (const e of fixOf(text)) assert.ok(!(text[e.span.start - 1] === '\r' && text[e.span.start] === '\n'), `inserted at ${e.span.start}`);
    const fixed = applyCertainFixes(text, analyze(text)).text;
    assert.ok(!/\r(?!\n)/.test(fixed) && !/(?<!\r)\n/.test(fixed), `line breaks mixed: ${JSON.stringify(fixed)}`);
    assert.deepEqual(missing(fixed), []);
  });

  it('missing-section: with a BOM, labels go after it, not before', () => {
    const text = '\uFEFF### 1 Story\n**Task**: t\n\n**Result**: r\n';
    for (const e of fixOf(text)) assert.ok(e.span.start >= 1, `edit at ${e.span.start} is before the BOM`);
    const fixed = applyCertainFixes(text, analyze(text)).text;
    assert.ok(fixed.startsWith('\uFEFF### 1 Story\n'));
    assert.deepEqual(missing(fixed), []);
  });

  it('missing-section: a fix that would change the heading levels of the file (regrouping every other story) is not certain', () => {
    // Stories at ##, categories at ### between them; heading labels added under the ideas list would
    // make # the category level, and every story would move into one category.
    const text = [
      '# Prep notes', '', '## Story ideas', '- [ ] two stories about leading', '', '### GROUP ONE', '',
      '## Story 1: Fixed the build', '### Situation', 'what was', '### Task', 'what to do', '### Action', 'what I did', '### Result', 'what came of it', '',
      '## Story 2: Led the migration', '### Situation', 'what was', '### Task', 'what to do', '### Action', 'what I did', '### Result', 'what came of it', '',
      '### GROUP TWO', '',
      '## Story 3: Calmed a customer', '### Situation', 'what was', '### Task', 'what to do', '### Action', 'what I did', '### Result', 'what came of it', '',
    ].join('\n');
    const model = analyze(text);
    const finding = model.findings.find((f) => f.rule === 'missing-section' && f.message.includes('Story ideas'))!;
    assert.ok(finding.checkedFix, 'a fix is proposed');
    const regrouped = analyze(applyEdits(text, finding.checkedFix.edits).text);
    assert.notDeepEqual(regrouped.categories.map((c) => c.title), model.categories.map((c) => c.title), 'the proposed fix would regroup the file');
    assert.equal(certainFix(text, finding), undefined);
    assert.equal(applyCertainFixes(text, model).text, text);
  });

  it('missing-section: no fix is offered for stories without a title (their ends depend on the labels)', () => {
    const text = '\uFEFF**Task**: t\n\n**Result**: r\n';
    const finding = analyze(text).findings.find((f) => f.rule === 'missing-section');
    assert.ok(finding);
    assert.equal(certainFix(text, finding), undefined);
  });

  it('mis-encoded: a doubly mis-encoded run is repaired in one fix (`Ã¢â‚¬â„¢` → `’`, not `â€™`)', () => {
    const text = '### 1 Story\n- **Situation**: it didnÃ¢â‚¬â„¢t work\n- **Task**: t\n- **Action**: a\n- **Result**: r\n';
    const after = applyEdits(text, fixOf(text, 'mis-encoded')).text;
    assert.equal(after, text.replace('Ã¢â‚¬â„¢', '’'));
  });

  it('done-but-unfinished: "Remove the done mark" leaves no done mark behind in `# ✅ Title ✅`', () => {
    const text = '## ✅ A. Title ✅\n### 1 Story\n- **Situation**: s\n- **Task**: t\n';
    const finding = analyze(text).findings.find((f) => f.rule === 'done-but-unfinished')!;
    const after = applyEdits(text, finding.suggestions![0]!.edits).text;
    assert.equal(analyze(after).categories[0]!.done, false, `still done: ${JSON.stringify(after)}`);
  });

  it('done-but-unfinished: the edits removing two marks do not overlap (`## ✅ ✅` with no title)', () => {
    const text = '## ✅ ✅\n### 1 Story\n- **Situation**: s\n- **Task**: t\n';
    const finding = analyze(text).findings.find((f) => f.rule === 'done-but-unfinished')!;
    const result = applyEdits(text, finding.suggestions![0]!.edits);
    assert.equal(result.applied, finding.suggestions![0]!.edits.length, `edits overlap: ${JSON.stringify(finding.suggestions![0]!.edits)}`);
    assert.equal(analyze(result.text).categories[0]!.done, false, `still done: ${JSON.stringify(result.text)}`);
  });

  it('missing-section: labels go before a deeper heading inside the story, not under it (the levels must not flip)', () => {
    const text = '## A. Cat\n### 1 Story\n- **Situation**: s\n- **Task**: t\n#### 1. Details\nmore text\n';
    const tree = (t: string) => analyze(t).categories.map((c) => [c.title, c.stories.map((s) => s.title)]);
    const after = applyEdits(text, fixOf(text)).text;
    assert.deepEqual(tree(after), [['Cat', ['Story']]], `after the fix: ${JSON.stringify(after)}`);
    assert.deepEqual(missing(after), []);
  });
});
