// Properties of the practice, questions and sheet cores on generated input: the history keeps every
// whole record whatever garbage is around it; questions and the sheet never throw on any notes and
// stay inside the document; the sheet's HTML never lets a story's text become markup.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../src/core/index';
import { appendRecord, parseHistory, rate, ratingRecord, RATINGS, type PracticeRecord } from '../../src/core/practice/index';
import { parseQuestions } from '../../src/core/questions/index';
import { groupSheet, sheetHtml, sheetMarkdown, sheetStories } from '../../src/core/sheet/index';
import { notesDoc, params, PROPERTY_RUNS } from '../support/arbitraries';

// The document properties run a quarter of PROPERTY_RUNS: each case parses (and, for the sheet,
// analyses) a whole generated document.
const t0 = Date.parse('2026-03-02T09:00:00Z');
const recordArb: fc.Arbitrary<PracticeRecord> = fc
  .record({
    storyId: fc.string({ minLength: 1, maxLength: 20 }),
    minutes: fc.integer({ min: 0, max: 100_000 }),
    rating: fc.constantFrom(...RATINGS),
    seconds: fc.integer({ min: 0, max: 600 }),
    question: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
  })
  .map(({ storyId, minutes, rating, seconds, question }) => {
    const at = new Date(t0 + minutes * 60_000);
    return ratingRecord({ storyId, at: at.toISOString(), rating, seconds, ...(question !== undefined ? { question } : {}), card: rate(undefined, rating, at) });
  });
// A line that is not a record: text without a line break, or a record cut short.
const garbageArb = fc.oneof(
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')),
  recordArb.chain((r) => fc.integer({ min: 1, max: appendRecord(r).length - 2 }).map((n) => appendRecord(r).slice(0, n))),
);

describe('practice, questions, sheet: properties', () => {
  it('the history keeps every whole record, in order, whatever lines are around it', () => {
    const name = 'history keeps records';
    fc.assert(
      fc.property(fc.array(fc.tuple(recordArb, fc.option(garbageArb, { nil: undefined })), { maxLength: 12 }), (rows) => {
        const text = rows.map(([r, g]) => appendRecord(r) + (g === undefined ? '' : g + '\n')).join('');
        const parsed = parseHistory(text);
        assert.deepEqual(parsed.records, rows.map(([r]) => r));
        assert.equal(parsed.skipped.length, rows.filter(([, g]) => g !== undefined && g.trim() !== '').length);
      }),
      params(name, PROPERTY_RUNS),
    );
  });

  it('questions: any notes under a Questions heading parse without throwing, every question inside the document, on one line', () => {
    fc.assert(
      fc.property(notesDoc, ({ text }) => {
        const doc = `## Questions\n\n${text}`;
        for (const q of parseQuestions(doc).questions) {
          assert.ok(0 <= q.span.start && q.span.start <= q.span.end && q.span.end <= doc.length);
          assert.doesNotMatch(q.text, /[\r\n]/);
          for (const l of q.links) assert.ok(0 <= l.span.start && l.span.end <= doc.length);
        }
      }),
      params('questions parse', Math.ceil(PROPERTY_RUNS / 4)),
    );
  });

  it('sheet: any notes give a sheet; its HTML holds no markup from the notes', () => {
    fc.assert(
      fc.property(notesDoc, ({ text }) => {
        const groups = groupSheet(sheetStories(text, analyze(text)), { include: 'all' });
        sheetMarkdown(groups);
        const html = sheetHtml(groups);
        // Every tag in the page is one the sheet writes.
        for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)) assert.ok(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'main', 'section', 'h2', 'article', 'h3', 'p', 'ul', 'li', 'b'].includes(m[1]!.toLowerCase()), m[0]);
      }),
      params('sheet html', Math.ceil(PROPERTY_RUNS / 4)),
    );
  });
});
