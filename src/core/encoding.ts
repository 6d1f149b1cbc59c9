// Mis-encoded text (UTF-8 bytes that were decoded as Mac Roman or Windows-1252) and file decoding.
// Pure: no `vscode`, no Node built-ins, so it runs in tests, the CLI, the extension host and a browser.
//
// Detection is exact: every character of a run is mapped back to the byte its encoding decodes to it,
// and the bytes must form valid UTF-8. The byte ↔ character tables come from TextDecoder itself, so
// they are the very mappings that produced the mojibake. On top of that exactness, a few context
// rules keep ordinary text untouched (see `accept`).

/** ISO-8859-1 proper (not WHATWG's alias of Windows-1252): it leaves C1 controls for 0x80–0x9F. */
export type MisEncoding = 'macintosh' | 'windows-1252' | 'iso-8859-1';

export interface MisencodedRun {
  /** UTF-16 offset into the text, inclusive. */
  start: number;
  /** UTF-16 offset into the text, exclusive. */
  end: number;
  /** What the run's bytes really are, decoded as UTF-8. */
  replacement: string;
  /** The encoding the run's bytes were read in last (the outer layer). */
  encoding: MisEncoding;
  /**
   * For text mis-encoded more than once: every encoding it was read in, first to last (the last is
   * `encoding`). `replacement` repairs every layer.
   */
  layers?: MisEncoding[];
}

/** Multi-byte legacy encodings a file may be read in (never written: the platform has no encoder). */
export type LegacyEncoding = 'shift_jis' | 'euc-jp' | 'euc-kr' | 'gb18030' | 'big5';
export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'windows-1252' | LegacyEncoding;

export interface DecodedFile {
  text: string;
  encoding: FileEncoding;
  /** A byte order mark starts the file (UTF-8 optionally; UTF-16/32 are only recognised by theirs). */
  bom: boolean;
  /**
   * Set when writing `text` back in `encoding` might not give the file's bytes, or the decoding is
   * a guess: says why, in a sentence for the user. Such a file is read, never written.
   */
  notWritable?: string;
  /** Byte offsets of bytes invalid in `encoding` (read as U+FFFD), at most 100. */
  invalidBytes?: number[];
}

export interface DecodeOptions {
  /**
   * Names the encoding of bytes that are not UTF-8 (a statistical detector such as chardet, which
   * the CLI passes in; the core stays free of it). Returns undefined when it has no opinion.
   */
  guessEncoding?: (bytes: Uint8Array) => string | undefined;
}

// ---- Tables -------------------------------------------------------------------------------------

// WHATWG index-windows-1252 for bytes 0x80–0x9F. Only used when the platform decoder is wrong: Node
// ≥ 20.18.3 / 22.13.0 decodes windows-1252 as Latin-1 there (nodejs/node#56542, #60888).
const WINDOWS_1252_80_9F =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

interface Codec {
  encoding: MisEncoding;
  /** Character code → byte, for bytes 0x80–0xFF; 0 where the character is not such a decoding. */
  toByte: Uint8Array;
  /** Byte → character code, all 256 bytes. */
  toChar: Uint16Array;
}

interface Tables {
  /** Mac Roman first: it is tried first at every position. Absent if the platform lacks it. */
  codecs: Codec[];
  windows1252: Codec;
  /** Two or more characters that decode from bytes ≥ 0x80 in either encoding. */
  candidateRun: RegExp;
}

let tables: Tables | undefined;

function decodeAllBytes(label: MisEncoding): string | undefined {
  const all = new Uint8Array(256);
  for (let b = 0; b < 256; b++) all[b] = b;
  let chars: string;
  try {
    // `stream: true` sidesteps Node's broken Latin-1 fast path for windows-1252; harmless elsewhere.
    chars = new TextDecoder(label).decode(all, { stream: true });
  } catch {
    return undefined; // e.g. Node built without ICU has no Mac Roman
  }
  if (label === 'windows-1252' && chars.charCodeAt(0x80) !== 0x20ac) {
    chars = chars.slice(0, 0x80) + WINDOWS_1252_80_9F + chars.slice(0xa0);
  }
  return chars.length === 256 ? chars : undefined;
}

