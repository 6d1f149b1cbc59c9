// fast-check arbitraries of Markdown notes (and of READMEs that are not notes), the model invariants
// every analysis must keep, and the knobs shared by the property, mutation and edit tests.
//
// Every run is deterministic: a fixed seed per test (derived from its name), overridable with
// PROPERTY_SEED to explore; PROPERTY_RUNS scales the number of cases (e.g. PROPERTY_RUNS=20000 for a
// soak run).

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { eachStory, type NotesModel, type Span, type Story } from '../../src/core/index';

// ---- Knobs --------------------------------------------------------------------------------------

export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return n;
}

/** Runs per property. The default keeps properties.test.ts well under 20 s on 2 cores. */
export const PROPERTY_RUNS = envInt('PROPERTY_RUNS', 200);

const BASE_SEED = envInt('PROPERTY_SEED', 20_250_611);

/**
 * A suite's mocha timeout: the given bound in an ordinary run, none in a soak run (PROPERTY_RUNS or
 * MUTATION_RUNS set), where each property is bounded by its own time limit in params() instead.
 */
export function suiteTimeout(ordinaryMs: number): number {
  const soaking = process.env.PROPERTY_RUNS !== undefined || process.env.MUTATION_RUNS !== undefined;
  return soaking ? 0 : ordinaryMs;
}

/** A fixed seed per test name: the same cases on every run, different cases per test. */
export function seedFor(name: string): number {
  let h = BASE_SEED >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h | 0;
}

/**
 * fast-check parameters with a fixed seed; a failure prints the seed and path to replay it. The time
 * limit bounds the shrinking of a large counterexample (an interrupted shrink still fails, with the
 * smallest case found so far), and it fails a run cut short: fast-check counts an interrupted run as
 * passed, and at PROPERTY_RUNS=20000 on a loaded machine the flood properties "passed" after 182 of
 * their 2 000 cases. A second a case is far above what the heaviest generators take.
 */
export function params(name: string, numRuns: number): fc.Parameters<unknown> {
  return { seed: seedFor(name), numRuns, interruptAfterTimeLimit: Math.max(600_000, numRuns * 1000), markInterruptAsFailure: true };
}

// ---- Vocabulary ---------------------------------------------------------------------------------

/**
 * Words that are never a STAR label (checked against the vocabulary in properties.test.ts), so that
 * text made of them can be used in a README that must not be read as notes.
 */
export const SAFE_WORDS = [
  'the', 'team', 'deadline', 'migration', 'database', 'latency', 'customer', 'pipeline', 'review', 'design',
  'offshore', 'kafka', 'senior', 'junior', 'budget', 'deploy', 'rollback', 'incident', 'on-call', 'mentor',
  'café', 'naïve', 'résumé', 'Größe', 'ação?', 'mañana', 'zażółć', '日本語', '한국어', 'Привет', 'مرحبا',
  '10', '2024', '42%', 'x', 'I', 'e.g.', 'etc.', 'API', 'ETL', 'S3', 'AWS', 'v2', 'p99', 'k8s', '-', '--', '/',
] as const;

