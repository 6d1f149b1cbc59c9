// The Markdown injection grammar (syntaxes/interview-notes.injection.tmLanguage.json), tokenized the
// way VS Code does it: vscode-textmate + vscode-oniguruma over VS Code's own Markdown grammar (the
// copy of extensions/markdown-basics/syntaxes/markdown.tmLanguage.json that `tm-grammars` ships).
// The grammar is held to the analysis core: the same label words (vocabulary.ts), and on real notes
// the same labels, placeholders, highlights and done marks.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { analyze, eachStory, type StarPart } from '../../src/core/index';
import { readLabelWords, VOCABULARIES } from '../../src/core/vocabulary';
import { generateNotes } from '../support/generate-notes.mjs';
import { SEED_PATH } from '../support/shared';

const ROOT = join(__dirname, '..', '..');
const INJECTION_PATH = join(ROOT, 'syntaxes', 'interview-notes.injection.tmLanguage.json');
const INJECTION = 'markdown.interview-notes.injection';
const MARKDOWN = 'text.html.markdown';

const LABEL = 'keyword.control.star-label';
const PLACEHOLDER = 'invalid.deprecated.placeholder.interview-notes';
const HIGHLIGHT = 'markup.bold.highlight.interview-notes';
const DONE = 'markup.inserted.done.interview-notes';
const OURS = '.interview-notes';
const PARTS: StarPart[] = ['situation', 'task', 'action', 'result', 'learning'];

interface Token {
  line: number;
  /** Offset in the document (UTF-16), as the core's spans. */
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

/** Markdown with the injection; loads Oniguruma's WebAssembly once (it can only be loaded once). */
function loadMarkdownWithInjection(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const g = await newRegistry(true).loadGrammar(MARKDOWN);
    assert.ok(g, 'the Markdown grammar loads');
    return g;
  })();
  return grammarPromise;
}

let grammar: vsctm.IGrammar;

function newRegistry(injections: boolean): vsctm.Registry {
  const markdownPath = require.resolve('tm-grammars/grammars/markdown.json');
  return new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName === MARKDOWN) return vsctm.parseRawGrammar(readFileSync(markdownPath, 'utf8'), markdownPath);
      if (scopeName === INJECTION) return vsctm.parseRawGrammar(readFileSync(INJECTION_PATH, 'utf8'), INJECTION_PATH);
      // VS Code has the languages Markdown embeds (YAML front matter, fenced code): empty stand-ins
      // keep their rules working here, so front matter and fences are tokenized as in the editor.
      return { scopeName, patterns: [], repository: {} } as unknown as vsctm.IRawGrammar;
    },
    getInjections: (scopeName: string) => (injections && scopeName === MARKDOWN ? [INJECTION] : undefined),
  });
}

let aloneGrammar: Promise<vsctm.IGrammar | null> | undefined;
async function loadMarkdownAlone(): Promise<vsctm.IGrammar> {
  aloneGrammar ??= newRegistry(false).loadGrammar(MARKDOWN);
  const g = await aloneGrammar;
  assert.ok(g);
  return g;
}

/** For each character of `text`, the scopes (kept by `keep`) of the token over it. */
function charScopes(text: string, tokens: Token[], keep: (scope: string) => boolean): (string[] | undefined)[] {
  const out: (string[] | undefined)[] = new Array(text.length);
  for (const t of tokens) {
    const scopes = t.scopes.filter(keep);
    for (let i = t.start; i < t.end; i++) out[i] = scopes;
  }
  return out;
}

function tokenize(text: string): Token[] {
  return tokenizeWith(grammar, text);
}