function buildCodec(encoding: MisEncoding, chars: string): Codec {
  const toByte = new Uint8Array(0x10000);
  const toChar = new Uint16Array(256);
  for (let b = 0; b < 256; b++) {
    const c = chars.charCodeAt(b);
    toChar[b] = c;
    if (b >= 0x80) toByte[c] = b;
  }
  return { encoding, toByte, toChar };
}

function getTables(): Tables {
  if (tables) return tables;
  const codecs: Codec[] = [];
  let classChars = '';
  let windows1252: Codec | undefined;
  for (const encoding of ['macintosh', 'windows-1252', 'iso-8859-1'] as const) {
    // TextDecoder('iso-8859-1') is Windows-1252 (WHATWG): Latin-1 is byte = code point, by hand.
    let chars = encoding === 'iso-8859-1' ? String.fromCharCode(...Array.from({ length: 256 }, (_, b) => b)) : decodeAllBytes(encoding);
    if (chars === undefined) {
      if (encoding === 'macintosh') continue;
      // Every platform knows windows-1252 at least as Latin-1; this is the last resort.
      chars = '';
      for (let b = 0; b < 256; b++) chars += String.fromCharCode(b);
      chars = chars.slice(0, 0x80) + WINDOWS_1252_80_9F + chars.slice(0xa0);
    }
    const codec = buildCodec(encoding, chars);
    codecs.push(codec);
    if (encoding === 'windows-1252') windows1252 = codec;
    for (let b = 0x80; b < 256; b++) classChars += '\\u' + chars.charCodeAt(b).toString(16).padStart(4, '0');
  }
  tables = { codecs, windows1252: windows1252!, candidateRun: new RegExp(`[${classChars}]{2,}`, 'g') };
  return tables;
}

// ---- Sequences and chains -----------------------------------------------------------------------

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const seqBytes = new Uint8Array(4);

/** Controls, unassigned (incl. noncharacters), private use, surrogates, U+FFFD: never a real character. */
const IMPLAUSIBLE = /[\p{Cc}\p{Cn}\p{Co}\p{Cs}\uFFFD]/u;
/** Emoji, punctuation, symbols, joiners, variation selectors: what 3/4-byte mojibake almost always is. */
const COMMON = /^[\p{Script=Common}\p{Script=Inherited}]/u;
const LATIN = /\p{Script=Latin}/u;
const LOWERCASE = /\p{Ll}/u;
const UPPERCASE = /\p{Lu}/u;
/**
 * Windows-1252 punctuation and symbols that ordinary text puts right after a word, possibly through
 * a no-break space: `…”`, `\u00A0»`, `™`, `\u00A0„`.
 */
const TRAILING_1252 = '…’”»›“‘«‹„‚–—\u00A0•·°®©™¹²³ªº¿¡§¶';

/** The character decoded by the last successful `sequenceAt`. */
let lastSeq = '';
/**
 * Whether that character is what only a layer underneath leaves, never text itself: a C1 control
 * (Latin-1's 0x80–0x9F) or U+F8FF (Mac Roman's 0xF0, the Apple logo, a private-use character).
 */
let lastSeqC1 = false;

/**
 * Decodes one UTF-8 sequence whose bytes are the characters at `i`; returns its UTF-8 length
 * (= its length in characters), or 0. The decoded character is left in `lastSeq`.
 */
function sequenceAt(text: string, i: number, end: number, toByte: Uint8Array): number {
  const lead = toByte[text.charCodeAt(i)]!;
  if (lead < 0xc2 || lead > 0xf4) return 0;
  const n = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  if (i + n > end) return 0;
  seqBytes[0] = lead;
  for (let k = 1; k < n; k++) {
    const b = toByte[text.charCodeAt(i + k)]!;
    if (b < 0x80 || b > 0xbf) return 0;
    seqBytes[k] = b;
  }
  // Overlongs, surrogates and > U+10FFFF (the lead range already excludes C0, C1, F5–FF).
  const second = seqBytes[1]!;
  if (
    (lead === 0xe0 && second < 0xa0) ||
    (lead === 0xed && second > 0x9f) ||
    (lead === 0xf0 && second < 0x90) ||
    (lead === 0xf4 && second > 0x8f)
  ) {
    return 0;
  }
  // The checks above leave only valid UTF-8, so the code point can be computed directly; the
  // fatal decoder stays the authority for the run as a whole (`decodeRange`).
  let cp = lead & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) cp = (cp << 6) | (seqBytes[k]! & 0x3f);
  lastSeq = String.fromCodePoint(cp);
  lastSeqC1 = isC1(cp) || cp === APPLE_LOGO;
  return !IMPLAUSIBLE.test(lastSeq) || lastSeqC1 ? n : 0;
}

