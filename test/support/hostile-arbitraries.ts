// Hostile inputs for the reading and writing of notes (issue 17): notes in legacy CJK encodings, in
// UTF-16/32, UTF-8 with a stray byte; inline HTML floods; many list items and long pasted logs.
// The legacy encoders are built from TextDecoder itself (every 1- and 2-byte sequence decoded once),
// so the bytes are exactly what a real editor saving in that encoding writes.

import fc from 'fast-check';
import { misread, type LegacyEncoding } from '../../src/core/encoding';

const encoders = new Map<LegacyEncoding, Map<string, number[]>>();

function encoderFor(encoding: LegacyEncoding): Map<string, number[]> {
  let map = encoders.get(encoding);
  if (map) return map;
  map = new Map();
  const decoder = new TextDecoder(encoding, { fatal: true });
  // Single bytes decoded too: not every decoder reads them as ASCII (ICU's Shift_JIS reads 0x1C as U+007F).
  for (let b = 0; b < 0x80; b++) {
    const c = decoder.decode(Uint8Array.of(b));
    if (c.length === 1 && !map.has(c)) map.set(c, [b]);
  }
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      let c: string;
      try {
        c = decoder.decode(Uint8Array.of(a, b));
      } catch {
        continue;
      }
      if ([...c].length === 1 && !map.has(c)) map.set(c, [a, b]);
    }
  }
  encoders.set(encoding, map);
  return map;
}

/** `text` in a legacy encoding, each character it lacks written as `?`: the text encoded, and its bytes. */
export function encodeLegacyLossy(text: string, encoding: LegacyEncoding): { text: string; bytes: Uint8Array } {
  const map = encoderFor(encoding);
  const kept = [...text].map((ch) => (map.has(ch) ? ch : '?')).join('');
  return { text: kept, bytes: encodeLegacy(kept, encoding) };
}

/** `text` in a legacy encoding; throws for a character it lacks. */
export function encodeLegacy(text: string, encoding: LegacyEncoding): Uint8Array {
  const map = encoderFor(encoding);
  const out: number[] = [];
  for (const ch of text) {
    const bytes = map.get(ch);
    if (!bytes) throw new Error(`${encoding} has no ${ch}`);
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}

/** Words of each language, each written in every encoding listed for it. */
export const LEGACY_WORDS: Record<LegacyEncoding, readonly string[]> = {
  'euc-kr': ['찾은', '설계', '의견', '차이', '두', '팀이', '서로', '다른', '결과', '행동', '상황', '과제'],
  shift_jis: ['意見', 'の', '対立', '設計', 'について', '話し合った', 'チーム', 'プロジェクト', '結果', '状況'],
  'euc-jp': ['意見', 'の', '対立', '設計', 'について', '話し合った', 'チーム', 'プロジェクト', '結果', '状況'],
  gb18030: ['处理', '分歧', '关于', '设计', '两个', '团队', '想要', '不同', '的', '结果', '行动'],
  big5: ['處理', '分歧', '關於', '設計', '兩個', '團隊', '想要', '不同', '的', '結果', '行動'],
};

const legacyPhrase = (encoding: LegacyEncoding) =>
  fc.array(fc.constantFrom(...LEGACY_WORDS[encoding]), { minLength: 2, maxLength: 8 }).map((w) => w.join(encoding === 'euc-kr' ? ' ' : ''));

/** A notes file in a legacy CJK encoding: its text, and its bytes. */
export const legacyNotes: fc.Arbitrary<{ encoding: LegacyEncoding; text: string; bytes: Uint8Array }> = fc
  .constantFrom<LegacyEncoding>('euc-kr', 'shift_jis', 'euc-jp', 'gb18030', 'big5')
  .chain((encoding) =>
    fc
      .array(
        fc.record({ title: legacyPhrase(encoding), parts: fc.array(legacyPhrase(encoding), { minLength: 1, maxLength: 4 }) }),
        { minLength: 1, maxLength: 6 },
      )
      .map((stories) => {
        const labels = ['Situation', 'Task', 'Action', 'Result'];
        const text =
          `## A. ${stories[0]!.title}\n` +
          stories.map((s, i) => `### ${i + 1} ${s.title}\n` + s.parts.map((p, k) => `- **${labels[k]}**: ${p}\n`).join('')).join('\n');
        return { encoding, text, bytes: encodeLegacy(text, encoding) };
      }),
  );

/** Inline HTML that never closes, repeated up to `max` times on one to three lines (micromark is quadratic on it). */
export function inlineHtmlFloodOf(max: number): fc.Arbitrary<string> {
  return fc
    .record({
      opener: fc.constantFrom('<?', '<!--', '<!D', '<![CDATA[', '<a ', '<!', '</'),
      filler: fc.constantFrom('', ' ', 'x', '-', '*', '`'),
      count: fc.integer({ min: 1, max }),
      lines: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ opener, filler, count, lines }) => Array.from({ length: lines }, () => (opener + filler).repeat(Math.ceil(count / lines))).join('\n'));
}

