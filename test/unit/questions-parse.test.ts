// Questions files: which files hold questions, what a question is, its tags and links to stories,
// links resolved across files, `unmapped-question`, and the starter bank.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/core/index';
import { GENERIC } from '../../src/core/bank/index';
import { parseQuestions, resolveLinks, STARTER_QUESTIONS, unmappedQuestions, type LinkableStory } from '../../src/core/questions/index';

const QUESTIONS_FILE = 'prep/questions.md';
const NOTES_FILE = 'prep/notes/notes.md';
const questionsText = readFileSync('test/fixtures/practice/ws/questions.md', 'utf8');
const notesText = readFileSync('test/fixtures/practice/ws/notes/notes.md', 'utf8');

/** The notes' stories as linking sees them; ids as the model's stable ids will be, plain strings. */
function storiesOf(text: string, file: string): LinkableStory[] {
  const model = analyze(text);
  return model.categories.flatMap((c) =>
    c.stories.map((s) => ({
      id: `${file}#${c.label}.${s.number}`,
      file,
      title: s.title,
      heading: text.slice(s.heading.start, s.heading.end).replace(/^#+\s*/, ''),
      ...(c.label ? { category: c.label } : {}),
      ...(s.number !== undefined ? { number: s.number } : {}),
    })),
  );
}

describe('questions: parsing a questions file', () => {
  const doc = parseQuestions(questionsText, { file: QUESTIONS_FILE });
  const byStart = (prefix: string) => doc.questions.find((q) => q.text.startsWith(prefix))!;

  it('only the Questions section counts: its list items and a heading with no list under it', () => {
    assert.equal(doc.isQuestions, true);
    assert.deepEqual(doc.questions.map((q) => q.text), [
      'Tell me about a time you disagreed with your manager.',
      'Describe a design argument you won or lost',
      'Who owned the thing nobody owned?',
      'How do you learn a new language fast?',
      'What is your biggest weakness?',
      'A question with a link that goes nowhere',
      'Why this company? See their site',
      'Tell me about a customer you said no to',
    ]);
  });

  it('each question points at its own text in the file', () => {
    for (const q of doc.questions) assert.ok(questionsText.slice(q.span.start, q.span.end).includes(q.text.split(' ')[0]!), q.text);
  });

  it('#tags resolve to competencies; code blocks and other sections give none', () => {
    assert.deepEqual(byStart('Tell me about a time').tags.map((t) => [t.raw, t.competencies[0]?.id]), [['conflict', 'conflict']]);
    assert.deepEqual(byStart('What is your biggest').tags.map((t) => t.key), ['failure']);
    assert.ok(doc.questions.every((q) => !q.tags.some((t) => t.key === 'notatag')));
  });

  it('links: → A.2 (several), [[title]], a Markdown link to a heading, follow-ups in nested items; web links are not story links', () => {
    assert.deepEqual(byStart('Tell me about a time').links.map((l) => l.kind === 'number' && `${l.category}.${l.number}`), ['A.2']);
    assert.deepEqual(byStart('Describe a design').links.map((l) => l.kind === 'number' && `${l.category}.${l.number}`), ['A.1', 'B.2']);
    assert.deepEqual(byStart('Who owned').links, [{ kind: 'title', title: 'Fixed a flaky build nobody owned', span: byStart('Who owned').links[0]!.span }]);
    const md = byStart('How do you learn').links[0]!;
    assert.equal(md.kind, 'heading');
    assert.deepEqual(md.kind === 'heading' && [md.path, md.slug], ['notes/notes.md', '1-learned-kotlin-for-a-mobile-hotfix']);
    assert.deepEqual(byStart('Why this company').links.map((l) => l.kind), ['number']); // the follow-up's → D.1; example.com is not a story
    assert.equal(questionsText.slice(byStart('Who owned').links[0]!.span.start, byStart('Who owned').links[0]!.span.end), '[[Fixed a flaky build nobody owned]]');
  });

  it('a question written as a link to its story reads as the link text', () => {
    const [q] = parseQuestions('## Questions\n- [Tell me about a conflict](notes.md#1-argued)\n').questions;
    assert.equal(q!.text, 'Tell me about a conflict');
    assert.equal(q!.links[0]!.kind, 'heading');
    assert.deepEqual(parseQuestions('## Questions\n- → A.1\n- [[Some story]]\n').questions, [], 'links alone ask nothing');
  });

  it('a file with neither the front matter nor a Questions section has no questions; never throws', () => {
    assert.deepEqual(parseQuestions(notesText), { isQuestions: false, questions: [] });
    for (const text of ['', '---\n', '---\ninterview-notes: questions\n', '## Questions\n- [[]]\n- → \n- #', '- → A.1\n'.repeat(3)]) assert.doesNotThrow(() => parseQuestions(text));
    assert.deepEqual(parseQuestions('---\ninterview-notes: questions\n').questions, []);
  });
});

describe('questions: links resolved to stories', () => {
  const stories = storiesOf(notesText, NOTES_FILE);
  const resolved = resolveLinks(parseQuestions(questionsText, { file: QUESTIONS_FILE }).questions, stories);
  const idsOf = (prefix: string) => resolved.find((q) => q.text.startsWith(prefix))!.stories;

  it('every kind of link finds its story, across files (a relative Markdown link from the questions file)', () => {
    assert.deepEqual(idsOf('Tell me about a time'), [`${NOTES_FILE}#A.2`]);
    assert.deepEqual(idsOf('Describe a design'), [`${NOTES_FILE}#A.1`, `${NOTES_FILE}#B.2`]);
    assert.deepEqual(idsOf('Who owned'), [`${NOTES_FILE}#B.1`]);
    assert.deepEqual(idsOf('How do you learn'), [`${NOTES_FILE}#C.1`]);
    assert.deepEqual(idsOf('Tell me about a customer'), [`${NOTES_FILE}#D.1`]);
  });

  it('a link to the wrong file does not resolve by its slug alone', () => {
    const [q] = resolveLinks(parseQuestions('## Questions\n- Q [x](other.md#1-learned-kotlin-for-a-mobile-hotfix)\n', { file: QUESTIONS_FILE }).questions, stories);
    assert.deepEqual(q!.stories, []);
    assert.equal(q!.broken.length, 1);
  });

  it('→ A.1 prefers the story in the question’s own file when two files number alike', () => {
    const other = storiesOf(notesText, 'prep/other.md');
    const [q] = resolveLinks(parseQuestions('## Questions\n- Q → A.1\n', { file: 'prep/other.md' }).questions, [...stories, ...other]);
    assert.deepEqual(q!.stories, ['prep/other.md#A.1']);
  });

  it('unmapped-question: information on each question with no story, saying when its link is broken', () => {
    const findings = unmappedQuestions(resolved);
    assert.deepEqual(findings.map((f) => [f.rule, f.severity, questionsText.slice(f.span.start, f.span.end)]), [
      ['unmapped-question', 'information', 'What is your biggest weakness? #failure'],
      ['unmapped-question', 'information', 'A question with a link that goes nowhere → Z.9'],
    ]);
    assert.match(findings[1]!.message, /names no story/);
    assert.match(findings[0]!.message, /yet/);
  });
});

describe('questions: the starter bank', () => {
  const doc = parseQuestions(STARTER_QUESTIONS);

  it('is a questions file of about forty questions, each tagged with a generic competency by its group', () => {
    assert.equal(doc.isQuestions, true);
    assert.ok(doc.questions.length >= 40, `${doc.questions.length} questions`);
    for (const q of doc.questions) assert.ok(q.tags.some((t) => t.competencies.some((c) => c.framework === 'generic')), q.text);
  });

  it('every generic competency has at least two questions, and no question is there twice', () => {
    for (const competency of GENERIC.competencies) {
      const n = doc.questions.filter((q) => q.tags.some((t) => t.competencies.some((c) => c.framework === 'generic' && c.id === competency.id))).length;
      assert.ok(n >= 2, `${competency.name}: ${n}`);
    }
    assert.equal(new Set(doc.questions.map((q) => q.text)).size, doc.questions.length);
  });

  it('says it was written for this project', () => {
    assert.match(STARTER_QUESTIONS, /Written for Interview Notes/);
  });
});

describe('questions: which file a number or title link names', () => {
  const notes = readFileSync('test/fixtures/practice/ws/notes/notes.md', 'utf8');
  it('→ A.1 in a questions file names the nearest notes file’s story: same folder tree before another', () => {
    const stories = [...storiesOf(notes, 'old/notes.md'), ...storiesOf(notes, 'prep/notes/notes.md')];
    const [q] = resolveLinks(parseQuestions('## Questions\n- Q → A.1\n- R [[Fixed a flaky build nobody owned]]\n', { file: 'prep/questions.md' }).questions, stories);
    assert.deepEqual(q!.stories, ['prep/notes/notes.md#A.1']);
    const [, r] = resolveLinks(parseQuestions('## Questions\n- Q → A.1\n- R [[Fixed a flaky build nobody owned]]\n', { file: 'prep/questions.md' }).questions, stories);
    assert.deepEqual(r!.stories, ['prep/notes/notes.md#B.1']);
  });
});