/** Latin letters of real languages (Latin-1, Latin Extended-A, Romanian ș ț, Vietnamese ơ ư). */
function isLatinLetter2(cp: number): boolean {
  if (cp >= 0xc0 && cp <= 0x17f) return cp !== 0xd7 && cp !== 0xf7;
  return (cp >= 0x218 && cp <= 0x21b) || cp === 0x1a0 || cp === 0x1a1 || cp === 0x1af || cp === 0x1b0;
}

function isLatinLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i); // NaN outside the text: every comparison is false
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  return c >= 0xaa && LATIN.test(text[i]!);
}

/** The longest chain of adjacent sequences in one encoding; reused, never allocated per call. */
interface Chain {
  codec: Codec | undefined;
  start: number;
  end: number;
  sequences: number;
  /** A 3/4-byte sequence decoding to a Common/Inherited character (emoji, ’ “ – ✅ …). */
  strong: boolean;
  /** 3/4-byte sequences decoding to a letter of some script (CJK, Hangul, …). */
  wide: number;
  /** Every sequence is 2-byte and decodes to a Latin letter. */
  allLatin2: boolean;
  /** Every sequence could be ordinary punctuation after a word: continuations in TRAILING_1252. */
  plainTrail: boolean;
  /** A C1 control (U+0080–U+009F) is in the chain: what only a Latin-1 reading leaves. */
  c1: boolean;
  /** A sequence decodes to a C1 control or U+F8FF: a layer under this one, which must be repaired too. */
  decodedC1: boolean;
}

function newChain(): Chain {
  return {
    codec: undefined,
    start: 0,
    end: 0,
    sequences: 0,
    strong: false,
    wide: 0,
    allLatin2: true,
    plainTrail: true,
    c1: false,
    decodedC1: false,
  };
}

function scanChain(text: string, start: number, end: number, codec: Codec, out: Chain): Chain {
  out.codec = codec;
  out.start = start;
  out.sequences = 0;
  out.strong = false;
  out.wide = 0;
  out.allLatin2 = true;
  out.plainTrail = true;
  out.c1 = false;
  out.decodedC1 = false;
  let i = start;
  for (let n; i < end && (n = sequenceAt(text, i, end, codec.toByte)) > 0; i += n) {
    out.sequences++;
    if (lastSeqC1) out.decodedC1 = true;
    for (let k = 0; k < n; k++) if (isC1(text.charCodeAt(i + k))) out.c1 = true;
    // After a no-break space anything may follow (`é\u00A0€`), so such a sequence is plain too.
    if (text.charCodeAt(i + 1) !== 0xa0) {
      for (let k = 1; k < n && out.plainTrail; k++) out.plainTrail = TRAILING_1252.includes(text[i + k]!);
    }
    if (n === 2) {
      if (!isLatinLetter2(lastSeq.charCodeAt(0))) out.allLatin2 = false;
    } else {
      out.allLatin2 = false;
      if (COMMON.test(lastSeq)) out.strong = true;
      else out.wide++;
    }
  }
  out.end = i;
  return out;
}

