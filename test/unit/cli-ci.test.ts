// The command line in CI, as a user runs it (`node dist/cli.js`, built by cli.test.ts's `before` or
// here): the configuration file found from a nested file, --config, folders, globs and standard
// input; each --format checked by what reads it (SARIF against the official schema, the JSON output
// against ours, workflow-command lines parsed as the Actions runner does, JUnit parsed as XML);
// --version and --help; colour; control characters; a broken pipe; `check -- -h`; files written out
// one at a time; the pre-commit hook on a temporary git repository; and the editor's way of
// resolving options giving the same findings as the command line.

/* eslint-disable no-control-regex -- control characters in the output are what these tests look for */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { analyze, decodeFile } from '../../src/core/index';
import { locateConfig, parseConfig, resolveOptions } from '../../src/core/config/index';
import { readSettings } from '../../src/vscode/settings-map';
import { main, type Io } from '../../src/cli/main';
import { cli, CLI, ROOT, type Run } from '../support/cli-run';
import { corpusFiles, requireShared, SEED_PATH } from '../support/shared';


const COMPLETE = '### 1 Finished story\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: r\n';
/** An unfinished story (no Result: a warning) with a TODO (information). */
const UNFINISHED = '## A. Conflict\n### 1 Half a story\n- **Situation**: s\n- **Task**: t TODO\n- **Action**: a\n';

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

interface JsonOut {
  files: { path: string; isNotes: boolean; excluded?: boolean; findings: { rule: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string }[] }[];
  summary: { stories: number; complete: number };
}

const json = (r: Run) => JSON.parse(r.stdout) as JsonOut;

