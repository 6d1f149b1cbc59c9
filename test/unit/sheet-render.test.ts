// The cheat sheet: each story's summary (first sentences, three Action points, the Result, or its
// cue), grouped by category or competency, complete stories only or all, as Markdown and HTML.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/core/index';
import { firstSentence, groupSheet, MAX_LINE, sheetHtml, sheetMarkdown, sheetStories, type SheetStory } from '../../src/core/sheet/index';

const read = (path: string) => readFileSync(path, 'utf8');
const storiesOf = (text: string): SheetStory[] => sheetStories(text, analyze(text));
const notes = storiesOf(read('test/fixtures/practice/ws/notes/notes.md'));
const tricky = storiesOf(read('test/fixtures/practice/sheet-escaping.md'));
const story = (stories: SheetStory[], title: string) => stories.find((s) => s.title.startsWith(title))!;

describe('sheet: what it says of a story', () => {
  it('the first sentence of Situation and Task, the Action’s list items (three at most), the Result sentence', () => {
    assert.deepEqual(story(notes, 'Argued for a queue').summary, {
      situation: 'Our billing events were copied by a nightly job.',
      task: 'Get the platform team to agree on one design before planning week.',
      actions: [
        "I measured the job's delay over two weeks and wrote the numbers on one page.",
        'I built a small prototype that read from a queue.',
        'I asked the platform lead to review it with me before the meeting.',
      ],
      result: 'We moved to the queue; events arrived in under a minute instead of a day.',
    });
  });

  it('an Action in prose gives its first three sentences; tags, placeholders and 🔸 notes are left out', () => {
    const s = story(tricky, 'Migrated');
    assert.deepEqual(s.summary.actions, ['I listed every job.', 'I wrote a test for each one.', 'I moved them one by one.']);
    assert.equal(s.summary.situation, 'Twelve servers ran a "legacy" cron & nobody knew why.');
    assert.equal(story(tricky, 'Half-written').summary.task, undefined);
    assert.equal(firstSentence('e.g. this one. And that.'), 'e.g. this one.');
  });

  it('a sentence too long for one line of the sheet (notes without full stops) is cut at a word, with …', () => {
    const long = 'we had a service that nobody owned and it broke every week and the on call rota had nobody for it '.repeat(3);
    const line = firstSentence(long)!;
    assert.ok(line.length <= MAX_LINE + 1, `${line.length} characters`);
    assert.ok(line.endsWith('…'));
    assert.ok(long.startsWith(line.slice(0, -1)), 'cut at a word, nothing changed before it');
  });

  it('a **Cue**: line replaces the summary, and is not read as part of the Result', () => {
    const s = story(notes, 'Fixed a flaky build');
    assert.equal(s.summary.cue, 'two tests, one temp folder → 20 flaky runs a week to 0');
    assert.equal(s.summary.result, 'Flaky failures went from twenty a week to none.');
    const md = sheetMarkdown(groupSheet([s]));
    assert.match(md, /- \*\*Cue\*\* two tests, one temp folder → 20 flaky runs a week to 0\n/);
    assert.doesNotMatch(md, /\*\*S\*\*|Flaky failures/);
  });

  it('tags and speaking time come from the bank: label tags, hashtags and the category', () => {
    assert.deepEqual(story(notes, 'Argued for a queue').tags, ['Conflict', 'Influence']);
    assert.deepEqual(story(notes, 'Fixed a flaky build').tags, ['Teamwork', 'Ownership']);
    assert.ok(story(notes, 'Argued for a queue').seconds > 20);
  });
});

describe('sheet: grouping and choosing', () => {
  it('by category, in the order of the notes, complete stories only by default', () => {
    const groups = groupSheet(notes);
    assert.deepEqual(groups.map((g) => [g.title, g.stories.map((s) => s.title)]), [
      ['Conflict', ['Argued for a queue instead of polling', 'Disagreed with my manager about a deadline']],
      ['Ownership', ['Fixed a flaky build nobody owned']],
      ['Learning', ['Learned Kotlin for a mobile hotfix']],
      ['Customer Focus', ['Said no to a feature request']],
    ]);
    assert.ok(groupSheet(notes, { include: 'all' }).find((g) => g.title === 'Ownership')!.stories.some((s) => s.title === 'Took over the reporting service'));
  });

  it('by competency: each story under its first competency, in the framework’s order', () => {
    const groups = groupSheet(notes, { groupBy: 'competency' });
    assert.deepEqual(groups.map((g) => [g.title, g.stories.map((s) => s.title)]), [
      ['Conflict', ['Argued for a queue instead of polling', 'Disagreed with my manager about a deadline']],
      ['Teamwork', ['Fixed a flaky build nobody owned']],
      ['Customer focus', ['Said no to a feature request']],
      ['Learning and growth', ['Learned Kotlin for a mobile hotfix']],
    ]);
  });
});

describe('sheet: Markdown and HTML', () => {
  const groups = groupSheet(tricky, { include: 'all' });

  it('Markdown escapes what would be markup, and lists tags and ⏱', () => {
    const md = sheetMarkdown(groups, { title: 'My *sheet*' });
    assert.match(md, /^# My \\\*sheet\\\*\n/);
    assert.match(md, /^## \\<Tricky\\> & Special$/m);
    assert.match(md, /^### Migrated \\<script\\>alert\(1\)\\<\/script\\> & the \\\*nix boxes$/m);
    assert.match(md, /^Ownership · ⏱ \d:\d\d$/m);
  });

  it('HTML is one self-contained page: escaped text, print CSS for two columns, no story split, A4 or Letter', () => {
    const html = sheetHtml(groups);
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.ok(!html.includes('<script>'), 'a title cannot inject a script');
    assert.ok(html.includes('Migrated &lt;script&gt;alert(1)&lt;/script&gt; &amp; the *nix boxes'));
    assert.ok(html.includes('&quot;legacy&quot; cron &amp; nobody'));
    assert.match(html, /column-count: 2/);
    assert.match(html, /break-inside: avoid/);
    assert.match(html, /@page \{ size: A4;/);
    assert.match(sheetHtml(groups, { paper: 'letter' }), /@page \{ size: letter;/);
    assert.doesNotMatch(html, /<link|<script|src=|@import|url\(/, 'nothing loaded from elsewhere');
  });
});