/** Whether a chain is mojibake rather than text the user meant. */
function accept(text: string, c: Chain): boolean {
  // What decodes to a C1 control is mojibake only if a Latin-1 layer under it repairs too.
  if (c.decodedC1) return repairsThroughLayers(text, c);
  // Latin-1 agrees with Windows-1252 but for 0x80–0x9F, so it is only told apart by a C1 control,
  // which no real text holds.
  if (c.codec!.encoding === 'iso-8859-1') return c.c1;
  if (looksLikeMaths(text, c)) return false;
  const windows1252 = c.codec!.encoding === 'windows-1252';
  // Windows-1252 decodes 3/4-byte leads as à–ô, so a word-final letter followed by punctuation can
  // look like a sequence: `hätte…“` is ä…“ = a CJK ideograph, `voilà »` (no-break space) a Samaritan
  // sign, `lâ…”` ⅔. Real mojibake almost always has a byte ordinary text never puts there: € œ Ÿ ¸ ….
  const lone1252 = windows1252 && c.sequences === 1;
  if (c.strong) return !(lone1252 && c.plainTrail && isLatinLetterAt(text, c.start - 1));
  if (c.wide > 0) return !(windows1252 && c.plainTrail);
  // 2-byte only: `√©` may be maths, so it must sit inside or against a word (`caf√©`, `Ren√©e`);
  // or it decodes to mojibake that is certain in its place (`cafÃƒÂ©` → `cafÃ©` → café).
  if (!c.allLatin2) return repairsThroughLayers(text, c);
  const before = isLatinLetterAt(text, c.start - 1);
  const after = isLatinLetterAt(text, c.end);
  if (!before && !after) return false;
  // Windows-1252 reads these leads as Ã Ä Å È Æ, so after an uppercase letter the lead may end an
  // uppercase word followed by a symbol: `IRMÃ”`, `TÄMÄ’s`, `IRMÃ°`, `TÄMÄ Word` (no-break space).
  // Then the decoded letter must fit the word's case: `LÃ¤uft`, `ESPAÃ‘A`, `CAFÃ‰`.
  if (lone1252 && before && UPPERCASE.test(text[c.start - 1]!)) {
    const letter = decodeRange(text, c.codec!, c.start, c.end);
    const cont = text[c.start + 1]!;
    if (cont === '\u00A0') return false; // a word separator: `IRMÃ café`
    if (LOWERCASE.test(text[c.end] ?? '')) return LOWERCASE.test(letter);
    return UPPERCASE.test(letter) && (after || !TRAILING_1252.includes(cont));
  }
  return true;
}

const isC1 = (code: number) => code >= 0x80 && code <= 0x9f;
const APPLE_LOGO = 0xf8ff;
/** Cased letters only: `ÃŠ` could be a word; `Ã©`, `âˆšÂº` hold a symbol or a modifier no word has there. */
const LETTERS_ONLY = /^[\p{Lu}\p{Ll}]+$/u;

/**
 * Mac Roman leads and continuations that are maths symbols: `r√π`, `n≈∞`. Only the continuations
 * whose letter rarely ends a two-letter word after a consonant (ù ð ö ý): `s√≥` is só, `t√∫` tú,
 * `s√≠` sí, `s√∏` sø, so ≥ ∫ ≠ ∏ ± stay mojibake.
 */
const MATHS_LEADS = '√≈∆¬';
const MATHS_CONTINUATIONS = 'π∞∂Ω';
const VOWELS = /[aeiouyAEIOUY]/;

/**
 * A single 2-byte Mac Roman sequence of maths symbols after a one-letter variable, as formulas are
 * written (`r√π`): the same bytes as ù in a word, but there the word has more letters, or its one
 * letter is a vowel (`o√π` is où).
 */
function looksLikeMaths(text: string, c: Chain): boolean {
  if (c.codec!.encoding !== 'macintosh' || c.sequences !== 1 || c.end - c.start !== 2) return false;
  if (!MATHS_LEADS.includes(text[c.start]!) || !MATHS_CONTINUATIONS.includes(text[c.start + 1]!)) return false;
  const variableBefore = !isLatinLetterAt(text, c.start - 1) || (!isLatinLetterAt(text, c.start - 2) && !VOWELS.test(text[c.start - 1]!));
  const variableAfter = !isLatinLetterAt(text, c.end) || !isLatinLetterAt(text, c.end + 1);
  return variableBefore && variableAfter;
}

/**
 * The chains a scan reuses, one set per depth: judging a chain may scan its decoding for a further
 * layer (`repairsThroughLayers`), which must not overwrite the chains of the scan that asked.
 */
const chainSets: Chain[][] = [];
let depth = 0;

/** Whether the chain's decoding, repaired through the layers under it, is mojibake of real text. */
function repairsThroughLayers(text: string, c: Chain): boolean {
  const codec = c.codec!;
  const { start, end } = c;
  const decoded = decodeRange(text, codec, start, end);
  const repaired = repairLayers(text, start, end, decoded, codec.encoding);
  return repaired !== undefined && repaired.layers.length > 1;
}

