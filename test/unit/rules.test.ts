// Every rule against its own fixtures (test/fixtures/rules/<rule-id>/), in the manner of remark-lint:
//   pass*.md           no finding of this rule
//   fail*.md           exactly the findings in fail*.expected, as `line:column-line:column: message`
//   fail*.fixed.md     the text after applying this rule's certain fixes (and again: no change)

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyEdits, certainFix, LineIndex, questionFindings, questions, RULES } from '../../src/core/index';

const FIXTURES = join(__dirname, '..', 'fixtures', 'rules');

/** The analysis with `rule` on: a rule that is off by default reports as a hint in its own fixtures. */
const withRuleOn = (text: string, rule: string) => {
  const off = RULES.find((r) => r.id === rule)?.defaultSeverity === 'off';
  return analyze(text, off ? { severities: { [rule]: 'hint' } } : {});
};

/** A 'questions' rule runs over a questions file with the stories of the notes; a fixture links its own. */
const findingsFor = (text: string, rule: string) =>
  RULES.find((r) => r.id === rule)?.scope === 'questions' ? questionFindings(text, questions.linkableStories(text, analyze(text).categories)) : withRuleOn(text, rule).findings;

function findingsOf(text: string, rule: string): string[] {
  const index = new LineIndex(text);
  return findingsFor(text, rule)
    .filter((f) => f.rule === rule)
    .map((f) => {
      const s = index.lineColumnAt(f.span.start);
      const e = index.lineColumnAt(f.span.end);
      return `${s.line}:${s.column}-${e.line}:${e.column}: ${f.message}`;
    });
}

function fixWith(text: string, rule: string): string {
  const edits = withRuleOn(text, rule).findings.filter((f) => f.rule === rule).flatMap((f) => certainFix(text, f) ?? []);
  return applyEdits(text, edits).text;
}

describe('rules', () => {
  it('every rule has a folder of fixtures, and every folder a rule', () => {
    assert.deepEqual(readdirSync(FIXTURES).sort(), RULES.map((r) => r.id).sort());
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      const dir = join(FIXTURES, rule.id);
      const files = existsSync(dir) ? readdirSync(dir).sort() : [];
      it('has passing and failing fixtures', () => {
        assert.ok(files.some((f) => /^pass.*\.md$/.test(f)), 'a pass*.md fixture');
        assert.ok(files.some((f) => /^fail[^.]*\.md$/.test(f)), 'a fail*.md fixture');
      });
      for (const file of files.filter((f) => /^pass.*\.md$/.test(f))) {
        it(`${file}: no finding`, () => {
          const text = readFileSync(join(dir, file), 'utf8');
          assert.equal(analyze(text).isNotes, true, 'the fixture is notes');
          assert.deepEqual(findingsOf(text, rule.id), []);
        });
      }
      for (const file of files.filter((f) => /^fail[^.]*\.md$/.test(f))) {
        const base = file.replace(/\.md$/, '');
        it(`${file}: the expected findings`, () => {
          const text = readFileSync(join(dir, file), 'utf8');
          const expected = readFileSync(join(dir, `${base}.expected`), 'utf8').trimEnd().split('\n');
          assert.deepEqual(findingsOf(text, rule.id), expected);
        });
        if (existsSync(join(dir, `${base}.fixed.md`))) {
          it(`${file}: the fix gives ${base}.fixed.md, and a second fix changes nothing`, () => {
            const text = readFileSync(join(dir, file), 'utf8');
            const once = fixWith(text, rule.id);
            assert.equal(once, readFileSync(join(dir, `${base}.fixed.md`), 'utf8'));
            assert.equal(fixWith(once, rule.id), once);
          });
        }
      }
    });
  }
});
