// A cheap no: a scan of the text, without parsing it, that proves a file cannot be notes under the
// notes decision (structure.ts readGlobals). A file is notes only when
//   - the caller or the file says so (`notes: true`, front matter `interview-notes: true`), or
//   - it uses two different required STAR parts as labels (headings, bold or plain labels, table
//     cells, HTML bold tags, `(S)` markers), or
//   - it has two behavioural titles or more (prose notes: read/prose.ts).
// The scan looks for the places where each of these could be, loosely: a label word or letter at the
// start of a line, a table cell or an HTML tag's text, after any markup, and followed by what may
// follow a label; a title trigger in a short cell or line, or a question at its start. It reads a
// normalised copy of the text (character references and escapes decoded, emphasis, code and link
// brackets dropped, as mdast's text has them) so that no reading the parser allows is missed. When
// it cannot rule notes out it says nothing, and the full analysis decides; a differential test holds
// its "no" to the full decision's on generated, hostile and real files.

import { decodeString } from 'micromark-util-decode-string';
import { isDefinition, ProseStories } from './build/evidence.js';
import { readSection, type Fact, type SectionFacts } from './facts.js';
import { DECORATION_RE, DONE_MARKS } from './marks.js';
import { REQUIRED_PARTS, type StarPart } from './model.js';
import { COMPETENCY, COMPETENCY_TITLE_WORDS, isBehaviouralTitle, QUESTION_START } from './read/prose.js';
import { scanSectionsInSteps } from './sections.js';
import { runSteps } from './steps.js';
import type { NotesOption } from './structure.js';
import { escapeRegExp, LETTERS, VOCABULARIES } from './vocabulary.js';

/**
 * Whether `text` cannot be notes, whatever a full analysis would find: true is certain; false means
 * only that the full analysis must decide. Two steps: the scan below, and where it finds places that
 * may hold labels or titles (a README's `Result:` line, a changelog's "Fixed conflict" item), the
 * sections holding them parsed as the pipeline parses them (sections are read independently, so their
 * facts are exact), and the decision taken on those facts. `read`, when given, receives the facts of
 * the sections parsed, by their text, for the full analysis to reuse.
 */
export function cannotBeNotes(text: string, notes: NotesOption = 'auto', read?: Map<string, SectionFacts>): boolean {
  return runSteps(cannotBeNotesInSteps(text, notes, read));
}

/**
 * cannotBeNotes in steps of bounded size (a chunk of the scan, a section parsed), for a first
 * analysis that must not block its host; the same answer.
 */
export function* cannotBeNotesInSteps(text: string, notes: NotesOption = 'auto', read?: Map<string, SectionFacts>): Generator<void, boolean, void> {
  const found = yield* scanForNotesInSteps(text, notes);
  if (found === 'none') return true;
  if (found === 'everywhere') return false;
  return !(yield* candidatesMayBeNotes(text, found, read));
}


/** More places than this to look at closely: parse the file instead. */
const MAX_PLACES = 1000;

/**
 * The scan alone: 'none' when no label or title can be there; else the offsets of the lines that may
 * hold them (sorted), or 'everywhere' when it cannot say where.
 */
export function scanForNotes(text: string, notes: NotesOption = 'auto'): 'none' | 'everywhere' | number[] {
  return runSteps(scanForNotesInSteps(text, notes));
}

/** Characters of the text one step of the scan reads, at least (it ends after a blank line). */
const SCAN_CHUNK = 32 * 1024;

/**
 * The scan, a chunk of the text at a time. A chunk ends after a blank line, where no place, label
 * phrase, setext heading or hard break goes on, so the chunks read as the whole text would (a phrase
 * cut there reads as its first word, which names the same part: only more is found).
 */
function* scanForNotesInSteps(text: string, notes: NotesOption): Generator<void, 'none' | 'everywhere' | number[], void> {
  if (notes === true) return 'everywhere';
  // The file's own word (front matter) can make it notes whatever the caller says. Looked for a chunk
  // at a time with the rest (it holds no line break, so no chunk cuts it): over a whole 8 MB text at
  // once it was 20 ms of one step.
  if (notes === false) return SAYS_NOTES.test(text) ? 'everywhere' : 'none';
  const evidence = new Evidence();
  for (let from = 0; from < text.length; ) {
    if (from > 0) yield;
    const to = chunkEnd(text, from + SCAN_CHUNK);
    const chunk = text.slice(from, to);
    if (SAYS_NOTES.test(chunk)) return 'everywhere';
    scanChunk(chunk, from, evidence);
    if (evidence.done()) return 'everywhere';
    from = to;
  }
  summaryTitles(text, evidence);
  if (!evidence.enough()) return 'none';
  if (evidence.tooMany) return 'everywhere';
  return evidence.offsets();
}