// ---- API ----------------------------------------------------------------------------------------

/**
 * Mis-encoded runs in `text[from, to)`, in order, offsets relative to the whole text. Characters
 * just outside the slice still count as context (a letter before `from`), but no run crosses it.
 */
export function findMisencoded(text: string, from = 0, to: number = text.length): MisencodedRun[] {
  return scanRuns(text, from, to, true);
}

/** One layer only: the runs' replacements may still be mis-encoded. */
function findMisencodedOneLayer(text: string, from: number, to: number): MisencodedRun[] {
  return scanRuns(text, from, to, false);
}

function scanRuns(text: string, from: number, to: number, layered: boolean): MisencodedRun[] {
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  const runs: MisencodedRun[] = [];
  if (from >= to) return runs;
  const { codecs, candidateRun } = getTables();
  const chains = (chainSets[depth] ??= codecs.map(newChain));
  // Search only the slice (V8 slices without copying), or every section would scan to the end.
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  const stretches: number[] = [];
  candidateRun.lastIndex = 0;
  for (let m; (m = candidateRun.exec(slice)) !== null; ) stretches.push(from + m.index, from + m.index + m[0].length);
  depth++;
  try {
    for (let k = 0; k < stretches.length; k += 2) scanStretch(text, stretches[k]!, stretches[k + 1]!, codecs, chains, runs);
  } finally {
    depth--;
  }
  if (!layered) return runs;
  // Every layer or none: a run whose layers cannot all be repaired is not reported.
  const layeredRuns: MisencodedRun[] = [];
  for (const run of runs) {
    const repaired = repairLayers(text, run.start, run.end, run.replacement, run.encoding);
    if (repaired === undefined) continue;
    layeredRuns.push(repaired.layers.length > 1 ? { ...run, replacement: repaired.text, layers: repaired.layers } : { ...run, replacement: repaired.text });
  }
  return layeredRuns;
}

function scanStretch(text: string, start: number, end: number, codecs: Codec[], chains: Chain[], runs: MisencodedRun[]): void {
  // Two accepted chains that abut switch encoding in mid-run: a mixture, so neither is reported.
  // The last accepted chain waits in `pending*` until we know nothing abuts it.
  let pendingCodec: Codec | undefined;
  let pendingStart = 0;
  let pendingEnd = -1;
  let pendingMixed = false;
  let i = start;
  while (i < end) {
    // Mac Roman first; Windows-1252 wins only if Mac Roman's chain is rejected or shorter.
    let best: Chain | undefined;
    let bestOk = false;
    for (let k = 0; k < codecs.length; k++) {
      const c = scanChain(text, i, end, codecs[k]!, chains[k]!);
      if (c.sequences === 0) continue;
      const ok = accept(text, c);
      if (!best || (ok && !bestOk) || (ok === bestOk && c.end > best.end)) {
        best = c;
        bestOk = ok;
      }
    }
    if (!best) {
      i++;
      continue;
    }
    if (bestOk) {
      const abuts = pendingEnd === i;
      if (pendingCodec && !abuts && !pendingMixed) emit(text, pendingCodec, pendingStart, pendingEnd, runs);
      pendingCodec = best.codec;
      pendingStart = best.start;
      pendingEnd = best.end;
      pendingMixed = abuts;
    }
    // A rejected chain is skipped whole, so no chain starts inside it out of step.
    i = best.end;
  }
  if (pendingCodec && !pendingMixed) emit(text, pendingCodec, pendingStart, pendingEnd, runs);
}

function emit(text: string, codec: Codec, start: number, end: number, runs: MisencodedRun[]): void {
  runs.push({ start, end, replacement: decodeRange(text, codec, start, end), encoding: codec.encoding });
}

/**
 * A run repaired through every layer (`Ã¢â‚¬â„¢` → `â€™` → `’`, `cafÃƒÂ©` → `cafÃ©` → `café`,
 * `Ã¢Â€Â”` → `â\u0080\u0094` → `—`), each layer found as the scan finds the first, with the characters
 * around the run as its context; with the encodings read, first to last. Undefined when a layer is
 * left that cannot be repaired (a C1 control is still there): then the run is not reported, rather
 * than offer a repair into other garbage.
 */