const EMOJI = ['🎯', '✅', '❓', '🔸', '👍🏽', '🇩🇪', '1️⃣', '🧑‍💻', '✔️', '☑', '📋', '💡', '⭐'] as const;
/** UTF-8 read as Mac Roman / Windows-1252: ✅ ❓ 🔸 ’ é “ … and a doubly mis-encoded ’. */
export const MOJIBAKE = ['‚úÖ', '‚ùì', 'üî∏', 'â€™', 'Ã©', 'â€œ', 'â€¦', 'caf√©', 'Ren√©e', 'Ã¢â‚¬â„¢', '\uF8FFüî∏'] as const;
const PLACEHOLDERS = ['TODO', 'TBD', 'FIXME', '???', '[Write here]', '[Title]', '[Your story here]', '❓', '‚ùì', '[x]', '[1]', '[sic]'] as const;
/** Inline HTML that never closes (issue 17: a flood of them made the parser quadratic), a few at a time. */
const INLINE_HTML_OPENERS = ['<?', '<!--', '<!D', '<![CDATA[', '<?<?<?<?', '<!--<!--<!--', '<a '] as const;
const MARKUP = ['**bold**', '*em*', '_em_', '`code`', '``a ` b``', '[link](http://example.com)', '[ref][1]', '<span>', '</span>', '&amp;', '&#x2705;', '\\*', '\\#', '~~gone~~', '<br>', '![img](x.png)', 'http://example.com/a_b_c', ...INLINE_HTML_OPENERS] as const;
/** Characters that stress offsets and parsers: tabs, NUL and other controls, lone surrogates, BOM, ZWJ. */
const WEIRD = ['\t', '\0', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u00a0', '\u200b', '\u200d', '\u2028', '\u2029', '\ufeff', '\ufffd', '\ud800', '\udc00', '\udbff', '\uD83D', '\uDE00x', '\uFE0F'] as const;

/** [word, part] for every vocabulary the analyser knows (and letter forms). */
const LABEL_WORDS = {
  situation: ['Situation', 'SITUATION', 'situation', 'Context', 'Background', 'Situação', 'Situación', 'Ausgangslage', 'Contexte'],
  task: ['Task', 'TASK', 'Tasks', 'Goal', 'Challenge', 'Problem', 'Tarefa', 'Aufgabe', 'Tâche', 'Objetivo'],
  action: ['Action', 'ACTION', 'Actions', 'Approach', 'What I did', 'Steps', 'Ação', 'Aktion', 'Acción', 'Vorgehen'],
  result: ['Result', 'RESULT', 'Results', 'Outcome', 'Impact', 'Resultado', 'Ergebnis', 'Résultat'],
  learning: ['Learning', 'Lessons learned', 'Reflection', 'Takeaways', 'Aprendizado', 'Erkenntnis', 'Leçons'],
} as const;
type Part = keyof typeof LABEL_WORDS;
const PARTS = Object.keys(LABEL_WORDS) as Part[];
const LETTER: Record<Part, string> = { situation: 'S', task: 'T', action: 'A', result: 'R', learning: 'L' };

const labelWord: fc.Arbitrary<[Part, string]> = fc.constantFrom(...PARTS).chain((p) => fc.constantFrom(...LABEL_WORDS[p]).map((w) => [p, w] as [Part, string]));

// ---- Inline text --------------------------------------------------------------------------------

const safeWord = fc.constantFrom(...SAFE_WORDS);

function longRun(max: number): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom('x', 'word ', '❓', '*', '[', '_', '`', '🔸', 'é', '<', '\\', '<?', '<!--'), fc.integer({ min: 50, max })).map(([s, n]) => s.repeat(Math.ceil(n / s.length)));
}

/** Inline text. `safe`: nothing that can read as a STAR label (for READMEs). */
export function inlineText(safe: boolean, maxTokens = 12): fc.Arbitrary<string> {
  const token = fc.oneof(
    { arbitrary: safeWord, weight: 12 },
    { arbitrary: fc.constantFrom(...EMOJI), weight: 2 },
    { arbitrary: fc.constantFrom(...MOJIBAKE), weight: 2 },
    { arbitrary: fc.constantFrom(...PLACEHOLDERS), weight: 2 },
    { arbitrary: fc.constantFrom(...MARKUP), weight: 2 },
    { arbitrary: fc.constantFrom(...WEIRD), weight: 2 },
    { arbitrary: safeWord.map((w) => `**${w}**`), weight: 1 },
    { arbitrary: longRun(400), weight: 1 },
    ...(safe ? [] : [{ arbitrary: labelWord.map(([, w]) => w), weight: 1 }, { arbitrary: fc.constantFrom('(S)', '(T)', '(A)', '(R)', '(ST)', ':'), weight: 1 }]),
  );
  return fc.array(token, { minLength: 0, maxLength: maxTokens }).chain((tokens) =>
    fc.array(fc.constantFrom(' ', ' ', ' ', '', '  ', '\t'), { minLength: tokens.length, maxLength: tokens.length }).map((gaps) => {
      const text = tokens.map((t, i) => (i === 0 ? t : gaps[i] + t)).join('');
      // In a README, text never opens a line with `<!`, `<?`: that opens an HTML block that runs to
      // its closing `>` (a `<pre>` line, say), and the labels the README keeps inside the <pre> after
      // it would then be read, rightly, as Markdown (a soak case: "<!D\n\n<pre>\n- **Situation**: …").
      return safe && OPENS_HTML_BLOCK.test(text) ? `the ${text}` : text;
    }),
  );
}

