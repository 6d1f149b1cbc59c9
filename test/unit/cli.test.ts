// The command-line tool as a user runs it: `node dist/cli.js check [--json] [--fix] FILES` in a child
// process, on temporary copies. Built first with `npm run build`.
//   - exit codes: 0 no findings at warning or above, 1 some, 2 a missing file or bad usage (one line
//     on stderr, no stack trace);
//   - --json has the documented shape, lines and columns 1-based, orphan stories under a null title;
//   - --fix on CRLF, CR, BOM and Windows-1252 files changes no byte outside the fixed spans, keeps the
//     encoding, BOM and line breaks, writes through a temporary file and a rename (none left behind)
//     and keeps the file's mode.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, applyCertainFixes, certainFix, decodeFile, encodeFile, type TextEdit } from '../../src/core/index';
import { cli, CLI, ROOT, type Run } from '../support/cli-run';
import { corpusFiles, requireShared, SEED_PATH, sharedAvailable } from '../support/shared';


/** A file of notes with certain fixes (a mis-encoded ✅, missing labels) and suggestions, in LF. */
const NOTES = [
  '## ‚úÖ A. Handling conflict',
  '### 1 Disagreed on a design',
  '- **Situation**: two designs for the ETL',
  '- **Task**: pick one',
  '- **Action**: ran a spike, wrote it up',
  '',
  '### 2 Convinced a senior',
  '- **Situation**: glue jobs for 2 GB a day',
  '- **Result**: ECS with one task; it scales later',
  '',
  '## B. Ownership',
  '### 1 On-call fix',
  '- **Situation**: pager at 3 am ❓',
  '- **Task**: stop the bleeding',
  '- **Action**: rolled back',
  '- **Result**: 20 minutes of downtime',
  '',
].join('\n');

const eols = (s: string) => new Set(s.match(/\r\n|\r|\n/g) ?? []);

/** Byte offset of a text offset, in the file's encoding, not counting a BOM. */
function byteOffset(text: string, offset: number, file: { encoding: Parameters<typeof encodeFile>[1]['encoding'] }): number {
  return encodeFile(text.slice(0, offset), { encoding: file.encoding, bom: false }).length;
}

/**
 * Runs `--fix` on `bytes` (written to a temporary file with `mode`) and checks that every byte outside
 * the spans of the first round of fixes is unchanged, and that the result is exactly what the core's
 * applyCertainFixes gives. Returns the new bytes.
 */
function fixAndCheck(dir: string, name: string, bytes: Buffer, mode = 0o640): { before: Buffer; after: Buffer; run: Run } {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  chmodSync(path, mode);
  const inode = statSync(path).ino;
  const file = decodeFile(bytes);
  const model = analyze(file.text);
  const edits: TextEdit[] = model.findings.flatMap((f) => certainFix(file.text, f) ?? []);
  assert.ok(edits.length > 0, `${name}: the test needs a file with certain fixes`);
  const expected = applyCertainFixes(file.text, model);

  const run = cli(['check', '--fix', name], dir);
  assert.ok(run.status === 0 || run.status === 1, `${name}: exit ${run.status}: ${run.stderr}`);
  assert.equal(run.stderr, '');
  const after = readFileSync(path);

  // Exactly the core's fixes, in the file's own encoding and BOM.
  assert.deepEqual(after, Buffer.from(encodeFile(expected.text, file)), `${name}: --fix wrote something else than applyCertainFixes`);
  // Every byte before the first fixed span and after the last one is unchanged.
  const first = Math.min(...edits.map((e) => e.span.start));
  const last = Math.max(...edits.map((e) => e.span.end));
  const head = byteOffset(file.text, first, file) + (file.bom ? 3 : 0);
  const tail = bytes.length - byteOffset(file.text, last, file) - (file.bom ? 3 : 0);
  assert.ok(head > (file.bom ? 3 : 0) && tail >= 0, `${name}: fixes span the whole file`);
  assert.ok(after.subarray(0, head).equals(bytes.subarray(0, head)), `${name}: bytes before the first fix changed`);
  assert.ok(after.subarray(after.length - tail).equals(bytes.subarray(bytes.length - tail)), `${name}: bytes after the last fix changed`);
  // Same encoding, same BOM, same line breaks.
  const reread = decodeFile(after);
  assert.equal(reread.encoding, file.encoding, `${name}: encoding changed`);
  assert.equal(reread.bom, file.bom, `${name}: BOM changed`);
  assert.ok(!reread.text.startsWith('\uFEFF'), `${name}: a second BOM`);
  const kinds = eols(file.text);
  if (kinds.size === 1) assert.deepEqual(eols(reread.text), kinds, `${name}: line breaks changed`);
  // Written through a temporary file and a rename: a new inode, nothing left behind, mode kept.
  assert.deepEqual(readdirSync(dir), [name], `${name}: files left behind`);
  assert.notEqual(statSync(path).ino, inode, `${name}: written in place, not through a rename`);
  assert.equal(statSync(path).mode & 0o777, mode, `${name}: mode changed from ${mode.toString(8)} to ${(statSync(path).mode & 0o777).toString(8)}`);
  return { before: bytes, after, run };
}