function repairLayers(text: string, start: number, end: number, repaired: string, outer: MisEncoding): { text: string; layers: MisEncoding[] } | undefined {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 2);
  const layers: MisEncoding[] = [outer];
  for (;;) {
    const window = before + repaired + after;
    // Under a Latin-1 layer every layer is certain (its C1 controls are); under another, a run of
    // letters only (`ÃŠ`) may be what the outer layer really decodes to, while `Ã©`, `Ã¢â‚¬` hold a
    // symbol no word has there.
    const inner = findMisencodedOneLayer(window, before.length, before.length + repaired.length).filter(
      (r) => outer === 'iso-8859-1' || !LETTERS_ONLY.test(window.slice(r.start, r.end)),
    );
    if (inner.length === 0) break;
    layers.unshift(inner[0]!.encoding);
    let out = '';
    let at = before.length;
    for (const r of inner) {
      out += window.slice(at, r.start) + r.replacement;
      at = r.end;
    }
    repaired = out + window.slice(at, before.length + repaired.length);
  }
  for (let i = 0; i < repaired.length; i++) if (isC1(repaired.charCodeAt(i))) return undefined;
  // A Mac Roman lead left over from a layer below that did not repair: not all layers are.
  if (layers.length > 1 && repaired.includes('\uF8FF') && !text.slice(start, end).includes('\uF8FF')) return undefined;
  return { text: repaired, layers };
}

/** The run's bytes through the fatal UTF-8 decoder: throws rather than ever invent a character. */
function decodeRange(text: string, codec: Codec, start: number, end: number): string {
  const bytes = new Uint8Array(end - start);
  for (let i = start; i < end; i++) bytes[i - start] = codec.toByte[text.charCodeAt(i)]!;
  return utf8Fatal.decode(bytes);
}

/**
 * Applies every run, and again while runs remain (text mis-encoded twice: `Ã¢â‚¬â„¢` → `â€™` → `’`),
 * so that repairing is idempotent. Terminates: every run is longer than its replacement.
 */
/**
 * `text` as its UTF-8 bytes read in `encoding`: what a mis-encoding turns it into (`✅` → `‚úÖ`).
 * Uses the same tables as detection, so it is right where the platform decoder is not.
 */
export function misread(text: string, encoding: MisEncoding): string {
  const codec = getTables().codecs.find((c) => c.encoding === encoding);
  if (!codec) return text;
  let out = '';
  for (const byte of new TextEncoder().encode(text)) out += String.fromCharCode(codec.toChar[byte]!);
  return out;
}

