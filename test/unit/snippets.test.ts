// The Markdown snippets (snippets/interview-notes.code-snippets): well-formed for VS Code, tab stops
// in order, and — once expanded the way VS Code expands them — read by the analysis core as the
// stories, sections and sub-stories they are meant to be.

import { COACH_RULES } from '../../src/core/bank/rules/index';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze as analyzeWithOptions, type Finding, type NotesModel } from '../../src/core/index';

const SNIPPETS_PATH = join(__dirname, '..', '..', 'snippets', 'interview-notes.code-snippets');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
  scope?: string;
}

// ---- A small expander for VS Code's snippet syntax ------------------------------------------------
// https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar — tab stops `$1` `${1}`,
// placeholders `${1:default}` (nested), choices `${1|a,b|}` (the first is inserted), and `\` escaping
// `$`, `}` and `\`. Variables are not used by these snippets and are rejected.

interface TabStop {
  index: number;
  /** Offset of the tab stop in the expanded text. */
  offset: number;
  /** The text it holds once expanded. */
  text: string;
}

interface Expanded {
  text: string;
  /** In document order. */
  tabStops: TabStop[];
}

/** Expands `body`; `fill` gives what the user types at a tab stop (default: its placeholder text). */
function expand(body: string, fill: Record<number, string> = {}): Expanded {
  let i = 0;
  const tabStops: TabStop[] = [];

  const parse = (until: string | undefined): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i]!;
      if (until !== undefined && c === until) return out;
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1]!)) {
        out += body[i + 1];
        i += 2;
      } else if (c === '$') {
        out += dollar(out.length);
      } else {
        out += c;
        i++;
      }
    }
    if (until !== undefined) throw new Error(`unclosed \${ in ${JSON.stringify(body)}`);
    return out;
  };

  // Offsets are relative to the text being built; fixed up by `at` once the enclosing text is known.
  const dollar = (at: number): string => {
    i++; // $
    const simple = /^\d+/.exec(body.slice(i));
    if (simple) {
      i += simple[0].length;
      return stop(Number(simple[0]), at, '');
    }
    if (body[i] !== '{') {
      if (/^[A-Za-z_]/.test(body.slice(i))) throw new Error(`variables are not expected: ${JSON.stringify(body)}`);
      return '$'; // a lone $ is text
    }
    i++; // {
    const num = /^\d+/.exec(body.slice(i));
    if (!num) throw new Error(`variables are not expected: ${JSON.stringify(body)}`);
    i += num[0].length;
    const index = Number(num[0]);
    if (body[i] === '}') {
      i++;
      return stop(index, at, '');
    }
    if (body[i] === ':') {
      i++;
      const before = tabStops.length;
      const inner = parse('}');
      i++; // }
      // Nested tab stops were recorded relative to the placeholder's text: shift them.
      for (const t of tabStops.slice(before)) t.offset += at;
      return stop(index, at, inner);
    }
    if (body[i] === '|') {
      const end = body.indexOf('|}', i + 1);
      if (end < 0) throw new Error(`unclosed choice in ${JSON.stringify(body)}`);
      const options = body.slice(i + 1, end).split(/(?<!\\),/).map((o) => o.replace(/\\([,|\\])/g, '$1'));
      i = end + 2;
      return stop(index, at, options[0]!);
    }
    throw new Error(`unexpected ${JSON.stringify(body[i])} after \${${index} in ${JSON.stringify(body)}`);
  };

  const stop = (index: number, at: number, placeholder: string): string => {
    const text = fill[index] ?? placeholder;
    tabStops.push({ index, offset: at, text });
    return text;
  };

  const text = parse(undefined);
  tabStops.sort((a, b) => a.offset - b.offset);
  return { text, tabStops };
}

const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixesOf = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const rules = (m: NotesModel) => m.findings.map((f: Finding) => f.rule);