function tokenizeWith(g: vsctm.IGrammar, text: string): Token[] {
  const tokens: Token[] = [];
  let state = vsctm.INITIAL;
  let line = 0;
  // Line breaks as in the editor (and in CommonMark): \r\n, \n or a bare \r.
  for (const m of text.matchAll(/([^\r\n]*)(\r\n|\r|\n|$)/g)) {
    const content = m[1]!;
    const offset = m.index!;
    const r = g.tokenizeLine(content, state);
    for (const t of r.tokens) {
      const end = Math.min(t.endIndex, content.length);
      if (end > t.startIndex) tokens.push({ line, start: offset + t.startIndex, end: offset + end, text: content.slice(t.startIndex, end), scopes: t.scopes });
    }
    state = r.ruleStack;
    line++;
    if (m[2] === '') break;
  }
  return tokens;
}

const hasScope = (t: Token, prefix: string) => t.scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));
const scopeOf = (t: Token, prefix: string) => t.scopes.find((s) => s === prefix || s.startsWith(prefix + '.'));

/** Runs of adjacent tokens carrying the same scope that starts with `prefix`, with their text and scope. */
function runs(tokens: Token[], prefix: string): { text: string; scope: string; start: number; end: number }[] {
  const out: { text: string; scope: string; start: number; end: number; line: number }[] = [];
  for (const t of tokens) {
    const scope = scopeOf(t, prefix);
    if (!scope) continue;
    const last = out.at(-1);
    if (last && last.line === t.line && last.end === t.start && last.scope === scope) {
      last.text += t.text;
      last.end = t.end;
    } else out.push({ text: t.text, scope, start: t.start, end: t.end, line: t.line });
  }
  return out.map(({ text, scope, start, end }) => ({ text, scope, start, end }));
}

const texts = (tokens: Token[], prefix: string) => runs(tokens, prefix).map((r) => r.text);
/** `[text, part]` for every STAR label word. */
const labels = (tokens: Token[]) => runs(tokens, LABEL).map((r) => [r.text, r.scope.split('.')[3]]);
const ours = (tokens: Token[]) => tokens.filter((t) => t.scopes.some((s) => s.endsWith(OURS)));

/** The first token holding `needle` (which must lie within one token). */
function tokenAt(tokens: Token[], text: string, needle: string, from = 0): Token {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `"${needle}" is in the text`);
  const t = tokens.find((x) => x.start <= at && at < x.end);
  assert.ok(t, `a token at "${needle}"`);
  return t;
}

