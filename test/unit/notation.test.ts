// One fixture per notation class (test/fixtures/notation/<class>/): a notes file written for the
// project, never copied from anyone's notes, and the tree a careful reader sees in it (expected.json):
// categories, stories with their line, status and the STAR parts present, sub-stories, and findings.
// Non-story patterns have their fixtures too: their expected tree is empty.
//
// UPDATE_NOTATION=1 writes expected.json from the current reading, for a new fixture: read it by eye.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, certainFix, LineIndex, NotesAnalyzer, REQUIRED_PARTS, type NotesModel, type Story } from '../../src/core/index';
import { analyzeUnsectioned, withoutIds } from '../support/oracle';
import { mulberry32 } from '../support/generate-notes.mjs';
import { COACH_RULES } from '../../src/core/bank/rules/index';

/** The fixtures show the reading: the story bank's coach rules (their own fixtures are in rules/) are off. */
const READING_ONLY = Object.fromEntries(COACH_RULES.map((r) => [r.id, 'off' as const]));

const DIR = resolve(__dirname, '..', 'fixtures', 'notation');

interface StoryTree {
  title: string;
  line: number;
  status: Story['status'];
  parts: string[];
  stories?: StoryTree[];
}

export function treeOf(text: string, model: NotesModel) {
  const index = new LineIndex(text);
  const line = (offset: number) => index.lineColumnAt(offset).line;
  const story = (s: Story): StoryTree => ({
    title: s.title,
    line: line(s.heading.start),
    status: s.status,
    parts: REQUIRED_PARTS.filter((p) => !s.missing.includes(p)),
    ...(s.stories.length ? { stories: s.stories.map(story) } : {}),
  });
  return {
    isNotes: model.isNotes,
    categories: model.categories.map((c) => ({ title: c.title, ...(c.done ? { done: true } : {}), stories: c.stories.map(story) })),
    findings: model.findings.map((f) => `${line(f.span.start)} ${f.severity} ${f.rule}`),
  };
}

describe('notation classes (test/fixtures/notation)', () => {
  const classes = existsSync(DIR) ? readdirSync(DIR).sort() : [];
  it('has fixtures', () => assert.ok(classes.length > 0));
  for (const name of classes) {
    it(`${name}: reads as its expected tree`, () => {
      const text = readFileSync(join(DIR, name, 'notes.md'), 'utf8');
      const own = existsSync(join(DIR, name, 'options.json')) ? JSON.parse(readFileSync(join(DIR, name, 'options.json'), 'utf8')) : {};
      const options = { ...own, severities: { ...READING_ONLY, ...own.severities } };
      const actual = treeOf(text, analyze(text, options));
      const expectedPath = join(DIR, name, 'expected.json');
      if (process.env.UPDATE_NOTATION && !existsSync(expectedPath)) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
      // A notation read from the text around it must read the same when the file is not split.
      assert.deepEqual(withoutIds(analyze(text, options)), withoutIds(analyzeUnsectioned(text, options)), `${name}: sectioned vs one section`);
    });
  }
});

describe('stories in GFM tables', () => {
  const read = (name: string) => {
    const text = readFileSync(join(DIR, name, 'notes.md'), 'utf8');
    return { text, model: analyze(text) };
  };
  const allStories = (model: NotesModel) => model.categories.flatMap((c) => c.stories);

  it('a row per story: the title cell is the heading, the row is the story', () => {
    const { text, model } = read('table-rows');
    const story = allStories(model).find((s) => s.title === 'Night pager rota')!;
    assert.equal(text.slice(story.heading.start, story.heading.end).trim(), '| Night pager rota');
    const line = text.split('\n').find((l) => l.startsWith('| Night pager rota'))!;
    assert.ok(line.startsWith(text.slice(story.span.start, story.span.end)));
    assert.ok(story.span.end - story.span.start >= line.length - 1);
    // `<br>`-separated lines in one cell are one part.
    assert.equal(story.sections.filter((s) => s.part === 'action').length, 1);
  });

  it('a missing part in a table story has no certain fix (labels cannot be inserted into a table)', () => {
    for (const name of ['table-rows', 'table-parts']) {
      const { text, model } = read(name);
      const missing = model.findings.filter((f) => f.rule === 'missing-section');
      assert.ok(missing.length > 0, name);
      for (const f of missing) assert.equal(certainFix(text, f), undefined, name);
    }
  });
});

describe('stories in GFM tables, edited', () => {
  // Pieces that make and break tables: pipes, delimiter rows, empty cells, line breaks, headings.
  const PIECES = ['|', ' | ', '|---|', '\n|---|---|\n', '\n', '\n\n', '### ', '<br>', '-', 'TBD', '**Situation**', 'x'];
  for (const name of ['table-rows', 'table-parts', 'table-not-stories']) {
    it(`${name}: after random edits, incremental == fresh == one-section`, () => {
      let text = readFileSync(join(DIR, name, 'notes.md'), 'utf8');
      const random = mulberry32(name.length * 104_729);
      const analyzer = new NotesAnalyzer();
      analyzer.update(text);
      for (let i = 0; i < 40; i++) {
        const at = Math.floor(random() * (text.length + 1));
        text = random() < 0.6 ? text.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20));
        const fresh = analyze(text);
        assert.deepEqual(withoutIds(analyzer.update(text)), withoutIds(fresh), `edit ${i}`);
        assert.deepEqual(fresh, analyzeUnsectioned(text), `sectioning, edit ${i}`);
      }
    });
  }
});
