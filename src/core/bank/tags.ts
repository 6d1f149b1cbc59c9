// Competency tags of a story, read from the styles people already use:
//   - a label line in the story: `- **Tags**: ownership, dive deep` (LP, Competencies, Best for, …,
//     and the same words in the languages the reader reads);
//   - `#hashtags` in the story's prose (never in code, links, HTML, or `#123`);
//   - front matter `tags:` (a YAML list or a comma string), for every story of the file;
//   - a category whose title names a competency (`## Ownership`), unless `fromCategory` is off.
// A 🔸 note that names a known competency is a suggested tag, with the span of the note.

import { bomLength } from '../markdown-lines.js';
import type { Span, TextEdit } from '../model.js';
import { DEFAULT_FRAMEWORKS, closestCompetency, normaliseTag, phraseOf, phrases, resolveTag, type CompetencyRef, type Framework } from './frameworks.js';
import { inside, nestedSpans, readProse, type Prose } from './prose.js';

export type TagSource = 'label' | 'hashtag' | 'front-matter' | 'category';

export interface Tag {
  /** As written (`dive deep`, `#DiveDeep` without the `#`). */
  raw: string;
  /** The normalised key (`divedeep`), the same for every spelling. */
  key: string;
  /** The competencies it names, one per framework that knows it; empty when none does. */
  competencies: CompetencyRef[];
  source: TagSource;
  /** Where it is written (absent for a category without a heading). */
  span?: Span;
  /** For a label tag: the label word, lower case (`lp`, `tags`), so a rule can tell a competency list from free keywords. */
  label?: string;
}

export interface SuggestedTag {
  raw: string;
  key: string;
  competencies: CompetencyRef[];
  /** The 🔸 note, from the mark to the end of its line: what a quick fix turns into a real tag. */
  span: Span;
}

export interface StoryTags {
  /** Distinct by key, in the order: label, hashtags, front matter, category. */
  tags: Tag[];
  suggested: SuggestedTag[];
  /** Tags no framework knows (labels and front matter; hashtags only when close to a known name). */
  unknown: Tag[];
  /** The label line the tags were read from, for fixes that add a tag to it. */
  labelLine?: Span;
}

/** What tags.ts needs of a story: the model's `Story` fits. */
export interface StoryLike {
  span: Span;
  heading: Span;
  stories: readonly StoryLike[];
  /** The 🔸 marks the reader found (the model's `highlights`); scanned for when absent. */
  highlights?: readonly Span[];
}

export interface TagOptions {
  frameworks?: readonly Framework[];
  /** Whether a category title naming a competency tags its stories (default true). */
  fromCategory?: boolean;
  /** The category the story is in (`title` null for stories under no category). */
  category?: { title: string | null; heading?: Span };
  /** The file's front matter, as `frontMatterOf` finds it. */
  frontMatter?: FrontMatter;
  /** The story's prose (`readProse(text, story.span, nestedSpans(story))`) when the caller has parsed it already. */
  prose?: Prose;
}

