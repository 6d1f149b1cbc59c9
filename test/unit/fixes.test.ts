// The fixes every consumer goes through (fixes.ts): titles from the rules, three widths, and one
// fix-all for the extension and the command line.

import assert from 'node:assert/strict';
import { analyze, applyCertainFixes, applyEdits, fixAll, fixOffers } from '../../src/core/index';

const text = [
  '## A. Conflict',
  '### 1 design review',
  '- **Situation**: two designs',
  '- **Action**: a prototype',
  '### 2 deadline',
  '- **Situation**: a late project',
  '- **Task**: ship it ‚úÖ',
  '- **Action**: cut scope',
  '- **Result**: shipped caf√© style',
  '',
].join('\n');

describe('fixes', () => {
  const model = analyze(text);
  const missing = model.findings.find((f) => f.rule === 'missing-section')!;
  const misencoded = model.findings.filter((f) => f.rule === 'mis-encoded');

  it('offers a finding its own fix titled by its rule, its rule in the whole file, and everything certain', () => {
    assert.equal(misencoded.length, 2);
    const offers = fixOffers(text, model, misencoded[0]!);
    assert.deepEqual(
      offers.map((o) => [o.width, o.title]),
      [
        ['one', 'Repair “‚úÖ” → “✅”'],
        ['rule', 'Repair all mis-encoded text in this file'],
        ['all', 'Fix all certain Interview Notes problems'],
      ],
    );
    assert.equal(applyEdits(text, offers[1]!.edits()).text, text.replace('‚úÖ', '✅').replace('caf√©', 'café'));
    const onlyMissing = fixOffers(text, model, missing);
    assert.deepEqual(onlyMissing[0]!.title, 'Insert the missing STAR labels (Task and Result)');
  });

  it('fix-all gives the extension edits that turn the text into what --fix writes', () => {
    const all = fixAll(text, model);
    assert.equal(applyEdits(text, all.edits).text, all.text);
    assert.equal(all.text, applyCertainFixes(text, model).text);
    assert.ok(all.text.includes("- **Task**: \n- **Action**: a prototype\n- **Result**: \n"), all.text);
    assert.equal(fixAll(text, model, {}, { rule: 'mis-encoded' }).text, text.replace('‚úÖ', '✅').replace('caf√©', 'café'));
  });
});