describe('snippets (snippets/interview-notes.code-snippets)', () => {
  const raw = readFileSync(SNIPPETS_PATH, 'utf8');
  const snippets = JSON.parse(raw) as Record<string, Snippet>;
  const byPrefix = (prefix: string): Snippet => {
    const found = Object.values(snippets).find((s) => prefixesOf(s).includes(prefix));
    assert.ok(found, `a snippet with the prefix ${prefix}`);
    return found;
  };
  const story = () => bodyOf(byPrefix('story'));

  describe('the expander itself', () => {
    it('expands tab stops, placeholders, choices and escapes as VS Code does', () => {
      const e = expand('a $1 ${2:two ${3:three}} ${4|x,y\\,z|} \\$5 \\} \\\\ $0');
      assert.equal(e.text, 'a  two three x $5 } \\ ');
      assert.deepEqual(
        e.tabStops.map((t) => [t.index, t.offset, t.text]),
        [[1, 2, ''], [2, 3, 'two three'], [3, 7, 'three'], [4, 13, 'x'], [0, 22, '']],
      );
      assert.equal(expand('${1:a} $1', { 1: 'b' }).text, 'b b');
      assert.throws(() => expand('$TM_FILENAME'), /variables/);
      assert.throws(() => expand('${1:open'), /unclosed/);
    });
  });

  describe('the file', () => {
    it('is JSON, and every snippet is for Markdown, with prefixes, a body and a description', () => {
      assert.ok(Object.keys(snippets).length >= 8);
      for (const [name, s] of Object.entries(snippets)) {
        assert.ok(s.scope === undefined || s.scope === 'markdown', `${name}: scope`);
        assert.ok(prefixesOf(s).length > 0 && prefixesOf(s).every((p) => /^[a-z][a-z0-9-]*$/.test(p)), `${name}: prefixes`);
        assert.ok(typeof bodyOf(s) === 'string' && bodyOf(s).length > 0, `${name}: body`);
        assert.ok(typeof s.description === 'string' && s.description.length > 10, `${name}: description`);
      }
    });

    it('has the prefixes people type, each used once; `star` finds every snippet', () => {
      const all = Object.values(snippets).flatMap(prefixesOf);
      assert.equal(new Set(all).size, all.length, 'no prefix is used twice');
      for (const p of ['story', 'star-story', 'category', 'star-category', 'situation', 'task', 'action', 'result', 'substory', 'placeholder']) {
        byPrefix(p);
      }
      for (const [name, s] of Object.entries(snippets)) assert.ok(prefixesOf(s).some((p) => p.startsWith('star-')), `${name} has a star- prefix`);
    });

    it('numbers the tab stops 1…n in document order without gaps, and ends with $0', () => {
      for (const [name, s] of Object.entries(snippets)) {
        const body = bodyOf(s);
        const { tabStops } = expand(body);
        const order: number[] = [];
        for (const t of tabStops) if (t.index !== 0 && !order.includes(t.index)) order.push(t.index);
        assert.deepEqual(order, order.map((_, k) => k + 1), `${name}: tab stops in order`);
        const finals = tabStops.filter((t) => t.index === 0);
        assert.equal(finals.length, 1, `${name}: one $0`);
        assert.equal(tabStops.at(-1)!.index, 0, `${name}: $0 comes last`);
        assert.ok(body.endsWith('$0'), `${name}: $0 at the end`);
      }
    });
  });

  describe('read by the core', () => {
    // The reading of what a snippet inserts; the story bank's coach rules (a Result with no number) are off.
    const READING_ONLY = { severities: Object.fromEntries(COACH_RULES.map((r) => [r.id, 'off' as const])) };
    const analyze = (text: string) => analyzeWithOptions(text, READING_ONLY);
    const CATEGORY = '## A. Handling Disagreements\n';
    const filledStory = { 1: '1', 2: 'Disagreed on the event pipeline design', 3: 'Orders went through a cron job.', 4: 'Agree on one design.', 5: 'I wrote a one-page comparison.', 6: 'Latency went from 60 s to 2 s.' };

    it('story, as inserted: one empty story with the four STAR labels, reported once as empty', () => {
      const text = CATEGORY + expand(story()).text;
      const model = analyze(text);
      assert.equal(model.isNotes, true);
      assert.deepEqual(model.levels, { category: 2, story: 3 });
      assert.equal(model.categories.length, 1);
      const [s] = model.categories[0]!.stories;
      assert.equal(model.categories[0]!.stories.length, 1);
      assert.equal(s!.title, 'N title');
      assert.deepEqual(s!.sections.map((x) => [x.part, x.style, x.hasContent]), [
        ['situation', 'list-bold', false],
        ['task', 'list-bold', false],
        ['action', 'list-bold', false],
        ['result', 'list-bold', false],
      ]);
      assert.equal(s!.status, 'empty');
      // An empty story is reported once, not once per empty part.
      assert.deepEqual(rules(model), ['empty-story']);
    });

    it('story, partly filled in: incomplete, the parts left empty reported once, as one empty-section finding', () => {
      const model = analyze(CATEGORY + expand(story(), { 1: '2', 2: 'A deadline', 3: 'A launch date was promised.' }).text);
      const s = model.categories[0]!.stories[0]!;
      assert.equal(s.status, 'incomplete');
      assert.equal(s.number, 2);
      assert.deepEqual(s.missing, ['task', 'action', 'result']);
      assert.deepEqual(model.findings.map((f) => [f.rule, f.message]), [['empty-section', 'Task, Action and Result of “A deadline” are empty.']]);
    });

    it('story, filled in at every tab stop: complete, nothing to report', () => {
      const e = expand(story(), filledStory);
      const model = analyze(CATEGORY + e.text);
      const s = model.categories[0]!.stories[0]!;
      assert.deepEqual([s.number, s.title, s.status, s.missing], [1, 'Disagreed on the event pipeline design', 'complete', []]);
      assert.deepEqual(s.sections.map((x) => x.hasContent), [true, true, true, true]);
      assert.deepEqual(model.findings, []);
      // The final cursor ($0) is on the line after the story, ready for the next one.
      assert.ok(e.text.endsWith('Latency went from 60 s to 2 s.\n'));
    });

    it('story, twice in a row under a category: two stories, in order', () => {
      const text = CATEGORY + expand(story(), filledStory).text + expand(story(), { ...filledStory, 1: '2', 2: 'Second' }).text;
      const model = analyze(text);
      assert.deepEqual(model.categories[0]!.stories.map((s) => [s.number, s.title, s.status]), [
        [1, 'Disagreed on the event pipeline design', 'complete'],
        [2, 'Second', 'complete'],
      ]);
    });

    it('category: a category with its first story, alone or after another category', () => {
      const body = bodyOf(byPrefix('category'));
      const empty = analyze(expand(body).text);
      assert.deepEqual(empty.categories.map((c) => [c.label, c.title, c.done, c.stories.map((s) => [s.number, s.title, s.status])]), [
        ['A', 'title', false, [[1, 'title', 'empty']]],
      ]);
      assert.deepEqual(rules(empty), ['empty-story']);

      const fill = { 3: '1', 4: 'A story', 5: 's', 6: 't', 7: 'a', 8: 'r' };
      const two = analyze(expand(body, { ...fill, 2: 'Ownership' }).text + expand(body, { ...fill, 1: 'B', 2: 'Learning Quickly' }).text);
      assert.deepEqual(two.categories.map((c) => [c.label, c.title, c.stories.map((s) => s.status)]), [
        ['A', 'Ownership', ['complete']],
        ['B', 'Learning Quickly', ['complete']],
      ]);
      assert.deepEqual(two.findings, []);
    });

    it('situation, task, action, result, learning: each label reads as its own part, in the order typed', () => {
      const parts = ['situation', 'task', 'action', 'result', 'learning'] as const;
      const lines = parts.map((p) => expand(bodyOf(byPrefix(p)), { 0: `what happened (${p})` }).text);
      const model = analyze(`${CATEGORY}### 1 A story\n${lines.join('\n')}\n`);
      const s = model.categories[0]!.stories[0]!;
      assert.deepEqual(s.sections.map((x) => [x.part, x.style, x.hasContent]), parts.map((p) => [p, 'list-bold', true]));
      assert.equal(s.status, 'complete');
      assert.deepEqual(model.findings, []);

      // Inserted and left empty, a label is an empty section of a story that has other content.
      const withEmpty = analyze(`${CATEGORY}### 1 A story\n${lines.slice(0, 3).join('\n')}\n${expand(bodyOf(byPrefix('result'))).text}\n`);
      assert.deepEqual(withEmpty.findings.map((f) => f.message), ['Result of “A story” is empty.']);
    });

    it('substory: a sub-story of the story above it, empty (its note a ❓) until the note is written', () => {
      const body = bodyOf(byPrefix('substory'));
      const text =
        `${CATEGORY}### 1 Disagreed on the design\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: r\n\n` +
        `### 2 Took over a service\n` +
        expand(body, { 2: 'nobody on call for it; finance depended on it' }).text +
        expand(body, { 1: '2' }).text;
      const model = analyze(text);
      const stories = model.categories[0]!.stories;
      assert.deepEqual(stories.map((s) => [s.title, s.status]), [
        ['Disagreed on the design', 'complete'],
        ['Took over a service', 'incomplete'],
      ]);
      assert.deepEqual(stories[1]!.stories.map((s) => [s.kind, s.title, s.status, s.placeholders.length]), [
        ['substory', 'story-1', 'incomplete', 0],
        ['substory', 'story-2', 'empty', 1],
      ]);
      assert.deepEqual(model.findings.map((f) => [f.rule, text.slice(f.span.start, f.span.end)]), [
        ['missing-section', '**story-1**'], // notes without STAR labels, as in the seed's story-1
        ['empty-story', '**story-2**'],
        ['placeholder', '❓'],
      ]);
    });

    it('substory: an empty nested bullet would hide the sub-story, which is why the note defaults to ❓', () => {
      // CommonMark: an empty list item cannot interrupt a paragraph, so "- **story-1**" + "    - "
      // is one paragraph, not a bold line with a nested list.
      const model = analyze(`${CATEGORY}### 1 A\n- **Situation**: s\n- **Task**: t\n### 2 B\n- **story-1**\n    - \n`);
      assert.deepEqual(model.categories[0]!.stories[1]!.stories, []);
    });

    it('placeholder: a ❓ after a label is a placeholder finding, not an empty section', () => {
      const ph = expand(bodyOf(byPrefix('placeholder'))).text;
      assert.equal(ph, '❓');
      const model = analyze(`${CATEGORY}### 1 A story\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: ${ph}\n`);
      const s = model.categories[0]!.stories[0]!;
      assert.equal(s.status, 'incomplete');
      assert.deepEqual(s.missing, ['result']);
      assert.deepEqual(model.findings.map((f) => f.rule), ['placeholder']);
      assert.equal(s.placeholders.length, 1);
    });
  });
});
