// The coach rules: each one's positive and negative examples, in several languages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, type Finding, type Story } from '../../src/core/index';
import { COACH_RULES, coachStory, countPronouns, isQuantified, readStoryTags, speakingTime, type CoachOptions } from '../../src/core/bank/index';

const fixture = (name: string) => readFileSync(`test/fixtures/bank/${name}`, 'utf8');

/** Findings of one rule per story title. */
function flags(text: string, rule: string, options: CoachOptions = {}): Record<string, Finding[]> {
  const model = analyze(text);
  const out: Record<string, Finding[]> = {};
  for (const category of model.categories) {
    for (const story of category.stories as Story[]) {
      const context = { text, story, time: speakingTime(text, story), tags: readStoryTags(text, story, { category }), options };
      out[story.title] = coachStory(context, { [rule]: true }).filter((f) => f.rule === rule);
    }
  }
  return out;
}

const count = (found: Record<string, Finding[]>) => Object.fromEntries(Object.entries(found).map(([title, list]) => [title, list.length]));

/** The words of a long story: `n` filler words per part, or as given. */
function story(title: string, words: { s: number; t: number; a: number; r: number }, extra = ''): string {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  return `### ${title}\n${extra}- **Situation**: ${filler(words.s)}\n- **Task**: ${filler(words.t)}\n- **Action**: I ${filler(words.a - 1)}\n- **Result**: ${filler(words.r - 1)} 5\n\n`;
}