/** Inline HTML floods as large as the ones that froze the editor (a 64 KB line of `<?` took 13 s). */
export const inlineHtmlFlood: fc.Arbitrary<string> = inlineHtmlFloodOf(20_000);

/** Many list items (some with STAR labels), or a long log pasted under one bullet. */
export const manyListItems: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({ items: fc.integer({ min: 1, max: 20_000 }), marker: fc.constantFrom('-', '*', '1.'), labelEvery: fc.integer({ min: 0, max: 50 }) })
    .map(({ items, marker, labelEvery }) =>
      Array.from({ length: items }, (_, i) => (labelEvery > 0 && i % labelEvery === 0 ? `${marker} **Result**: r${i}` : `${marker} item ${i}`)).join('\n'),
    ),
  fc
    .record({ lines: fc.integer({ min: 1, max: 20_000 }), indent: fc.constantFrom('', '  ', '    ') })
    .map(({ lines, indent }) => '- log:\n' + Array.from({ length: lines }, (_, i) => `${indent}12:00:${i} INFO request id=${i} done`).join('\n')),
);

const W = (t: string) => misread(t, 'windows-1252');
const L = (t: string) => misread(t, 'iso-8859-1');
const M = (t: string) => misread(t, 'macintosh');
const LAYER = { W, L, M } as const;

/** Words that mis-encode into mojibake the scan is sure of, in any of the three encodings. */
export const MOJIBAKE_WORDS = ['café', 'Renée', 'it’s', 'done — late', '✅', '❓', '🔸', '“quoted”', 'naïve', 'Zürich', '…'] as const;

/** A word mis-encoded one to three times (Windows-1252, ISO-8859-1, Mac Roman in any order), and the word. */
export const layeredMojibake: fc.Arbitrary<{ word: string; text: string; layers: string }> = fc
  .tuple(fc.constantFrom(...MOJIBAKE_WORDS), fc.array(fc.constantFrom('W', 'L', 'M'), { minLength: 1, maxLength: 3 }))
  .map(([word, layers]) => ({ word, text: layers.reduce<string>((t, l) => LAYER[l](t), word), layers: layers.join('') }));

/**
 * Notes whose code (fenced, indented, inline, `<pre>`, `<code>`) holds mojibake, with mojibake
 * outside code too: code must never be "repaired".
 */
export const codeWithMojibake: fc.Arbitrary<{ text: string; code: string[] }> = fc
  .array(fc.tuple(mojibakeCode(), layeredMojibake), { minLength: 1, maxLength: 6 })
  .map((pieces) => {
    const blocks = pieces.map(([{ block }, outside], i) =>
      `### ${i + 1} Story about ${outside.text}\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n\n${block}\n\n- **Result**: r ${outside.text}\n`,
    );
    return { text: '## A. Category\n' + blocks.join('\n'), code: pieces.map(([{ code }]) => code) };
  });

/**
 * A line of code testing a repair of mojibake (`assert fix("cafÃ©") == "café"`), in a block of some
 * kind: fenced, inline, `<pre>`, `<code>`, indented (after a paragraph at column 0, so not a list
 * item's text). `code` is the line itself, which no fix may change.
 */