describe('command line (dist/cli.js)', function () {
  this.timeout(5 * 60_000);
  let dir: string;

  before(() => {
    // Build from the current sources, as `npm test` does.
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe' });
    assert.ok(existsSync(CLI), 'dist/cli.js was not built');
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interview-notes-cli-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('exit codes', () => {
    it('0 for a file that is not notes (a README), and for complete notes', () => {
      writeFileSync(join(dir, 'README.md'), '# Project\n\nSome **bold** text.\n\n- a list\n- of things\n');
      writeFileSync(join(dir, 'done.md'), '### 1 Story\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: r\n');
      for (const f of ['README.md', 'done.md']) {
        const r = cli(['check', f], dir);
        assert.equal(r.status, 0, `${f}: ${r.stdout}${r.stderr}`);
        assert.equal(r.stderr, '');
      }
    });

    it('says why a file is not notes: too little evidence, its front matter, or a disable-file comment', () => {
      writeFileSync(join(dir, 'README.md'), '# Project\n\n## Usage\n\n- **Result**: the value it returns\n');
      writeFileSync(join(dir, 'off.md'), '---\ninterview-notes: false\n---\n### 1 Story\n- **Situation**: s\n- **Task**: t\n');
      writeFileSync(join(dir, 'quiet.md'), '<!-- interview-notes-disable-file -->\n### 1 Story\n- **Situation**: s\n- **Task**: t\n');
      const text = cli(['check', 'README.md', 'off.md', 'quiet.md'], dir).stdout;
      assert.match(text, /README\.md: not interview notes \(no STAR labels naming two different parts, no question headings with stories\)/);
      assert.match(text, /off\.md: not interview notes \(its front matter says interview-notes: false\)/);
      assert.match(text, /quiet\.md: not interview notes \(it holds <!-- interview-notes-disable-file -->\)/);
      const json = JSON.parse(cli(['check', '--json', 'README.md'], dir).stdout) as { files: { isNotes: boolean; notNotes?: string }[] };
      assert.equal(json.files[0]!.notNotes, 'no STAR labels naming two different parts, no question headings with stories');
    });

    it('0 when the only findings are below warning (a placeholder is information)', () => {
      writeFileSync(join(dir, 'todo.md'), '### 1 Story\n- **Situation**: s\n- **Task**: t TODO\n- **Action**: a\n- **Result**: r\n');
      const r = cli(['check', '--json', 'todo.md'], dir);
      const json = JSON.parse(r.stdout) as { files: { findings: { severity: string }[] }[] };
      assert.deepEqual(json.files[0]!.findings.map((f) => f.severity), ['information']);
      assert.equal(r.status, 0);
    });

    it('1 for findings at warning or above', () => {
      writeFileSync(join(dir, 'notes.md'), NOTES);
      const r = cli(['check', 'notes.md'], dir);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /notes\.md:\d+:\d+: warning /);
    });

    const usage: [string, string[]][] = [
      ['a missing file', ['check', 'no-such-file.md']],
      ['a missing file among good ones', ['check', 'good.md', 'no-such-file.md']],
      ['a folder without Markdown files', ['check', 'sub']],
      ['a glob that matches nothing', ['check', 'nothing/**/*.md']],
      ['an unknown option', ['check', '--frobnicate', 'good.md']],
      ['no files', ['check']],
      ['no command', []],
      ['an unknown command', ['lint', 'good.md']],
      ['a bad heading level', ['check', '--story-level', '9', 'good.md']],
      ['a heading level that is not a number', ['check', '--category-level', 'x', 'good.md']],
    ];
    it('2 for a glob or folder that gives no file, after checking the files named after it', () => {
      writeFileSync(join(dir, 'notes.md'), NOTES);
      mkdirSync(join(dir, 'sub'));
      const r = cli(['check', 'nothing/**/*.md', 'sub', 'notes.md'], dir);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stdout, /notes\.md:\d+:\d+: warning /, 'the file after the empty glob is checked');
      assert.deepEqual(r.stderr.trim().split('\n'), ['interview-notes: no files match nothing/**/*.md', 'interview-notes: no Markdown notes files in sub']);
    });

    for (const [what, args] of usage) {
      it(`2 for ${what}, with a one-line message and no stack trace`, () => {
        writeFileSync(join(dir, 'good.md'), '### 1 Story\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: r\n');
        mkdirSync(join(dir, 'sub'));
        const r = cli(args, dir);
        assert.equal(r.status, 2, `exit ${r.status}; stderr: ${r.stderr}`);
        const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
        assert.equal(lines.length, 1, `stderr is not one line:\n${r.stderr}`);
        assert.match(lines[0]!, /^interview-notes: /);
        assert.doesNotMatch(r.stderr, /^\s+at |Error:|\.ts:\d+|\.js:\d+/m, 'a stack trace');
      });
    }
  });

  describe('--json', () => {
    const PARTS = ['situation', 'task', 'action', 'result'];
    function checkStory(s: Record<string, unknown>, where: string): void {
      assert.equal(typeof s.title, 'string', `${where}.title`);
      assert.ok(Number.isInteger(s.line) && (s.line as number) >= 1, `${where}.line is 1-based`);
      assert.ok(['complete', 'incomplete', 'empty'].includes(s.status as string), `${where}.status`);
      assert.ok(Array.isArray(s.missing) && (s.missing as string[]).every((p) => PARTS.includes(p)), `${where}.missing`);
      assert.ok(Array.isArray(s.stories), `${where}.stories`);
      (s.stories as Record<string, unknown>[]).forEach((sub, i) => checkStory(sub, `${where}.stories[${i}]`));
    }

    function checkShape(json: Record<string, unknown>): void {
      assert.ok(Array.isArray(json.files), 'files');
      for (const [fi, f] of (json.files as Record<string, unknown>[]).entries()) {
        assert.equal(typeof f.path, 'string', `files[${fi}].path`);
        assert.ok(Array.isArray(f.categories) && Array.isArray(f.findings), `files[${fi}] has categories and findings`);
        for (const [ci, c] of (f.categories as Record<string, unknown>[]).entries()) {
          assert.ok(c.title === null || typeof c.title === 'string', `categories[${ci}].title is a string or null`);
          assert.ok(Number.isInteger(c.line) && (c.line as number) >= 1, `categories[${ci}].line`);
          assert.equal(typeof c.done, 'boolean', `categories[${ci}].done`);
          assert.ok(Array.isArray(c.stories), `categories[${ci}].stories`);
          (c.stories as Record<string, unknown>[]).forEach((s, si) => checkStory(s, `categories[${ci}].stories[${si}]`));
        }
        for (const [i, x] of (f.findings as Record<string, unknown>[]).entries()) {
          assert.equal(typeof x.rule, 'string', `findings[${i}].rule`);
          assert.ok(['error', 'warning', 'information', 'hint'].includes(x.severity as string), `findings[${i}].severity`);
          for (const k of ['line', 'column', 'endLine', 'endColumn']) assert.ok(Number.isInteger(x[k]) && (x[k] as number) >= 1, `findings[${i}].${k} is 1-based`);
          assert.ok((x.endLine as number) > (x.line as number) || ((x.endLine as number) === (x.line as number) && (x.endColumn as number) >= (x.column as number)), `findings[${i}] ends before it starts`);
          assert.equal(typeof x.message, 'string', `findings[${i}].message`);
        }
      }
      const summary = json.summary as Record<string, unknown>;
      assert.ok(Number.isInteger(summary.stories) && Number.isInteger(summary.complete), 'summary.stories / summary.complete');
      const all = (json.files as { categories: { stories: { status: string }[] }[] }[]).flatMap((f) => f.categories.flatMap((c) => c.stories));
      assert.equal(summary.stories, all.length);
      assert.equal(summary.complete, all.filter((s) => s.status === 'complete').length);
    }

    it('has the documented shape for the seed notes and the corpus', function () {
      requireShared(this);
      const names = ['seed-notes.md'];
      copyFileSync(SEED_PATH, join(dir, 'seed-notes.md'));
      for (const f of corpusFiles()) {
        writeFileSync(join(dir, f.name), f.bytes);
        names.push(f.name);
      }
      const r = cli(['check', '--json', ...names], dir);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const json = JSON.parse(r.stdout) as Record<string, unknown>;
      checkShape(json);
      assert.deepEqual((json.files as { path: string }[]).map((f) => f.path), names);
    });

    it('lines and columns are 1-based (LF, CRLF and CR alike); stories under no category sit under title null', () => {
      const lf = '### 1 Lonely story\n- **Situation**: s\n- **Task**: ❓\n\n## A. Category\n### 1 Story\n- **Situation**: s\n';
      for (const [name, text] of [['lf.md', lf], ['crlf.md', lf.replace(/\n/g, '\r\n')], ['cr.md', lf.replace(/\n/g, '\r')]] as const) {
        writeFileSync(join(dir, name), text);
        const r = cli(['check', '--json', name], dir);
        const json = JSON.parse(r.stdout) as Record<string, unknown>;
        checkShape(json);
        const file = (json.files as Record<string, unknown>[])[0] as {
          categories: { title: string | null; line: number; stories: { title: string; line: number }[] }[];
          findings: { rule: string; line: number; column: number; endLine: number; endColumn: number }[];
        };
        assert.deepEqual(
          file.categories.map((c) => [c.title, c.line, c.stories.map((s) => [s.title, s.line])]),
          [
            [null, 1, [['Lonely story', 1]]],
            ['Category', 5, [['Story', 6]]],
          ],
          name,
        );
        const first = file.findings.find((f) => f.rule === 'missing-section')!;
        assert.deepEqual([first.line, first.column, first.endLine, first.endColumn], [1, 1, 1, '### 1 Lonely story'.length + 1], `${name}: the heading of story 1`);
        const placeholder = file.findings.find((f) => f.rule === 'placeholder')!;
        assert.deepEqual([placeholder.line, placeholder.column, placeholder.endLine, placeholder.endColumn], [3, 13, 3, 14], `${name}: the ❓ on line 3`);
      }
    });
  });

  describe('--fix', () => {
    it('CRLF: only the fixed spans change; CRLF kept; temp file + rename; mode kept', () => {
      const { run } = fixAndCheck(dir, 'crlf.md', Buffer.from(NOTES.replace(/\n/g, '\r\n')));
      assert.match(run.stdout, /applied \d+ fix/);
    });

    it('CR: only the fixed spans change; bare CR kept', () => {
      fixAndCheck(dir, 'cr.md', Buffer.from(NOTES.replace(/\n/g, '\r')), 0o600);
    });

    it('BOM: only the fixed spans change; one BOM, first', () => {
      fixAndCheck(dir, 'bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NOTES)]), 0o644);
    });

    it('keeps a group-writable mode (0664) whatever the umask', () => {
      fixAndCheck(dir, 'shared.md', Buffer.from(NOTES), 0o664);
    });

    it('a second --fix changes nothing (and does not rewrite the file)', () => {
      fixAndCheck(dir, 'again.md', Buffer.from(NOTES.replace(/\n/g, '\r\n')));
      const path = join(dir, 'again.md');
      const [bytes, inode] = [readFileSync(path), statSync(path).ino];
      const r = cli(['check', '--fix', 'again.md'], dir);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.ok(readFileSync(path).equals(bytes), 'the second --fix changed the file');
      assert.equal(statSync(path).ino, inode, 'the second --fix rewrote the file');
      assert.doesNotMatch(r.stdout, /applied/);
    });

    describe('Windows-1252 files of the corpus', () => {
      const windows1252 = sharedAvailable() ? corpusFiles().filter((f) => decodeFile(f.bytes).encoding === 'windows-1252') : [];
      before(function () {
        requireShared(this);
        assert.ok(windows1252.length > 0, 'the corpus has Windows-1252 files');
      });
      for (const f of windows1252) {
        it(`${f.name}: stays Windows-1252, only the fixed spans change (or nothing, without certain fixes)`, () => {
          const file = decodeFile(f.bytes);
          const fixes = analyze(file.text).findings.filter((x) => certainFix(file.text, x)).length;
          if (fixes > 0) {
            fixAndCheck(dir, 'notes.md', f.bytes);
          } else {
            const path = join(dir, 'notes.md');
            writeFileSync(path, f.bytes);
            const inode = statSync(path).ino;
            const r = cli(['check', '--fix', 'notes.md'], dir);
            assert.ok(r.status === 0 || r.status === 1, r.stderr);
            assert.ok(readFileSync(path).equals(f.bytes), 'a file without certain fixes was changed');
            assert.equal(statSync(path).ino, inode, 'a file without certain fixes was rewritten');
            assert.deepEqual(readdirSync(dir), ['notes.md']);
          }
        });
      }
    });

    it('a Windows-1252 file: the fixes it can hold are applied, one it cannot (✅) is left, and it stays Windows-1252', () => {
      // `‚úÖ` is the Mac Roman reading of ✅; in a Windows-1252 file those are the bytes 82 FA D6.
      const text = NOTES.replace('pager at 3 am ❓', 'pager at 3 am, caf\u00e9 closed');
      const bytes = Buffer.from(encodeFile(text, { encoding: 'windows-1252', bom: false }));
      assert.equal(decodeFile(bytes).encoding, 'windows-1252');
      const path = join(dir, 'legacy.md');
      writeFileSync(path, bytes);
      const r = cli(['check', '--fix', 'legacy.md'], dir);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.equal(r.stderr, '');
      const after = decodeFile(readFileSync(path));
      assert.equal(after.encoding, 'windows-1252');
      assert.ok(after.text.includes('## \u201A\u00FA\u00D6 A. Handling conflict'), 'the ✅ that Windows-1252 cannot hold is left as it was');
      assert.ok(after.text.includes('- **Situation**: glue jobs for 2 GB a day\n- **Task**: \n- **Action**: \n- **Result**:'), after.text);
      assert.match(r.stdout, /mis-encoded/);
      assert.deepEqual(readdirSync(dir), ['legacy.md'], 'a temporary file was left behind');
    });

    it('the seed notes: only the fixed spans change', function () {
      requireShared(this);
      fixAndCheck(dir, 'seed-notes.md', readFileSync(SEED_PATH));
    });
  });
});
