// Speaking time: words a user would say aloud, per part, and how long that takes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/core/index';
import { clampWpm, countWords, formatDuration, parseDuration, speakingTime, speakingTimeText } from '../../src/core/bank/index';

const text = readFileSync('test/fixtures/bank/speech.md', 'utf8');
const story = analyze(text).categories[0]!.stories[0]!;

describe('bank: speaking time', () => {
  it('counts the words of each part of a known story, labels, code blocks, comments and TODO left out', () => {
    const time = speakingTime(text, story);
    // Counted by hand: Situation 13, Task 9, Action 39 (`pg_dump` one word, the comment and TODO none), Result 15.
    assert.deepEqual(
      Object.fromEntries(Object.entries(time.parts).map(([part, p]) => [part, p.words])),
      { situation: 13, task: 9, action: 39, result: 15 },
    );
    assert.equal(time.words, 76);
    assert.equal(time.seconds, 30); // 76 words at 150 a minute
  });

  it('the hover text: words, time, rate and the share of each part', () => {
    assert.equal(speakingTimeText(speakingTime(text, story)), '76 words ≈ 0:30 at 150 wpm · S 17 % T 12 % A 51 % R 20 %');
  });

  it('a slower rate takes longer; rates outside 110–180 are clamped', () => {
    assert.equal(speakingTime(text, story, 110).seconds, Math.round((76 / 110) * 60));
    assert.equal(speakingTime(text, story, 40).wordsPerMinute, 110);
    assert.equal(clampWpm(500), 180);
    assert.equal(clampWpm(Number.NaN), 150);
  });

  it('Markdown syntax, links and placeholders are not words', () => {
    assert.equal(countWords('❓ TODO TBD ... … ???'), 0);
    const doc = '## Notes\n### Billing\n- **Situation**: see [the **design** doc](https://example.com/a/b/c) and *this*\n- **Task**: x\n```\nnot said aloud at all\n```\n';
    const time = speakingTime(doc, analyze(doc).categories[0]!.stories[0]!);
    assert.equal(time.parts.situation?.words, 6); // see the design doc and this
    assert.equal(time.words, 7);
  });

  it('Chinese and Japanese count two characters as a word; Korean counts its spaced words', () => {
    assert.equal(countWords('提前一周完成。'), 3); // 6 characters
    assert.equal(countWords('私はログを調べた'), 4); // 8 characters
    assert.equal(countWords('로그를 확인하고 설정을 고쳤다'), 4);
    assert.equal(countWords('I used 缓存 twice'), 4);
  });

  it('durations as written in a story comment; a story can set its own target', () => {
    assert.equal(formatDuration(90), '1:30');
    assert.equal(formatDuration(5), '0:05');
    assert.equal(formatDuration(100), '1:40');
    for (const [written, seconds] of [['2:30', 150], ['150', 150], ['150s', 150], ['2m30s', 150], ['2 min', 120]] as const) assert.equal(parseDuration(written), seconds, written);
    for (const bad of ['', 'soon', '0', '2:75']) assert.equal(parseDuration(bad), undefined, bad);
    const withTarget = text.replace('### Shipped the billing migration\n', '### Shipped the billing migration\n<!-- interview-notes-time 2:30 -->\n');
    const s = analyze(withTarget).categories[0]!.stories[0]!;
    assert.equal(speakingTime(withTarget, s).targetSeconds, 150);
    assert.equal(speakingTime(text, story).targetSeconds, undefined);
  });
});