/** The end of the chunk that reaches `at`: just after the first blank line from there (or the text's end). */
function chunkEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  BLANK_LINE.lastIndex = at;
  const blank = BLANK_LINE.exec(text);
  return blank ? blank.index + blank[0].length : text.length;
}
const BLANK_LINE = /(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)/g;

/** Scans one chunk (`from` is its offset in the text), adding what it finds to `evidence`. */
function scanChunk(raw: string, from: number, evidence: Evidence): void {
  inlineMarkers(raw, evidence, from);
  const normal = normalise(raw);
  // The normalised chunk has the raw chunk's lines: a place is named by the start of its raw line.
  let normalStarts: number[] | undefined;
  let rawStarts: number[] | undefined;
  const mark = (at: number) => {
    normalStarts ??= lineStarts(normal);
    rawStarts ??= lineStarts(raw);
    evidence.place(from + rawStarts[lineNumber(normalStarts, at)]!);
  };
  scan(normal, evidence, mark);
  if (evidence.done()) return;
  // A hard line break reads as nothing in mdast's text (`Situ\⏎ation`): read those lines joined too.
  for (const joined of hardBreakJoins(normal)) {
    scan(joined.text, evidence, () => mark(joined.at));
    if (evidence.done()) return;
  }
}

/** `interview-notes: true|false` in front matter (facts.ts NOTES_KEY), or anything like it. */
const SAYS_NOTES = /interview-notes/i;

/**
 * What the scan found: the required parts a label may name, how many titles may be behavioural, and
 * where (offsets of the raw text).
 */
class Evidence {
  readonly parts = new Set<StarPart>();
  titles = 0;
  tooMany = false;
  private readonly places: number[] = [];

  enough(): boolean {
    return this.parts.size >= 2 || this.titles >= 2;
  }

  /**
   * Nothing more to learn: too many places to name and enough evidence (the answer is
   * 'everywhere'). With too many places but not enough evidence the scan goes on: a later label may
   * still name a second part.
   */
  done(): boolean {
    return this.tooMany && this.enough();
  }

  place(at: number): void {
    if (this.places.length >= MAX_PLACES) this.tooMany = true;
    else this.places.push(at);
  }

