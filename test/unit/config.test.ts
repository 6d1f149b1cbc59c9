// The configuration file, without disk or editor: its text parsed (comments, trailing commas), its
// problems reported where they are, the valid parts kept, the shipped schema in step with the rules
// and contributed to VS Code, notes include/exclude globs, and the precedence of the layers.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { analyze, RULE_IDS } from '../../src/core/index';
import { locateConfig, mergeLayers, parseConfig, resolveOptions } from '../../src/core/config/index';
import { VOCABULARIES } from '../../src/core/vocabulary';

const ROOT = resolve(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'interview-notes.schema.json'), 'utf8')) as {
  properties: Record<string, { properties?: Record<string, unknown>; items?: { enum?: string[] } }>;
};

/** The text at a problem's line and column (1-based), to check positions against the source. */
function at(text: string, line: number, column: number, length: number): string {
  return text.split('\n')[line - 1]!.slice(column - 1, column - 1 + length);
}

describe('configuration file: parsing', () => {
  it('reads comments and trailing commas (JSONC)', () => {
    const text = '{\n  // quieter while drafting\n  "rules": { "placeholder": "off", },\n  /* levels */ "levels": { "story": 3 },\n}\n';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, { rules: { placeholder: 'off' }, levels: { story: 3 } });
  });

  it('a broken file: the syntax error with its line and column, no configuration, no exception', () => {
    const text = '{\n  "rules": {\n    "placeholder": "off"\n    "empty-story": "error"\n  }\n}\n';
    const { config, problems } = parseConfig(text);
    assert.equal(config, undefined);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    const p = problems[0]!;
    assert.equal(p.kind, 'syntax');
    assert.match(p.message, /comma expected/);
    assert.deepEqual([p.line, p.column], [4, 5], 'at the key after the missing comma');
    assert.equal(text.slice(p.offset, p.offset + p.length), '"empty-story"');
  });

  it('an empty file and a file that is not an object are problems, not crashes', () => {
    assert.equal(parseConfig('').problems.length, 1);
    const array = parseConfig('[1, 2]');
    assert.equal(array.config, undefined);
    assert.match(array.problems[0]!.message, /must be object/);
  });

  it('schema problems point at the unknown key or the bad value; the valid parts are kept', () => {
    const text = ['{', '  "rules": { "placeholder": "loud", "missing-section": "error", "no-such-rule": "off" },', '  "levels": { "category": 2, "story": 9 },', '  "colour": true', '}'].join('\n');
    const { config, problems } = parseConfig(text);
    assert.deepEqual(config, { rules: { 'missing-section': 'error' }, levels: { category: 2 } });
    const found = problems.map((p) => [p.kind, at(text, p.line, p.column, p.length), p.message]);
    assert.deepEqual(found, [
      ['schema', '"loud"', '"rules.placeholder" must be one of "error", "warning", "information", "hint", "off"'],
      ['schema', '"no-such-rule"', 'unknown key "no-such-rule" in "rules"'],
      ['schema', '9', '"levels.story" must be <= 6'],
      ['schema', '"colour"', 'unknown key "colour" in the configuration'],
    ]);
    for (const p of problems) assert.equal(text.slice(p.offset, p.offset + p.length), at(text, p.line, p.column, p.length));
  });

  it('a bad item of a list is dropped alone', () => {
    const { config, problems } = parseConfig('{ "notes": { "exclude": ["README.md", 7, "drafts/**", ""] } }');
    assert.equal(problems.length, 2);
    assert.deepEqual(config, { notes: { exclude: ['README.md', 'drafts/**'] } });
  });

  it('package.json: the "interview-notes" key, strict JSON; none without the key', () => {
    const pkg = '{\n  "name": "my-notes",\n  "interview-notes": { "rules": { "empty-story": "error" }, "speakingRate": 1000 }\n}\n';
    const { config, problems } = parseConfig(pkg, 'package.json');
    assert.deepEqual(config, { rules: { 'empty-story': 'error' } });
    assert.deepEqual(problems.map((p) => [p.line, at(pkg, p.line, p.column, p.length)]), [[3, '1000']]);
    assert.deepEqual(parseConfig('{ "name": "x" }', 'package.json'), { config: undefined, problems: [] });
  });

  it('a "__proto__" key is an unknown key, not a prototype', () => {
    const { config, problems } = parseConfig('{ "__proto__": { "polluted": true }, "rules": { "__proto__": "off" } }');
    assert.equal(problems.length, 2);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(Object.keys(config!.rules!), []);
  });

  it('never throws, and every problem lies inside the text (arbitrary text and JSON-like text)', () => {
    const jsonish = fc.stringMatching(/^[{}[\]",:\s a-z0-9/*\n-]{0,80}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), jsonish, fc.json().map((j) => `{"rules": ${j}, "levels": ${j}}`)), (text) => {
        const { problems } = parseConfig(text);
        for (const p of problems) {
          assert.ok(p.offset >= 0 && p.offset + p.length <= text.length, JSON.stringify(p));
          assert.ok(p.line >= 1 && p.column >= 1);
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});

describe('configuration file: the shipped schema', () => {
  it('names every rule, and only rules that exist', () => {
    assert.deepEqual(Object.keys(schema.properties.rules!.properties!).sort(), [...RULE_IDS].sort());
  });

  it('lists the built-in vocabularies', () => {
    assert.deepEqual(schema.properties.vocabularies!.items!.enum, VOCABULARIES.map((v) => v.id));
  });

  it('is a valid draft-07 schema (ajv strict, with VS Code annotation keywords)', () => {
    const ajv = new Ajv({ strict: true });
    ajv.addVocabulary(['markdownDescription', 'enumDescriptions']);
    assert.doesNotThrow(() => ajv.compile(schema));
  });

  it('the validator compiled from it is up to date (node scripts/generate-config-validator.mjs)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'generate-config-validator.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('is contributed to VS Code for the configuration files and package.json, and shipped in the .vsix', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { fileMatch: string[]; url: string }[] } };
    const byFile = new Map(pkg.contributes.jsonValidation.flatMap((v) => v.fileMatch.map((f) => [f, v.url] as const)));
    assert.equal(byFile.get('.interview-notes.json'), './schemas/interview-notes.schema.json');
    assert.equal(byFile.get('.interview-notes.jsonc'), './schemas/interview-notes.schema.json');
    const wrapper = JSON.parse(readFileSync(join(ROOT, byFile.get('package.json')!), 'utf8')) as { properties: Record<string, { $ref: string }> };
    assert.equal(wrapper.properties['interview-notes']!.$ref, './interview-notes.schema.json');
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\.schema\.json$/m);
  });

  it('the README example configuration is valid', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /```jsonc\n(\/\/ \.interview-notes\.jsonc[\s\S]*?)```/.exec(readme);
    assert.ok(example, 'the README has a ```jsonc block starting with // .interview-notes.jsonc');
    const { config, problems } = parseConfig(example[1]!);
    assert.deepEqual(problems, []);
    for (const key of Object.keys(schema.properties).filter((k) => k !== '$schema')) assert.ok(key in config!, `the example shows "${key}"`);
  });
});

