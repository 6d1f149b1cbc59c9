// Example tests of the reader's and builder's named predicates: each one's examples, what it takes
// and what it leaves (the notation fixtures show them at work on whole files).

import assert from 'node:assert/strict';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { codeRanges, outsideRanges } from '../../src/core/read/code';
import { htmlLabels, summaries } from '../../src/core/read/html-block';
import { readLineLabel } from '../../src/core/read/line-label';
import { isBehaviouralTitle, isNarrative } from '../../src/core/read/prose';
import { readTitleLine } from '../../src/core/read/title-line';
import { explainNotNotes } from '../../src/core/build/evidence';
import { isContentsTitle, isNonBehaviouralQuestion, isStarDefinitionTitle, isToolingTitle } from '../../src/core/structure';

describe('reader and builder predicates', () => {
  it('readLineLabel: marker × name × separator at a line start', () => {
    const read = (line: string) => {
      const l = readLineLabel(line);
      return l && { parts: l.read.parts, length: l.length, letter: l.letter };
    };
    assert.deepEqual(read('**Situation**: the build was slow'), { parts: ['situation'], length: 14, letter: false });
    assert.deepEqual(read('**Task:** speed it up'), { parts: ['task'], length: 9, letter: false });
    assert.deepEqual(read('__Action__ – cached it'), { parts: ['action'], length: 12, letter: false });
    assert.deepEqual(read('<b>Result</b>: eight minutes'), { parts: ['result'], length: 14, letter: false });
    assert.deepEqual(read('Resultado: mais rápido'), { parts: ['result'], length: 10, letter: false });
    assert.deepEqual(read('**結果**：速くなった'), { parts: ['result'], length: 7, letter: false });
    assert.deepEqual(read('S: a bare letter'), { parts: ['situation'], length: 2, letter: true });
    assert.equal(read('Summary: not a part'), undefined);
    assert.equal(read('**Situation** was tense'), undefined);
  });

  it('readTitleLine: a numbered title line of notes written in a text editor', () => {
    assert.deepEqual(readTitleLine('1 – Northwind Freight (2014–2018)'), { number: '1', title: 'Northwind Freight (2014–2018)' });
    assert.deepEqual(readTitleLine('3.1 — The second project'), { number: '3.1', title: 'The second project' });
    assert.deepEqual(readTitleLine('12 - 4G rollout'), { number: '12', title: '4G rollout' });
    assert.equal(readTitleLine('1. An ordered list item'), undefined);
    assert.equal(readTitleLine('2014 – the year it started'), undefined);
    assert.equal(readTitleLine('1 –'), undefined);
  });

  it('explainNotNotes: why a file is not notes, in words', () => {
    assert.equal(explainNotNotes({ by: 'evidence' }), 'no STAR labels naming two different parts, no question headings with stories');
    assert.equal(explainNotNotes({ by: 'configuration' }), 'the settings say it is not notes');
    assert.equal(explainNotNotes({ by: 'front-matter' }), 'its front matter says interview-notes: false');
    assert.equal(explainNotNotes({ by: 'comment' }), 'it holds <!-- interview-notes-disable-file -->');
  });

  it('codeRanges / outsideRanges: code holds no run to report', () => {
    const text = 'Text `cafÃ©` and\n\n```\ncafÃ©\n```\n\nplain cafÃ©\n';
    const tree = unified().use(remarkParse).parse(text) as Root;
    const runs = [...text.matchAll(/cafÃ©/g)].map((m) => ({ start: m.index, end: m.index + 5 }));
    assert.deepEqual(outsideRanges(runs, codeRanges(tree, 0)), [runs[2]]);
  });

  it('summaries / htmlLabels: a <details> story and its bold labels', () => {
    const html = '<details>\n<summary><b>Tell me about a time you failed.</b></summary>\n<b>Situation:</b> a launch slipped\n<b>Result</b><br> we shipped\n</details>';
    assert.deepEqual(summaries(html).map((s) => s.title), ['Tell me about a time you failed.']);
    const labels = htmlLabels(html, summaries(html)[0]!.end);
    assert.deepEqual(labels.map((l) => l.read.parts[0]), ['situation', 'result']);
    assert.equal(html.slice(labels[1]!.end, labels[1]!.contentEnd).trim(), '<br> we shipped');
  });

  it('isBehaviouralTitle: a question a story answers, or a competency', () => {
    for (const t of ['Tell me about a time you failed', '3. Time you disagreed with your manager?', 'Team Conflict', 'Describe a situation where you led', 'Расскажите о конфликте']) {
      assert.ok(isBehaviouralTitle(t), t);
    }
    for (const t of ['Tips', 'Why this company?', 'Salary expectations', 'Projects I am proud of in the last five years at work']) assert.ok(!isBehaviouralTitle(t), t);
  });

  it('isNarrative: twenty words or more, in the first person', () => {
    assert.ok(isNarrative('When the export broke I called the customer, explained the delay, and we agreed on a smaller first version that I shipped on the Friday.'));
    assert.ok(!isNarrative('Leaders start with the customer and work backwards, they earn and keep trust, and they pay attention to competitors as well.'));
    assert.ok(!isNarrative('I shipped it.'));
  });

  it('isToolingTitle, isContentsTitle, isStarDefinitionTitle, isNonBehaviouralQuestion: headings that are no story', () => {
    assert.ok(isToolingTitle('Story Template') && isToolingTitle('Story Coverage Matrix') && !isToolingTitle('Migrated billing'));
    assert.ok(isContentsTitle('Table of Contents') && isContentsTitle('Inhalt') && !isContentsTitle('Contents of the release'));
    assert.ok(isStarDefinitionTitle('The STAR method') && isStarDefinitionTitle('What is STAR?') && !isStarDefinitionTitle('STAR Example'));
    assert.ok(isNonBehaviouralQuestion('1. Why do you want to work here?') && isNonBehaviouralQuestion('Tell me about yourself'));
    assert.ok(!isNonBehaviouralQuestion('Tell me about a time you failed'));
  });
});
