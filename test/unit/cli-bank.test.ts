// The story bank on the command line, as a user runs it (`node dist/cli.js`): each story's tags,
// speaking time and per-part words in `check`'s text and JSON output, `interview-notes coverage` as a
// Markdown table and as JSON over several files, and `check --check-generated` failing on a coverage
// table that no longer says what the stories say.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cli, ROOT } from '../support/cli-run';

// 31 words in the Action (the hashtag's among them), a tag line, a hashtag and a category that names a competency.
const TAGGED = [
  '## Conflict',
  '### 1 Pushed back on a rewrite',
  '- **Tags**: influence, dive deep',
  '- **Situation**: The team wanted to rewrite the billing service.',
  '- **Task**: Decide whether to rewrite.',
  '- **Action**: I measured where the time went, wrote up three options with costs, and walked each lead through them one at a time before the planning meeting so nobody was surprised. #ownership',
  '- **Result**: We kept the service and cut its latency by 40 %.',
  '',
].join('\n');

const UNTAGGED = ['## Misc', '### 1 Helped a new hire', '- **Situation**: s', '- **Task**: t', '- **Action**: a', '- **Result**: r', ''].join('\n');

interface JsonStory {
  title: string;
  tags: string[];
  words: number;
  seconds: number;
  parts: Record<string, number>;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

describe('story bank on the command line', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe' });
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interview-notes-bank-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('check --json gives each story its tags, words, seconds and words per part', () => {
    write(dir, { 'notes.md': TAGGED });
    const run = cli(['check', '--json', 'notes.md'], dir);
    assert.equal(run.status, 0, run.stderr);
    const story = (JSON.parse(run.stdout) as { files: { categories: { stories: JsonStory[] }[] }[] }).files[0]!.categories[0]!.stories[0]!;
    assert.deepEqual(story.tags, ['Influence', 'Dive Deep', 'Ownership', 'Conflict']);
    // The tag line and the labels are not spoken; the hashtag's word is.
    assert.deepEqual(story.parts, { situation: 8, task: 4, action: 31, result: 10 });
    assert.equal(story.words, 53);
    assert.equal(story.seconds, Math.round((53 / 150) * 60));
  });

  it('check prints the speaking time, the words (per part) and the tags after each story line', () => {
    write(dir, { 'notes.md': TAGGED });
    const run = cli(['check', 'notes.md'], dir);
    assert.match(run.stdout, /✓ 1\. Pushed back on a rewrite {2}⏱ 0:21 \(53 words: S 8, T 4, A 31, R 10\) {2}#Influence #Dive-Deep #Ownership #Conflict\n/);
  });

  it('coverage prints one Markdown table over all the files, with the gaps', () => {
    write(dir, { 'a.md': TAGGED, 'b/c.md': TAGGED.replace('Pushed back on a rewrite', 'Said no to a launch date') });
    const run = cli(['coverage', 'a.md', 'b'], dir);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], '<!-- interview-notes:coverage -->');
    assert.ok(lines.includes('| Conflict | Pushed back on a rewrite · Said no to a launch date | 2 |'), run.stdout);
    assert.ok(lines.includes('| Leadership | — | 0 (gap) |'), run.stdout);
    assert.ok(lines.includes('<!-- /interview-notes:coverage -->'));
  });

  it('coverage --framework amazon --format json names the stories by file and line', () => {
    write(dir, { 'a.md': TAGGED, 'b.md': UNTAGGED });
    const run = cli(['coverage', '--framework', 'amazon', '--format', 'json', 'a.md', 'b.md'], dir);
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { framework: { id: string }; covered: number; total: number; competencies: { id: string; count: number; gap: boolean; stories: { path: string; line: number; title: string }[] }[] };
    assert.equal(out.framework.id, 'amazon');
    assert.equal(out.total, out.competencies.length);
    const dive = out.competencies.find((c) => c.id === 'dive-deep')!;
    assert.deepEqual(dive.stories, [{ path: 'a.md', title: 'Pushed back on a rewrite', line: 2, status: 'complete' }]);
    assert.equal(dive.gap, true, 'one complete story is fewer than two');
  });

  it('coverage refuses an unknown framework or format, and options of check', () => {
    write(dir, { 'a.md': TAGGED });
    for (const args of [['--framework', 'netflix'], ['--format', 'sarif'], ['--fix']]) {
      const run = cli(['coverage', ...args, 'a.md'], dir);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /Try --help/);
    }
    assert.match(cli(['coverage', '--help'], dir).stdout, /Usage: interview-notes coverage/);
  });

  it('check --check-generated exits 1 on a stale coverage table, 0 once it is regenerated', () => {
    const stale = `${TAGGED}\n<!-- interview-notes:coverage -->\n| Competency | Stories | Count |\n| --- | --- | ---: |\n<!-- /interview-notes:coverage -->\n`;
    write(dir, { 'notes.md': stale, 'other.md': TAGGED });
    assert.equal(cli(['check', 'notes.md'], dir).status, 0, 'without the flag the table is not checked');
    const run = cli(['check', '--check-generated', 'notes.md', 'other.md'], dir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^notes\.md: the coverage table is out of date/m);
    assert.doesNotMatch(run.stderr, /other\.md/, 'a file without a table is not stale');
    const table = cli(['coverage', 'notes.md'], dir).stdout;
    write(dir, { 'notes.md': `${TAGGED}\n${table}` });
    const fresh = cli(['check', '--check-generated', 'notes.md'], dir);
    assert.equal(fresh.status, 0, fresh.stderr);
    const amazon = cli(['coverage', '--framework', 'amazon', 'notes.md'], dir).stdout;
    write(dir, { 'notes.md': `${TAGGED}\n${amazon}` });
    assert.equal(cli(['check', '--check-generated', 'notes.md'], dir).status, 0, "a table of Amazon's principles is current too");
  });

  it("the configuration file's speaking rate, frameworks and gap limit apply to check and coverage", () => {
    const config = { speakingRate: 120, frameworks: ['amazon', { name: 'Our ladder', competencies: [{ name: 'Craft', aliases: ['quality'] }] }], coverage: { minStories: 1 } };
    write(dir, { 'notes.md': TAGGED.replace('dive deep', 'dive deep, quality'), '.interview-notes.json': JSON.stringify(config) });
    const story = (JSON.parse(cli(['check', '--json', 'notes.md'], dir).stdout) as { files: { categories: { stories: JsonStory[] }[] }[] }).files[0]!.categories[0]!.stories[0]!;
    assert.equal(story.seconds, Math.round((53 / 120) * 60), 'seconds at 120 words a minute');
    // Only the listed frameworks name tags: Amazon's principle and the ladder's Craft, not the generic set's Influence or Conflict.
    assert.deepEqual(story.tags, ['influence', 'Dive Deep', 'Craft', 'Ownership']);
    const out = JSON.parse(cli(['coverage', '--format', 'json', 'notes.md'], dir).stdout) as { framework: { id: string }; competencies: { id: string; gap: boolean }[] };
    assert.equal(out.framework.id, 'amazon', 'the first framework listed');
    assert.equal(out.competencies.find((c) => c.id === 'dive-deep')!.gap, false, 'one complete story is enough with minStories 1');
  });
});
