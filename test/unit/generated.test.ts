// One source per rule: the rule pages, the severity settings in package.json and the README's rule
// table are generated from the rule modules and their fixtures (scripts/generate.mjs). A stale file
// fails here; `npm run generate` brings it up to date.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/core/index';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- a plain ESM script
import { generatedFiles } from '../../scripts/generate.mjs';

const ROOT = join(__dirname, '..', '..');

describe('generated from the rules', () => {
  for (const [file, content] of generatedFiles(ROOT) as [string, string][]) {
    it(`${file} is up to date (npm run generate)`, () => {
      assert.equal(readFileSync(join(ROOT, file), 'utf8'), content, `${file} is stale: run npm run generate`);
    });
  }

  it('docs/rules holds a page for every rule and no other', () => {
    assert.deepEqual(readdirSync(join(ROOT, 'docs', 'rules')).sort(), RULES.map((r) => `${r.id}.md`).sort());
  });

  it('every rule has its settings entry, with its default severity', () => {
    const properties = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties;
    for (const rule of RULES) assert.equal(properties[`interviewNotes.severity.${rule.id}`]?.default, rule.defaultSeverity, rule.id);
  });

  it('a changed rule makes its page stale (the check can fail)', () => {
    const [file, content] = (generatedFiles(ROOT) as [string, string][])[0]!;
    const rule = RULES.find((r) => file.endsWith(`/${r.id}.md`))!;
    const saved = rule.doc.details;
    try {
      (rule.doc as { details: string }).details = saved + ' Changed.';
      const again = new Map(generatedFiles(ROOT) as [string, string][]);
      assert.notEqual(again.get(file), content);
    } finally {
      (rule.doc as { details: string }).details = saved;
    }
  });
});