describe('bank: coach rules', () => {
  it('every rule has an id, a severity, a doc; unbalanced and missing-reflection are off by default', () => {
    assert.deepEqual(COACH_RULES.map((r) => r.id), ['too-long', 'unbalanced', 'first-person-action', 'unquantified-result', 'missing-reflection', 'unknown-tag', 'too-many-tags']);
    assert.ok(COACH_RULES.every((r) => r.doc.length > 20));
    assert.deepEqual(COACH_RULES.filter((r) => !r.enabledByDefault).map((r) => r.id), ['unbalanced', 'missing-reflection']);
  });

  describe('first-person-action', () => {
    it('English: "we" told story flagged on its Action label, an "I" story not', () => {
      const text = fixture('coach-en.md');
      const found = flags(text, 'first-person-action');
      assert.deepEqual(count(found), { 'We-story': 1, 'I-story': 0 });
      const f = found['We-story']![0]!;
      assert.equal(text.slice(f.span.start, f.span.end), '**Action**:');
      assert.match(f.message, /"we" 3 times and "I" once/);
    });

    it('German', () => {
      assert.deepEqual(count(flags(fixture('coach-de.md'), 'first-person-action')), { 'Wir-Geschichte': 1, 'Ich-Geschichte': 0 });
    });

    it('Spanish', () => {
      assert.deepEqual(count(flags(fixture('coach-multi.md'), 'first-person-action'))['Historia en equipo'], 1);
    });

    it('Chinese, Russian, Japanese, Korean, French, Portuguese, Italian, Dutch pronouns', () => {
      const action = (title: string) => new RegExp(`### ${title}[\\s\\S]*?(?:行动|Действия|行動)\\*\\*: (.*)`).exec(fixture('coach-multi.md'))![1]!;
      assert.deepEqual(countPronouns(action('团队的故事')), { singular: 0, plural: 2, pluralSubjects: 2 });
      assert.deepEqual(countPronouns(action('Командная история')), { singular: 0, plural: 3, pluralSubjects: 2 });
      assert.deepEqual(countPronouns(action('私のストーリー')), { singular: 2, plural: 0, pluralSubjects: 0 });
      assert.deepEqual(countPronouns('우리는 로그를 보고 우리가 고쳤다'), { singular: 0, plural: 2, pluralSubjects: 2 });
      assert.equal(countPronouns("Nous avons changé notre plan, j'ai écrit le code").singular, 1);
      assert.equal(countPronouns('Nós mudamos o plano e nós testamos nos servidores').plural, 2); // `nos` is "in the"
      assert.equal(countPronouns('Noi abbiamo cambiato il piano, io ho scritto il codice').singular, 1);
      assert.equal(countPronouns('Wij hebben het plan aangepast en ik schreef de code').plural, 1);
      assert.equal(countPronouns('We moved the US office').plural, 1); // the country is not "us"
    });

    it('"our" alone does not make an Action a "we" story', () => {
      const text = '## Notes\n### Load tests\n- **Situation**: s\n- **Task**: t\n- **Action**: Ran load tests on our cluster at our projected load; we agreed.\n- **Result**: r\n';
      assert.deepEqual(count(flags(text, 'first-person-action')), { 'Load tests': 0 });
    });
  });

  describe('unquantified-result', () => {
    it('a Result without a number is flagged; figures, "from … to", times and number words are numbers', () => {
      assert.deepEqual(count(flags(fixture('coach-en.md'), 'unquantified-result')), { 'We-story': 1, 'I-story': 0 });
      assert.deepEqual(count(flags(fixture('coach-de.md'), 'unquantified-result')), { 'Wir-Geschichte': 1, 'Ich-Geschichte': 0 });
      for (const yes of ['cut costs by $40k', 'from daily pages to none', 'took two days', 'doubled sign-ups', '3× faster', 'in drei Wochen', 'em duas semanas', '提前一周完成', 'за два месяца', '40 %']) assert.ok(isQuantified(yes), yes);
      for (const no of ['the team was happy', 'Die Teams arbeiten gut zusammen', 'El servicio ya no falla']) assert.ok(!isQuantified(no), no);
    });

    it('an empty Result, a template blank or a two-word note is left to the completeness rules', () => {
      const text = '## Notes\n### Blank\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: [Write here — what changed?]\n\n### Short\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: shipped it\n';
      assert.deepEqual(count(flags(text, 'unquantified-result')), { Blank: 0, Short: 0 });
    });
  });

  describe('too-long and unbalanced', () => {
    const long = `## Notes\n${story('Long', { s: 40, t: 20, a: 200, r: 60 })}${story('Fine', { s: 20, t: 10, a: 120, r: 40 })}${story('Timed', { s: 40, t: 20, a: 200, r: 60 }, '<!-- interview-notes-time 3:00 -->\n')}${story('Note', { s: 10, t: 5, a: 20, r: 10 })}`;

    it('too-long over 2:00, or over the story own target; notes under 60 words are not timed', () => {
      const found = flags(long, 'too-long');
      assert.deepEqual(count(found), { Long: 1, Fine: 0, Timed: 0, Note: 0 });
      assert.match(found['Long']![0]!.message, /2:08 to tell \(320 words at 150 wpm\), over 2:00/);
      assert.equal(found['Long']![0]!.severity, 'information');
      assert.deepEqual(count(flags(long, 'too-long', { maxSeconds: 60 })), { Long: 1, Fine: 1, Timed: 0, Note: 0 });
    });

    it('unbalanced when the set-up is over 35 % and the Action under 40 %, or one of them far off; not on notes', () => {
      const text =
        `## Notes\n${story('Setup', { s: 50, t: 30, a: 70, r: 30 })}${story('Thin action', { s: 20, t: 20, a: 35, r: 95 })}${story('Balanced', { s: 15, t: 10, a: 60, r: 25 })}` +
        `${story('Long setup, full action', { s: 40, t: 30, a: 90, r: 20 })}${story('Half setup', { s: 70, t: 40, a: 90, r: 10 })}${story('Tiny', { s: 20, t: 20, a: 5, r: 5 })}`;
      const found = flags(text, 'unbalanced');
      assert.deepEqual(count(found), { Setup: 1, 'Thin action': 1, Balanced: 0, 'Long setup, full action': 0, 'Half setup': 1, Tiny: 0 });
      assert.match(found['Setup']![0]!.message, /Situation and Task take 44 % of the story, the Action 39 %: keep the set-up short/);
      assert.match(found['Thin action']![0]!.message, /the Action 21 %: say more about what you did/);
    });
  });

  describe('missing-reflection', () => {
    it('a complete story without a Learning part, only when turned on', () => {
      const text = '## Notes\n### Without\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: r\n\n### With\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: r\n- **Learning**: l\n';
      assert.deepEqual(count(flags(text, 'missing-reflection')), { Without: 1, With: 0 });
      const model = analyze(text);
      const s = model.categories[0]!.stories[0]!;
      assert.deepEqual(coachStory({ text, story: s, time: speakingTime(text, s), tags: readStoryTags(text, s), options: {} }).filter((f) => f.rule === 'missing-reflection'), []);
    });
  });

  describe('unknown-tag and too-many-tags', () => {
    it('a near miss gets the closest name as a fix; free keywords are not reported, an unknown LP is', () => {
      const text = '## Notes\n### Tagged\n- **Tags**: ownershp, payments\n- **LP**: Think Small\n- **Situation**: s #dive-dep\n- **Task**: t\n- **Action**: a\n- **Result**: r\n';
      const found = flags(text, 'unknown-tag')['Tagged']!;
      assert.deepEqual(found.map((f) => text.slice(f.span.start, f.span.end)), ['ownershp', 'Think Small', '#dive-dep']);
      assert.deepEqual(found.map((f) => f.suggestions?.[0]?.edits[0]?.newText), ['Ownership', undefined, '#DiveDeep']);
      assert.equal(found[0]!.severity, 'hint');
    });

    it('more than five own tags is a hint on the label line; five is fine', () => {
      const make = (tags: string) => `## Notes\n### Many\n- **Tags**: ${tags}\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: r\n`;
      const six = make('ownership, dive deep, think big, frugality, earn trust, bias for action');
      const found = flags(six, 'too-many-tags')['Many']!;
      assert.equal(found.length, 1);
      assert.equal(six.slice(found[0]!.span.start, found[0]!.span.end), '- **Tags**: ownership, dive deep, think big, frugality, earn trust, bias for action');
      assert.deepEqual(count(flags(make('ownership, dive deep, think big, frugality, earn trust'), 'too-many-tags')), { Many: 0 });
    });
  });
});
