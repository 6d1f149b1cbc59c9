// `interview-notes sheet` as a user runs it (`node dist/cli.js`): the cheat sheet of the stories of
// the files as Markdown on standard output or as an HTML page written with -o, complete stories only
// unless --all, grouped by category or competency, and clear messages when there is nothing to put
// on it or the output would replace a notes file.

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../support/cli-run';

const EXAMPLE = join(ROOT, 'examples', 'notes.md');
const WS = join(ROOT, 'test', 'fixtures', 'practice', 'ws');

describe('cli: interview-notes sheet', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-sheet-'));
    cpSync(WS, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the Markdown sheet of the complete stories, grouped by category, and says nothing else', () => {
    const r = cli(['sheet', 'notes/notes.md'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const headings = r.stdout.split('\n').filter((l) => /^#{1,3} /.test(l));
    assert.deepEqual(headings, [
      '# Cheat sheet',
      '## Conflict',
      '### Argued for a queue instead of polling',
      '### Disagreed with my manager about a deadline',
      '## Ownership',
      '### Fixed a flaky build nobody owned',
      '## Learning',
      '### Learned Kotlin for a mobile hotfix',
      '## Customer Focus',
      '### Said no to a feature request',
    ]);
    // The story's own cue line replaces its summary.
    assert.match(r.stdout, /### Fixed a flaky build nobody owned\n\n.*\n\n- \*\*Cue\*\* two tests, one temp folder → 20 flaky runs a week to 0\n/);
  });

  it('-o sheet.html writes one self-contained HTML page (the format from the extension) and says what it wrote', () => {
    const r = cli(['sheet', 'notes', '-o', 'sheet.html', '--paper', 'letter', '--title', 'Before the onsite'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'wrote sheet.html: 5 stories in 4 groups (1 unfinished left out; --all includes them)\n');
    const html = readFileSync(join(dir, 'sheet.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<title>Before the onsite<\/title>/);
    assert.match(html, /@page \{ size: letter;/);
    assert.doesNotMatch(html, /<script|<link|src=/, 'nothing to fetch, nothing to run');
    assert.ok(html.includes('<h3>Learned Kotlin for a mobile hotfix</h3>'));
    // No temporary file is left beside it.
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });

  it('--all puts the unfinished stories on the sheet too; --group-by competency groups by their first tag', () => {
    const all = cli(['sheet', 'notes/notes.md', '--all'], dir);
    assert.equal(all.status, 0, all.stderr);
    assert.ok(all.stdout.includes('### Took over the reporting service'));
    const byCompetency = cli(['sheet', 'notes/notes.md', '--group-by', 'competency'], dir);
    assert.equal(byCompetency.status, 0, byCompetency.stderr);
    const groups = byCompetency.stdout.split('\n').filter((l) => l.startsWith('## '));
    assert.ok(groups.includes('## Conflict'), groups.join(' | '));
  });

  it('never writes over one of the notes files it reads', () => {
    const path = join(dir, 'notes', 'notes.md');
    const before = readFileSync(path, 'utf8');
    const r = cli(['sheet', 'notes/notes.md', '-o', 'notes/notes.md'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'interview-notes sheet: --output notes/notes.md is one of the notes files; choose another file name\n');
    assert.equal(readFileSync(path, 'utf8'), before);
  });

  it('nothing to put on the sheet: exit 1 with why, and no file written', () => {
    writeFileSync(join(dir, 'drafts.md'), '## A. Drafts\n### 1 Half a story\n- **Situation**: s\n- **Task**: ❓\n');
    const unfinished = cli(['sheet', 'drafts.md', '-o', 'out.md'], dir);
    assert.equal(unfinished.status, 1);
    assert.equal(unfinished.stderr, 'interview-notes sheet: none of the 1 stories is complete (1 unfinished); --all puts every story on the sheet\n');
    assert.equal(existsSync(join(dir, 'out.md')), false);
    const none = cli(['sheet', 'questions.md'], dir);
    assert.equal(none.status, 1);
    assert.equal(none.stderr, 'interview-notes sheet: no stories in questions.md: nothing to put on the sheet\n');
  });

  it('bad usage and unreadable files exit 2 with one line each', () => {
    const format = cli(['sheet', 'notes', '--format', 'pdf'], dir);
    assert.equal(format.status, 2);
    assert.equal(format.stderr, 'interview-notes sheet: --format takes one of md, html. Try --help.\n');
    const missing = cli(['sheet', 'nope.md'], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.md/);
    const help = cli(['sheet', '--help'], dir);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: interview-notes sheet/);
  });

  it('--all --format html on the bundled example: one article per story, all 7', () => {
    const r = cli(['sheet', EXAMPLE, '--all', '--format', 'html'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal((r.stdout.match(/<article class="story">/g) ?? []).length, 7);
  });
});
