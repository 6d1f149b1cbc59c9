import assert from 'node:assert/strict';
import { CORPUS_DIR, SEED_PATH } from '../support/shared';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeFile, encodeFile, findMisencoded, misread, repairMisencoded, type MisencodedRun } from '../../src/core/encoding';

const SEED = SEED_PATH;
const CORPUS = CORPUS_DIR;

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
// `stream: true` avoids Node's Latin-1 fast path, which decodes windows-1252 0x80–0x9F wrongly.
const misencode = (s: string, encoding: 'macintosh' | 'windows-1252'): string =>
  new TextDecoder(encoding).decode(utf8(s), { stream: true });
const mac = (s: string): string => misencode(s, 'macintosh');
const win = (s: string): string => misencode(s, 'windows-1252');

/** Skips (visibly) when shared data is missing, unless running in CI, where it must be there. */
function requireShared(ctx: Mocha.Context, path: string): void {
  if (existsSync(path)) return;
  if (process.env['CI']) assert.fail(`${path} is missing (CI must have ../shared)`);
  console.warn(`      skipped: ${path} is not present`);
  ctx.skip();
}

function occurrences(text: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) at.push(i);
  return at;
}

/** One layer of repair: exactly the runs reported. */
function applyRuns(text: string, runs: MisencodedRun[]): string {
  let out = '';
  let at = 0;
  for (const r of runs) {
    out += text.slice(at, r.start) + r.replacement;
    at = r.end;
  }
  return out + text.slice(at);
}

/** The text between runs must be unchanged by the repair, byte for byte. */
function assertOnlyRunsChanged(original: string, repaired: string, runs: MisencodedRun[]): void {
  let outside = '';
  let repairedOutside = '';
  let at = 0;
  let shift = 0;
  for (const r of runs) {
    outside += original.slice(at, r.start);
    repairedOutside += repaired.slice(at + shift, r.start + shift);
    assert.equal(repaired.slice(r.start + shift, r.start + shift + r.replacement.length), r.replacement);
    shift += r.replacement.length - (r.end - r.start);
    at = r.end;
  }
  outside += original.slice(at);
  repairedOutside += repaired.slice(at + shift);
  assert.equal(repaired.length, original.length + shift);
  assert.deepEqual(utf8(repairedOutside), utf8(outside));
}

