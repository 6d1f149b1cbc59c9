// The cheap no (src/core/cannot-be-notes.ts) against the full decision (every section parsed,
// analyzeByParsing): whenever the scan says a file cannot be notes, the full analysis must find it is
// not notes; and analyze() (which takes the scan's word) equals the full analysis. Over generated
// notes and READMEs, over the same with their label words disguised in every way mdast still reads
// as the word (emphasis inside it, an entity, an escape, a hard break, a link around it, a setext
// heading), over the notation fixtures, the shared corpus of real notes, and every Markdown file
// under node_modules.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { cannotBeNotes, scanForNotes } from '../../src/core/cannot-be-notes';
import { analyze, decodeFile, NotesAnalyzer } from '../../src/core/index';
import { analyzeByParsing } from '../../src/core/pipeline';
import { notesDoc, params, PROPERTY_RUNS, readmeDoc, storiesDoc, describeText, suiteTimeout } from '../support/arbitraries';
import { corpusFiles, sharedAvailable } from '../support/shared';

const ROOT = resolve(__dirname, '..', '..');

/** The scan's no never contradicts the full decision, and analyze() is the full analysis. */
function assertAgrees(text: string, what = describeText(text)): boolean {
  const full = analyzeByParsing(text);
  const no = cannotBeNotes(text);
  if (no) assert.equal(full.isNotes, false, `the scan says not notes, the full analysis says notes: ${what}`);
  assert.deepEqual(analyze(text), full, `analyze() differs from the full analysis: ${what}`);
  return no;
}

/** Ways of writing a word that mdast still reads as the word. */
const DISGUISES: readonly ((word: string) => string)[] = [
  (w) => `${w.slice(0, 2)}*${w.slice(2, 3)}*${w.slice(3)}`, // emphasis inside the word
  (w) => `${w.slice(0, 1)}\`${w.slice(1, 3)}\`${w.slice(3)}`, // code inside it
  (w) => `&#${w.codePointAt(0)};${w.slice(1)}`, // a character reference
  (w) => `&#x${w.codePointAt(0)!.toString(16)};${w.slice(1)}`,
  (w) => `[${w}](#anchor)`, // a link around it
  (w) => `[](#x)${w}`, // an empty link before it
  (w) => `${w.slice(0, 3)}\\\n${w.slice(3)}`, // a hard break inside it
  (w) => `${w.slice(0, 3)}  \n${w.slice(3)}`,
  (w) => `<b>${w}</b>`,
  (w) => `\`${w}\``,
  (w) => w.toUpperCase(),
];
const LABEL_WORD = /\b(?:Situation|Task|Action|Result|Context|Goal|Approach|Outcome|Tell me about|Describe|conflict|failure)\b/g;

function disguised(text: string, pick: readonly number[]): string {
  let i = 0;
  return text.replace(LABEL_WORD, (w) => {
    const d = pick[i++ % pick.length]!;
    return d < DISGUISES.length ? DISGUISES[d]!(w) : w;
  });
}

