// The story bank's settings through the one configuration: VS Code settings and a configuration file
// give the same options, the file wins key by key, and bad values fall back to the defaults.
import assert from 'node:assert/strict';
import { bankLayerOf, locateConfig, parseConfig, resolveOptions } from '../../src/core/config/index';
import { AMAZON_LP, GENERIC } from '../../src/core/bank/index';
import { analyze } from '../../src/core/index';
import { readSettings } from '../../src/vscode/settings-map';

const settingsOf = (values: Record<string, unknown>) => readSettings((key) => values[key]);

// A story of 130 words: 0:52 at 150 words a minute, over a minute at 110.
const LONG = `## Notes\n### 1 Long enough\n- **Situation**: ${'word '.repeat(30)}\n- **Task**: ${'word '.repeat(20)}\n- **Action**: I ${'word '.repeat(59)}\n- **Result**: ${'word '.repeat(19)} 5\n`;

describe('story bank: settings and the configuration file', () => {
  it('VS Code settings set the frameworks, the speaking rate and the gap limit', () => {
    const { options } = settingsOf({ frameworks: ['amazon', { name: 'Ladder', competencies: [{ name: 'Craft' }] }], 'speech.wordsPerMinute': 120, 'coverage.minStories': 3 });
    assert.equal(options.bank?.frameworks?.[0], AMAZON_LP);
    assert.equal(options.bank?.frameworks?.[1]?.name, 'Ladder');
    assert.equal(options.bank?.wordsPerMinute, 120);
    assert.equal(options.bank?.minStories, 3);
  });

  it('the defaults (or values that are not valid) leave the bank to its own defaults', () => {
    assert.equal(settingsOf({ frameworks: [], 'speech.wordsPerMinute': 150, 'coverage.minStories': 2 }).options.bank?.frameworks, undefined);
    assert.equal(settingsOf({ frameworks: ['netflix', 7], 'coverage.minStories': 0 }).options.bank, undefined);
  });

  it('a configuration file wins over the settings key by key', () => {
    const settings = settingsOf({ frameworks: ['generic'], 'speech.wordsPerMinute': 170 }).options;
    const { config } = parseConfig('{ "speakingRate": 120 }');
    const resolved = resolveOptions('/p/notes.md', [{ ...bankLayerOf(settings.bank) }], locateConfig(config!, '/p')).analyze;
    assert.equal(resolved.bank?.wordsPerMinute, 120, "the file's rate");
    assert.deepEqual(resolved.bank?.frameworks, [GENERIC], "the settings' frameworks, which the file does not set");
  });

  it('the speaking rate reaches the too-long rule: a story over the limit at one rate is not at another', () => {
    const at = (wpm: number) => analyze(LONG, { bank: { wordsPerMinute: wpm, maxSeconds: 60 } }).findings.filter((f) => f.rule === 'too-long').length;
    assert.equal(at(110), 1);
    assert.equal(at(180), 0);
  });

  it('a speaking rate outside 110–180 is a problem in the configuration file, not a rate', () => {
    const { config, problems } = parseConfig('{ "speakingRate": 400, "coverage": { "minStories": 0 } }');
    assert.deepEqual(config, { coverage: {} }, 'the bad values are dropped');
    assert.deepEqual(problems.map((p) => p.message), ['"speakingRate" must be <= 180', '"coverage.minStories" must be >= 1']);
  });
});
