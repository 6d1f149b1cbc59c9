// A story's time against its limits: the target and the maximum from the settings or the
// configuration file, a story's own time comment, what the status bar says for the story under the
// cursor or a selection, and the maximum `too-long` reports over.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, bank } from '../../src/core/index';
import { bankLayerOf, locateConfig, parseConfig, resolveOptions } from '../../src/core/config/index';
import { readSettings } from '../../src/vscode/settings-map';

const { parseTimeComment, selectionTime, selectionTimeStatus, shownLimit, standingOf, storyAt, storyLimits, storyTime, storyTimeLimits, storyTimeStatus, timeStatusText } = bank;

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
/** A story of about `n` words in its parts (at 150 a minute, `n` words take `n * 0.4` seconds). */
const story = (title: string, n: number, extra = '') =>
  `### ${title}\n${extra}- **Situation**: ${words(Math.round(n * 0.2))}\n- **Task**: ${words(Math.round(n * 0.1))}\n- **Action**: I ${words(Math.round(n * 0.5) - 1)}\n- **Result**: ${words(Math.round(n * 0.2) - 1)} 5\n\n`;
const ATTEMPTS = '#### First attempt\n<!-- interview-notes-time 0:40 -->\n- **Situation**: s\n- **Action**: a\n#### Second attempt\n- **Situation**: s\n- **Action**: a\n';
const tooLongOf = (text: string, options = {}) => analyze(text, { bank: options }).findings.filter((f) => f.rule === 'too-long').map((f) => f.message);