/** An unclosed HTML block opener of CommonMark's kinds 2–5 (comment, `<?`, `<!X`, CDATA) at the start. */
const OPENS_HTML_BLOCK = /^<[!?]/;

// ---- Blocks -------------------------------------------------------------------------------------

const DECORATIONS = ['', '', '', '✅ ', '❓ ', '🎯 ', '‚úÖ ', '✔️ ', '🔸 ', '‚ùì ', '✅', '1️⃣ '] as const;

function heading(safe: boolean): fc.Arbitrary<string> {
  return fc
    .record({
      level: fc.integer({ min: 1, max: 7 }),
      deco: fc.constantFrom(...DECORATIONS),
      prefix: fc.constantFrom('', '', 'A. ', 'B. ', 'C) ', '1 ', '4. ', '12) ', 'Story 1: ', 'Story B ', 'Tell me about ', '9999 '),
      title: inlineText(safe, 6),
      trail: fc.constantFrom('', '', ' ✅', ' ##', ' #', ' ‚úÖ', '   '),
      indent: fc.constantFrom('', '', '', ' ', '   ', '    ', '\t'),
      space: fc.constantFrom(' ', ' ', ' ', '\t', '', '  '),
    })
    .map(({ level, deco, prefix, title, trail, indent, space }) => `${indent}${'#'.repeat(level)}${space}${deco}${prefix}${title}${trail}`);
}

const setextHeading = (safe: boolean) => fc.tuple(inlineText(safe, 5), fc.constantFrom('===', '---', '=', '- - -')).map(([t, u]) => `${t}\n${u}`);

const BULLETS = ['-', '*', '+', '1.', '2)', '10.', '-', '-'] as const;

/** A (possibly deeply) nested list: each item one level deeper, shallower or the same as the last. */
function list(item: fc.Arbitrary<string>, maxDepth: number): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.integer({ min: -2, max: 1 }), fc.constantFrom(...BULLETS), item, fc.constantFrom('  ', '    ', '  ', '\t', '   ')), { minLength: 1, maxLength: 12 })
    .map((items) => {
      let depth = 0;
      return items
        .map(([step, bullet, text, unit]) => {
          depth = Math.max(0, Math.min(maxDepth, depth + step));
          return `${unit.repeat(depth)}${bullet} ${text}`;
        })
        .join('\n');
    });
}

/** One item per level, each nested one deeper: up to 80 levels of list (or list and quote). */
function staircase(item: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: 2, max: 80 }), fc.constantFrom('- ', '* ', '1. ', '> ', '- > '), item).map(([depth, marker, text]) =>
    Array.from({ length: depth }, (_, i) => ' '.repeat(marker.startsWith('>') ? 0 : i * marker.length) + (marker.startsWith('>') ? marker.repeat(i + 1) : marker) + text).join('\n'),
  );
}

/** A STAR label followed by its content, in every form the analyser reads (and a few it must not). */
function starLabel(content: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(labelWord, content, fc.integer({ min: 0, max: 13 }), fc.constantFrom('', '', '  ', '    ')).map(([[part, w], c, form, indent]) => {
    const L = LETTER[part];
    switch (form) {
      case 0:
        return `${indent}- **${w}**: ${c}`;
      case 1:
        return `${indent}- **${w}:** ${c}`;
      case 2:
        return `**${w.toUpperCase()}:** ${c}`;
      case 3:
        return `${indent}* **${L}**: ${c}`;
      case 4:
        return `**${L} (${LABEL_WORDS[part][0]}):** ${c}`;
      case 5:
        return `${w}: ${c}`;
      case 6:
        return `${'#'.repeat(3 + (c.length % 3))} ${w}\n${c}`;
      case 7:
        return `${indent}- ${w}: ${c}`;
      case 8:
        return `**📋 ${L}** : ${c}`;
      case 9:
        return `${w.toUpperCase()} - ${c}`;
      case 10:
        return `${w}\n${c}`;
      case 11:
        return `- **${w}**\n  ${c}`;
      case 12:
        return `> **${w}**: ${c}`;
      default:
        return `**${w}**:\n\n${c}`;
    }
  });
}