  /** The offsets where evidence is, sorted. */
  offsets(): number[] {
    return this.places.slice().sort((a, b) => a - b);
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  // The breaks found by a pattern: a loop over every character was a tenth of the scan.
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** The number of the line holding `at`, given the lines' starts. */
function lineNumber(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The decision of readGlobals on the facts of the sections that hold `offsets` (every other section
 * holds no label and no title, by the scan): notes when their labels name two required parts, or two
 * of their headings or question lines are behavioural titles each followed by a narrative, with no
 * STAR definition (which only a label makes) among them. A narrative may stand in a section without a
 * place: the sections after a title are read until it has its narrative or is closed.
 */
function* candidatesMayBeNotes(text: string, offsets: readonly number[], read?: Map<string, SectionFacts>): Generator<void, boolean, void> {
  const starts = (yield* scanSectionsInSteps(text)).starts;
  const parsed = new Map<number, SectionFacts>();
  const readAt = (i: number): SectionFacts => {
    const slice = text.slice(starts[i]!, starts[i + 1] ?? text.length);
    const facts = readSection(slice);
    read?.set(slice, facts);
    parsed.set(i, facts);
    return facts;
  };
  const parts = new Set<StarPart>();
  let titles = 0;
  let definitions = false;
  let section = -1;
  for (const at of offsets) {
    let i = section < 0 ? 0 : section;
    while (i + 1 < starts.length && starts[i + 1]! <= at) i++;
    if (i === section) continue;
    if (section >= 0) yield;
    section = i;
    for (const f of readAt(i).facts) {
      if (f.kind === 'notes') return true;
      if (f.kind === 'label') for (const p of f.parts) parts.add(p);
      else if (f.kind === 'heading' && f.star) for (const p of f.star.parts) parts.add(p);
      else if (f.kind === 'heading' && f.text !== '' && isBehaviouralTitle(f.text)) titles++;
      else if (f.kind === 'bold' && (f.question || (f.story && isBehaviouralTitle(f.title)))) titles++;
      else if (isDefinition(f)) definitions = true;
    }
    if (REQUIRED_PARTS.filter((p) => parts.has(p)).length >= 2) return true;
  }
  if (titles < 2 || definitions) return false;
  const prose = new ProseStories<Fact>();
  for (let i = 0; i < starts.length && prose.found.length < 2; i++) {
    let facts = parsed.get(i);
    if (!facts) {
      if (!prose.waiting) continue;
      yield;
      facts = readAt(i);
    }
    for (const f of facts.facts) prose.take(f);
  }
  return prose.found.length >= 2;
}

// ---- Normalising ---------------------------------------------------------------------------------

/** Emphasis, code and link brackets: mdast's text has none of them (`**Sit*u*ation**` reads `Situation`). */
const DROPPED = /[*_`[\]]/g;
/** A line break (\r\n as one), for walking lines (lineStarts, titleLines; neither calls the other). */
const LINE_BREAK = /\r\n?|\n/g;

function normalise(text: string): string {
  const decoded = text.includes('&') || text.includes('\\') ? decodeLines(text) : text;
  return decoded.replace(DROPPED, '');
}

/**
 * Character references and escapes decoded line by line, a decoded line break read as `|` (a place's
 * end, as a line's end is; it starts no line of Markdown): the lines stay the raw text's lines.
 */
function decodeLines(text: string): string {
  const out: string[] = [];
  let done = 0;
  DECODABLE.lastIndex = 0;
  for (let m = DECODABLE.exec(text); m; m = DECODABLE.exec(text)) {
    const start = lineStartAt(text, m.index);
    const end = lineEndAt(text, m.index);
    out.push(text.slice(done, start), decodeString(text.slice(start, end)).replace(/[\r\n]/g, '|'));
    done = end;
    DECODABLE.lastIndex = end;
  }
  out.push(text.slice(done));
  return out.join('');
}
const DECODABLE = /[&\\]/g;

const HARD_BREAK = /(?:\\|[ \t]{2,})(?:\r\n?|\n)[ \t]*/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);

/** The lines a hard break between two word characters joins, joined, each with the offset it starts at. */
function hardBreakJoins(text: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  let lineStart = -1;
  let joined = '';
  let until = 0;
  for (const m of text.matchAll(HARD_BREAK)) {
    const end = m.index + m[0].length;
    if (!isWordChar(text[m.index - 1]) || !isWordChar(text[end])) continue;
    const sameLine = lineStart !== -1 && !/[\r\n]/.test(text.slice(until, m.index));
    if (!sameLine) {
      if (lineStart !== -1) out.push({ at: lineStart, text: joined + lineAfter(text, until) });
      lineStart = lineStartAt(text, m.index);
      joined = text.slice(lineStart, m.index);
    } else joined += text.slice(until, m.index);
    until = end;
  }
  if (lineStart !== -1) out.push({ at: lineStart, text: joined + lineAfter(text, until) });
  return out;
}

/** From `at` to the end of its line. */
function lineAfter(text: string, at: number): string {
  return text.slice(at, lineEndAt(text, at));
}

function lineEndAt(text: string, at: number): number {
  let i = at;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

/**
 * The text in lower case with its offsets kept, for matching without the case-insensitive flag (much
 * faster on a large text). `İ` is the one letter whose lower case is longer; it matches no label word
 * case-insensitively either, so it may become anything of one character.
 */
function lowerCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/\u0130/g, 'I').toLowerCase();
}

// ---- Places --------------------------------------------------------------------------------------

/** Where a label's or a title's text may start: a line, a table cell, the text after an HTML tag. */
const BOUNDARY = new Set(['\n', '\r', '|', '<', '>'].map((c) => c.charCodeAt(0)));

/** One decoration (DECORATION_RE without its repetition): emoji, bullets, done marks, mis-encoded ones. */
const DECORATION = DECORATION_RE.source.replace(/^\^/, '').replace(/\+$/, '');
/**
 * Markup before a label or title: container and list markers, heading marks, escapes, a link's
 * destination `(…)`, decoration. Alternatives in this order so that the greedy match runs as far as
 * any could (a group before its parenthesis, a decoration before its characters).
 */
const PREFIX = new RegExp(`(?:\\([^()\\r\\n]*\\)|${DECORATION}|[\\s>#+\\-=|~:.,;)(!\\\\/0-9•·–—])*`, 'uy');

/** What may follow a label word: the end of its line, cell or tag, a separator, a parenthesis, `&`, `/`. */
// What may follow a label word: after spaces and decoration, the end of its line, cell or tag, a
// separator, a parenthesis, `&`, `/`; a letter, the same but `&` and `/` (`S:`, `**A**`, `| T |`,
// `R (Result)`, `S - …`). The run is matched greedily (it can never fail, so nothing backtracks
// into its overlapping alternatives); a separator inside it or just after it counts.
const AFTER_RUN = new RegExp(`(?:[ \\t#\\\\]|${DECORATION})*`, 'uy');
const AFTER_LABEL = /[\r\n|<>:：(（\-–—&/]/;
const AFTER_LETTER = /[\r\n|<>:：(（\-–—]/;

function follows(text: string, at: number, separator: RegExp): boolean {
  AFTER_RUN.lastIndex = at;
  AFTER_RUN.exec(text);
  const end = AFTER_RUN.lastIndex;
  return end >= text.length || separator.test(text.slice(at, end + 1));
}
const END_OF_PLACE = '(?=[ \\t]*(?:[\\r\\n|<>]|$))';

/** The words of the required parts (every vocabulary), longest first. */
const PART_OF_WORD = new Map<string, Set<StarPart>>();
for (const v of VOCABULARIES) {
  for (const [part, words] of Object.entries(v.words) as [StarPart, readonly string[]][]) {
    if (!REQUIRED_PARTS.includes(part)) continue;
    for (const w of words) {
      const parts = PART_OF_WORD.get(w) ?? new Set<StarPart>();
      parts.add(part);
      PART_OF_WORD.set(w, parts);
    }
  }
}

/** A phrase's later words may stand on the next line (a setext heading reads them joined). */
function phrasePattern(phrase: string): string {
  const words = phrase.split(' ').map(escapeRegExp);
  let tail = '';
  for (let i = words.length - 1; i >= 1; i--) tail = `(?:\\s+${words[i]}${tail}|${END_OF_PLACE})`;
  return words[0] + tail;
}
const PHRASES = [...PART_OF_WORD.keys()].sort((a, b) => b.length - a.length).map(phrasePattern).join('|');
// On the lower-case text, without the `u` flag's slower matching: the letters around a hit are
// checked apart (startsWord, endsWord).
const LABEL_WORD = new RegExp(PHRASES, 'g');
const LABEL_WORD_AT = new RegExp(PHRASES, 'y');
/**
 * How the phrases start: the first two characters of each one's first word (the character alone for
 * a one-character word). A place whose text starts otherwise holds no phrase there, so the
 * alternation of every phrase in every language is not tried at it (most places: a fifth of the
 * scan's time over node_modules READMEs).
 */
const SECOND_AFTER = new Map<number, Set<number>>();
const ONE_CHARACTER = new Set<number>();
for (const phrase of PART_OF_WORD.keys()) {
  const word = phrase.split(' ')[0]!;
  if (word.length < 2) ONE_CHARACTER.add(word.charCodeAt(0));
  else {
    const seconds = SECOND_AFTER.get(word.charCodeAt(0)) ?? new Set<number>();
    seconds.add(word.charCodeAt(1));
    SECOND_AFTER.set(word.charCodeAt(0), seconds);
  }
}
const mayStartPhrase = (lower: string, at: number): boolean => {
  const first = lower.charCodeAt(at);
  return ONE_CHARACTER.has(first) || SECOND_AFTER.get(first)?.has(lower.charCodeAt(at + 1)) === true;
};
const SLASH = /[ \t]*\/[ \t]*/y;
const LABEL_LETTER = /(?<![\p{L}\p{N}])[STARL](?![\p{L}\p{N}])/gu;

/**
 * `(S) … (T) …` markers in a paragraph (facts.ts inlineLabels), read off the raw text as there.
 * The reader sees a paragraph's text without its container markers, so a marker right after a
 * block quote's `>` (`>(ST) x`, no space needed) opens the paragraph there: `>` counts as before one.
 */
const INLINE_MARKER = /(?:^|[\s.!?:;>])\((S|T|A|R|L|ST|S\/T|TA|AR)\)(?=\s|\p{L})/gu;

function inlineMarkers(text: string, evidence: Evidence, from: number): void {
  if (!text.includes('(')) return;
  for (const m of text.matchAll(INLINE_MARKER)) {
    for (const letter of m[1]!.replace('/', '')) addPart(evidence, LETTERS[letter.toLowerCase()]!);
    // The marker's own offset, not the space before it: that may end the section before it.
    evidence.place(from + m.index + m[0].indexOf('('));
    if (evidence.done()) return;
  }
}

function addPart(evidence: Evidence, part: StarPart): void {
  if (REQUIRED_PARTS.includes(part)) evidence.parts.add(part);
}

/** Finds where places start and how far their leading markup runs, each place once. */
class Places {
  private lastHit = -1;
  private start = 0;
  private markupEnd = 0;

  constructor(private readonly text: string) {}

  /** The start of the place holding `at` (hits come in increasing order, so the walk back is linear). */
  startOf(at: number): number {
    let i = at - 1;
    const floor = this.lastHit;
    while (i > floor && !BOUNDARY.has(this.text.charCodeAt(i))) i--;
    this.lastHit = at;
    // A boundary since the last hit (or the first hit): a new place, from just after it.
    if (i > floor || floor === -1) {
      this.start = i + 1;
      PREFIX.lastIndex = this.start;
      PREFIX.exec(this.text);
      this.markupEnd = PREFIX.lastIndex;
    }
    return this.start;
  }

  /** Where the markup at the start of the current place ends. */
  get textStart(): number {
    return this.markupEnd;
  }

  endOf(at: number): number {
    let i = at;
    while (i < this.text.length && !BOUNDARY.has(this.text.charCodeAt(i))) i++;
    return i;
  }
}

/** Marks the place of a piece of evidence found at an offset of the scanned text. */
type Mark = (at: number) => void;

function scan(text: string, evidence: Evidence, mark: Mark): void {
  const lower = lowerCase(text);
  labelWords(text, lower, evidence, mark);
  if (!evidence.done()) labelLetters(text, evidence, mark);
  if (!evidence.done()) titles(text, lower, evidence, mark);
}

const startsWord = (text: string, at: number) => !isWordChar(text[at - 1]);
const endsWord = (text: string, at: number) => !isWordChar(text[at]);

/**
 * A label word at the start of a place (or within its leading markup: a link's destination), followed
 * by what may follow a label (and `A/B` pairs). The places are walked and the words tried where a
 * place's text starts: a search of the whole text for the words was most of the scan's time.
 */
function labelWords(text: string, lower: string, evidence: Evidence, mark: Mark): void {
  // The boundaries found by a pattern, not a character at a time: most of the text is none.
  NEXT_BOUNDARY.lastIndex = 0;
  for (let start = 0; ; ) {
    const boundary = NEXT_BOUNDARY.exec(text);
    const end = boundary ? boundary.index : text.length;
    if (end > start && labelWordsInPlace(text, lower, start, end, evidence, mark)) return;
    if (!boundary) return;
    start = end + 1;
  }
}
/** The next BOUNDARY character. */
const NEXT_BOUNDARY = /[\n\r|<>]/g;

/**
 * The place [start, end) (`text[end]` a boundary, or the text's end): its leading markup is read on
 * the place alone, so a long run of blank lines costs its length, not its square. Where the markup
 * reaches the place's end (and would run on in the whole text, as Places reads it), or may hold a
 * word, the place is searched whole. True when the scan is done.
 */
function labelWordsInPlace(text: string, lower: string, start: number, end: number, evidence: Evidence, mark: Mark): boolean {
  let textStart = start;
  // No markup starts with an ASCII letter (nor does a mis-encoded mark): most places.
  if (!isAsciiLetter(text.charCodeAt(start))) {
    const markup = PREFIX_FROM_START.exec(text.slice(start, end))![0];
    textStart = start + markup.length;
    // PREFIX takes every boundary but `<`: markup up to another boundary runs on.
    const runsOn = textStart === end && end < text.length && text.charCodeAt(end) !== LT_CHAR;
    if (runsOn || MAY_HOLD_WORDS.test(markup)) {
      // As many hits as a search of the place finds: any of them may be inside its markup.
      const inPlace = lower.slice(start, end);
      LABEL_WORD.lastIndex = 0;
      for (let m = LABEL_WORD.exec(inPlace); m; m = LABEL_WORD.exec(inPlace)) {
        if (labelWordAt(text, lower, start + m.index, m[0], evidence, mark)) return true;
      }
      return false;
    }
  }
  if (!startsWord(text, textStart) || !mayStartPhrase(lower, textStart)) return false;
  LABEL_WORD_AT.lastIndex = textStart;
  const m = LABEL_WORD_AT.exec(lower);
  return m !== null && labelWordAt(text, lower, textStart, m[0], evidence, mark);
}

/** A label word matched at `at`: its parts, if what follows may follow a label. True when the scan is done. */
function labelWordAt(text: string, lower: string, at: number, matched: string, evidence: Evidence, mark: Mark): boolean {
  let end = at + matched.length;
  if (!startsWord(text, at) || !endsWord(text, end)) return false;
  let word = matched;
  for (let pairs = 0; ; pairs++) {
    if (!follows(text, end, AFTER_LABEL)) return false;
    for (const part of PART_OF_WORD.get(firstWords(word)) ?? []) addPart(evidence, part);
    if (pairs === 0) mark(at);
    if (evidence.done()) return true;
    if (pairs >= 3) return false;
    SLASH.lastIndex = end;
    if (!SLASH.test(text)) return false;
    LABEL_WORD_AT.lastIndex = SLASH.lastIndex;
    const next = LABEL_WORD_AT.exec(lower);
    if (!next || !endsWord(text, next.index + next[0].length)) return false;
    end = next.index + next[0].length;
    word = next[0];
  }
}

const PREFIX_FROM_START = new RegExp(PREFIX.source, 'u');
const LT_CHAR = 60;
/** Markup in which a word may start: a `(…)` group, a letter (of a mis-encoded mark). */
const MAY_HOLD_WORDS = /[(\p{L}]/u;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The phrase a match names: its words with single spaces, lower case. */
function firstWords(match: string): string {
  const words = match.toLowerCase().split(/\s+/);
  for (let n = words.length; n > 0; n--) {
    const phrase = words.slice(0, n).join(' ');
    if (PART_OF_WORD.has(phrase)) return phrase;
  }
  // A phrase cut at the end of its line (`What` of `What I did`): every phrase it may begin.
  for (const phrase of PART_OF_WORD.keys()) if (phrase.startsWith(words.join(' ') + ' ')) return phrase;
  return words.join(' ');
}

function labelLetters(text: string, evidence: Evidence, mark: Mark): void {
  const places = new Places(text);
  for (const m of text.matchAll(LABEL_LETTER)) {
    places.startOf(m.index);
    if (places.textStart < m.index) continue;
    if (!follows(text, m.index + 1, AFTER_LETTER)) continue;
    addPart(evidence, LETTERS[m[0].toLowerCase()]!);
    mark(m.index);
    if (evidence.done()) return;
  }
}

/** A question's start anywhere or a competency: where a behavioural title may be (lower case, no flags but `g`). */
const TITLE_TRIGGER = new RegExp(`${QUESTION_START.source.replace(/^\^/, '')}|${COMPETENCY.source}`, 'g');
const DONE_MARK = new RegExp(DONE_MARKS.map(escapeRegExp).join('|'), 'gu');
const GROUP = /\([^()\r\n]*\)/g;

/** Words that hold a letter or digit: never more than a title's own words (isBehaviouralTitle counts all). */
function wordsAtLeast(text: string): number {
  let n = 0;
  for (const w of text.replace(DONE_MARK, ' ').replace(GROUP, ' ').split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) n++;
  return n;
}

/**
 * Places whose text may be a behavioural title: one that asks a question from its start, or one short
 * enough to name a competency (one word of slack for a `Q1:` numbering, which the title drops).
 */
function titles(text: string, lower: string, evidence: Evidence, mark: Mark): void {
  const places = new Places(text);
  let counted = -1;
  for (const line of titleLines(text)) {
    // On the line alone: a search from an offset of the whole text would run past the line's end.
    // exec, not matchAll, which builds a new regular expression per call (most of the pass's time).
    const lineText = lower.slice(line.start, line.end);
    TITLE_TRIGGER.lastIndex = 0;
    for (let m = TITLE_TRIGGER.exec(lineText); m; m = TITLE_TRIGGER.exec(lineText)) {
      if (m[0] === '') TITLE_TRIGGER.lastIndex++;
      const at = line.start + m.index;
      const start = places.startOf(at);
      if (start === counted) continue;
      const title = text.slice(places.textStart, places.endOf(at));
      if (isBehaviouralTitle(title) || wordsAtLeast(title) <= COMPETENCY_TITLE_WORDS + 1) {
        counted = start;
        evidence.titles++;
        mark(at);
        if (evidence.done()) return;
      }
    }
  }
}

/**
 * An ATX heading or an ordered item's line (after block quote and list markers), and a setext
 * heading's underline. Titles are read only there (and in story tables, which need label words in
 * their header, and `<summary>`, read apart).
 */
const HEADING_OR_ITEM_LINE = /^[ \t>]*(?:(?:[-+]|\d{1,9}[.)])[ \t]+[ \t>]*)*(?:#{1,6}|\d{1,9}[.)])(?:[ \t]|$)/;
const UNDERLINE = /^[ \t>]*(?:=+|-+)[ \t]*$/;
const UNDERLINE_OR_BLANK = /^[ \t>]*(?:=+|-+)?[ \t]*$/;

/** Whether a line starting with `c` may be a heading, a list item or an underline (`[ \t>#=+\-0-9]`). */
const mayOpenTitleLine = (c: number) => c === 32 || c === 9 || c === 62 || c === 35 || c === 61 || c === 43 || c === 45 || (c >= 48 && c <= 57);

/**
 * The lines that may hold a title, in order, each once: [start, end) offsets. Walked a line at a
 * time, the patterns tried only on lines that start as they must (a pattern with the `m` flag tried
 * every offset of the text: a tenth of the scan's time over node_modules READMEs). Lines break at
 * \r and \n only, as Markdown's do.
 */
function titleLines(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  const underlines: number[] = [];
  LINE_BREAK.lastIndex = 0;
  for (let start = 0; ; ) {
    const lineBreak = LINE_BREAK.exec(text);
    const end = lineBreak ? lineBreak.index : text.length;
    if (end > start && mayOpenTitleLine(text.charCodeAt(start))) {
      const line = text.slice(start, end);
      if (HEADING_OR_ITEM_LINE.test(line)) lines.push({ start, end });
      if (UNDERLINE.test(line)) underlines.push(start);
    }
    if (!lineBreak) break;
    start = end + lineBreak[0].length;
  }
  for (const at of underlines) {
    // A setext heading's text: the lines back to a blank line or an earlier underline (which ends
    // a paragraph; stopping there also keeps the walk linear).
    for (let line = previousLine(text, at); line; line = previousLine(text, line.start)) {
      if (UNDERLINE_OR_BLANK.test(text.slice(line.start, line.end))) break;
      lines.push(line);
    }
  }
  lines.sort((a, b) => a.start - b.start);
  return lines.filter((l, i) => i === 0 || l.start !== lines[i - 1]!.start);
}

function previousLine(text: string, lineStart: number): { start: number; end: number } | undefined {
  if (lineStart === 0) return undefined;
  let end = lineStart - 1;
  if (text[end] === '\n' && text[end - 1] === '\r') end--;
  return { start: lineStartAt(text, end), end };
}

function lineStartAt(text: string, at: number): number {
  let i = at;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

/** `<summary>` titles, read as html-block.ts reads them: tags dropped, white space joined. */
const SUMMARY_OPEN = /<summary\b[^>]*>/gi;
const SUMMARY_CLOSE = /<\/summary\s*>/gi;

function summaryTitles(text: string, evidence: Evidence): void {
  if (!/<summary\b/i.test(text)) return;
  for (const open of text.matchAll(SUMMARY_OPEN)) {
    const from = open.index + open[0].length;
    SUMMARY_CLOSE.lastIndex = from;
    const close = SUMMARY_CLOSE.exec(text);
    if (!close) return;
    const title = decodeString(text.slice(from, close.index).replace(/<[^<>]*>/g, '')).replace(/\s+/g, ' ').trim();
    if (!isBehaviouralTitle(title)) continue;
    evidence.titles++;
    evidence.place(open.index);
    if (evidence.done()) return;
  }
}