describe('the cheap no: a line scan that proves a file cannot be notes', function () {
  this.timeout(suiteTimeout(600_000));

  it('generated notes, stories and READMEs: the scan never says no to notes, and analyze() is the full analysis', () => {
    let proven = 0;
    let readmes = 0;
    fc.assert(
      fc.property(fc.oneof(notesDoc, storiesDoc, readmeDoc), ({ text }) => {
        if (assertAgrees(text)) proven++;
        readmes++;
      }),
      params('cannot-be-notes generated', PROPERTY_RUNS),
    );
    console.log(`      ${proven} of ${readmes} generated documents proven not notes by the scan`);
  });

  it('README-like documents are mostly proven not notes without a parse (else the scan is useless)', () => {
    let proven = 0;
    let total = 0;
    fc.assert(
      fc.property(readmeDoc, ({ text }) => {
        total++;
        if (assertAgrees(text)) proven++;
      }),
      params('cannot-be-notes readmes', PROPERTY_RUNS),
    );
    assert.ok(proven >= total / 2, `only ${proven} of ${total} READMEs proven not notes`);
  });

  it('label words and titles disguised as mdast still reads them: the scan still does not say no', () => {
    fc.assert(
      fc.property(fc.oneof(notesDoc, storiesDoc), fc.array(fc.nat(DISGUISES.length + 2), { minLength: 1, maxLength: 6 }), ({ text }, pick) => {
        assertAgrees(disguised(text, pick));
      }),
      params('cannot-be-notes disguised', PROPERTY_RUNS),
    );
  });

  const examples: [string, string][] = [
    ['emphasis inside the words', '## S\n\n**Sit*u*ation:** we shipped\n\n**T*a*sk:** fix it\n'],
    ['character references', '## S\n\n- &#83;ituation: we shipped\n- T&#97;sk: fix it\n'],
    ['hard breaks inside bold labels', '## S\n\n**Situ\\\nation:** we shipped\n\n**Ta  \nsk:** fix it\n'],
    ['an empty link before the label', '## S\n\n**[](#a)Situation:** we shipped\n\n**[](#b)Task:** fix it\n'],
    ['a setext heading split over lines', 'Story\n=====\n\nWhat\nI did\n------\n\nthings\n\nResult\n------\n\nit worked\n'],
    ['letters in a table', '| Story | S | T | A | R |\n|---|---|---|---|---|\n| Billing | a | b | c | d |\n'],
    ['a part-per-row table', '| Situation | we shipped |\n|---|---|\n| Task | fix it |\n'],
    ['HTML bold labels in details', '<details><summary>Story</summary>\n\n<b>Situation:</b> x\n<b>Result:</b> y\n</details>\n'],
    ['inline letter markers', '(S) we shipped late (T) I fixed it (A) I wrote tests (R) it worked\n'],
    // A soak case: the marker right after the quote's `>`, the Action label in code under it, another outside.
    ['an inline marker straight after a quote mark', '>(S)\n>     - **Ac*t*ion**: \n\n- - **Ac*t*ion**: \n\n'],
    ['a pair of parts in one label', '## SITUATION/TASK\n\nwe had to ship\n'],
    ['prose under behavioural headings', '## Tell me about a time you failed\n\nI missed a deadline once because I had not planned the migration and we lost a day of work, which I regret.\n\n## Team conflict\n\nI disagreed with my lead about the design, and we talked it through over coffee until we both agreed on it.\n'],
    ['prose under summary titles', '<details>\n<summary>Tell me about a time\nyou <i>failed</i></summary>\n\nI missed a deadline once because I had not planned the migration and we lost a day of work, which I still regret today.\n\n</details>\n\n<details>\n<summary>Team con<i>flict</i></summary>\n\nI disagreed with my lead about the design and we talked it through until we both agreed on it over a long coffee.\n\n</details>\n'],
    ['a second part after more places than the scan names', `## Story\n\n${'- **Result**: r\n'.repeat(1100)}- **Task**: t\n`],
    ['front matter that says notes', '---\ninterview-notes: true\n---\n\n# Anything\n'],
    // The word is looked for a chunk of the scan at a time: here it is past the first one.
    ['front matter that says notes past the first 32 K characters', `---\n${'a: 1\n\n'.repeat(8000)}interview-notes: true\n---\n\n# Anything\n`],
  ];
  for (const [name, text] of examples) {
    it(`notes the scan must not rule out: ${name}`, () => {
      assert.equal(analyzeByParsing(text).isNotes, true, 'the example is notes');
      assert.equal(cannotBeNotes(text), false);
      assertAgrees(text);
    });
  }

  it('a README is ruled out by the scan alone, and one with a stray `Result:` line after a look at that section', () => {
    const readme = '# tool\n\nA fast tool for things.\n\n## Install\n\n```sh\nnpm i tool\n```\n\n## Usage\n\nRun it.\n';
    assert.equal(scanForNotes(readme), 'none');
    const stray = readme + '\n## API\n\nResult: the value\n\nTask: what it runs\n';
    assert.ok(Array.isArray(scanForNotes(stray)), 'the scan names the lines to look at');
    assert.equal(cannotBeNotes(stray), analyzeByParsing(stray).isNotes === false);
  });

  it('a character reference that decodes to a line break (`&NewLine;` in a code span) no longer makes the scan give up', () => {
    const readme = '# lib\n\nDecodes `&NewLine;` and `&#10;` before matching.\n\n## API\n\nResult: the value\n\nTask: what it runs\n';
    assert.ok(Array.isArray(scanForNotes(readme)), 'the scan names the lines to look at');
    assert.equal(cannotBeNotes(readme), analyzeByParsing(readme).isNotes === false);
    assertAgrees(readme);
    // A label after a decoded line break is still a place to look at.
    const notes = '## Story\n\nx&NewLine;**Situation**: we shipped\n\n**Task**: fix it\n';
    assert.notEqual(scanForNotes(notes), 'none');
    assertAgrees(notes);
  });

  const narrative = 'I missed a deadline once because I had not planned the migration and we lost a day of work, which I regret.';
  it('behavioural headings with no narrative under them are ruled out after a look at their sections only', () => {
    const api = `# lib\n\n## retry.onFailure(callback)\n\nCalled on a failure.\n\n## breaker.onFailure(callback)\n\nCalled when the breaker opens.\n\n## Install\n\n${narrative}\n`;
    assert.equal(analyzeByParsing(api).isNotes, false);
    assert.equal(cannotBeNotes(api), true);
    assertAgrees(api);
  });

  it('a narrative in a section after its title, where the scan names no place, still counts', () => {
    // The narratives sit under sub-headings: sections of their own that hold no label and no title.
    const prose = `# Stories\n\n## Tell me about a time you failed\n\n### What happened\n\n${narrative}\n\n## Team conflict\n\n### What happened\n\n${narrative}\n`;
    assert.equal(analyzeByParsing(prose).isNotes, true, 'the example is notes');
    assert.equal(cannotBeNotes(prose), false);
    assertAgrees(prose);
  });

  it('the notes option: false rules a file out unless its front matter says otherwise; true never', () => {
    const notes = readFileSync(join(ROOT, 'examples', 'notes.md'), 'utf8');
    assert.equal(cannotBeNotes(notes, false), true);
    assert.equal(cannotBeNotes('---\ninterview-notes: true\n---\n# x\n', false), false);
    assert.equal(cannotBeNotes('# x\n', true), false);
  });

  it('every notation fixture: the scan agrees with the full decision', () => {
    const dir = join(ROOT, 'test', 'fixtures', 'notation');
    for (const name of readdirSync(dir)) {
      const path = join(dir, name, 'notes.md');
      if (existsSync(path)) assertAgrees(readFileSync(path, 'utf8'), name);
    }
  });

  it('the shared corpus of real notes: never ruled out', function () {
    if (!sharedAvailable()) this.skip();
    for (const f of corpusFiles()) {
      const { text } = decodeFile(f.bytes);
      if (analyzeByParsing(text).isNotes) assert.equal(cannotBeNotes(text), false, f.name);
    }
  });

  it('every Markdown file under node_modules: the scan agrees, and rules out almost all of them', function () {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path);
        else if (e.isFile() && /\.(?:md|markdown)$/i.test(e.name)) files.push(path);
      }
    };
    if (existsSync(join(ROOT, 'node_modules'))) walk(join(ROOT, 'node_modules'));
    if (files.length === 0) this.skip();
    let proven = 0;
    for (const path of files) if (assertAgrees(decodeFile(readFileSync(path)).text, path)) proven++;
    console.log(`      ${proven} of ${files.length} node_modules Markdown files ruled out without a full parse`);
    assert.ok(proven >= files.length * 0.95, `only ${proven} of ${files.length}`);
  });

  it('an analyzer of a file that is not notes keeps no sections, and notices when it becomes notes', () => {
    const analyzer = new NotesAnalyzer();
    const readme = '# tool\n\nA fast tool.\n';
    assert.equal(analyzer.update(readme).isNotes, false);
    assert.equal(analyzer.heldSections, 0);
    const notes = readme + '\n## Story\n\n- **Situation**: x\n- **Task**: y\n';
    const model = analyzer.update(notes, [{ rangeOffset: readme.length, rangeLength: 0, text: notes.slice(readme.length) }]);
    assert.deepEqual(model, analyze(notes));
    assert.equal(model.isNotes, true);
    assert.ok(analyzer.heldSections > 0);
  });
});