/** `(S) … (T) … (A) … (R) …` in one paragraph. */
const inlineStar = fc.tuple(fc.subarray(['S', 'T', 'A', 'R', 'L', 'ST', 'S/T', 'AR'], { minLength: 1 }), fc.array(inlineText(false, 4), { minLength: 8, maxLength: 8 })).map(
  ([letters, texts]) => letters.map((l, i) => `(${l}) ${texts[i]}`).join(' '),
);

function fence(body: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .record({
      marker: fc.constantFrom('```', '~~~', '````', '~~~~~', '```'),
      info: fc.constantFrom('', 'md', 'python', 'js title="x"', ' a`b', '~'),
      body,
      close: fc.constantFrom('same', 'same', 'same', 'none', 'short', 'other', 'indented'),
      indent: fc.constantFrom('', '', '  ', '   '),
    })
    .map(({ marker, info, body, close, indent }) => {
      const closing =
        close === 'same' ? marker : close === 'none' ? '' : close === 'short' ? marker.slice(0, 2) : close === 'other' ? (marker[0] === '`' ? '~~~' : '```') : `    ${marker}`;
      return `${indent}${marker}${info}\n${body}${closing ? '\n' + closing : ''}`;
    });
}

const RULE_NAMES = ['placeholder', 'empty-section', 'empty-story', 'missing-section', 'mis-encoded', 'done-but-unfinished', 'no-such-rule'] as const;
const directive = fc.tuple(fc.constantFrom('disable', 'enable', 'disable-next-line', 'disable-line', 'disable-file'), fc.subarray([...RULE_NAMES], { maxLength: 3 }), fc.constantFrom(' ', ', ', '  ')).map(
  ([mode, rules, sep]) => `<!-- interview-notes-${mode}${rules.length ? ' ' + rules.join(sep) : ''} -->`,
);

function html(inner: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(inlineText(true, 4), inner, fc.boolean()).map(([s, b, closed]) => `<details>\n<summary>${s}</summary>\n\n${b}\n\n${closed ? '</details>' : ''}`),
    fc.tuple(inner, fc.boolean()).map(([b, closed]) => `<pre>\n${b}\n${closed ? '</pre>' : ''}`),
    fc.tuple(inner, fc.boolean()).map(([b, closed]) => `<!-- ${b}${closed ? ' -->' : ''}`),
    inner.map((b) => `<div>\n${b}\n</div>`),
    inner.map((b) => `<?php ${b} ?>`),
    inner.map((b) => `<![CDATA[ ${b} ]]>`),
    fc.constantFrom('<!DOCTYPE html>', '<script>\nlet x = "# not a heading";\n</script>', '<style>\nh1 {}\n', '<textarea>\n# x', '<br/>', '<img src="x">', '</div>'),
  );
}

