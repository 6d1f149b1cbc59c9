// The line scan that tells whether a file may hold questions (what the editor checks on every
// keystroke before parsing): true for every file parseQuestions reads questions from, false for
// notes and other Markdown without a Questions section or the front matter marker.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mayHoldQuestions, parseQuestions, STARTER_QUESTIONS } from '../../src/core/questions/index';

const FIXTURES = join(__dirname, '..', 'fixtures');
const markdownUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? markdownUnder(join(dir, d.name)) : d.name.endsWith('.md') ? [join(dir, d.name)] : []));

describe('questions: the line scan before parsing', () => {
  it('is true for the questions fixture, the starter bank and a setext or emphasised section title', () => {
    for (const text of [
      readFileSync(join(FIXTURES, 'practice', 'ws', 'questions.md'), 'utf8'),
      STARTER_QUESTIONS,
      'Prep\n\nQuestions\n---------\n\n- Tell me about a conflict.\n',
      '## **Interview questions**\n- Why this team?\n',
      '---\ninterview-notes: questions\n---\n- Tell me about a failure.\n',
    ]) {
      assert.equal(parseQuestions(text).isQuestions, true);
      assert.equal(mayHoldQuestions(text), true, text.slice(0, 40));
    }
  });

  it('never says no to a file parseQuestions finds questions in (every fixture and doc of the project)', () => {
    const files = [...markdownUnder(FIXTURES), 'README.md', 'CHANGELOG.md', ...markdownUnder('docs'), 'examples/notes.md'];
    let questionsFiles = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const parsed = parseQuestions(text).isQuestions;
      if (parsed) questionsFiles++;
      if (parsed) assert.equal(mayHoldQuestions(text), true, file);
    }
    assert.ok(questionsFiles >= 2, `${questionsFiles} questions files among the fixtures`);
    assert.equal(mayHoldQuestions(readFileSync('examples/notes.md', 'utf8')), false);
    assert.equal(mayHoldQuestions('## A. Conflict\n### 1 Questions I asked the team\n- **Situation**: s\n'), false);
  });
});
