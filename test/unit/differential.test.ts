// Incremental analysis must equal analysis from scratch. After each random edit to real and generated
// notes: the cached analyzer's result == analyze(text) (the pure pipeline) == the whole text parsed
// as one section (so the section splitting itself is proved sound, not just the cache). Ids aside:
// an update follows a rename, a fresh reading cannot (ids have their own tests below). Every model
// handed out is frozen and stays as it was through later updates.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, decodeFile, NotesAnalyzer, type NotesModel } from '../../src/core/index';
import { analyzeUnsectioned, assertUniqueIds, isDeepFrozen, withoutIds } from '../support/oracle';
import { corpusFiles, SEED_PATH, sharedAvailable } from '../support/shared';
import { generateNotes, mulberry32 } from '../support/generate-notes.mjs';

/** Pieces that change structure: heading markers, fences, HTML blocks, labels, line breaks, marks. */
const PIECES = [
  '\n', '\n\n', '#', '## ', '### ', '\n### 9 new story\n', '```\n', '\n```', '~~~', '<details>\n', '\n</details>\n',
  '<!--', '-->', '<pre>', '</pre>', '---\n', '- **Result**: ', '- **Situation**:', '**S**: ', '(S) ', '❓', 'TODO',
  '[Write here]', '🔸', '‚úÖ', '\r\n', '\r', '    ', '> ', '- ', '1. ', 'x', 'é', '\uFEFF', '<!-- interview-notes-disable -->\n',
  '[Write here]: https://example.com\n',
];

function randomEdit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const kind = random();
  if (kind < 0.45) return text.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + text.slice(at);
  if (kind < 0.8) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 40)));
  // Move a line elsewhere.
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd + 1);
  const rest = text.slice(0, lineStart) + text.slice(lineStart + line.length);
  const to = Math.floor(random() * (rest.length + 1));
  return rest.slice(0, to) + line + rest.slice(to);
}

function documents(): { name: string; text: string }[] {
  const docs: { name: string; text: string }[] = [
    { name: 'generated 16 KB', text: generateNotes(16 * 1024, 7) },
    { name: 'example notes', text: readFileSync(join(__dirname, '..', '..', 'examples', 'notes.md'), 'utf8') },
  ];
  if (sharedAvailable()) {
    docs.push({ name: 'seed notes', text: readFileSync(SEED_PATH, 'utf8') });
    for (const f of corpusFiles()) docs.push({ name: f.name, text: decodeFile(f.bytes).text });
  }
  return docs;
}

const EDITS_PER_DOCUMENT = Number(process.env.DIFFERENTIAL_EDITS ?? 60);

describe('incremental analysis equals analysis from scratch', () => {
  let total = 0;
  after(() => console.log(`      (${total} random edits checked)`));

  for (const { name, text } of documents()) {
    it(`${name}: ${EDITS_PER_DOCUMENT} random edits`, () => {
      const random = mulberry32(name.length * 7919 + text.length);
      const analyzer = new NotesAnalyzer();
      let current = text;
      // Models kept from earlier updates, with a copy taken when each was handed out.
      const kept: { model: NotesModel; copy: NotesModel }[] = [];
      const first = analyzer.update(current);
      kept.push({ model: first, copy: structuredClone(first) });
      for (let i = 0; i < EDITS_PER_DOCUMENT; i++) {
        const before = current;
        current = randomEdit(current, random);
        const incremental = analyzer.update(current);
        const full = analyze(current);
        assert.deepEqual(withoutIds(incremental), withoutIds(full), `edit ${i} of ${name} (from ${before.length} to ${current.length} chars)`);
        assertUniqueIds(incremental, `edit ${i} of ${name}`);
        assert.ok(isDeepFrozen(incremental), `edit ${i} of ${name}: the model is not frozen`);
        total++;
        if (i % 10 === 0) kept.push({ model: incremental, copy: structuredClone(incremental) });
        // The one-section reference is slow on large files: check it on every fifth edit.
        if (i % 5 === 0) assert.deepEqual(full, analyzeUnsectioned(current), `sectioning, edit ${i} of ${name}`);
      }
      kept.forEach(({ model, copy }, k) => assert.deepStrictEqual(model, copy, `${name}: model ${k} changed after later updates`));
    });
  }

  it('passes VS Code-style change events as well as plain texts', () => {
    const analyzer = new NotesAnalyzer();
    let text = generateNotes(8 * 1024, 3);
    analyzer.update(text);
    const random = mulberry32(11);
    for (let i = 0; i < 50; i++) {
      const at = Math.floor(random() * text.length);
      const length = Math.floor(random() * 5);
      const insert = PIECES[Math.floor(random() * PIECES.length)]!;
      text = text.slice(0, at) + insert + text.slice(at + length);
      assert.deepEqual(withoutIds(analyzer.update(text, [{ rangeOffset: at, rangeLength: length, text: insert }])), withoutIds(analyze(text)));
    }
  });

  it('a change event with the right lengths but a wrong offset is caught, and the texts are compared instead', () => {
    const analyzer = new NotesAnalyzer();
    let text = generateNotes(8 * 1024, 5);
    analyzer.update(text);
    const random = mulberry32(17);
    for (let i = 0; i < 40; i++) {
      const at = Math.floor(random() * text.length);
      const insert = PIECES[Math.floor(random() * PIECES.length)]!;
      text = text.slice(0, at) + insert + text.slice(at);
      // Reported somewhere else, with the right length: the text holds the same piece elsewhere only
      // by chance, and the characters around the reported region give it away.
      const wrong = (at + 1 + Math.floor(random() * 500)) % (text.length - insert.length);
      assert.deepEqual(withoutIds(analyzer.update(text, [{ rangeOffset: wrong, rangeLength: 0, text: insert }])), withoutIds(analyze(text)), `edit ${i}`);
    }
  });
});