const table = (safe: boolean) =>
  fc.array(fc.array(inlineText(safe, 2), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }).map((rows) => {
    const head = `| ${rows[0]!.join(' | ')} |`;
    const rule = `|${rows[0]!.map(() => '---').join('|')}|`;
    return [head, rule, ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`)].join('\n');
  });

const blockquote = (inner: fc.Arbitrary<string>) =>
  fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom('> ', '>', ' > '), inner), { minLength: 1, maxLength: 5 }).map((lines) =>
    lines.map(([depth, marker, text]) => marker.repeat(depth) + text).join('\n'),
  );

/** Any characters at all, weighted towards the ones Markdown cares about. */
const garbageChar = fc.oneof(
  { arbitrary: fc.constantFrom('#', '>', '-', '*', '_', '`', '~', '<', '>', '[', ']', '(', ')', '!', '|', ':', ' ', '\t', '\n', '\r', '\r\n', '\\', '=', '+', '1.', '&'), weight: 6 },
  { arbitrary: fc.constantFrom(...WEIRD), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), weight: 2 },
  { arbitrary: fc.constantFrom(...EMOJI, ...MOJIBAKE), weight: 1 },
  { arbitrary: safeWord, weight: 3 },
);
const garbage = fc.array(garbageChar, { maxLength: 60 }).map((a) => a.join(''));
/** Garbage that cannot open a fence or an HTML block (for READMEs, whose label-holding code must stay code). */
const tameGarbage = garbage.map((g) => g.replace(/[`~<]/g, '.'));

// ---- Documents ----------------------------------------------------------------------------------

/** A story: a heading (or a bold story line) and some STAR parts, in any order and form. */
const story = fc
  .tuple(
    fc.constantFrom('### 1 ', '### 4. ', '### ', '## ', '#### Story 2: ', '**Story 1: ', '- **story-1**', '### ✅ 2 ', '# '),
    inlineText(true, 5),
    fc.array(fc.oneof({ arbitrary: starLabel(inlineText(false, 8)), weight: 8 }, { arbitrary: inlineStar, weight: 1 }, { arbitrary: inlineText(false, 8), weight: 2 }), { maxLength: 7 }),
    fc.constantFrom('\n', '\n\n'),
  )
  .map(([head, title, parts, sep]) => {
    const line = head.startsWith('**') ? `${head}${title}**` : head.startsWith('- **') ? head : head + title;
    return [line, ...parts].join(sep);
  });

function block(safe: boolean, depth: number): fc.Arbitrary<string> {
  const text = inlineText(safe);
  const labelOrText = safe ? text : fc.oneof(text, starLabel(text));
  const nested = depth > 0 ? block(safe, depth - 1) : text;
  // READMEs keep STAR words only where they are never read: closed code, comments, <pre>.
  const codeBody = fc.array(fc.oneof(starLabel(inlineText(true, 4)), heading(true), text), { maxLength: 5 }).map((a) => a.join('\n'));
  return fc.oneof(
    { arbitrary: heading(safe), weight: 6 },
    { arbitrary: setextHeading(safe), weight: 1 },
    { arbitrary: text, weight: 6 },
    { arbitrary: list(labelOrText, 30), weight: 4 },
    { arbitrary: staircase(labelOrText), weight: 1 },
    { arbitrary: blockquote(labelOrText), weight: 2 },
    { arbitrary: table(safe), weight: 1 },
    { arbitrary: directive, weight: 1 },
    { arbitrary: fc.constantFrom('---', '***', '___', '- - -', '', '', '[Write here]: http://example.com', '[Title]: <>', '    indented code # x', '#', '######', '####### seven', '#hashtag', '\\# escaped'), weight: 2 },
    { arbitrary: longRun(20_000), weight: 1 },
    ...(safe
      ? [
          { arbitrary: fc.tuple(codeBody, fc.constantFrom('`````', '``````')).map(([b, m]) => `${m}text\n${b}\n${m}`), weight: 2 },
          { arbitrary: codeBody.map((b) => `<pre>\n${b}\n</pre>`), weight: 1 },
          { arbitrary: codeBody.map((b) => `<!--\n${b}\n-->`), weight: 1 },
          { arbitrary: html(text), weight: 1 },
          { arbitrary: tameGarbage, weight: 1 },
        ]
      : [
          { arbitrary: story, weight: 8 },
          { arbitrary: starLabel(text), weight: 4 },
          { arbitrary: inlineStar, weight: 1 },
          { arbitrary: fence(fc.array(fc.oneof(starLabel(text), heading(false), text), { maxLength: 5 }).map((a) => a.join('\n'))), weight: 2 },
          { arbitrary: html(nested), weight: 2 },
          { arbitrary: garbage, weight: 2 },
        ]),
  );
}