// The words of a tag label, lower case. Localised as the STAR labels are.
export const LABEL_WORDS = [
  // English
  'tags', 'tag', 'lp', 'lps', 'leadership principles', 'leadership principle', 'competencies', 'competency', 'keywords', 'keyword', 'best for', 'good for', 'themes', 'theme', 'skills',
  // German
  'schlagwörter', 'schlagworte', 'stichwörter', 'kompetenzen', 'kompetenz', 'themen',
  // Spanish, Portuguese
  'etiquetas', 'competencias', 'competencia', 'temas', 'palabras clave', 'competências', 'competência', 'palavras-chave', 'palavras chave',
  // French
  'étiquettes', 'compétences', 'compétence', 'thèmes', 'mots-clés', 'mots clés',
  // Italian
  'etichette', 'competenze', 'competenza', 'temi', 'parole chiave',
  // Dutch
  'trefwoorden', 'competenties', 'competentie', "thema's",
  // Chinese, Japanese, Korean
  '标签', '標籤', '能力', '胜任力', '关键词', '關鍵詞', 'タグ', 'コンピテンシー', 'キーワード', '태그', '역량', '키워드',
  // Russian
  'теги', 'метки', 'компетенции', 'компетенция', 'ключевые слова',
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EMPHASIS = '(?:\\*\\*|__|\\*|_)?';
const LABEL_LINE_RE = new RegExp(
  // Each run of blanks is followed by something that is not a blank (a marker, emphasis, the word):
  // three optional blank runs side by side made a deeply indented line cubic to reject.
  `^([ \\t>]*(?:(?:[-*+]|\\d{1,3}[.)])[ \\t]*)?(?:(?:\\*\\*|__|\\*|_)[ \\t]*)?(${[...LABEL_WORDS].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})` +
    `(?:[ \\t]*${EMPHASIS}[ \\t]*[:：]|[ \\t]*[:：][ \\t]*${EMPHASIS})[ \\t]*)(.*)$`,
  'iu',
);

// A `#` that starts a tag: after a space or the start, not in a word, a URL, an entity, `[[#…]]` or
// `{#id}`; then a letter (so `#1`, `#123` are numbers, not tags).
const HASHTAG_RE = /(?<![\p{L}\p{N}_&/\\#[{=])#(\p{L}[\p{L}\p{N}_-]*)/gu;
const HIGHLIGHT_RE = /\u{1F538}/gu;

const ITEM_SEPARATORS = /[,;、，；|]| \/ /;
const ONLY_HASHTAGS = /^\s*#\S+(?:\s+#\S+)+\s*$/u;

/** The words of a tag value that are decoration, not the name. */
function cleanItem(item: string): string {
  return item
    .replace(/^[\s*_`"'“”‘’[\]#]+|[\s*_`"'“”‘’[\].!]+$/gu, '')
    .replace(/\s*[(（][^)）]*[)）]\s*$/u, '') // `Ownership (primary)`
    .trim();
}

export interface TagItem {
  raw: string;
  span: Span;
}

/** Items of a tag value at `offset`: split on commas (and the like), or on spaces between `#tags`. */
function splitItems(value: string, offset: number): TagItem[] {
  const pieces: { text: string; at: number }[] = [];
  const splitter = ITEM_SEPARATORS.test(value) ? new RegExp(ITEM_SEPARATORS.source, 'g') : ONLY_HASHTAGS.test(value) ? /\s+/g : undefined;
  if (!splitter) pieces.push({ text: value, at: 0 });
  else {
    let at = 0;
    for (const m of value.matchAll(splitter)) {
      pieces.push({ text: value.slice(at, m.index), at });
      at = m.index + m[0].length;
    }
    pieces.push({ text: value.slice(at), at });
  }
  const items: TagItem[] = [];
  for (const piece of pieces) {
    const raw = cleanItem(piece.text);
    if (!raw) continue;
    const within = piece.text.indexOf(raw);
    const start = offset + piece.at + Math.max(0, within);
    items.push({ raw, span: { start, end: start + raw.length } });
  }
  return items;
}

interface Line extends Span {
  text: string;
}

function linesOf(text: string, span: Span): Line[] {
  const lines: Line[] = [];
  let start = span.start;
  while (start < span.end) {
    let end = start;
    while (end < span.end && text[end] !== '\n' && text[end] !== '\r') end++;
    lines.push({ start, end, text: text.slice(start, end) });
    start = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
  }
  return lines;
}

const makeTag = (raw: string, source: TagSource, span: Span | undefined, frameworks: readonly Framework[]): Tag => ({
  raw,
  key: normaliseTag(raw),
  competencies: resolveTag(raw, frameworks),
  source,
  ...(span ? { span } : {}),
});

/** The label lines of the story's own text (not its sub-stories', not in code). */
function labelLines(text: string, story: StoryLike, skip: readonly Span[]): { line: Span; label: string; items: TagItem[] }[] {
  const found: { line: Span; label: string; items: TagItem[] }[] = [];
  for (const line of linesOf(text, { start: story.heading.end, end: story.span.end })) {
    if (inside(line.start, skip)) continue;
    const m = LABEL_LINE_RE.exec(line.text);
    if (!m) continue;
    const items = splitItems(m[3]!, line.start + m[1]!.length);
    if (items.length > 0) found.push({ line: { start: line.start, end: line.end }, label: m[2]!.toLowerCase(), items });
  }
  return found;
}

/** The front matter of a file: the YAML between `---` lines at its very start. */
export interface FrontMatter {
  /** The YAML, without the fences. */
  span: Span;
}

export function frontMatterOf(text: string): FrontMatter | undefined {
  const bom = bomLength(text);
  const open = /^---[ \t]*\r?\n/.exec(text.slice(bom, bom + 8));
  if (!open) return undefined;
  const start = bom + open[0].length;
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(text.slice(start));
  if (!close) return undefined;
  return { span: { start, end: start + close.index } };
}

/**
 * The `tags:` of the front matter (also `competencies:`): `tags: [a, b]`, `tags: a, b`, or a block
 * list of `- a` lines. A reading of this one key rather than a YAML parser: the project ships no YAML
 * library, and these three forms are what notes apps write (Obsidian, Jekyll, Hugo).
 */
export function frontMatterTags(text: string, frontMatter: FrontMatter | undefined): TagItem[] {
  if (!frontMatter) return [];
  const lines = linesOf(text, frontMatter.span);
  const items: TagItem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const key = /^(?:tags|tag|competencies|keywords)[ \t]*:[ \t]*/i.exec(lines[i]!.text);
    if (!key) continue;
    const rest = lines[i]!.text.slice(key[0].length).replace(/[ \t]+#.*$/, '');
    const at = lines[i]!.start + key[0].length;
    if (rest.trim()) {
      const inner = /^\s*\[(.*)\]\s*$/.exec(rest);
      if (inner) items.push(...splitItems(inner[1]!, at + rest.indexOf('[') + 1));
      else items.push(...splitItems(rest, at));
      continue;
    }
    for (let j = i + 1; j < lines.length; j++) {
      const entry = /^([ \t]*-[ \t]+)(.*)$/.exec(lines[j]!.text);
      if (!entry) {
        if (/^\s*$/.test(lines[j]!.text)) continue;
        break;
      }
      items.push(...splitItems(entry[2]!.replace(/[ \t]+#.*$/, ''), lines[j]!.start + entry[1]!.length));
    }
  }
  return items;
}

// Words around a competency in a category title: `Handling conflict`, `Leadership stories`, and a
// tail that qualifies the name (`Learning Quickly`) or a title cut short (`Disagreements and`).
const TITLE_TAIL = /\s+(?:and|&|or|und|y|et|e|\p{L}{3,}ly)$/iu;
const TITLE_FILLER = /^(?:handling|dealing with|stories about|questions about|examples of|tell me about a time (?:when )?(?:you )?)\s+|\s+(?:stories|story|questions|examples)$/iu;

/** The competencies a category title names: the whole title, or one of its parts (`Conflict / Influence`). */
export function categoryCompetencies(title: string, frameworks: readonly Framework[] = DEFAULT_FRAMEWORKS): { raw: string; competencies: CompetencyRef[] }[] {
  const cleaned = title
    .replace(/^[\p{Extended_Pictographic}\uFE0F\s]*(?:[A-Za-z]|\d{1,3})[.):]\s+/u, '') // `A. `, `2) `
    .replace(/^\d{1,3}\s+/, '')
    .trim();
  const tryOne = (raw: string) => {
    const plain = raw.trim().replace(TITLE_FILLER, '').replace(TITLE_TAIL, '').trim();
    const competencies = resolveTag(plain, frameworks);
    return competencies.length ? [{ raw: plain, competencies }] : [];
  };
  const whole = tryOne(cleaned);
  if (whole.length) return whole;
  return cleaned.split(/\s*(?:[/&|,，、·]|\s[-–—]\s|\(|\))\s*/u).filter(Boolean).flatMap(tryOne);
}

// Words of a 🔸 note too loose to suggest a tag on their own (`the customer asked …`).
const LOOSE_PHRASES = new Set(['customer', 'pressure', 'stress', 'deadline', 'deadlines', 'growth', 'retour', 'retorno', 'backbone', 'leading', 'responsibility', 'mistake', 'mistakes', 'coaching', 'feedback', 'learning', 'co']);

function suggestionsIn(text: string, note: Span, frameworks: readonly Framework[]): SuggestedTag[] {
  const sentence = ` ${phraseOf(text.slice(note.start, note.end))} `;
  const found = new Map<string, SuggestedTag>();
  for (const { phrase, competency } of phrases(frameworks)) {
    if (LOOSE_PHRASES.has(phrase)) continue;
    const spaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(phrase) ? sentence.includes(phrase) : sentence.includes(` ${phrase} `);
    if (!spaced) continue;
    const key = normaliseTag(phrase);
    const entry = found.get(competency.framework + ':' + competency.id);
    if (!entry) found.set(competency.framework + ':' + competency.id, { raw: phrase, key, competencies: [competency], span: note });
  }
  // One suggestion per phrase, carrying every framework's competency of that name.
  const byKey = new Map<string, SuggestedTag>();
  for (const s of found.values()) {
    const merged = byKey.get(s.key);
    if (merged) merged.competencies.push(...s.competencies);
    else byKey.set(s.key, { ...s, competencies: [...s.competencies] });
  }
  // A longer phrase wins over one inside it (`disagree and commit` over `commit`-like overlaps).
  const all = [...byKey.values()];
  return all.filter((s) => !all.some((o) => o !== s && o.key.length > s.key.length && o.key.includes(s.key)));
}

function highlightMarks(text: string, story: StoryLike, skip: readonly Span[]): Span[] {
  if (story.highlights) return story.highlights.filter((h) => !inside(h.start, skip));
  const marks: Span[] = [];
  const body = text.slice(story.span.start, story.span.end);
  for (const m of body.matchAll(HIGHLIGHT_RE)) {
    const start = story.span.start + m.index;
    if (!inside(start, skip)) marks.push({ start, end: start + m[0].length });
  }
  return marks;
}

/** The end of the line holding `offset`, trailing spaces left out. */
function noteEnd(text: string, offset: number, limit: number): number {
  let end = offset;
  while (end < limit && text[end] !== '\n' && text[end] !== '\r') end++;
  while (end > offset && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** A competency's name as a hashtag: `Dive Deep` → `#DiveDeep`, `customer focus` → `#customerFocus`. */
export const hashtagOf = (name: string): string => '#' + name.replace(/[^\p{L}\p{N}]+(\p{L})?/gu, (_, c: string | undefined) => (c ? c.toUpperCase() : ''));

/** Where a tag is being typed: what completion replaces (from `start` in the line) and how it writes a name. */
export interface TagCompletion {
  kind: 'hashtag' | 'label';
  /** Offset in the line where the typed tag starts (at its `#` for a hashtag). */
  start: number;
  /** What is typed of it so far (without the `#`). */
  typed: string;
}

const TYPED_HASHTAG_RE = /(?<=\s)#([\p{L}\p{N}_-]*)$/u;

/**
 * Whether the text of a line up to the cursor is typing a tag: a `#` after a space in the text (not
 * a heading's), or an item of a tag label line (`- **Tags**: ownership, di`).
 */
export function tagCompletionAt(linePrefix: string): TagCompletion | undefined {
  const hash = TYPED_HASHTAG_RE.exec(linePrefix);
  if (hash && linePrefix.slice(0, hash.index).trim() !== '') return { kind: 'hashtag', start: hash.index, typed: hash[1]! };
  const label = LABEL_LINE_RE.exec(linePrefix);
  if (!label) return undefined;
  const value = label[3]!;
  const item = value.split(ITEM_SEPARATORS).pop()!.trimStart();
  return { kind: 'label', start: linePrefix.length - item.length, typed: item };
}

const LABEL_LINE_ANYWHERE_RE = new RegExp(LABEL_LINE_RE.source, 'imu');
const HASHTAG_ANYWHERE_RE = new RegExp(HASHTAG_RE.source, 'u');

/**
 * Whether a story's text after its heading may hold tags of its own (a label line or a hashtag):
 * a scan of the raw text, so that rules about a story's own tags need not parse the many stories
 * that have none. False means none; true means read them (`readStoryTags`).
 */
export function mayHaveOwnTags(text: string, story: { heading: Span; span: Span }): boolean {
  const own = text.slice(Math.max(0, story.heading.end), Math.min(text.length, story.span.end));
  return HASHTAG_ANYWHERE_RE.test(own) || LABEL_LINE_ANYWHERE_RE.test(own);
}

/** The tags of one story (its own text: a sub-story's tags are its own). */
export function readStoryTags(text: string, story: StoryLike, options: TagOptions = {}): StoryTags {
  const frameworks = options.frameworks ?? DEFAULT_FRAMEWORKS;
  const nested = nestedSpans(story);
  const own: Span = { start: Math.max(0, story.span.start), end: Math.min(text.length, story.span.end) };
  const prose = options.prose ?? readProse(text, own, nested);
  const skip = [...nested, ...prose.blocks];

  const candidates: Tag[] = [];
  const lines = labelLines(text, story, skip);
  for (const { items, label } of lines) for (const item of items) candidates.push({ ...makeTag(item.raw, 'label', item.span, frameworks), label });

  for (const run of prose.runs) {
    if (run.code || run.link) continue;
    const source = text.slice(run.start, run.end);
    for (const m of source.matchAll(HASHTAG_RE)) {
      const start = run.start + m.index;
      if (lines.some((l) => l.line.start <= start && start < l.line.end)) continue;
      const raw = m[1]!.replace(/[-_]+$/, '');
      candidates.push(makeTag(raw, 'hashtag', { start, end: start + 1 + raw.length }, frameworks));
    }
  }

  for (const item of frontMatterTags(text, options.frontMatter)) candidates.push(makeTag(item.raw, 'front-matter', item.span, frameworks));

  const category = options.category;
  if ((options.fromCategory ?? true) && category?.title) {
    for (const named of categoryCompetencies(category.title, frameworks)) {
      candidates.push({ raw: named.raw, key: normaliseTag(named.raw), competencies: named.competencies, source: 'category', ...(category.heading ? { span: category.heading } : {}) });
    }
  }

  const tags: Tag[] = [];
  const seen = new Set<string>();
  for (const tag of candidates) {
    // Two spellings of one competency are one tag: the key, or the first competency it resolves to.
    const identity = tag.competencies[0] ? `${tag.competencies[0].framework}:${tag.competencies[0].id}` : tag.key;
    if (!tag.key || seen.has(identity)) continue;
    seen.add(identity);
    tags.push(tag);
  }

  const unknown = tags.filter((t) => t.competencies.length === 0 && (t.source !== 'hashtag' || closestCompetency(t.raw, frameworks) !== undefined));

  const tagged = new Set(tags.flatMap((t) => t.competencies.map((c) => `${c.framework}:${c.id}`)));
  const suggested: SuggestedTag[] = [];
  for (const mark of highlightMarks(text, story, skip)) {
    const note: Span = { start: mark.start, end: noteEnd(text, mark.end, own.end) };
    for (const s of suggestionsIn(text, note, frameworks)) {
      if (s.competencies.every((c) => tagged.has(`${c.framework}:${c.id}`))) continue;
      if (suggested.some((o) => o.key === s.key)) continue;
      suggested.push(s);
    }
  }

  return { tags, suggested, unknown, ...(lines[0] ? { labelLine: lines[0].line } : {}) };
}

/**
 * The edit that adds the tag `name` to a story: appended to its tag label line, or a new
 * `- **Tags**: name` line after the heading. The quick fix of a suggested tag, and of completion.
 */
export function addTagEdit(text: string, story: StoryLike, tags: StoryTags, name: string): TextEdit {
  if (tags.labelLine) {
    let end = tags.labelLine.end;
    while (end > tags.labelLine.start && /\s/.test(text[end - 1]!)) end--;
    return { span: { start: end, end }, newText: `, ${name}` };
  }
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  let at = story.heading.end;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  return { span: { start: at, end: at }, newText: `${eol}- **Tags**: ${name}` };
}

/**
 * The front matter tags no framework knows, with their spans: reported once for the file (the
 * `unknown-tag` rule leaves them out of every story's findings).
 */
export function unknownFrontMatterTags(text: string, frameworks: readonly Framework[] = DEFAULT_FRAMEWORKS): Tag[] {
  return frontMatterTags(text, frontMatterOf(text))
    .map((item) => makeTag(item.raw, 'front-matter', item.span, frameworks))
    .filter((tag) => tag.key !== '' && tag.competencies.length === 0);
}