describe('core/encoding', () => {
  describe('findMisencoded / repairMisencoded', () => {
    it('seed notes: exactly the mis-encoded ✅ ❓ 🔸, and nothing else changes (' + SEED + ')', function () {
      requireShared(this, SEED);
      const text = readFileSync(SEED, 'utf8');
      // 🔸 is F0 9F 94 B8; Mac Roman reads F0 as the Apple logo U+F8FF, kept in this file.
      const forms = [
        { mis: '\u201A\u00FA\u00D6', fixed: '✅', count: 3 },
        { mis: '\u201A\u00F9\u00EC', fixed: '❓', count: 1 },
        { mis: '\uF8FF\u00FC\u00EE\u220F', fixed: '🔸', count: 2 },
      ];
      assert.equal(occurrences(text, '\u00FC\u00EE\u220F').length, 2, 'every üî∏ has its U+F8FF lead');
      const expected: MisencodedRun[] = [];
      for (const f of forms) {
        const at = occurrences(text, f.mis);
        assert.equal(at.length, f.count, `${f.fixed} occurs ${f.count}×`);
        for (const start of at) {
          expected.push({ start, end: start + f.mis.length, replacement: f.fixed, encoding: 'macintosh' });
        }
      }
      expected.sort((a, b) => a.start - b.start);
      const runs = findMisencoded(text);
      assert.deepEqual(runs, expected);
      assert.equal(runs.length, 6);

      const repaired = repairMisencoded(text);
      assertOnlyRunsChanged(text, repaired, runs);
      assert.equal(occurrences(repaired, '✅').length, 3);
      assert.equal(occurrences(repaired, '❓').length, 1);
      assert.equal(occurrences(repaired, '🔸').length, 2);
      assert.deepEqual(findMisencoded(repaired), []);
    });

    it('Mac Roman: emoji and punctuation', () => {
      assert.deepEqual(findMisencoded('## \u201A\u00FA\u00D6 Done'), [
        { start: 3, end: 6, replacement: '✅', encoding: 'macintosh' },
      ]);
      for (const s of ['✅ done', 'don’t', '“quoted” – yes — no', 'app-6 🔸', '👩‍💻 and 🇩🇪 and 1️⃣ and ✅️', '日本チーム']) {
        assert.equal(repairMisencoded(mac(s)), s, s);
      }
    });

    it('Windows-1252: ’ “ ” – — and emoji round-trip', () => {
      assert.deepEqual(findMisencoded('donâ€™t'), [
        { start: 3, end: 6, replacement: '’', encoding: 'windows-1252' },
      ]);
      for (const s of ['don’t', 'It’s “quoted” – a — b', '✅ done ❓', 'app-6 🔸', '👩‍💻 🇩🇪', '中文笔记']) {
        assert.equal(repairMisencoded(win(s)), s, s);
      }
    });

    it('2-byte letters inside or against a word are repaired', () => {
      assert.equal(repairMisencoded('caf√©'), 'café');
      assert.equal(repairMisencoded('Ren√©e'), 'Renée');
      assert.equal(repairMisencoded('cafÃ©'), 'café');
      assert.equal(repairMisencoded('lÃ¤uft'), 'läuft');
      assert.equal(repairMisencoded('Ã©tÃ© à Zürich'), 'été à Zürich');
      assert.equal(repairMisencoded('voil√† la r√©sum√©'), 'voilà la résumé');
      assert.equal(repairMisencoded('sÄ… gotowe'), 'są gotowe'); // Polish, Windows-1252
      assert.deepEqual(findMisencoded('caf√©'), [{ start: 3, end: 5, replacement: 'é', encoding: 'macintosh' }]);
      assert.deepEqual(findMisencoded('cafÃ©'), [{ start: 3, end: 5, replacement: 'é', encoding: 'windows-1252' }]);
    });

    it('Windows-1252 after an uppercase letter: the decoded letter must fit the word', () => {
      assert.equal(repairMisencoded('ESPAÃ‘A, CAFÃ‰, LÃ©on, GRÃ–SSE'), 'ESPAÑA, CAFÉ, Léon, GRÖSSE');
      // An uppercase word ending in Ã/Ä/Å, then punctuation or a no-break space, is ordinary text.
      for (const s of ['IRMÃ”', 'TÄMÄ’s', 'IRMÃ° ', 'IRMÃ\u00A0café', 'TÄMÄ\u00A0Málaga', 'MAÇÃ…']) {
        assert.deepEqual(findMisencoded(s), [], s);
      }
    });

    it('2-byte next to a certain run is repaired with it', () => {
      assert.equal(repairMisencoded(mac('✅é done')), '✅é done');
      assert.equal(repairMisencoded(win('“é” ok')), '“é” ok');
    });

    it('leaves a standalone 2-byte sequence and single characters alone', () => {
      for (const s of ['√©', ' √é ', 'x = √é', 'a √© b', 'Ã©', '10 Ã— 2', 'Ö', 'é', '√', 'x √ y', '¬©', 'Â© 2024']) {
        assert.deepEqual(findMisencoded(s), [], s);
        assert.equal(repairMisencoded(s), s);
      }
    });

    it('rejects implausible decodings: controls, private use, noncharacters, U+FFFD', () => {
      const bytesAs1252 = (...b: number[]): string => decodeFile(Uint8Array.of(0xff, ...b)).text.slice(1);
      for (const b of [
        [0xc2, 0x80], // U+0080
        [0xee, 0x80, 0x80], // U+E000 private use
        [0xef, 0xb7, 0x90], // U+FDD0 noncharacter
        [0xef, 0xbf, 0xbd], // U+FFFD
        [0xf4, 0x8f, 0xbf, 0xbf], // U+10FFFF noncharacter
      ]) {
        const s = 'ab' + bytesAs1252(...b) + 'cd';
        assert.deepEqual(findMisencoded(s), [], JSON.stringify(s));
      }
      // Overlong and surrogate encodings are not UTF-8 at all.
      assert.deepEqual(findMisencoded('a' + bytesAs1252(0xe0, 0x80, 0xaf) + 'b'), []);
      assert.deepEqual(findMisencoded('a' + bytesAs1252(0xed, 0xa0, 0x80) + 'b'), []);
    });

    it('does not report a run mixing both encodings', () => {
      // ‚úÖ is ✅ only in Mac Roman, â€™ is ’ only in Windows-1252.
      assert.deepEqual(findMisencoded('x \u201A\u00FA\u00D6â€™ y'), []);
      assert.equal(findMisencoded('x \u201A\u00FA\u00D6 â€™ y').length, 2);
    });

    it('does not guess a lost lead byte (üî∏ without the U+F8FF Apple logo)', () => {
      assert.deepEqual(findMisencoded('module \u00FC\u00EE\u220F\n'), []);
    });

    it('leaves ordinary text alone', () => {
      const samples = [
        'Plain English with "quotes" and it\'s fine.',
        'Größe, Fuß, Straße, Mädchen, schön, über, „Über“ und ‚so‘. Spaß…“ hätte…“',
        'ação, são, coração, não, irmã”, “é…”, IRMÔ, MAÇÔ, SÃO PAULO',
        'l’école, « voilà », «\u00A0voilà\u00A0», naïve, Noël, façade, crème brûlée, déjà vu…',
        '¿Qué tal? ¡Olé! «Él dijo» jalapeño, mañana, Málaga…',
        'zażółć gęślą jaźń; Příliš žluťoučký kůň; küçük ıışğ; Þórður; școală țară',
        'Tiếng Việt, Ελληνικά, Привет, עברית, العربية, 中文笔记, 日本語, 한국어',
        '✅ done ❓ 🔸 👩‍💻 🇩🇪 1️⃣ ✅️ → ← ★ ☆ • · — – “ ” ‘ ’ … ‰',
        '© 2024, ® and ™, 20 °C, ± 5, 10 €, 10×, ½, x², 1º, 2ª, µs, ≈ 3, √2, π, ∞, § 4, ¶',
        'CAFÉ…  CAFÉ’s  NAÏVE»  TÄMÄ”  ÅSA…  x = √y  a ≈ b',
      ];
      for (const s of samples) assert.deepEqual(findMisencoded(s), [], s);
    });

    it('from/to limit the scan; offsets stay relative to the whole text', () => {
      const text = 'a ‚úÖ b\n## cafÃ© \u201A\u00F9\u00EC\nc ‚úÖ';
      const all = findMisencoded(text);
      assert.equal(all.length, 4);
      const from = text.indexOf('##');
      const to = text.indexOf('\nc');
      assert.deepEqual(findMisencoded(text, from, to), all.slice(1, 3));
      assert.deepEqual(findMisencoded(text, from, from + 6), []); // cuts cafÃ© before its ©
      assert.deepEqual(findMisencoded(text, 5, 2), []);
      assert.deepEqual(findMisencoded(text, -10, 1e9), all);
    });

    it('repair is idempotent, also for text mis-encoded twice', () => {
      const once = 'It’s ✅ — caf√© done';
      assert.equal(repairMisencoded(repairMisencoded(once)), repairMisencoded(once));
      const twice = win(win('don’t ✅'));
      assert.equal(repairMisencoded(twice), 'don’t ✅');
      assert.equal(repairMisencoded(repairMisencoded(twice)), repairMisencoded(twice));
    });

    it('is fast on large ASCII and on large accented text', () => {
      const ascii = 'The quick brown fox jumps over the lazy dog. '.repeat(100_000); // ~4.5 MB
      const german = 'Größe Straße schön über ação são „Zitat“ — ok. '.repeat(50_000);
      for (const text of [ascii, german]) {
        const t0 = performance.now();
        assert.deepEqual(findMisencoded(text), []);
        assert.ok(performance.now() - t0 < 2000, `took ${performance.now() - t0} ms`);
      }
    });
  });

  describe('issue 17: Latin-1 layers, layers repaired in one finding, maths', () => {
    // ISO-8859-1 proper (Python's latin-1, Java's ISO-8859-1) leaves C1 controls where Windows-1252
    // has € ‚ „ … – —: `—` (E2 80 94) becomes `â` U+0080 U+0094.
    it('item 12: UTF-8 read as ISO-8859-1 (C1 controls) is found and repaired', () => {
      const text = 'It\u00E2\u0080\u0099s done \u00E2\u0080\u0094 \u00E2\u009C\u0085';
      assert.equal(misread('It’s done — ✅', 'iso-8859-1'), text);
      const runs = findMisencoded(text);
      assert.deepEqual(runs.map((r) => [r.replacement, r.encoding]), [['’', 'iso-8859-1'], ['—', 'iso-8859-1'], ['✅', 'iso-8859-1']]);
      assert.equal(repairMisencoded(text), 'It’s done — ✅');
    });

    it('item 12: a run mis-encoded twice is repaired through every layer in one finding', () => {
      for (const [twice, original] of [
        [misread(misread('It’s — done', 'windows-1252'), 'windows-1252'), 'It’s — done'],
        [misread(misread('the café team', 'windows-1252'), 'iso-8859-1'), 'the café team'],
        [misread(misread('It’s — done ✅', 'windows-1252'), 'iso-8859-1'), 'It’s — done ✅'],
      ] as const) {
        const runs = findMisencoded(twice);
        assert.ok(runs.length > 0, twice);
        let out = '';
        let at = 0;
        for (const r of runs) {
          out += twice.slice(at, r.start) + r.replacement;
          at = r.end;
        }
        assert.equal(out + twice.slice(at), original, `one pass of the findings repairs every layer of ${JSON.stringify(twice)}`);
        for (const r of runs) assert.deepEqual(findMisencoded(r.replacement), [], 'a replacement is never itself mojibake');
      }
    });

    it('item 12: a Latin-1 layer under another, and accents read as Windows-1252 twice, are repaired in one finding that names each layer', () => {
      const W = (t: string) => misread(t, 'windows-1252');
      const L = (t: string) => misread(t, 'iso-8859-1');
      const M = (t: string) => misread(t, 'macintosh');
      for (const [layered, original, layers] of [
        ['caf' + W(W('é')), 'café', ['windows-1252', 'windows-1252']],
        ['Ren' + W(W(W('é'))) + 'e', 'Renée', ['windows-1252', 'windows-1252', 'windows-1252']],
        ['a ' + W(L('—')) + ' b', 'a — b', ['iso-8859-1', 'windows-1252']],
        ['a ' + M(L('—')) + ' b', 'a — b', ['iso-8859-1', 'macintosh']],
        ['a ' + L(L('—')) + ' b', 'a — b', ['iso-8859-1', 'iso-8859-1']],
        ['caf' + W(M('é')), 'café', ['macintosh', 'windows-1252']],
      ] as const) {
        const runs = findMisencoded(layered);
        assert.equal(runs.length, 1, JSON.stringify(layered));
        assert.equal(layered.slice(0, runs[0]!.start) + runs[0]!.replacement + layered.slice(runs[0]!.end), original);
        assert.deepEqual(runs[0]!.layers, layers, JSON.stringify(layered));
        assert.equal(repairMisencoded(layered), original);
      }
      // A single layer names its one encoding; a layer that cannot be repaired leaves the run unreported.
      assert.equal(findMisencoded('it' + L('’') + 's')[0]!.layers, undefined);
      assert.deepEqual(findMisencoded('a\u00C2\u0080b'), []);
      // Letters only under another layer may be what it decodes to: one layer of `ÃŠa` read as Mac Roman.
      assert.deepEqual(findMisencoded(M('ÃŠa')).map((r) => [r.replacement, r.layers]), [['ÃŠ', undefined]]);
    });

    it('maths symbols glued to a one-letter variable are maths, not mojibake; words are still repaired', () => {
      for (const maths of ['r√π', 'area = r√π', '√2', 'x≈y', 'n≈∞', 'x√∂', 'a = b√Ω']) assert.deepEqual(findMisencoded(maths), [], maths);
      for (const [mojibake, word] of [['o√π', 'où'], ['s√≥', 'só'], ['t√∫', 'tú'], ['s√≠', 'sí'], ['gi√π', 'giù'], ['sch√∂n', 'schön']]) {
        assert.equal(repairMisencoded(mojibake), word);
      }
    });
  });

  describe('decodeFile / encodeFile', () => {
    it('UTF-8 with and without a BOM', () => {
      assert.deepEqual(decodeFile(utf8('# Notes ✅')), { text: '# Notes ✅', encoding: 'utf-8', bom: false });
      const withBom = Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('é'));
      assert.deepEqual(decodeFile(withBom), { text: 'é', encoding: 'utf-8', bom: true });
      assert.deepEqual(encodeFile('é', { encoding: 'utf-8', bom: true }), withBom);
      assert.deepEqual(decodeFile(new Uint8Array()), { text: '', encoding: 'utf-8', bom: false });
      assert.deepEqual(encodeFile('', { encoding: 'utf-8', bom: false }), new Uint8Array());
    });

    it('Windows-1252 for invalid UTF-8, with the WHATWG table (not Latin-1) for 0x80–0x9F', () => {
      const all = Uint8Array.from({ length: 256 }, (_, i) => i);
      const file = decodeFile(all);
      assert.equal(file.encoding, 'windows-1252');
      assert.equal(file.bom, false);
      assert.equal(file.text.length, 256);
      assert.equal(file.text.slice(0x80, 0x86), '€\u0081‚ƒ„…');
      assert.equal(file.text.slice(0x91, 0x98), '‘’“”•–—');
      assert.equal(file.text[0x9f], 'Ÿ');
      assert.equal(file.text.slice(0xe0), 'àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ');
      assert.deepEqual(encodeFile(file.text, file), all);
    });

    it('encodeFile says clearly what cannot be saved as Windows-1252', () => {
      const file = { encoding: 'windows-1252', bom: false } as const;
      assert.throws(() => encodeFile('ok ✅', file), /"✅" \(U\+2705\) at offset 3.*Windows-1252/);
      assert.throws(() => encodeFile('a🔸', file), /\(U\+1F538\) at offset 1/);
      assert.throws(() => encodeFile('\u0080', file), /U\+0080/);
      assert.throws(() => encodeFile('a', { encoding: 'windows-1252', bom: true }), /byte order mark/);
      assert.deepEqual(
        encodeFile('café – 5 €\0', file),
        Uint8Array.of(0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80, 0),
      );
    });

    it('corpus: decodes every file, round-trips the Windows-1252 ones exactly, finds no mojibake', function () {
      requireShared(this, CORPUS);
      const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
      assert.ok(files.length > 0);
      const windows1252: string[] = [];
      for (const f of files) {
        const bytes = new Uint8Array(readFileSync(join(CORPUS, f)));
        const file = decodeFile(bytes);
        let validUtf8 = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          validUtf8 = false;
        }
        assert.equal(file.encoding, validUtf8 ? 'utf-8' : 'windows-1252', f);
        if (!validUtf8) windows1252.push(f);
        assert.deepEqual(encodeFile(file.text, file), bytes, f);
        assert.deepEqual(findMisencoded(file.text), [], f);
      }
      assert.deepEqual(windows1252.sort(), [
        'hubdogestor__amazon-lp-prep__base-conhecimento__IMPORTANTE - anotacoes leonardo.txt.md',
        'hubdogestor__amazon-lp-prep__base-conhecimento__Playbook Leonardo - v2.txt.md',
      ]);
      // Portuguese really is in there: the bytes were read as Windows-1252, not as Latin-1.
      const playbook = decodeFile(new Uint8Array(readFileSync(join(CORPUS, windows1252[1]!)))).text;
      assert.match(playbook, /ção/);
      assert.match(playbook, /[“”–]/);
    });

    it('corpus mis-encoded as Mac Roman or Windows-1252: repair restores all but standalone 2-byte characters', function () {
      requireShared(this, CORPUS);
      for (const f of readdirSync(CORPUS).filter((name) => name.endsWith('.md'))) {
        const original = decodeFile(new Uint8Array(readFileSync(join(CORPUS, f)))).text;
        for (const encode of [mac, win]) {
          const repaired = repairMisencoded(encode(original));
          // Mojibake adds no ASCII whitespace, so the words line up.
          const a = original.split(/[ \t\n]/);
          const b = repaired.split(/[ \t\n]/);
          assert.equal(b.length, a.length, f);
          a.forEach((word, i) => {
            if (word === b[i]) return;
            // Only a lone 2-byte character that touches no letter stays: `é`, `10×`, `1º`.
            const nonAscii = [...word].filter((c) => c > '\u007f');
            assert.equal(nonAscii.length, 1, `${f}: ${word} → ${b[i]}`);
            assert.ok(nonAscii[0]!.codePointAt(0)! < 0x800, `${f}: ${word} → ${b[i]}`);
            assert.doesNotMatch(word, /\p{L}\P{ASCII}|\P{ASCII}\p{L}/u, `${f}: ${word} → ${b[i]}`);
          });
        }
      }
    });
  });

  describe('properties (fast-check)', () => {
    const plausible = (cp: number): boolean => !/[\p{Cc}\p{Cn}\p{Co}\p{Cs}\uFFFD]/u.test(String.fromCodePoint(cp));
    const ascii = fc.constantFrom(...'abcXYZ 019.,;:!?-()#*\n');
    const wide = fc
      .oneof(fc.integer({ min: 0x800, max: 0xfffd }), fc.integer({ min: 0x10000, max: 0x1faff }))
      .filter(plausible)
      .map((cp) => String.fromCodePoint(cp));
    const latin = fc
      .integer({ min: 0xc0, max: 0x17f })
      .filter((cp) => cp !== 0xd7 && cp !== 0xf7)
      .map((cp) => String.fromCodePoint(cp));
    const emojiAndPunctuation = fc.oneof(
      fc.integer({ min: 0x1f300, max: 0x1faff }).filter(plausible),
      fc.integer({ min: 0x2010, max: 0x205e }).filter(plausible),
      fc.constantFrom(0x2705, 0x2753, 0x274c, 0x2b50, 0x2122, 0x20ac),
    ).map((cp) => String.fromCodePoint(cp));

    it('Mac Roman: every 3/4-byte character is recovered, every run is exact', () => {
      fc.assert(
        fc.property(fc.array(fc.oneof(ascii, ascii, wide, latin)), (chars) => {
          // Mis-encode character by character, remembering where each one went.
          let mis = '';
          const starts = new Map<number, number>(); // mis offset → index in chars
          const ends = new Map<number, number>();
          chars.forEach((c, k) => {
            starts.set(mis.length, k);
            mis += mac(c);
            ends.set(mis.length, k);
          });
          const covered = new Set<number>();
          for (const r of findMisencoded(mis)) {
            const first = starts.get(r.start);
            const last = ends.get(r.end);
            assert.ok(first !== undefined && last !== undefined, 'run on character boundaries');
            assert.equal(r.replacement, chars.slice(first, last + 1).join(''));
            for (let k = first; k <= last; k++) covered.add(k);
          }
          chars.forEach((c, k) => {
            if (c.codePointAt(0)! >= 0x800) assert.ok(covered.has(k), `${c} recovered`);
          });
        }),
        { numRuns: 2000 },
      );
    });

    // One layer only: a random `‰™™` is itself Mac Roman for U+4AAA, and repair would go on to it.
    it('Mac Roman: the runs in ASCII + 3/4-byte text restore it exactly', () => {
      fc.assert(
        fc.property(fc.array(fc.oneof(ascii, wide)), (chars) => {
          const s = chars.join('');
          assert.equal(applyRuns(mac(s), findMisencoded(mac(s))), s);
        }),
        { numRuns: 2000 },
      );
    });

    it('Windows-1252: the runs in ASCII + emoji/punctuation text restore it exactly', () => {
      fc.assert(
        fc.property(fc.array(fc.oneof(ascii, ascii, emojiAndPunctuation)), (chars) => {
          const s = chars.join('');
          assert.equal(applyRuns(win(s), findMisencoded(win(s))), s);
          if (findMisencoded(s).length === 0) assert.equal(repairMisencoded(win(s)), s);
        }),
        { numRuns: 2000 },
      );
    });

    it('repair is idempotent on arbitrary mixes of mojibake characters', () => {
      const candidate = fc.constantFrom(...'√©Ã©â€™‚úÖ¬ªÂ ÀƒÄ…«»“”–—ü∏îìùú\u00A0\uF8FFé', ...'ab ');
      fc.assert(
        fc.property(fc.array(candidate, { maxLength: 40 }), (chars) => {
          const once = repairMisencoded(chars.join(''));
          assert.equal(repairMisencoded(once), once);
        }),
        { numRuns: 3000 },
      );
    });

    it('ordinary multilingual text yields no runs', () => {
      const words = [
        'café', 'résumé', 'élève', 'voilà', 'déjà', 'où', 'naïve', 'Noël', 'garçon', 'être', 'hôtel', 'forêt',
        'Größe', 'Fuß', 'Straße', 'schön', 'über', 'hätte', 'Mädchen', 'Ärger', 'Öl', 'Übung', 'tämä', 'äiti',
        'ação', 'são', 'irmã', 'coração', 'não', 'já', 'é', 'à', 'você', 'avó', 'pôr', 'órgão', 'Amapá',
        'mañana', 'está', 'Málaga', 'jalapeño', 'qué', 'sí', 'más', 'niño', 'pingüino', 'Ångström', 'Øre', 'Æble',
        'zażółć', 'gęślą', 'jaźń', 'są', 'mają', 'Příliš', 'žluťoučký', 'kůň', 'küçük', 'ılık', 'şehir', 'ğ',
        'Þórður', 'ðú', 'școală', 'țară', 'Œuvre', 'cœur', 'façade', 'crème', 'brûlée', 'perché', 'città', 'più',
        'École', 'Élan', 'Ícaro', 'Óscar', 'Ángel', 'Ñandú', 'Ægir', 'Æðey', 'Þjóðverjar', 'Fußgänger', 'Füße',
        'coöperation', 'Ôté', 'Ÿvette', 'Ìsola', 'Ëmile', 'Íñigo', 'Ça', 'Zürich', 'Øystein',
        'the', 'a', 'team', 'deadline', 'x', 'I', 'STAR', '10', '2024',
      ];
      const word = fc.tuple(fc.constantFrom(...words), fc.boolean()).map(([w, upper]) => (upper ? w.toUpperCase() : w));
      const before = fc.constantFrom('', '', '', '“', '‘', '«', '«\u00A0', '„', '‚', '(', '¿', '¡', '—', '– ', '"');
      const after = fc.constantFrom(
        '', '', '', '…', '”', '’', '»', '\u00A0»', '…”', '’”', '”.', '.', ',', '!', '?', '\u00A0!', '\u00A0:', ':', ';',
        '…»', '”»', '—', '–', '“', '‘', '’s', '…’', '\u00A0?', ' »', '•', '·', '°', '²', '™', '®', '©',
      );
      const symbol = fc.constantFrom('✅', '❓', '🔸', '©', '®', '°', '±', '€', '…', '→', '—', '–', '•', '½', '§', '√2', '≈', '10×', '1º');
      // Punctuation and symbols touch words; one-letter words like `é` and `à` stand alone.
      const decorate = ([b, w, a]: [string, string, string]): string => (w.length === 1 && w > '\u007f' ? w : b + w + a);
      const token = fc.oneof(
        { arbitrary: fc.tuple(before, word, after).map(decorate), weight: 8 },
        { arbitrary: symbol, weight: 1 },
      );
      const sep = fc.constantFrom(' ', ' ', ' ', '\u00A0', '\n', ' — ', ', ');
      fc.assert(
        fc.property(fc.array(fc.tuple(token, sep), { maxLength: 30 }), (parts) => {
          const text = parts.map(([t, s]) => t + s).join('');
          assert.deepEqual(findMisencoded(text), [], JSON.stringify(text));
        }),
        { numRuns: 5000 },
      );
    });

    it('a slice scan equals the whole scan restricted to the slice (slice ends at ASCII)', () => {
      const piece = fc.constantFrom('a', ' ', '\n', 'caf', '‚úÖ', 'â€™', 'Ã©', '√©', 'é', '“', 'x = √é ');
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), fc.nat(), (pieces, p, q) => {
          const text = pieces.join('');
          const ascii = [0, text.length];
          for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x80) ascii.push(i);
          const a = ascii[p % ascii.length]!;
          const b = ascii[q % ascii.length]!;
          const [from, to] = a <= b ? [a, b] : [b, a];
          const expected = findMisencoded(text).filter((r) => r.start >= from && r.end <= to);
          assert.deepEqual(findMisencoded(text, from, to), expected);
        }),
        { numRuns: 2000 },
      );
    });
  });
});