describe('configuration file: which files are notes', () => {
  const located = locateConfig(parseConfig('{ "notes": { "include": ["stories/**/*.md"], "exclude": ["README.md", "drafts", "stories/old/**"] } }').config!, '/repo');
  const cases: [string, boolean | 'auto'][] = [
    ['/repo/stories/a.md', true],
    ['/repo/stories/deep/b.md', true],
    ['/repo/stories/old/c.md', false],
    ['/repo/README.md', false],
    ['/repo/stories/README.md', false],
    ['/repo/drafts/x.md', false],
    ['/repo/other.md', 'auto'],
    ['/elsewhere/stories/a.md', 'auto'],
  ];
  for (const [path, expected] of cases) {
    it(`${path} → ${String(expected)}`, () => {
      assert.equal(resolveOptions(path, [], located).notes, expected);
    });
  }

  it('an excluded file resolves to notes: false (the analyzer option), an included one to true', () => {
    assert.equal((resolveOptions('/repo/README.md', [], located).analyze as { notes?: unknown }).notes, false);
    assert.equal((resolveOptions('/repo/stories/a.md', [], located).analyze as { notes?: unknown }).notes, true);
    assert.ok(!('notes' in resolveOptions('/repo/other.md', [], located).analyze));
  });
});

describe('configuration: precedence', () => {
  // Lowest first: user settings, workspace settings, the configuration file, command-line flags.
  const user = { rules: { placeholder: 'error' as const, 'empty-story': 'hint' as const }, levels: { category: 1 } };
  const workspace = { rules: { placeholder: 'hint' as const }, levels: { story: 4 } };
  const file = locateConfig({ rules: { placeholder: 'off' }, levels: { category: 2 } }, '/repo');

  it('the configuration file beats workspace settings, which beat user settings, key by key', () => {
    const { analyze: options } = resolveOptions('/repo/notes.md', [user, workspace], file);
    assert.deepEqual(options.severities, { placeholder: 'off', 'empty-story': 'hint' });
    assert.deepEqual(options.levels, { category: 2, story: 4 });
  });

  it('command-line flags beat the configuration file', () => {
    const { analyze: options } = resolveOptions('/repo/notes.md', [], file, [{ levels: { category: 3 } }]);
    assert.deepEqual(options.levels, { category: 3 });
  });

  it('null levels in a later layer mean "detect" again', () => {
    assert.deepEqual(mergeLayers([{ levels: { category: 2, story: 3 } }, { levels: { story: null } }]).levels, { category: 2 });
  });

  it('what it changes is what a user sees: the file turns a placeholder off that settings made an error', () => {
    const text = '### 1 Story\n- **Situation**: s\n- **Task**: TODO\n- **Action**: a\n- **Result**: r\n';
    const withSettings = analyze(text, resolveOptions('/repo/n.md', [user], undefined).analyze);
    assert.deepEqual(withSettings.findings.map((f) => [f.rule, f.severity]), [['placeholder', 'error']]);
    const withFile = analyze(text, resolveOptions('/repo/n.md', [user], file).analyze);
    assert.deepEqual(withFile.findings, []);
  });
});