describe('bank: time limits', () => {
  it('a time comment: one duration is the target and the maximum; target and max set one each', () => {
    assert.deepEqual(parseTimeComment('2:30'), { targetSeconds: 150, maxSeconds: 150 });
    assert.deepEqual(parseTimeComment('target 1:30 max 3:00'), { targetSeconds: 90, maxSeconds: 180 });
    assert.deepEqual(parseTimeComment('max=3m'), { maxSeconds: 180 });
    assert.deepEqual(parseTimeComment('Target: 75s'), { targetSeconds: 75 });
    assert.deepEqual(parseTimeComment('max soon'), {});
    assert.deepEqual(parseTimeComment(`max ${' '.repeat(50_000)}x`), {}, 'a long comment is read in linear time and says nothing');
  });

  it("a story's own limits come from its comment, not from a sub-story's", () => {
    const text = `## Notes\n### Own\n<!-- interview-notes-time target 1:00 max 2:30 -->\nSome context.\n${ATTEMPTS}## Other\n### Plain\n- **Situation**: s\n- **Task**: t\n`;
    const [own, plain] = analyze(text).categories.map((c) => c.stories[0]!);
    assert.equal(own!.stories.length, 2);
    assert.deepEqual(storyTimeLimits(text, own!), { targetSeconds: 60, maxSeconds: 150 });
    assert.deepEqual(storyTimeLimits(text, own!.stories[0]!), { targetSeconds: 40, maxSeconds: 40 });
    assert.deepEqual(storyTimeLimits(text, own!.stories[1]!), {});
    const parentWithout = text.replace('<!-- interview-notes-time target 1:00 max 2:30 -->\n', '');
    assert.deepEqual(storyTimeLimits(parentWithout, analyze(parentWithout).categories[0]!.stories[0]!), {}, "the first sub-story's comment is its own");
    assert.deepEqual(storyTimeLimits(text, plain!), {});
  });

  it('limits: the story’s own, else the options’, else 90 s and 120 s', () => {
    assert.deepEqual(storyLimits({}), { targetSeconds: 90, maxSeconds: 120 });
    assert.deepEqual(storyLimits({}, { targetSeconds: 60, maxSeconds: 100 }), { targetSeconds: 60, maxSeconds: 100 });
    assert.deepEqual(storyLimits({ maxSeconds: 200 }, { targetSeconds: 60, maxSeconds: 100 }), { targetSeconds: 60, maxSeconds: 200 });
    assert.deepEqual(storyLimits({}, { targetSeconds: Number.NaN, maxSeconds: -1 }), { targetSeconds: 90, maxSeconds: 120 });
  });

  it('the status bar text shows the target until it is passed, then the maximum', () => {
    const limits = { targetSeconds: 90, maxSeconds: 120 };
    assert.equal(timeStatusText(80, limits), '⏱ 1:20 / 1:30');
    assert.equal(timeStatusText(100, limits), '⏱ 1:40 / 2:00');
    assert.equal(timeStatusText(150, limits), '⏱ 2:30 / 2:00');
    assert.deepEqual([80, 100, 150].map((s) => standingOf(s, limits)), ['within', 'over-target', 'over-max']);
    // A target above the maximum is never shown first: the maximum is what too-long reports over.
    assert.equal(shownLimit(10, { targetSeconds: 200, maxSeconds: 120 }), 120);
  });

  it('finds the innermost story under an offset, and none between categories', () => {
    const text = `## A\n${story('First', 80)}## B\n### Second\nSome context.\n${ATTEMPTS}`;
    const model = analyze(text);
    const titleAt = (needle: string) => storyAt(model, text.indexOf(needle))?.story.title;
    assert.equal(titleAt('### First'), 'First');
    assert.equal(titleAt('w3'), 'First');
    assert.equal(titleAt('## B'), undefined);
    assert.equal(titleAt('Some context'), 'Second');
    assert.equal(titleAt('#### First attempt'), 'First attempt');
    assert.equal(titleAt('#### Second attempt'), 'Second attempt');
    assert.equal(storyAt(model, -5), undefined);
    assert.equal(storyAt(model, text.length + 10), undefined);
  });

  it("a story's time is the tree's and too-long's: its tag line is not spoken", () => {
    const text = readFileSync('test/fixtures/bank/speech.md', 'utf8').replace('### Shipped the billing migration\n', '### Shipped the billing migration\n- **Tags**: ownership, delivery, customer focus, planning\n');
    const model = analyze(text);
    const at = storyAt(model, text.indexOf('pg_dump'))!;
    const time = storyTime(text, at);
    assert.equal(time.words, 76, 'the words of the fixture, the tag line left out');
    assert.deepEqual(time, bank.bankStories(text, model)[0]!.time);
    const status = storyTimeStatus(at.story.title, time);
    assert.equal(status.text, '⏱ 0:30 / 1:30');
    assert.equal(status.tooltip, 'Shipped the billing migration: 76 words ≈ 0:30 at 150 wpm · S 17 % T 12 % A 51 % R 20 %\ntarget 1:30 · maximum 2:00');
    assert.equal(storyTimeStatus(at.story.title, time, { wordsPerMinute: 110, targetSeconds: 20 }).text, '⏱ 0:30 / 2:00');
  });

  it('a story too long to be a script is timed from its raw words, without a parse', () => {
    const huge = `## Notes\n### Log pasted in\n<!-- interview-notes-time max 9:00 -->\n- **Situation**: s\n- **Action**: I ${'ran it again and '.repeat(30_000)}\n`;
    const at = storyAt(analyze(huge), huge.indexOf('ran it'))!;
    const time = storyTime(huge, at);
    assert.equal(time.words, 2 + 1 + 4 * 30_000 + 1, 'every word of the parts, and the label words; not the comment');
    assert.deepEqual(time.parts, {});
    assert.equal(time.maxSeconds, 540);
  });

  it("a selection's words: its prose, without Markdown syntax, code or comments", () => {
    const selected = '- **Action**: I wrote a `migration` plan <!-- aside --> and ran it.\n```\nnot said\n```\n';
    assert.deepEqual(selectionTime(selected, { start: 0, end: selected.length }), { words: 9, seconds: 4, wordsPerMinute: 150 });
    assert.equal(selectionTime(selected, { start: -3, end: 10_000 }).words, 9, 'a span past the text is clamped');
    const huge = 'word '.repeat(30_000);
    assert.equal(selectionTime(huge, { start: 0, end: huge.length }).words, 30_000, 'a very long selection is counted without a parse');
    const status = selectionTimeStatus(selectionTime(selected, { start: 0, end: selected.length }), { targetSeconds: 60, maxSeconds: 60 });
    assert.equal(status.text, '⏱ 0:04 / 1:00');
    assert.equal(status.tooltip, 'Selection: 9 words ≈ 0:04 at 150 wpm\ntarget 1:00 · maximum 1:00');
  });
});