describe('the Markdown injection grammar', () => {
  before(async () => {
    grammar = await loadMarkdownWithInjection();
  });

  describe('the grammar file', () => {
    const raw = JSON.parse(readFileSync(INJECTION_PATH, 'utf8'));

    it('is an injection into Markdown, ahead of its own rules (L:), kept out of code, links, HTML and front matter', () => {
      assert.equal(raw.scopeName, INJECTION);
      const selectors = (raw.injectionSelector as string).split(',').map((s) => s.trim());
      assert.ok(selectors.length >= 2);
      for (const s of selectors) {
        assert.match(s, /^L:text\.html\.markdown /);
        for (const excluded of ['markup.fenced_code', 'markup.inline.raw', 'markup.raw', 'meta.embedded', 'comment', 'meta.link']) {
          assert.ok(s.split(/\s+/).includes(`-${excluded}`), `${s} excludes ${excluded}`);
        }
      }
    });

    it('names every scope it gives with the .interview-notes suffix', () => {
      const names: string[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          for (const [k, v] of Object.entries(node)) {
            if ((k === 'name' || k === 'contentName') && typeof v === 'string') names.push(...v.split(/\s+/));
            else walk(v);
          }
        }
      };
      walk(raw.repository);
      assert.ok(names.length > 10);
      for (const n of names) assert.ok(n.endsWith(OURS), n);
    });

    it('knows exactly the label words of vocabulary.ts, each under its STAR part', () => {
      const expected = new Map<StarPart, Set<string>>(PARTS.map((p) => [p, new Set()]));
      const seen = new Set<string>();
      for (const v of VOCABULARIES) {
        for (const p of PARTS) {
          for (const w of v.words[p] ?? []) {
            if (seen.has(w)) continue; // the first vocabulary to list a word decides its part
            seen.add(w);
            expected.get(p)!.add(w);
          }
        }
      }
      const actual = new Map<StarPart, Set<string>>(PARTS.map((p) => [p, new Set()]));
      for (const pattern of raw.repository['label-words'].patterns as { match: string; name: string }[]) {
        const words = /^\(\?i:(.*)\)\(\?!/.exec(pattern.match)?.[1];
        if (!words) continue; // the single-letter patterns
        const part = pattern.name.split('.')[3] as StarPart;
        for (const w of words.split('|')) actual.get(part)!.add(w);
      }
      assert.deepEqual(actual, expected);
    });
  });

  describe('STAR labels', () => {
    it('reads every written form the core reads', () => {
      const cases: [string, [string, string][]][] = [
        ['- **Situation**: the cron job polled', [['Situation', 'situation']]],
        ['- **Situation** : spaced colon', [['Situation', 'situation']]],
        ['**Task:** bold label as its own paragraph', [['Task', 'task']]],
        ['**ACTION:** upper case', [['ACTION', 'action']]],
        ['- **R**: a single letter', [['R', 'result']]],
        ['* **S (Situation):** letter and name', [['S', 'situation'], ['Situation', 'situation']]],
        ['1. **Result (Outcome - 10%)**: with a note', [['Result', 'result']]],
        ['- **SITUATION/TASK:** two parts', [['SITUATION', 'situation'], ['TASK', 'task']]],
        ['**Context**', [['Context', 'situation']]],
        ['- Situation: plain, at the start of a list item', [['Situation', 'situation']]],
        ['- Lessons learned: a phrase', [['Lessons learned', 'learning']]],
        ['Resultado: plain, at the start of a paragraph', [['Resultado', 'result']]],
        ['SITUATION/TASK - Describe the situation', [['SITUATION', 'situation'], ['TASK', 'task']]],
        ['Contexto', [['Contexto', 'situation']]],
        ['> - **Ação**: in a quote', [['Ação', 'action']]],
        ['### Situation', [['Situation', 'situation']]],
        ['#### S (Situation)', [['S', 'situation'], ['Situation', 'situation']]],
        ['### **Result:**', [['Result', 'result']]],
        ['## Aprendizado', [['Aprendizado', 'learning']]],
        ['### Action - what I did', [['Action', 'action']]],
      ];
      for (const [line, expected] of cases) assert.deepEqual(labels(tokenize(line)), expected, line);
    });

    it('scopes the bold, the punctuation and the whole label', () => {
      const text = '- **Situation**: the cron job polled';
      const tokens = tokenize(text);
      assert.deepEqual(texts(tokens, 'meta.star-label.interview-notes'), ['**Situation**:']);
      assert.deepEqual(texts(tokens, 'markup.bold.star-label.interview-notes'), ['**Situation**']);
      assert.deepEqual(texts(tokens, 'punctuation.definition.bold.star-label.interview-notes'), ['**', '**']);
      assert.deepEqual(texts(tokens, 'punctuation.separator.star-label.interview-notes'), [':']);
      assert.ok(hasScope(tokenAt(tokens, text, '-'), 'punctuation.definition.list.begin.markdown'));
      assert.ok(hasScope(tokenAt(tokens, text, 'Situation'), 'meta.paragraph.markdown'));

      const inside = tokenize('**Situation:** text');
      assert.deepEqual(texts(inside, 'markup.bold.star-label.interview-notes'), ['**Situation:**']);
      assert.deepEqual(texts(inside, 'punctuation.separator.star-label.interview-notes'), [':']);
    });

    it('leaves the rest of the line to Markdown: code, bold, links still highlighted', () => {
      const text = '- **Action**: moved `poll` to a **queue**, see [the doc](http://x) 🔸';
      const tokens = tokenize(text);
      assert.ok(hasScope(tokenAt(tokens, text, 'poll'), 'markup.inline.raw.string.markdown'));
      assert.ok(hasScope(tokenAt(tokens, text, 'queue'), 'markup.bold.markdown'));
      assert.ok(hasScope(tokenAt(tokens, text, 'the doc'), 'meta.link.inline.markdown'));
      assert.deepEqual(labels(tokens), [['Action', 'action']]);
      assert.deepEqual(texts(tokens, HIGHLIGHT), ['🔸']);

      const heading = '### Result';
      const h = tokenize(heading);
      assert.ok(hasScope(tokenAt(h, heading, 'Result'), 'markup.heading.markdown'));
      assert.ok(hasScope(tokenAt(h, heading, 'Result'), 'entity.name.section.markdown'));
      assert.ok(hasScope(tokenAt(h, heading, '###'), 'punctuation.definition.heading.markdown'));
    });

    it('reads every word of every vocabulary, in its own case, capitalised and upper case, in each form', () => {
      let checked = 0;
      for (const v of VOCABULARIES) {
        for (const words of Object.values(v.words)) {
          for (const word of words ?? []) {
            const variants = new Set([word, word[0]!.toUpperCase() + word.slice(1), word.toUpperCase()]);
            for (const w of variants) {
              const read = readLabelWords(w, false);
              if (!read) continue; // e.g. an upper-case form JavaScript does not fold back (ß)
              const part = read.parts[0]!;
              for (const line of [`- **${w}**: x`, `**${w}:** x`, `- ${w}: x`, `### ${w}`, `- **${w}**`]) {
                assert.deepEqual(labels(tokenize(line)), [[w, part]], line);
                checked++;
              }
            }
          }
        }
      }
      for (const [letter, part] of [['S', 'situation'], ['T', 'task'], ['A', 'action'], ['R', 'result'], ['L', 'learning']]) {
        for (const line of [`- **${letter}**: x`, `**${letter}:** x`, `### ${letter}`]) {
          assert.deepEqual(labels(tokenize(line)), [[letter, part]], line);
        }
      }
      assert.ok(checked > 500, `${checked} label lines`);
    });

    it('does not read what the core does not read as a label', () => {
      for (const line of [
        '**Situation** was tense',
        'The Result: a faster build',
        '- Situational awareness: x',
        '- **Situations**: x',
        '### Situation report for Q3',
        '- **Note**: x',
        '- **S**ituation: set the context',
        '- S: a single letter is no plain label',
        '- a **Result**: mid-sentence',
        '### 1 Took over an abandoned reporting service',
        '## A. Handling Disagreements',
        '- **story-1**',
      ]) {
        assert.deepEqual(labels(tokenize(line)), [], line);
        const text = `## A. Cat\n### 1 story\n- **Task**: t\n- **Action**: a\n${line}\n`;
        const model = analyze(text);
        const at = text.indexOf(line);
        const sections = model.categories.flatMap((c) => c.stories.flatMap((s) => s.sections));
        assert.deepEqual(sections.filter((s) => s.label.start >= at).map((s) => s.part), [], `the core agrees: ${line}`);
      }
    });
  });

  describe('code, links, HTML and front matter', () => {
    it('gives no scope of its own inside fenced, indented or inline code', () => {
      const text = [
        '```',
        '- **Situation**: in a fence ❓ TODO 🔸',
        '### Result',
        '```',
        '',
        '```markdown',
        '### 1 title',
        '- **Situation**: in a markdown fence [Write here]',
        '## ✅ A. Done',
        '```',
        '',
        '~~~',
        'Situation: tildes ???',
        '~~~',
        '',
        '    - **Task**: indented code TODO',
        '',
        'Some `**Result**: ❓ TODO` inline code.',
        '',
        '<!-- TODO: **Situation**: in a comment -->',
        '',
        '[TODO list](http://example.com/TODO) and <http://example.com/TBD>',
      ].join('\n');
      const tokens = tokenize(text);
      assert.deepEqual(ours(tokens).map((t) => t.text), []);
      // Markdown itself still sees the fences and the embedded Markdown.
      assert.ok(hasScope(tokenAt(tokens, text, '- **Situation**: in a fence'), 'markup.fenced_code.block.markdown'));
      assert.ok(hasScope(tokenAt(tokens, text, 'Situation**: in a markdown fence'), 'meta.embedded.block.markdown'));
    });

    it('starts again after a fence closes', () => {
      const tokens = tokenize('```\n- **Situation**: code\n```\n- **Situation**: text');
      assert.deepEqual(labels(tokens), [['Situation', 'situation']]);
      assert.equal(runs(tokens, LABEL)[0]!.start, '```\n- **Situation**: code\n```\n- **'.length);
    });

    it('gives no scope in YAML front matter', () => {
      assert.deepEqual(ours(tokenize('---\ntitle: TODO\nSituation: x\n---\n')).map((t) => t.text), []);
    });
  });

  describe('placeholders, highlights and done marks', () => {
    it('marks ❓, TODO, TBD, TBA, FIXME, XXX, ??? and bracket blanks', () => {
      const text = [
        '- **Result**: ❓',
        '- **Task**: TODO, then TBD or TBA; FIXME XXX ??? ????',
        '- **Action**: [Write here] and [Write here — what measurably changed?] [TBD] [Title] [your story here]',
        '## Story #2: [Your Leadership Story Here]',
        '- **Decision taken for offshore** ? ‚ùì',
        '- **TODO**',
      ].join('\n');
      assert.deepEqual(texts(tokenize(text), PLACEHOLDER), [
        '❓',
        'TODO', 'TBD', 'TBA', 'FIXME', 'XXX', '???', '????',
        '[Write here]', '[Write here — what measurably changed?]', '[TBD]', '[Title]', '[your story here]',
        '[Your Leadership Story Here]',
        '‚ùì',
        'TODO',
      ]);
    });

    it('leaves task boxes, footnotes, acronyms, links and words alone', () => {
      const text = [
        '- [ ] a task and - [x] a done one',
        '- see [1], [AWS] and [S3], [sic]',
        '- [a link](http://x), [a ref][1], [Title]: http://x',
        '- TODOS, todo, ?? and ?',
      ].join('\n');
      assert.deepEqual(texts(tokenize(text), PLACEHOLDER), []);
    });

    it('marks 🔸 highlights, mis-encoded ones too', () => {
      const mac = '\uF8FF\u00FC\u00EE\u220F'; // 🔸's UTF-8 read as Mac Roman, as in the seed notes
      const windows = '\u00F0\u0178\u201D\u00B8'; // and read as Windows-1252
      assert.deepEqual(texts(tokenize(`- wrote the runbook 🔸 and app-6 ${mac} and ${windows}`), HIGHLIGHT), ['🔸', mac, windows]);
    });

    it('marks ✅ (✔️, ☑️, mis-encoded ‚úÖ) in headings only', () => {
      const text = [
        '## ✅ A. Handling Disagreements',
        '## D. Customer Focus ‚úÖ',
        '## ✔️ E. Checked',
        '## ☑ F. Ticked',
        '## ‚úÖ G. The seed',
        '- ✅ a done bullet is no done category',
      ].join('\n');
      assert.deepEqual(texts(tokenize(text), DONE), ['✅', '‚úÖ', '✔️', '☑', '‚úÖ']);
    });

    it('takes a ❓ or 🔸 before a heading title for decoration, as the core does', () => {
      const text = '## ❓ Frage 1: "Nennen Sie ein Beispiel"\n### 2 ❓\n## 🔸 ✅ Done';
      const tokens = tokenize(text);
      assert.deepEqual(texts(tokens, PLACEHOLDER), ['❓']);
      assert.equal(runs(tokens, PLACEHOLDER)[0]!.start, text.indexOf('### 2 ❓') + 6);
      assert.deepEqual(texts(tokens, HIGHLIGHT), []);
      assert.deepEqual(texts(tokens, DONE), ['✅']);
    });
  });

  describe('on whole documents', () => {
    const documents: [string, () => string | undefined][] = [
      ['examples/notes.md', () => readFileSync(join(ROOT, 'examples', 'notes.md'), 'utf8')],
      ['the seed notes', () => (existsSync(SEED_PATH) ? readFileSync(SEED_PATH, 'utf8') : undefined)],
      ['64 KB of generated notes', () => generateNotes(64 * 1024, 3)],
    ];
    const read = (ctx: Mocha.Context, name: string, get: () => string | undefined): string => {
      const text = get();
      if (text !== undefined) return text;
      if (process.env.CI) throw new Error(`${name} not found`);
      ctx.skip();
    };

    for (const [name, get] of documents) {
      it(`${name}: the core's labels, placeholders, highlights and done marks, and no others`, function () {
        const text = read(this, name, get);
        const model = analyze(text);
        const tokens = tokenize(text);
        const show = (s: { start: number; end: number }) => `${JSON.stringify(text.slice(s.start, s.end))}@${s.start}`;

        // Labels: every label the core reads holds a label word of the grammar, and every label word
        // of the grammar lies in a label the core reads.
        const stories = model.categories.flatMap((c) => [...eachStory([c])].map(({ story }) => story));
        const coreLabels = stories.flatMap((s) => s.sections.map((x) => x.label));
        const words = runs(tokens, LABEL);
        for (const l of coreLabels) assert.ok(words.some((g) => g.start >= l.start && g.end <= l.end), `core label ${show(l)}`);
        for (const g of words) assert.ok(coreLabels.some((l) => g.start >= l.start && g.end <= l.end), `grammar label ${show(g)}`);
        assert.ok(coreLabels.length >= 4, `${coreLabels.length} labels`);

        // Placeholders and highlights: the core keeps those inside stories.
        const inStory = (r: { start: number }) => stories.some((s) => r.start >= s.span.start && r.start < s.span.end);
        const same = (got: { start: number; end: number }[], want: { start: number; end: number }[], what: string) =>
          assert.deepEqual([...new Set(got.map(show))].sort(), [...new Set(want.map(show))].sort(), what);
        same(runs(tokens, PLACEHOLDER).filter(inStory), stories.flatMap((s) => s.placeholders), 'placeholders');
        same(runs(tokens, HIGHLIGHT).filter(inStory), stories.flatMap((s) => s.highlights), 'highlights');
        same(runs(tokens, DONE), model.categories.flatMap((c) => (c.doneMark ? [c.doneMark] : [])), 'done marks');
      });
    }

    const readme = [
      '# A project',
      '',
      'Some *text* with `code`, a [link](http://example.com), <b>html</b> and an image ![alt](x.png).',
      '',
      '| Column | Other |',
      '| ------ | ----- |',
      '| **Situation**: cell | TODO |',
      '',
      '> A quote with **bold** and _emphasis_.',
      '',
      '1. one',
      '   - nested **Result**: item ❓',
      '',
      '```js',
      'const situation = "Task: x";',
      '```',
      '',
      'Setext heading',
      '==============',
      '',
      '---',
    ].join('\n');
    const harmless: [string, () => string | undefined][] = [...documents, ['a README with every kind of block', () => readme]];
    for (const [name, get] of harmless) {
      it(`${name}: Markdown's own scopes are untouched, but for the bold it hands to a bold label`, async function () {
        const text = read(this, name, get);
        const alone = await loadMarkdownAlone();
        const withInjection = charScopes(text, tokenize(text), (s) => !s.endsWith(OURS));
        const without = charScopes(text, tokenizeWith(alone, text), () => true);
        const boldLabels = runs(tokenize(text), 'markup.bold.star-label.interview-notes');
        const handedOver = new Set(['markup.bold.markdown', 'punctuation.definition.bold.markdown']);
        let compared = 0;
        for (let i = 0; i < text.length; i++) {
          if (withInjection[i] === undefined && without[i] === undefined) continue;
          let want = without[i];
          if (boldLabels.some((r) => i >= r.start && i < r.end)) want = want?.filter((s) => !handedOver.has(s));
          assert.deepEqual(withInjection[i], want, `at ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))}`);
          compared++;
        }
        assert.ok(compared > text.length / 2);
      });
    }
  });
});