describe('models are plain and never change', () => {
  const text = generateNotes(16 * 1024, 9);

  it('a model survives structuredClone unchanged and is frozen through and through', () => {
    const model = new NotesAnalyzer().update(text);
    assert.deepStrictEqual(structuredClone(model), model);
    assert.ok(isDeepFrozen(model));
    // Plain spans: spreading one copies its offsets.
    const story = model.categories[0]!.stories[0]!;
    assert.deepEqual({ ...story.heading }, { start: story.heading.start, end: story.heading.end });
  });

  it('a model kept from an earlier update() equals its copy after later updates everywhere in the file', () => {
    const analyzer = new NotesAnalyzer();
    const first = analyzer.update(text);
    const copy = structuredClone(first);
    let current = text;
    for (const at of [0.1, 0.5, 0.9, 0.01]) {
      const offset = Math.floor(current.length * at);
      current = current.slice(0, offset) + '\n### 99 inserted story\n- **Situation**: x\n' + current.slice(offset);
      analyzer.update(current, [{ rangeOffset: offset, rangeLength: 0, text: '\n### 99 inserted story\n- **Situation**: x\n' }]);
    }
    assert.deepStrictEqual(first, copy);
  });
});

describe('story and category ids', () => {
  const text = ['## A. Conflict', '### 1 design review', '- **Situation**: s', '### 2 deadline', '- **Task**: t', '## B. Ownership', '### 1 on-call', '- **Action**: a', ''].join('\n');
  const ids = (model: NotesModel) => model.categories.flatMap((c) => [c.id, ...c.stories.map((s) => s.id)]);

  it('a fresh reading keys categories and stories by their titles, repeats numbered', () => {
    const model = analyze(text + '### 3 on-call\n- **Action**: b\n');
    assert.deepEqual(ids(model), ['c:conflict', 'c:conflict/design review', 'c:conflict/deadline', 'c:ownership', 'c:ownership/on-call', 'c:ownership/on-call#2']);
  });

  it('edits elsewhere in the file keep every id', () => {
    const analyzer = new NotesAnalyzer();
    const before = ids(analyzer.update(text));
    const edited = text.replace('- **Situation**: s', '- **Situation**: s, and more\n- **Result**: r');
    assert.deepEqual(ids(analyzer.update(edited)), before);
    assert.deepEqual(ids(analyzer.update(edited.replace('## B. Ownership', 'Intro line\n\n## B. Ownership'))), before);
  });

  it('an update that renames a story or a category keeps its id; a fresh reading keys it anew', () => {
    const analyzer = new NotesAnalyzer();
    analyzer.update(text);
    const renamed = text.replace('### 2 deadline', '### 2 missed deadline').replace('## B. Ownership', '## B. Taking ownership');
    const model = analyzer.update(renamed);
    assert.equal(model.categories[0]!.stories[1]!.title, 'missed deadline');
    assert.deepEqual(ids(model), ids(analyze(text)));
    assert.equal(analyze(renamed).categories[0]!.stories[1]!.id, 'c:conflict/missed deadline');
  });

  it('a story added next to others gets an id of its own; the others keep theirs', () => {
    const analyzer = new NotesAnalyzer();
    const before = ids(analyzer.update(text));
    const model = analyzer.update(text.replace('### 2 deadline', '### 1 design review\n- **Result**: again\n### 2 deadline'));
    assert.deepEqual(ids(model), [...before.slice(0, 2), 'c:conflict/design review#2', ...before.slice(2)]);
    assertUniqueIds(model);
  });
});
