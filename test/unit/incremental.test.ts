// The incremental machinery (src/core/incremental/), each piece on its own, by example.

import assert from 'node:assert/strict';
import { readSection } from '../../src/core/facts';
import { changedRegion, compareTexts, foldChanges } from '../../src/core/incremental/edit-region';
import { FindingsIndex, shiftCategory } from '../../src/core/incremental/findings-index';
import { SectionCache } from '../../src/core/incremental/section-cache';
import { analyze, NotesAnalyzer, summarize, type Finding } from '../../src/core/index';
import { textToken } from '../../src/core/incremental/text-origin';
import { freezeDeep } from '../../src/core/pipeline';

describe('edit region', () => {
  const before = 'alpha beta gamma';

  it('takes a change event that fits the texts as it is', () => {
    const after = 'alpha BETA! gamma';
    assert.deepEqual(changedRegion(before, after, [{ rangeOffset: 6, rangeLength: 4, text: 'BETA!' }]), { from: 6, oldTo: 10, newTo: 11 });
  });

  it('compares the texts when an event has the right lengths but the wrong place', () => {
    const after = 'alpha beta gamma!';
    // The "!" was typed at the end, the event says after "alpha".
    assert.deepEqual(changedRegion(before, after, [{ rangeOffset: 5, rangeLength: 0, text: '!' }]), { from: 16, oldTo: 16, newTo: 17 });
  });

  it('folds several events, each in the offsets the previous left', () => {
    // "alpha beta gamma" → insert "X" at 0 → "Xalpha beta gamma" → delete "beta " (7..12).
    assert.deepEqual(
      foldChanges(
        [
          { rangeOffset: 0, rangeLength: 0, text: 'X' },
          { rangeOffset: 7, rangeLength: 5, text: '' },
        ],
        before.length,
      ),
      { from: 0, oldTo: 11, newTo: 7 },
    );
    assert.equal(foldChanges([{ rangeOffset: 10, rangeLength: 50, text: '' }], before.length), undefined, 'past the end');
  });

  it('never splits a surrogate pair', () => {
    assert.deepEqual(compareTexts('a\u{1F600}b', 'a\u{1F601}b'), { from: 1, oldTo: 3, newTo: 3 });
  });
});

describe('section cache', () => {
  const text = '## A. One\n### 1 s\n- **Situation**: x\n\n## B. Two\n### 2 t\n- **Task**: y\n';

  it('re-reads only the section an edit touched; the others keep their facts and move', () => {
    const cache = new SectionCache();
    cache.readAll(text);
    const before = cache.sections.map((s) => ({ start: s.start, facts: s.facts }));
    const at = text.indexOf('x\n') + 1;
    const edited = text.slice(0, at) + ' and more' + text.slice(at);
    const touched = cache.indexAt(at - 1);
    const resection = cache.resection(text, edited, { from: at, oldTo: at, newTo: at + ' and more'.length });
    assert.equal(resection.fresh.length, 1);
    assert.equal(cache.sections.length, before.length);
    cache.sections.forEach((s, i) => {
      if (i === touched) {
        assert.notEqual(s.facts, before[i]!.facts, 'the edited section was read again');
        assert.deepEqual(s.facts, readSection(edited.slice(s.start, s.end)));
      } else {
        assert.equal(s.facts, before[i]!.facts, `section ${i} kept its facts`);
        assert.equal(s.start, before[i]!.start + (i > touched ? ' and more'.length : 0));
      }
    });
  });

  it('keeps track of the silencing comments of every section', () => {
    const cache = new SectionCache();
    const withComment = text.replace('## B. Two\n', '## B. Two\n<!-- interview-notes-disable placeholder -->\n');
    cache.readAll(withComment);
    assert.deepEqual(cache.directives().map((d) => [d.mode, withComment.slice(d.start, d.end)]), [['disable', '<!-- interview-notes-disable placeholder -->']]);
  });
});

describe('findings index', () => {
  const finding = (rule: string, start: number): Finding => freezeDeep({ rule, severity: 'warning', message: `${rule}@${start}`, span: { start, end: start + 1 }, fix: [{ span: { start, end: start + 1 }, newText: 'y' }] });

  it('splices in the findings of what was rebuilt and moves those after the edit, as new objects', () => {
    const index = new FindingsIndex();
    const before = [finding('empty-story', 5), finding('empty-story', 20), finding('mis-encoded', 25), finding('empty-story', 40)];
    index.reset([...before]);
    // Categories in [10, 30) rebuilt, the section [18, 30) re-read; the edit ends at 22 and adds 3.
    index.splice({ categories: { lo: 10, hi: 30 }, sections: { from: 18, to: 30 }, oldTo: 22, delta: 3 }, [finding('placeholder', 21)]);
    assert.deepEqual(index.all.map((f) => [f.rule, f.span.start, f.fix![0]!.span.start]), [['empty-story', 5, 5], ['placeholder', 21, 21], ['empty-story', 43, 43]]);
    assert.equal(index.all[0], before[0], 'before the edit: the same object');
    assert.equal(before[3]!.span.start, 40, 'the moved finding is a copy: the old one is unchanged');
  });

  it('moves a category with every span in it, leaving the old one as it was', () => {
    const model = analyze('## A. One\n### 1 s\n- **Situation**: x ❓\n- **Task**: t\n- **Action**: a\n');
    const category = model.categories[0]!;
    const moved = shiftCategory(category, 10);
    assert.equal(moved.stories[0]!.sections[0]!.label.start, category.stories[0]!.sections[0]!.label.start + 10);
    assert.equal(moved.stories[0]!.placeholders[0]!.start, category.stories[0]!.placeholders[0]!.start + 10);
    assert.equal(moved.id, category.id);
    assert.ok(Object.isFrozen(moved.stories[0]!.heading));
  });
});