export function repairMisencoded(text: string): string {
  for (;;) {
    const runs = findMisencoded(text);
    if (runs.length === 0) return text;
    let out = '';
    let at = 0;
    for (const r of runs) {
      out += text.slice(at, r.start) + r.replacement;
      at = r.end;
    }
    text = out + text.slice(at);
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const LEGACY: readonly LegacyEncoding[] = ['shift_jis', 'euc-jp', 'euc-kr', 'gb18030', 'big5'];
const MAX_INVALID_LISTED = 100;

/**
 * The file's encoding, decided honestly:
 *   - a UTF-32 or UTF-16 byte order mark (UTF-32LE's FF FE 00 00 before UTF-16LE's FF FE);
 *   - UTF-8 (with or without its BOM) when the bytes are valid UTF-8;
 *   - UTF-8 with stray bytes when most non-ASCII bytes still form valid UTF-8 sequences: the strays
 *     read as U+FFFD and are listed, and the file is not writable (writing would change them);
 *   - a CJK multi-byte encoding when `guessEncoding` names one that decodes the bytes: read, not
 *     writable;
 *   - Windows-1252 when it is the likely reading: no CJK encoding decodes the bytes, and the detector
 *     says so or most runs of its non-ASCII bytes are one byte long (é in a word), as Western
 *     European text has them. Otherwise the Windows-1252 reading is given but marked not writable.
 */
export function decodeFile(bytes: Uint8Array, options: DecodeOptions = {}): DecodedFile {
  const b0 = bytes[0],
    b1 = bytes[1],
    b2 = bytes[2],
    b3 = bytes[3];
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return decodeUtf32(bytes.subarray(4), true);
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return decodeUtf32(bytes.subarray(4), false);
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const bom = b0 === UTF8_BOM[0] && b1 === UTF8_BOM[1] && b2 === UTF8_BOM[2];
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8Fatal.decode(body), encoding: 'utf-8', bom };
  } catch {
    // not UTF-8 as a whole: see below
  }
  const validity = utf8Validity(body);
  if (bom || validity.sequences >= validity.invalid.length) {
    const offsets = validity.invalid.slice(0, MAX_INVALID_LISTED).map((o) => o + (bom ? 3 : 0));
    const first = offsets[0]!;
    return {
      text: utf8Lenient.decode(body),
      encoding: 'utf-8',
      bom,
      invalidBytes: offsets,
      notWritable:
        `${validity.invalid.length === 1 ? 'one byte is' : `${validity.invalid.length} bytes are`} not valid UTF-8 ` +
        `(the first, 0x${bytes[first]!.toString(16).toUpperCase().padStart(2, '0')}, at byte offset ${first}); ` +
        'it is read as U+FFFD and the file is not rewritten, so that byte stays as it is',
    };
  }
  const guess = options.guessEncoding?.(body)?.toLowerCase().replace(/^shift-jis$/, 'shift_jis');
  const legacy = LEGACY.find((e) => e === guess);
  if (legacy) {
    try {
      const text = new TextDecoder(legacy, { fatal: true, ignoreBOM: true }).decode(body);
      return { text, encoding: legacy, bom: false, notWritable: `it is read as ${legacy.toUpperCase()}, which is only read, never written` };
    } catch {
      // the detector was wrong: the bytes are not valid in that encoding
    }
  }
  const text = decodeWindows1252(body);
  // Western text breaks every CJK decoding (an é before a space is a lead byte without its trail);
  // bytes that one decodes without error are never written, whatever the detector says (on a short
  // text it may say Windows-1252 for Big5).
  const western = guess === 'windows-1252' || guess === 'iso-8859-1';
  if ((western || mostRunsSingle(body)) && !decodesAsLegacy(body)) return { text, encoding: 'windows-1252', bom: false };
  return {
    text,
    encoding: 'windows-1252',
    bom: false,
    notWritable:
      'its encoding is not clear: the bytes are not UTF-8, and they read as an Asian or Cyrillic encoding ' +
      `as well as Windows-1252${guess ? ` (a detector says ${guess})` : ''}; ` +
      'it is read as Windows-1252 and not rewritten (save it as UTF-8)',
  };
}

function decodesAsLegacy(bytes: Uint8Array): boolean {
  return LEGACY.some((encoding) => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes);
      return true;
    } catch {
      return false;
    }
  });
}

const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** Valid multi-byte UTF-8 sequences, and the offsets where an invalid one starts. */
function utf8Validity(bytes: Uint8Array): { sequences: number; invalid: number[] } {
  let sequences = 0;
  const invalid: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const n = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let k = 1;
    if (n > 0) {
      const second = bytes[i + 1];
      const lo = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
      const hi = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
      if (second !== undefined && second >= lo && second <= hi) {
        k = 2;
        while (k < n && bytes[i + k] !== undefined && bytes[i + k]! >= 0x80 && bytes[i + k]! <= 0xbf) k++;
      }
    }
    if (n > 0 && k === n) sequences++;
    else invalid.push(i);
    i += k; // a truncated sequence is one invalid stretch (WHATWG's maximal subpart)
  }
  return { sequences, invalid };
}

/**
 * Whether most runs of non-ASCII bytes are a single byte, as accented letters are in Western
 * European text (`café`; `ação` has one run of two). CJK encodings write every character as two or
 * more such bytes, Cyrillic and Greek words are long runs of them.
 */
function mostRunsSingle(bytes: Uint8Array): boolean {
  let runs = 0;
  let single = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    let j = i + 1;
    while (j < bytes.length && bytes[j]! >= 0x80) j++;
    runs++;
    if (j === i + 1) single++;
    i = j - 1;
  }
  return single * 2 >= runs;
}