export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed';

export interface GeneratedDoc {
  text: string;
  eol: LineEnding;
  bom: boolean;
}

const FRONT_MATTER = ['---\ntitle: notes\ntags: [star]\n---', '---\nsituation: yaml\ntask: yaml\naction: yaml\nresult: yaml\n---', '---\n# not closed', '---   \n---'] as const;

/** Blocks joined by \n, then the line breaks rewritten (all \r\n, all \r, or a random mix). */
function document(safe: boolean, maxBlocks: number): fc.Arbitrary<GeneratedDoc> {
  return fc
    .record({
      bom: fc.boolean(),
      front: fc.option(fc.constantFrom(...FRONT_MATTER), { freq: 4 }),
      blocks: fc.array(fc.tuple(block(safe, 1), fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n')), { maxLength: maxBlocks }),
      trailing: fc.constantFrom('', '\n', '\n\n'),
      eol: fc.constantFrom<LineEnding>('lf', 'lf', 'crlf', 'cr', 'mixed'),
      mix: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 7 }),
    })
    .map(({ bom, front, blocks, trailing, eol, mix }) => {
      // In a README every block stands apart (so code keeps its labels to itself); notes may run together.
      let body = blocks.map(([b, sep]) => b + (safe ? '\n\n' : sep)).join('');
      if (front) body = front + '\n' + body;
      body += trailing;
      let text = withLineEndings(body, eol, mix);
      if (bom) text = '\uFEFF' + text;
      return { text, eol, bom };
    });
}

export function withLineEndings(text: string, eol: LineEnding, mix: readonly string[] = ['\n', '\r\n', '\r']): string {
  // Normalise first: blocks may carry their own \r\n or \r (garbage does).
  const lf = text.replace(/\r\n?/g, '\n');
  if (eol === 'lf') return lf;
  if (eol === 'crlf') return lf.replace(/\n/g, '\r\n');
  if (eol === 'cr') return lf.replace(/\n/g, '\r');
  let i = 0;
  return lf.replace(/\n/g, () => mix[i++ % mix.length]!);
}

/** Generated Markdown notes: stories in every label form, among every other kind of Markdown. */
export const notesDoc: fc.Arbitrary<GeneratedDoc> = document(false, 24);
/** A README-like document: the same Markdown, but no STAR label outside code, comments and <pre>. */
export const readmeDoc: fc.Arbitrary<GeneratedDoc> = document(true, 20);
/** Notes made of stories only (more fixes and suggestions per document). */
export const storiesDoc: fc.Arbitrary<GeneratedDoc> = fc
  .record({
    bom: fc.boolean(),
    stories: fc.array(fc.tuple(fc.constantFrom('## ✅ A. Category\n\n', '## ‚úÖ B. Mis-encoded\n\n', '## C. Plain\n\n', ''), story), { minLength: 1, maxLength: 8 }),
    eol: fc.constantFrom<LineEnding>('lf', 'crlf', 'cr', 'mixed'),
  })
  .map(({ bom, stories, eol }) => {
    const text = withLineEndings(stories.map(([c, s]) => c + s).join('\n\n') + '\n', eol, ['\r\n', '\n']);
    return { text: (bom ? '\uFEFF' : '') + text, eol, bom };
  });

// ---- Model invariants ---------------------------------------------------------------------------