describe('bank: the maximum through the one configuration', () => {
  // 350 words: 2:20 at 150 a minute.
  const LONG = `## Notes\n${story('Long', 350)}`;

  it('too-long reports over the maximum of the options, 120 s without one', () => {
    assert.deepEqual(tooLongOf(LONG), ['Takes about 2:20 to tell (350 words at 150 wpm), over 2:00.']);
    assert.deepEqual(tooLongOf(LONG, { maxSeconds: 180 }), []);
    assert.deepEqual(tooLongOf(LONG, { maxSeconds: 100 }), ['Takes about 2:20 to tell (350 words at 150 wpm), over 1:40.']);
  });

  it("a story's own maximum wins over the options'; a target alone leaves the maximum to them", () => {
    const own = `## Notes\n${story('Long', 350, '<!-- interview-notes-time max 3:00 -->\n')}`;
    assert.deepEqual(tooLongOf(own, { maxSeconds: 60 }), []);
    const targetOnly = `## Notes\n${story('Long', 350, '<!-- interview-notes-time target 3:00 -->\n')}`;
    assert.deepEqual(tooLongOf(targetOnly), ['Takes about 2:20 to tell (350 words at 150 wpm), over 2:00.']);
  });

  it('VS Code settings give the target and the maximum; a configuration file wins key by key', () => {
    const settings = readSettings((key) => ({ 'speech.targetSeconds': 60, 'speech.maxSeconds': 200, 'speech.wordsPerMinute': 170 })[key]).options;
    assert.equal(settings.bank?.targetSeconds, 60);
    assert.equal(settings.bank?.maxSeconds, 200);
    const { config, problems } = parseConfig('{ "speech": { "maxSeconds": 100, "wordsPerMinute": 120 } }');
    assert.deepEqual(problems, []);
    const resolved = resolveOptions('/p/notes.md', [bankLayerOf(settings.bank)], locateConfig(config!, '/p')).analyze;
    assert.equal(resolved.bank?.maxSeconds, 100, "the file's maximum");
    assert.equal(resolved.bank?.targetSeconds, 60, "the settings' target, which the file does not set");
    assert.equal(resolved.bank?.wordsPerMinute, 120, '`speech.wordsPerMinute` is the rate');
    assert.deepEqual(tooLongOf(LONG, resolved.bank), ['Takes about 2:55 to tell (350 words at 120 wpm), over 1:40.']);
  });

  it('`speech.wordsPerMinute` wins over `speakingRate` in one file; bad limits are problems, not limits', () => {
    const { config } = parseConfig('{ "speakingRate": 170, "speech": { "wordsPerMinute": 120 } }');
    assert.equal(resolveOptions('/p/notes.md', [], locateConfig(config!, '/p')).analyze.bank?.wordsPerMinute, 120);
    const bad = parseConfig('{ "speech": { "maxSeconds": 0, "targetSeconds": "soon", "pace": 1 } }');
    assert.deepEqual(bad.config, { speech: {} });
    assert.equal(bad.problems.length, 3, bad.problems.map((p) => p.message).join('; '));
    assert.deepEqual(readSettings((key) => ({ 'speech.maxSeconds': -4, 'speech.targetSeconds': Number.NaN })[key]).options.bank, undefined);
  });
});