export function mojibakeCode(): fc.Arbitrary<{ block: string; code: string }> {
  return fc.tuple(fc.constantFrom('fence', 'tilde', 'inline', 'pre', 'code', 'indented'), layeredMojibake).map(([kind, inside]) => {
    const code = `assert fix("${inside.text}") == "${inside.word}"`;
    const block =
      kind === 'fence' ? '```python\n' + code + '\n```' :
      kind === 'tilde' ? '~~~\n' + code + '\n~~~' :
      kind === 'inline' ? 'Ran `' + code + '` first.' :
      kind === 'pre' ? '<pre>' + code + '</pre>' :
      kind === 'code' ? 'See <code>' + code + '</code>.' :
      'Then:\n\n    ' + code;
    return { block, code };
  });
}

/** One silencing comment of any form, for a rule, several, none or one that does not exist. */
export const directiveLine: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('disable', 'enable', 'disable-next-line', 'disable-line', 'disable-file'), fc.constantFrom('', ' placeholder', ' empty-section', ' placeholder, missing-section', ' no-such-rule'))
  .map(([mode, rules]) => `<!-- interview-notes-${mode}${rules} -->`);

/** Silencing comments by the thousand, around stories with placeholders (2 500 pairs took 6.3 s a keystroke). */
export const directiveFlood: fc.Arbitrary<string> = fc
  .record({
    pairs: fc.integer({ min: 1, max: 1000 }),
    rule: fc.constantFrom('placeholder', 'empty-section', '', 'placeholder, empty-section', 'no-such-rule'),
    unclosed: fc.boolean(),
    style: fc.constantFrom('pair', 'next-line', 'line'),
  })
  .map(({ pairs, rule, unclosed, style }) => {
    const story = (i: number) => `### ${i} Story ${i}\n- **Situation**: s\n- **Task**: ❓\n- **Action**:\n- **Result**: r\n`;
    const one = (i: number) => {
      if (style === 'next-line') return story(i).replace('- **Task**', `<!-- interview-notes-disable-next-line ${rule} -->\n- **Task**`);
      if (style === 'line') return story(i).replace('- **Task**: ❓', `- **Task**: ❓ <!-- interview-notes-disable-line ${rule} -->`);
      const close = unclosed && i % 7 === 0 ? '' : `<!-- interview-notes-enable ${rule} -->\n`;
      return `<!-- interview-notes-disable ${rule} -->\n${story(i)}${close}\n`;
    };
    return '## A. Category\n' + Array.from({ length: pairs }, (_, i) => one(i + 1)).join('');
  });

/** Many stories in one category (20 000 took 18 s, and a keystroke that adds a label 17 s). */
export const manyStoriesOneCategory: fc.Arbitrary<{ text: string; stories: number }> = fc
  .record({ stories: fc.integer({ min: 1, max: 1000 }), level: fc.constantFrom(3, 4), complete: fc.boolean() })
  .map(({ stories, level, complete }) => {
    const h = '#'.repeat(level);
    const story = (i: number) => `${h} ${i} Story ${i}\n- **Situation**: s\n- **Task**: t\n${complete || i % 3 ? '- **Action**: a\n- **Result**: r\n' : ''}\n`;
    return { text: `${'#'.repeat(level - 1)} A. Category\n` + Array.from({ length: stories }, (_, i) => story(i + 1)).join(''), stories };
  });

/** A log pasted under a bullet or a quote, long enough to be split, with lines of `=` and `-` in it. */
export const lazyLog: fc.Arbitrary<string> = fc
  .record({
    lead: fc.constantFrom('- log:', '> log:', '1. log:', '- **Result**: the log'),
    lines: fc.integer({ min: 1, max: 1000 }),
    // No label line: a label in the paragraph a lazy split cuts gets a shorter span than in the whole
    // document (its content runs on in the next section); test/unit/pathological.test.ts shows it is read.
    breaks: fc.array(fc.tuple(fc.nat(), fc.constantFrom('===', '----------', '-', '--', ' ---', '', '- item', '> q', '2. two', '#tag', '<br>')), { maxLength: 6 }),
  })
  .map(({ lead, lines, breaks }) => {
    const body = Array.from({ length: lines }, (_, i) => `12:00:${i} INFO request id=${i} done`);
    for (const [at, line] of breaks) body.splice(at % (body.length + 1), 0, line);
    return lead + '\n' + body.join('\n');
  });
