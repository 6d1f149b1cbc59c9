// Hostile inputs for the reading and writing of notes (issue 17): notes in legacy CJK encodings, in
// UTF-16/32, UTF-8 with a stray byte; inline HTML floods; many list items and long pasted logs.
// The legacy encoders are built from TextDecoder itself (every 1- and 2-byte sequence decoded once),
// so the bytes are exactly what a real editor saving in that encoding writes.

import fc from 'fast-check';
import type { LegacyEncoding } from '../../src/core/encoding';

const encoders = new Map<LegacyEncoding, Map<string, number[]>>();

function encoderFor(encoding: LegacyEncoding): Map<string, number[]> {
  let map = encoders.get(encoding);
  if (map) return map;
  map = new Map();
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let b = 0; b < 0x80; b++) map.set(String.fromCharCode(b), [b]);
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

/** Inline HTML that never closes, repeated on one line (micromark is quadratic on it). */
export const inlineHtmlFlood: fc.Arbitrary<string> = fc
  .record({
    opener: fc.constantFrom('<?', '<!--', '<!D', '<![CDATA[', '<a ', '<!', '</'),
    filler: fc.constantFrom('', ' ', 'x', '-', '*', '`'),
    count: fc.integer({ min: 1, max: 20_000 }),
    lines: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ opener, filler, count, lines }) => Array.from({ length: lines }, () => (opener + filler).repeat(Math.ceil(count / lines))).join('\n'));

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