/** Every span in the model, with a name saying where it is. */
export function namedSpans(model: NotesModel): [string, Span][] {
  const out: [string, Span][] = [];
  model.categories.forEach((c, ci) => {
    out.push([`categories[${ci}].span`, c.span]);
    if (c.heading) out.push([`categories[${ci}].heading`, c.heading]);
    if (c.doneMark) out.push([`categories[${ci}].doneMark`, c.doneMark]);
    const visit = (s: Story, path: string) => {
      out.push([`${path}.span`, s.span], [`${path}.heading`, s.heading]);
      s.placeholders.forEach((p, i) => out.push([`${path}.placeholders[${i}]`, p]));
      s.highlights.forEach((p, i) => out.push([`${path}.highlights[${i}]`, p]));
      s.sections.forEach((x, i) => out.push([`${path}.sections[${i}].label`, x.label], [`${path}.sections[${i}].span`, x.span]));
      s.stories.forEach((sub, i) => visit(sub, `${path}.stories[${i}]`));
    };
    c.stories.forEach((s, si) => visit(s, `categories[${ci}].stories[${si}]`));
  });
  model.findings.forEach((f, fi) => {
    out.push([`findings[${fi}].span`, f.span]);
    (f.fix ?? f.checkedFix?.edits ?? []).forEach((e, i) => out.push([`findings[${fi}].fix[${i}]`, e.span]));
    (f.suggestions ?? []).forEach((s, si) => s.edits.forEach((e, i) => out.push([`findings[${fi}].suggestions[${si}].edits[${i}]`, e.span])));
  });
  return out;
}

/** The invariants every analysis result keeps, whatever the text. */
export function assertModelInvariants(text: string, model: NotesModel): void {
  const n = text.length;
  for (const [where, s] of namedSpans(model)) {
    assert.ok(
      Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= n,
      `${where} = {start: ${s.start}, end: ${s.end}} is not a span of a ${n}-character text`,
    );
  }
  if (!model.isNotes) {
    assert.deepEqual(model.categories, [], 'a text that is not notes has no categories');
    assert.deepEqual(model.findings, [], 'a text that is not notes has no findings');
  }
  // Stories (and the sub-stories of each) follow the text.
  const tops = model.categories.flatMap((c) => c.stories);
  for (let i = 1; i < tops.length; i++) {
    assert.ok(tops[i - 1]!.heading.start < tops[i]!.heading.start, `story ${i} (“${tops[i]!.title}”, at ${tops[i]!.heading.start}) comes before story ${i - 1} (at ${tops[i - 1]!.heading.start})`);
  }
  for (const { story, parent } of eachStory(model.categories)) {
    if (parent) assert.ok(parent.heading.start < story.heading.start, `sub-story “${story.title}” starts before its story “${parent.title}”`);
    for (let i = 1; i < story.stories.length; i++) assert.ok(story.stories[i - 1]!.heading.start < story.stories[i]!.heading.start, `sub-stories of “${story.title}” out of order`);
    for (let i = 1; i < story.sections.length; i++) assert.ok(story.sections[i - 1]!.label.start <= story.sections[i]!.label.start, `sections of “${story.title}” out of order`);
    assert.equal(story.span.start, story.heading.start, `story “${story.title}” span starts at its heading`);
    assert.ok(story.heading.end <= story.span.end, `story “${story.title}” span holds its heading`);
    for (const s of story.sections) assert.ok(story.span.start <= s.label.start && s.span.end <= story.span.end, `section ${s.part} of “${story.title}” lies outside the story`);
    for (const p of story.placeholders) assert.ok(story.span.start <= p.start && p.end <= story.span.end, `placeholder of “${story.title}” lies outside the story`);
    const required = ['situation', 'task', 'action', 'result'];
    assert.ok(story.missing.every((p) => required.includes(p)), `missing holds only required parts: ${story.missing}`);
    if (story.status === 'complete') assert.deepEqual(story.missing, [], `complete story “${story.title}” misses nothing`);
  }
  for (const c of model.categories) {
    for (const s of c.stories) assert.ok(c.span.start <= s.span.start && s.span.end <= c.span.end, `story “${s.title}” lies outside its category “${c.title}”`);
  }
  for (let i = 1; i < model.findings.length; i++) assert.ok(model.findings[i - 1]!.span.start <= model.findings[i]!.span.start, 'findings are in text order');
  for (const level of [model.levels.category, model.levels.story]) assert.ok(Number.isInteger(level) && level >= 0 && level <= 6, `heading level ${level}`);
}

/** A short, printable description of a text for assertion messages. */
export function describeText(text: string, max = 300): string {
  const json = JSON.stringify(text);
  return text.length > max ? `${JSON.stringify(text.slice(0, max))}… (${text.length} chars)` : json;
}