describe('moved categories', () => {
  const story = (n: number) => `### ${n} story\n- **Situation**: s ❓\n- **Task**: t\n- **Action**: a 🔸\n- **Result**: r\n\n`;
  const text = `## A. One\n${story(1)}## B. Two\n${story(2)}${story(3)}## C. Three\n${story(4)}`;

  it('makes a moved category\'s stories when they are first read, once, and a chain of unread moves as one move', () => {
    const category = analyze(text).categories[1]!;
    const once = shiftCategory(category, 7);
    const twice = shiftCategory(shiftCategory(category, 3), 4);
    assert.equal(typeof Object.getOwnPropertyDescriptor(twice, 'stories')!.get, 'function', 'no story is made by the move');
    assert.deepEqual(twice, once);
    assert.equal(twice.stories, twice.stories, 'the same array on every read');
    assert.ok(Object.isFrozen(twice.stories) && Object.isFrozen(twice.stories[0]!.sections[0]!.label));
    assert.equal(twice.stories[1]!.heading.start, category.stories[1]!.heading.start + 7);
    // Read, then moved again: from the stories read.
    assert.equal(shiftCategory(twice, -7).stories[1]!.sections[2]!.span.start, category.stories[1]!.sections[2]!.span.start);
    assert.equal(textToken(twice), textToken(category), 'the same text: the same token');
    assert.deepEqual(JSON.parse(JSON.stringify(twice)).stories, JSON.parse(JSON.stringify(once.stories)), 'plain data to JSON');
  });

  it('typing in a category moves the ones after it; the model, and its counts, are those of the text read afresh', () => {
    const analyzer = new NotesAnalyzer();
    analyzer.update(text);
    let current = text;
    let typed3 = analyzer.update(text);
    // Three keystrokes in A (nobody reads B's or C's stories between them), then one in C.
    for (const [at, typed] of [[text.indexOf('s ❓'), 'x'], [text.indexOf('s ❓'), 'yz'], [text.indexOf('### 1'), '\n']] as const) {
      current = current.slice(0, at) + typed + current.slice(at);
      typed3 = analyzer.update(current, [{ rangeOffset: at, rangeLength: 0, text: typed }]);
    }
    assert.equal(typeof Object.getOwnPropertyDescriptor(typed3.categories[2]!, 'stories')!.get, 'function', 'C was moved, not read again');
    const edited = current.replace('### 4 story\n- **Situation**: s ❓', '### 4 story\n- **Situation**: s');
    const at = current.indexOf('### 4 story') + '### 4 story\n- **Situation**: s'.length;
    const model = analyzer.update(edited, [{ rangeOffset: at, rangeLength: ' ❓'.length, text: '' }]);
    assert.deepEqual(model, analyze(edited));
    assert.deepEqual(summarize(model).categories.map((c) => [c.title, c.stories, c.complete]), summarize(analyze(edited)).categories.map((c) => [c.title, c.stories, c.complete]));
    assert.deepEqual(summarize(model).unfinishedStories, summarize(analyze(edited)).unfinishedStories);
  });
});

describe('coach memo', () => {
  // Two stories in one category: the first tells its Action as "we", the second is fine. The rules
  // decide from each story's text, so after an edit the untouched story's findings are recalled.
  const story = (title: string, action: string) =>
    `### ${title}\n- **Situation**: s\n- **Task**: t\n- **Action**: ${action}\n- **Result**: Cut the p99 latency by 40 %.\n`;
  const text = `## A. Leadership\n${story('1 we story', 'We planned it and we shipped it; our team did it.')}${story('2 my story', 'I planned it and I shipped it.')}`;
  const coach = (m: ReturnType<typeof analyze>, t: string) => m.findings.filter((f) => f.rule === 'first-person-action').map((f) => [t.slice(f.span.start, f.span.end).slice(0, 20), f.span.start]);

  it('moves the recalled findings of untouched stories, and judges an edited story again', () => {
    const analyzer = new NotesAnalyzer();
    analyzer.update(text);
    // An edit before both stories moves the first story's finding.
    const moved = text.replace('- **Situation**: s', '- **Situation**: some more context');
    const m1 = analyzer.update(moved);
    assert.deepEqual(coach(m1, moved), coach(analyze(moved), moved));
    assert.equal(coach(m1, moved).length, 1);
    // An edit that makes the second story a "we" story too: it is judged again, and now reported.
    const edited = moved.replace('I planned it and I shipped it.', 'We planned it and we shipped it.');
    const m2 = analyzer.update(edited);
    assert.deepEqual(coach(m2, edited), coach(analyze(edited), edited));
    assert.equal(coach(m2, edited).length, 2);
    // And back: its finding goes; the first story's stays where it is.
    const m3 = analyzer.update(moved);
    assert.deepEqual(coach(m3, moved), coach(analyze(moved), moved));
  });

  it('forgets what it said when the options change', () => {
    const analyzer = new NotesAnalyzer();
    analyzer.update(text);
    analyzer.setOptions({ severities: { 'first-person-action': 'off' } });
    assert.equal(coach(analyzer.update(text), text).length, 0);
    analyzer.setOptions({});
    assert.equal(coach(analyzer.update(text), text).length, 1);
  });
});
