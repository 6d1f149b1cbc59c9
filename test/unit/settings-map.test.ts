// Settings → analysis options (the keys and enums are the ones package.json documents).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, RULES } from '../../src/core/index';
import { globFor, mayRead, readSettings } from '../../src/vscode/settings-map';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
const properties: Record<string, { default: unknown; enum?: string[]; description?: string; markdownDescription?: string; enumDescriptions?: string[] }> =
  manifest.contributes.configuration.properties;

describe('settings', () => {
  it('documents every setting with a description and a default, and every enum value', () => {
    for (const [key, p] of Object.entries(properties)) {
      assert.ok(p.description || p.markdownDescription, `${key} has a description`);
      assert.ok('default' in p, `${key} has a default`);
      if (p.enum) assert.equal(p.enumDescriptions?.length, p.enum.length, `${key} describes each value`);
    }
  });

  it('has a severity setting per rule whose default is the rule default', () => {
    for (const rule of RULES) assert.equal(properties[`interviewNotes.severity.${rule.id}`]?.default, rule.defaultSeverity);
  });

  it('reads the defaults from package.json into the same options as no settings at all', () => {
    const defaults = readSettings((key) => properties[`interviewNotes.${key}`]?.default ?? undefined);
    assert.equal(defaults.scope, 'openFiles');
    assert.equal(defaults.maxFileSize, 2_000_000);
    assert.equal(defaults.options.levels, undefined);
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'workspace', 'notes.md'), 'utf8');
    assert.deepEqual(analyze(text, defaults.options), analyze(text));
  });

  it('maps a severity change and "off" onto the findings', () => {
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'workspace', 'notes.md'), 'utf8');
    const settings = readSettings((key) => ({ 'severity.placeholder': 'error', 'severity.empty-story': 'off' })[key]);
    const findings = analyze(text, settings.options).findings;
    assert.deepEqual(findings.filter((f) => f.rule === 'placeholder').map((f) => f.severity), ['error']);
    assert.equal(findings.some((f) => f.rule === 'empty-story'), false);
  });

  it('ignores values that are not valid, instead of misbehaving', () => {
    const settings = readSettings((key) => ({ 'severity.placeholder': 'loud', 'levels.story': 9, 'lint.debounce': -1, scope: 'galaxy' })[key]);
    assert.deepEqual(settings.options.severities, {});
    assert.equal(settings.options.levels, undefined);
    assert.equal(settings.debounceMs, 300);
    assert.equal(settings.scope, 'openFiles');
  });

  it('fixes heading levels when set', () => {
    const settings = readSettings((key) => ({ 'levels.category': 0, 'levels.story': 2 })[key]);
    assert.deepEqual(settings.options.levels, { category: 0, story: 2 });
  });

  describe('an untrusted workspace', () => {
    const workspace: Record<string, unknown> = { scope: 'workspace', 'workspace.include': '**/*', 'workspace.exclude': '', maxFileSize: 1e12, 'lint.debounce': 50 };
    const user: Record<string, unknown> = { 'workspace.include': '**/*.md' };

    it('reads what files are read from the user settings alone, the rest from the workspace', () => {
      const s = readSettings((k) => workspace[k], (k) => user[k]);
      assert.equal(s.scope, 'openFiles');
      assert.equal(s.include, '**/*.md');
      assert.equal(s.exclude, '**/node_modules/**');
      assert.equal(s.maxFileSize, 2_000_000);
      assert.equal(s.debounceMs, 50);
    });

    it('a trusted workspace reads them from the workspace', () => {
      const s = readSettings((k) => workspace[k]);
      assert.deepEqual([s.scope, s.include, s.maxFileSize], ['workspace', '**/*', 1e12]);
    });
  });

  describe('which workspace files are read', () => {
    it('regular files (or links to them) within the size cap; never folders, devices or FIFOs', () => {
      assert.equal(mayRead({ type: 1, size: 10 }, 100), true);
      assert.equal(mayRead({ type: 1 | 64, size: 10 }, 100), true);
      assert.equal(mayRead({ type: 0, size: 0 }, 100), false, 'a device or FIFO (FileType.Unknown)');
      assert.equal(mayRead({ type: 2, size: 0 }, 100), false, 'a folder');
      assert.equal(mayRead({ type: 1, size: 401 }, 100), false, 'over 4 bytes per character');
    });

    it('a file name with glob characters still finds itself when checked against exclude', () => {
      assert.equal(globFor('notes/[draft] {a,b}*?.md'), 'notes/?draft? ?a,b???.md');
      assert.equal(globFor('notes/plain.md'), 'notes/plain.md');
    });
  });
});