function decodeWindows1252(bytes: Uint8Array): string {
  // Our own table, not TextDecoder('windows-1252'): Node's is wrong for 0x80–0x9F (see above).
  const { toChar } = getTables().windows1252;
  const parts: string[] = [];
  const CHUNK = 8192;
  const codes = new Uint16Array(Math.min(CHUNK, bytes.length));
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const n = Math.min(CHUNK, bytes.length - at);
    for (let k = 0; k < n; k++) codes[k] = toChar[bytes[at + k]!]!;
    parts.push(String.fromCharCode(...codes.subarray(0, n)));
  }
  return parts.join('');
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedFile {
  try {
    if (body.length % 2 !== 0) throw new Error('odd length');
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), encoding, bom: true };
  } catch {
    return {
      text: new TextDecoder(encoding, { ignoreBOM: true }).decode(body),
      encoding,
      bom: true,
      notWritable: `it has a ${encoding.toUpperCase()} byte order mark but bytes that are not valid ${encoding.toUpperCase()}; it is not rewritten`,
    };
  }
}

/** UTF-32 by hand: TextDecoder does not know it. */
function decodeUtf32(body: Uint8Array, littleEndian: boolean): DecodedFile {
  const encoding = littleEndian ? 'utf-32le' : 'utf-32be';
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const parts: string[] = [];
  const invalid: number[] = [];
  const count = Math.floor(body.length / 4);
  for (let i = 0; i < count; i++) {
    const cp = view.getUint32(i * 4, littleEndian);
    const valid = cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
    if (!valid && invalid.length < MAX_INVALID_LISTED) invalid.push(4 + i * 4);
    parts.push(valid ? String.fromCodePoint(cp) : '\uFFFD');
  }
  if (body.length % 4 !== 0) {
    invalid.push(4 + count * 4);
    parts.push('\uFFFD');
  }
  const file: DecodedFile = { text: parts.join(''), encoding, bom: true };
  if (invalid.length > 0) {
    file.invalidBytes = invalid;
    file.notWritable = `it has a ${encoding.toUpperCase()} byte order mark but bytes that are not valid ${encoding.toUpperCase()}; it is not rewritten`;
  }
  return file;
}

/** The inverse of `decodeFile`. Throws if a character has no byte(s) in the file's encoding. */
export function encodeFile(text: string, file: { encoding: FileEncoding; bom: boolean }): Uint8Array {
  switch (file.encoding) {
    case 'utf-8': {
      const body = new TextEncoder().encode(text);
      return file.bom ? concat(Uint8Array.from(UTF8_BOM), body) : body;
    }
    case 'utf-16le':
    case 'utf-16be': {
      const little = file.encoding === 'utf-16le';
      const out = new Uint8Array(2 + text.length * 2);
      const view = new DataView(out.buffer);
      view.setUint16(0, 0xfeff, little);
      for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), little);
      return out;
    }
    case 'utf-32le':
    case 'utf-32be': {
      const little = file.encoding === 'utf-32le';
      const cps: number[] = [0xfeff];
      for (let i = 0; i < text.length; i++) {
        const cp = text.codePointAt(i)!;
        if (cp >= 0xd800 && cp <= 0xdfff) throw new Error(`Cannot save as ${file.encoding.toUpperCase()}: a lone surrogate at offset ${i}.`);
        cps.push(cp);
        if (cp > 0xffff) i++;
      }
      const out = new Uint8Array(cps.length * 4);
      const view = new DataView(out.buffer);
      cps.forEach((cp, k) => view.setUint32(k * 4, cp, little));
      return out;
    }
    case 'windows-1252':
      return encodeWindows1252(text, file.bom);
    default:
      throw new Error(`Cannot save as ${file.encoding.toUpperCase()}: that encoding is only read. Save the file as UTF-8 instead.`);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function encodeWindows1252(text: string, bom: boolean): Uint8Array {
  if (bom) throw new Error('A Windows-1252 file cannot have a UTF-8 byte order mark.');
  const { toByte } = getTables().windows1252;
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c < 0x80 ? c : toByte[c]!;
    if (b === 0 && c !== 0) {
      const cp = text.codePointAt(i)!;
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      throw new Error(
        `Cannot save as Windows-1252: "${String.fromCodePoint(cp)}" (U+${hex}) at offset ${i} has no ` +
          'Windows-1252 byte. Save the file as UTF-8 instead.',
      );
    }
    out[i] = b;
  }
  return out;
}