describe('command line for CI (dist/cli.js)', function () {
  this.timeout(5 * 60_000);
  let dir: string;

  before(() => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe' });
    assert.ok(existsSync(CLI));
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interview-notes-ci-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('configuration file', () => {
    it('is found from a nested file upwards, wherever the command runs from', () => {
      write(dir, { '.interview-notes.jsonc': '{ // a comment\n "rules": { "placeholder": "error", "missing-section": "off", }\n}\n', 'a/b/notes.md': UNFINISHED });
      for (const [cwd, arg] of [[dir, 'a/b/notes.md'], [join(dir, 'a', 'b'), 'notes.md'], [tmpdir(), join(dir, 'a/b/notes.md')]] as const) {
        const r = cli(['check', '--json', arg], cwd);
        assert.equal(r.stderr, '');
        assert.deepEqual(json(r).files[0]!.findings.map((f) => [f.rule, f.severity]), [['placeholder', 'error']], `from ${cwd}`);
        assert.equal(r.status, 1, 'an error fails the run');
      }
    });

    it('the nearest file wins; package.json counts only with an "interview-notes" key', () => {
      write(dir, {
        '.interview-notes.json': '{ "rules": { "placeholder": "error" } }',
        'team/package.json': '{ "name": "team", "interview-notes": { "rules": { "placeholder": "hint" } } }',
        'team/me/package.json': '{ "name": "no-key-here" }',
        'team/me/notes.md': UNFINISHED,
        'other/notes.md': UNFINISHED,
      });
      const r = cli(['check', '--json', 'team/me/notes.md', 'other/notes.md'], dir);
      const severities = json(r).files.map((f) => f.findings.find((x) => x.rule === 'placeholder')!.severity);
      assert.deepEqual(severities, ['hint', 'error']);
    });

    it('a broken file is reported with its path, line and column, and the run exits 2', () => {
      write(dir, { '.interview-notes.jsonc': '{\n  "rules": {\n    "placeholder": "offf"\n  }\n}\n', 'notes.md': COMPLETE });
      const r = cli(['check', 'notes.md'], dir);
      assert.equal(r.status, 2);
      assert.equal(r.stderr, '.interview-notes.jsonc:3:20: error config "rules.placeholder" must be one of "error", "warning", "information", "hint", "off"\n');
      assert.match(r.stdout, /0 findings in 1 file/, 'the notes are still checked');
      write(dir, { '.interview-notes.jsonc': '{ "rules": ' });
      const broken = cli(['check', 'notes.md'], dir);
      assert.equal(broken.status, 2);
      assert.match(broken.stderr, /^\.interview-notes\.jsonc:1:12: error config syntax error: value expected$/m);
      assert.doesNotMatch(broken.stderr, /\s+at /, 'no stack trace');
    });

    it('--config FILE applies one file to everything, and a missing one is exit 2', () => {
      write(dir, { 'ci/strict.jsonc': '{ "rules": { "placeholder": "error" } }', '.interview-notes.json': '{ "rules": { "placeholder": "off" } }', 'notes.md': UNFINISHED });
      const r = cli(['check', '--json', '--config', 'ci/strict.jsonc', 'notes.md'], dir);
      assert.ok(json(r).files[0]!.findings.some((f) => f.rule === 'placeholder' && f.severity === 'error'));
      const missing = cli(['check', '--config', 'nope.jsonc', 'notes.md'], dir);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /^nope\.jsonc:1:1: error config cannot read: ENOENT$/m);
    });

    it('command-line levels beat the configuration file', () => {
      write(dir, { '.interview-notes.json': '{ "levels": { "category": 0 } }', 'notes.md': '# Q1\n## Story\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: r\n' });
      const titles = (r: Run) => (JSON.parse(r.stdout) as { files: { categories: { title: string | null }[] }[] }).files[0]!.categories.map((c) => c.title);
      assert.deepEqual(titles(cli(['check', '--json', 'notes.md'], dir)), [null], 'the configuration: no category headings');
      assert.deepEqual(titles(cli(['check', '--json', '--category-level', '1', 'notes.md'], dir)), ['Q1']);
    });
  });

  describe('files, folders, globs, standard input', () => {
    beforeEach(() => {
      write(dir, {
        'notes/a.md': COMPLETE,
        'notes/deep/b.md': UNFINISHED,
        'notes/README.md': '# About\n\nJust prose.\n',
        'notes/node_modules/pkg/readme.md': UNFINISHED,
        'notes/.hidden/c.md': UNFINISHED,
        'notes/deep/d.markdown': COMPLETE,
        'notes/deep/e.txt': UNFINISHED,
      });
    });

    it('a folder: its Markdown files, sorted, without node_modules and hidden folders', () => {
      const r = cli(['check', '--json', 'notes'], dir);
      assert.deepEqual(json(r).files.map((f) => f.path), ['notes/README.md', 'notes/a.md', 'notes/deep/b.md', 'notes/deep/d.markdown']);
      assert.equal(r.status, 1);
    });

    it('the configuration narrows a folder: exclude leaves files out, include names the notes', () => {
      write(dir, { '.interview-notes.jsonc': '{ "notes": { "exclude": ["README.md", "notes/deep/b.md"] } }' });
      assert.deepEqual(json(cli(['check', '--json', 'notes'], dir)).files.map((f) => f.path), ['notes/a.md', 'notes/deep/d.markdown']);
      write(dir, { '.interview-notes.jsonc': '{ "notes": { "include": ["notes/deep/**"] } }' });
      assert.deepEqual(json(cli(['check', '--json', 'notes'], dir)).files.map((f) => f.path), ['notes/deep/b.md', 'notes/deep/d.markdown']);
    });

    it('a file named outright that the configuration excludes is reported as left out, not checked', () => {
      write(dir, { '.interview-notes.jsonc': '{ "notes": { "exclude": ["**/deep/**"] } }' });
      const r = cli(['check', 'notes/deep/b.md'], dir);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^notes\/deep\/b\.md: left out by the configuration \(notes\.exclude\), not checked$/m);
      const j = json(cli(['check', '--json', 'notes/deep/b.md'], dir));
      assert.deepEqual(j.files[0]!, { ...j.files[0]!, isNotes: false, excluded: true, findings: [] });
    });

    it('a glob, expanded by the tool (quoted, so the shell does not)', () => {
      const r = cli(['check', '--json', 'notes/**/*.md'], dir);
      assert.deepEqual(json(r).files.map((f) => f.path), ['notes/README.md', 'notes/a.md', 'notes/deep/b.md']);
    });

    it('- reads standard input, named by --stdin-filename, with that name’s configuration', () => {
      write(dir, { 'notes/.interview-notes.json': '{ "rules": { "missing-section": "error" } }' });
      const r = cli(['check', '--stdin-filename', 'notes/draft.md', '-'], dir, { input: UNFINISHED });
      assert.equal(r.status, 1);
      assert.match(r.stdout, /^notes\/draft\.md:2:1: error missing-section /m);
      const anonymous = cli(['check', '--json', '-'], dir, { input: COMPLETE });
      assert.deepEqual(json(anonymous).files.map((f) => [f.path, f.isNotes]), [['<stdin>', true]]);
      assert.equal(cli(['check', '--fix', '-'], dir, { input: COMPLETE }).status, 2, '--fix cannot write standard input');
    });

    it('check -- -h checks a file named -h; check --help and --version answer', () => {
      write(dir, { '-h': UNFINISHED });
      const r = cli(['check', '--', '-h'], dir);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /^-h:2:1: warning missing-section/m);
      const help = cli(['check', '--help'], dir);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /^Usage: interview-notes check \[options\] FILES…/);
      assert.match(help.stdout, /--format FORMAT/);
      const top = cli(['--help'], dir);
      assert.match(top.stdout, /^Usage: interview-notes <command>/);
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.equal(cli(['--version'], dir).stdout, `${pkg.version}\n`);
    });
  });

  describe('--format', () => {
    const notes = () => {
      write(dir, { 'notes.md': UNFINISHED + '\n## ‚úÖ B. Done\n### 1 Empty\n', 'odd, name: 100%.md': UNFINISHED, 'clean.md': COMPLETE });
      return ['notes.md', 'odd, name: 100%.md', 'clean.md'];
    };

    it('json: valid against schemas/check-output.schema.json (examples, seed notes, corpus)', function () {
      const ajv = new Ajv({ allErrors: true, strict: true });
      const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'check-output.schema.json'), 'utf8')) as object);
      const names = notes();
      writeFileSync(join(dir, 'example.md'), readFileSync(join(ROOT, 'examples', 'notes.md')));
      names.push('example.md');
      requireShared(this);
      writeFileSync(join(dir, 'seed.md'), readFileSync(SEED_PATH));
      names.push('seed.md');
      for (const f of corpusFiles()) {
        writeFileSync(join(dir, f.name), f.bytes);
        names.push(f.name);
      }
      const r = cli(['check', '--format', 'json', ...names], dir);
      const out = JSON.parse(r.stdout) as JsonOut;
      assert.ok(validate(out), ajv.errorsText(validate.errors));
      assert.equal(out.files.length, names.length);
      // The schema is not empty talk: a record with a stray key fails it.
      assert.equal(validate({ ...out, extra: 1 }), false);
    });

    it('sarif: valid SARIF 2.1.0 against the official schema, one result per finding, at its place', () => {
      const sarifSchema = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
      const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      const validate = ajv.compile(sarifSchema);
      const names = notes();
      const r = cli(['check', '--format', 'sarif', ...names], dir);
      assert.equal(r.status, 1);
      const log = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
      assert.ok(validate(log), ajv.errorsText(validate.errors));
      assert.equal(log.version, '2.1.0');
      const expected = json(cli(['check', '--json', ...names], dir)).files.flatMap((f) => f.findings.map((x) => [encodeURIComponent(f.path), x.rule, x.line, x.column]));
      const results = log.runs[0]!.results;
      assert.deepEqual(results.map((x) => [x.locations[0]!.physicalLocation.artifactLocation.uri, x.ruleId, x.locations[0]!.physicalLocation.region.startLine, x.locations[0]!.physicalLocation.region.startColumn]), expected);
      for (const x of results) assert.equal(log.runs[0]!.tool.driver.rules[x.ruleIndex]!.id, x.ruleId);
      assert.deepEqual([...new Set(results.map((x) => x.level))].sort(), ['note', 'warning']);
      // And a log the schema must reject, so the validation is real.
      assert.equal(validate({ ...log, version: '2.0.0' }), false);
    });

    it('github: one workflow command per finding that the runner parses back to the same file, place and message', () => {
      const names = notes();
      const r = cli(['check', '--format', 'github', ...names], dir);
      assert.equal(r.status, 1);
      const expected = json(cli(['check', '--json', ...names], dir)).files.flatMap((f) => f.findings.map((x) => ({ file: f.path, ...x })));
      const lines = r.stdout.split('\n').filter(Boolean);
      assert.equal(lines.length, expected.length);
      // The runner's reading (actions/runner ActionCommand.TryParseV2): `::name k=v,k=v::message`,
      // properties split at `,` and `=`, then unescaped.
      const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
      lines.forEach((line, i) => {
        const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
        assert.ok(m, `not a workflow command: ${line}`);
        const props = Object.fromEntries(m[2]!.split(',').map((kv) => kv.split('=', 2).map(unescape) as [string, string]));
        const x = expected[i]!;
        assert.equal(m[1], { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' }[x.severity]);
        assert.deepEqual(props, { file: x.file, line: String(x.line), col: String(x.column), endLine: String(x.endLine), endColumn: String(x.endColumn), title: `interview-notes ${x.rule}` });
        assert.equal(unescape(m[3]!), x.message);
      });
      assert.ok(expected.some((x) => x.file === 'odd, name: 100%.md'), 'the awkward name was reported');
    });

    it('junit: well-formed XML, a suite per file, a failed case per finding at warning or above', () => {
      const names = notes();
      write(dir, { 'evil.md': '### 1 Title with <tags> & "quotes" and \u001b[31mESC\u0007\n- **Situation**: s\n' });
      names.push('evil.md');
      const r = cli(['check', '--format', 'junit', ...names], dir);
      assert.equal(XMLValidator.validate(r.stdout), true);
      const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(r.stdout) as {
        testsuites: { testsuite: { name: string; tests: string; failures: string; testcase: { name: string; failure?: { type: string; message: string } }[] }[] };
      };
      const suites = doc.testsuites.testsuite;
      assert.deepEqual(suites.map((s) => s.name), names);
      const expected = json(cli(['check', '--json', ...names], dir)).files;
      suites.forEach((s, i) => {
        const failing = expected[i]!.findings.filter((x) => x.severity === 'warning' || x.severity === 'error');
        assert.equal(Number(s.failures), failing.length, s.name);
        assert.equal(Number(s.tests), Math.max(1, failing.length));
        if (failing.length) assert.deepEqual(s.testcase.map((c) => [c.name, c.failure!.type]), failing.map((x) => [`${x.rule} ${x.line}:${x.column}`, x.rule]));
      });
      assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(r.stdout), 'control characters XML cannot hold');
    });

    it('an unknown format, or --json against another format, is bad usage', () => {
      assert.equal(cli(['check', '--format', 'yaml', 'x.md'], dir).status, 2);
      assert.equal(cli(['check', '--json', '--format', 'sarif', 'x.md'], dir).status, 2);
    });
  });

  describe('text output on a terminal and in logs', () => {
    it('colour only when asked: FORCE_COLOR on, NO_COLOR off, a pipe plain', () => {
      write(dir, { 'notes.md': UNFINISHED });
      const plain = cli(['check', 'notes.md'], dir);
      assert.ok(!plain.stdout.includes('\u001b['), 'a pipe gets no colour');
      const forced = cli(['check', 'notes.md'], dir, { env: { FORCE_COLOR: '1' } });
      assert.match(forced.stdout, /\u001b\[33mwarning\u001b\[39m missing-section/);
      assert.equal(forced.stdout.replace(/\u001b\[\d+m/g, ''), plain.stdout, 'colour changes nothing else');
      const off = cli(['check', 'notes.md'], dir, { env: { NO_COLOR: '1' } });
      assert.equal(off.stdout, plain.stdout);
    });

    it('escape sequences in titles and file names reach the terminal as visible text', () => {
      const name = 'bad\u001b]0;owned\u0007name.md';
      write(dir, { [name]: '## A. \u001b[2J Cleared\n### 1 Story \u001b[31mred\u202e\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n' });
      const r = cli(['check', name], dir);
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/.test(r.stdout), JSON.stringify(r.stdout));
      assert.match(r.stdout, /^bad\\x1B\]0;owned\\x07name\.md$/m);
      assert.match(r.stdout, /A\. \\x1B\[2J Cleared/);
      assert.match(r.stdout, /Story \\x1B\[31mred\\u202E/);
      // JSON keeps the text as it is (escaped by JSON itself).
      assert.ok(json(cli(['check', '--json', name], dir)).files[0]!.path === name);
    });

    it('a reader that goes away (| head -1) ends the run quietly: no stack trace, exit 0', () => {
      for (let i = 0; i < 300; i++) write(dir, { [`n${String(i).padStart(3, '0')}.md`]: UNFINISHED.repeat(20) });
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" check --json . | head -c 100 >/dev/null; echo "status=\${PIPESTATUS[0]}" >&2`], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.stderr, 'status=0\n');
    });
  });

  describe('output to a pipe', () => {
    it('comes in blocks, in order, every file there, and a file it cannot read is said after the files before it', () => {
      const names = Array.from({ length: 400 }, (_, i) => `p${String(i).padStart(3, '0')}.md`);
      for (const name of names) write(dir, { [name]: UNFINISHED });
      execFileSync('mkfifo', [join(dir, 'p200-pipe.md')]);
      const listed = [...names.slice(0, 200), 'p200-pipe.md', ...names.slice(200)];
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" check ${listed.join(' ')} 2>&1 | cat`], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      const heads = r.stdout.split('\n').filter((line) => /^p\d{3}\.md$/.test(line) || line.startsWith('interview-notes: cannot read'));
      assert.equal(heads.length, 401);
      assert.deepEqual(heads.filter((line) => line.endsWith('.md')), names, 'every file, in the order given');
      assert.match(heads[200]!, /cannot read p200-pipe\.md: not a regular file/, 'the error comes between file 199 and file 200');
      assert.match(r.stdout, /in 400 files/);
    });
  });

  describe('one file at a time', () => {
    it('a file’s record is written before the next file is read (the output streams)', () => {
      write(dir, { 'a.md': UNFINISHED, 'b.md': UNFINISHED, 'c.md': COMPLETE });
      const chunks: string[] = [];
      const errors: string[] = [];
      const io: Io = {
        out: (text) => {
          chunks.push(text);
          // Once a.md is written out, b.md goes away: a tool that read everything first would not notice.
          if (text.includes('"path": "a.md"') && existsSync(join(dir, 'b.md'))) unlinkSync(join(dir, 'b.md'));
        },
        err: (line) => errors.push(line),
        colour: false,
        readStdin: () => new Uint8Array(),
        cwd: dir,
      };
      const cwd = process.cwd();
      process.chdir(dir);
      let status: number;
      try {
        status = main(['check', '--json', 'a.md', 'b.md', 'c.md'], io);
      } finally {
        process.chdir(cwd);
      }
      assert.equal(status, 2);
      assert.deepEqual(errors, ['interview-notes: cannot read b.md: no such file']);
      const out = JSON.parse(chunks.join('')) as JsonOut;
      assert.deepEqual(out.files.map((f) => f.path), ['a.md', 'c.md']);
      assert.ok(chunks.length >= 4, 'written in pieces: the start, each file, the end');
    });
  });

  describe('pre-commit', () => {
    const hooks = () => readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');

    /** A temporary git repository with one complete and one unfinished story, both staged. */
    function repository(): string {
      const repo = join(dir, 'repo');
      write(repo, { 'done.md': COMPLETE, 'todo.md': UNFINISHED, 'README.md': '# Notes\n\nProse only.\n', 'script.sh': 'echo hi\n' });
      const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
      git('init', '-q', '-b', 'main');
      git('add', '.');
      return repo;
    }

    it('the hook definition: id interview-notes, node, `interview-notes check`, Markdown files', () => {
      const text = hooks();
      assert.match(text, /^- id: interview-notes$/m);
      assert.match(text, /^ {2}language: node$/m);
      assert.match(text, /^ {2}entry: interview-notes check$/m);
      assert.match(text, /^ {2}types: \[markdown\]$/m);
    });

    it('its command line as pre-commit calls it (entry + staged Markdown names) fails on an unfinished story', () => {
      const repo = repository();
      const staged = execFileSync('git', ['diff', '--cached', '--name-only'], { cwd: repo, encoding: 'utf8' }).split('\n').filter((f) => f.endsWith('.md'));
      const entry = /^ {2}entry: (.*)$/m.exec(hooks())![1]!.split(' ');
      assert.equal(entry[0], 'interview-notes');
      const fails = cli([...entry.slice(1), ...staged], repo);
      assert.equal(fails.status, 1);
      assert.match(fails.stdout, /^todo\.md:2:1: warning missing-section/m);
      const passes = cli([...entry.slice(1), 'done.md', 'README.md'], repo);
      assert.equal(passes.status, 0);
    });

    it('pre-commit itself runs the hook on a temporary repository: the commit is refused, then allowed once the story is done', function () {
      if (spawnSync('pre-commit', ['--version']).status !== 0) {
        if (process.env.CI) throw new Error('pre-commit is not installed (Debian package pre-commit; .ci/run installs it)');
        this.skip();
      }
      const repo = repository();
      // The hook exactly as .pre-commit-hooks.yaml defines it, but as a local `system` hook: a `node`
      // hook would make pre-commit clone this repository and npm-install it, and the test would be
      // about npm. `interview-notes` on PATH is the built CLI, as `npm install -g` would put it.
      const bin = join(dir, 'bin');
      mkdirSync(bin);
      writeFileSync(join(bin, 'interview-notes'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
      chmodSync(join(bin, 'interview-notes'), 0o755);
      const hook = hooks()
        .split('\n')
        .filter((l) => !l.startsWith('#') && l.trim() !== '')
        .map((l) => `    ${l}`.replace('language: node', 'language: system'))
        .join('\n');
      writeFileSync(join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: local\n    hooks:\n${hook}\n`);
      execFileSync('git', ['add', '.pre-commit-config.yaml'], { cwd: repo });
      const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, PRE_COMMIT_HOME: join(dir, 'pre-commit-home'), GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
      execFileSync('pre-commit', ['install'], { cwd: repo, env, stdio: 'pipe' });
      const refused = spawnSync('git', ['commit', '-q', '-m', 'notes'], { cwd: repo, env, encoding: 'utf8' });
      assert.notEqual(refused.status, 0, 'the commit went through');
      assert.match(refused.stdout + refused.stderr, /todo\.md:2:1: warning missing-section/);
      writeFileSync(join(repo, 'todo.md'), UNFINISHED.replace('TODO', 'done') + '- **Result**: r\n');
      execFileSync('git', ['add', 'todo.md'], { cwd: repo });
      const allowed = spawnSync('git', ['commit', '-q', '-m', 'notes'], { cwd: repo, env, encoding: 'utf8' });
      assert.equal(allowed.status, 0, allowed.stdout + allowed.stderr);
    });
  });

  describe('the editor and the command line agree', () => {
    it('one workspace with a configuration file: the same findings from the CLI and from options resolved the way the extension does', function () {
      requireShared(this);
      const config = '{ "rules": { "placeholder": "error", "empty-section": "off" }, "notes": { "exclude": ["skip/**"] } }';
      write(dir, { '.interview-notes.jsonc': config, 'skip/x.md': UNFINISHED });
      const names = ['skip/x.md'];
      for (const f of corpusFiles().slice(0, 8)) {
        writeFileSync(join(dir, f.name), f.bytes);
        names.push(f.name);
      }
      writeFileSync(join(dir, 'seed.md'), readFileSync(SEED_PATH));
      names.push('seed.md');
      const fromCli = json(cli(['check', '--json', ...names], dir)).files.map((f) => [f.path, f.findings.map((x) => [x.rule, x.severity, x.line, x.column])]);
      // The extension: its settings (here: the defaults, plus a user severity the file overrides) as the
      // layer below, then the nearest configuration file, resolved by the same pure function.
      const settings = readSettings((key) => (key === 'severity.placeholder' ? 'hint' : undefined));
      const located = locateConfig(parseConfig(config).config!, dir);
      const fromEditor = names.map((name) => {
        const resolved = resolveOptions(join(dir, name), [{ rules: settings.options.severities }], located);
        const findings = resolved.notes === false ? [] : analyze(decodeFile(readFileSync(join(dir, name))).text, resolved.analyze).findings;
        const text = decodeFile(readFileSync(join(dir, name))).text;
        return [name, findings.map((f) => [f.rule, f.severity, ...lineColumn(text, f.span.start)])];
      });
      assert.deepEqual(fromEditor, fromCli);
      assert.ok(fromCli.some(([, f]) => (f as unknown[][]).some((x) => x[0] === 'placeholder' && x[1] === 'error')), 'the file’s severity applied');
    });
  });
});

function lineColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return [before.length, before.at(-1)!.length + 1];
}
