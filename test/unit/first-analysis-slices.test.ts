// The first analysis in slices (NotesAnalyzer.updateInSlices): it yields between sections through the
// scheduler it is given, ends with the model analyze() gives, can be cancelled between slices, and
// leaves an analyzer that takes the edits made meanwhile like any other.

import assert from 'node:assert/strict';
import { analyze, NotesAnalyzer, type Scheduler } from '../../src/core/index';
import { generateNotes } from '../support/generate-notes.mjs';
import { withoutIds } from '../support/oracle';

/** A clock that moves 1 ms per reading, so that slices end after a known number of sections. */
function fakeScheduler(): Scheduler & { yields: number } {
  let t = 0;
  const s = {
    yields: 0,
    now: () => t++,
    yield: () => {
      s.yields++;
      return Promise.resolve();
    },
  };
  return s;
}

describe('first analysis in slices', () => {
  const text = generateNotes(96 * 1024, 3);

  it('yields between sections and ends with the model analyze() gives', async () => {
    const scheduler = fakeScheduler();
    const slices: number[] = [];
    const model = await new NotesAnalyzer().updateInSlices(text, scheduler, { sliceMs: 4, onSlice: (ms) => slices.push(ms) });
    assert.ok(scheduler.yields > 3, `only ${scheduler.yields} yields`);
    assert.equal(slices.length, scheduler.yields + 1);
    assert.deepEqual(model, analyze(text));
  });

  it('a disable-file comment at the end of a large file, read in steps: not notes, as analyze() says', async () => {
    const switchedOff = `${text}\n<!-- interview-notes-disable-file -->\n`;
    const model = await new NotesAnalyzer().updateInSlices(switchedOff, fakeScheduler(), { sliceMs: 4 });
    assert.deepEqual(model?.notNotes, { by: 'comment' });
    assert.deepEqual(model, analyze(switchedOff));
  });

  it('stops between slices when cancelled', async () => {
    let asked = 0;
    const model = await new NotesAnalyzer().updateInSlices(text, fakeScheduler(), { sliceMs: 4, cancelled: () => ++asked > 2 });
    assert.equal(model, undefined);
  });

  it('an edit made meanwhile is taken up by the next update, incrementally', async () => {
    const analyzer = new NotesAnalyzer();
    await analyzer.updateInSlices(text, fakeScheduler(), { sliceMs: 4 });
    const at = text.indexOf('**Action**');
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const model = analyzer.update(edited, [{ rangeOffset: at, rangeLength: 0, text: 'x' }]);
    assert.deepEqual(withoutIds(model), withoutIds(analyze(edited)));
  });

  it('a file that is not notes is answered at once, without slices', async () => {
    const scheduler = fakeScheduler();
    const readme = '# tool\n\nA fast tool.\n'.repeat(1000);
    const model = await new NotesAnalyzer().updateInSlices(readme, scheduler, { sliceMs: 4 });
    assert.equal(model?.isNotes, false);
    assert.equal(scheduler.yields, 0);
  });

  it('a large file that is not notes is ruled out in slices too, and nothing of it is kept', async () => {
    const scheduler = fakeScheduler();
    const readme = '# tool\n\nA fast tool.\n\n## Usage\n\nRun it with `tool --fast`.\n\n'.repeat(40_000);
    const analyzer = new NotesAnalyzer();
    const model = await analyzer.updateInSlices(readme, scheduler, { sliceMs: 4 });
    assert.deepEqual(model, analyze(readme));
    assert.equal(model?.isNotes, false);
    assert.ok(scheduler.yields > 3, `only ${scheduler.yields} yields`);
    assert.equal(analyzer.heldSections, 0);
  });
});
