// What one section of a document says, read off its mdast: headings, STAR labels, bold story lines,
// content, placeholders, highlights, silencing comments. Offsets are relative to the section's start
// so that a section's facts can be cached by its text and reused wherever the section moves.
// Only these facts are kept; the mdast tree is dropped as soon as they are read.

import type { Nodes, Parent, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { findMisencoded, misread, type MisencodedRun } from './encoding.js';
import { isPathological } from './pathological.js';

export { isPathological };
import type { LabelStyle, StarPart } from './model.js';
import { escapeRegExp, readLabelWords, type LabelWord } from './vocabulary.js';

export interface HeadingFact {
  kind: 'heading';
  start: number;
  end: number;
  depth: number;
  /** Heading text without leading decoration (✅, ❓, emoji). */
  text: string;
  /** A leading "A." / "1." label, and the title without it (for categories). */
  label: string | undefined;
  labelTitle: string;
  /** A leading number ("4." or "4 "), and the title without it (for stories). */
  number: number | undefined;
  numberTitle: string;
  /** ✅ (or its mis-encoded form) in the heading. */
  doneMark: { start: number; end: number } | undefined;
  /** Set when the heading itself is a STAR label (`### Situation`). */
  star: LabelWord | undefined;
}

export interface LabelFact {
  kind: 'label';
  start: number;
  end: number;
  parts: StarPart[];
  style: LabelStyle;
  vocabulary: string;
  written: string;
  /** The label as written from its line start, e.g. `- **Situation**:` — copied by fixes. */
  template: string;
  /** Text follows the label in the same paragraph. */
  inlineContent: boolean;
  /** A placeholder follows the label in the same paragraph. */
  inlinePlaceholder: boolean;
  /** Where the label's own paragraph ends (its inline text belongs to the section). */
  blockEnd: number;
}

export interface BoldLineFact {
  kind: 'bold';
  start: number;
  end: number;
  title: string;
  inList: boolean;
}

export interface ContentFact {
  kind: 'content';
  start: number;
  end: number;
}

export interface MarkerFact {
  kind: 'placeholder' | 'highlight';
  start: number;
  end: number;
  text: string;
}

export interface DirectiveFact {
  kind: 'directive';
  start: number;
  end: number;
  mode: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';
  rules: string[];
}

export type Fact = HeadingFact | LabelFact | BoldLineFact | ContentFact | MarkerFact | DirectiveFact;

export interface SectionFacts {
  /** In document order. */
  facts: Fact[];
  misencoded: MisencodedRun[];
  /** Normalised labels of link reference definitions (a `[Title]` that has one is a link). */
  definitions: string[];
  /** Whether any silencing comment is among the facts (most sections have none). */
  hasDirectives: boolean;
  length: number;
}

const processor = unified().use(remarkParse);
// Front matter only where it is closed: micromark-extension-frontmatter reads the rest of a file that
// starts with an unclosed `---` wrongly (its lists become paragraphs).
const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
const CLOSED_FRONT_MATTER = /^---[ \t]*(?:\r\n?|\n)(?:[^]*?(?:\r\n?|\n))?---[ \t]*(?:\r\n?|\n|$)/;

// The marks, and each one as UTF-8 read as Mac Roman or Windows-1252 (`‚úÖ` is ✅ in the seed notes):
// the mis-encoded forms are computed with the same decoders that produce them, not typed by hand.
const DONE = ['\u2705', '\u2714\uFE0F', '\u2714', '\u2611\uFE0F', '\u2611'];
const QUESTION = '\u2753';
const HIGHLIGHTS = ['\u{1F538}'];
const withMisread = (marks: string[]) => [...new Set(marks.flatMap((m) => [m, ...misreadForms(m)]))];
export const DONE_MARKS = withMisread(DONE);
const HIGHLIGHT_RE = new RegExp(withMisread(HIGHLIGHTS).map(escapeRegExp).join('|'), 'gu');
const QUESTION_FORMS = withMisread([QUESTION]).map(escapeRegExp).join('|');
const PLACEHOLDER_RE = new RegExp(
  `${QUESTION_FORMS}|\\?{3,}|\\b(?:TODO|TBD|TBA|FIXME|XXX)\\b|\\[(?![xX ]\\])([^\\[\\]\\n]{1,100})\\](?![(\\[:])`,
  'gu',
);
const DECORATION_RE = new RegExp(
  `^(?:[\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\u200D\\uFE0F\\u20E3\\u2022\\-–—*#:|]|${withMisread([...DONE, QUESTION, ...HIGHLIGHTS]).map(escapeRegExp).join('|')}|\\s)+`,
  'u',
);
const LEADING_DECORATION_RE = new RegExp(
  `^(?:[\\p{Extended_Pictographic}\\uFE0F\\u200D]|${withMisread([...DONE, QUESTION]).map(escapeRegExp).join('|')}|\\s)+`,
  'u',
);
const TRAILING_DONE_RE = new RegExp(`(?:\\s|\\uFE0F|${DONE_MARKS.map(escapeRegExp).join('|')})+$`, 'u');
const DIRECTIVE_RE =
  /^<!--\s*interview-notes-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)\s*-->$/;
const MEANINGFUL_RE = /[\p{L}\p{N}]/u;

/** A section read without its body's structure: the heading line, and the rest as content. */
function plainSection(text: string): SectionFacts {
  const bias = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstLineEnd = /\r\n?|\n|$/.exec(text.slice(bias))!.index + bias;
  const head = firstLineEnd < 10_000 && /^#{1,6}(?:[ \t]|$)/.test(text.slice(bias, bias + 8)) ? safeRead(text.slice(0, firstLineEnd)) : undefined;
  const facts: Fact[] = head ? head.facts.filter((f) => f.kind === 'heading') : [];
  const bodyStart = head ? firstLineEnd : bias;
  const trimmedEnd = text.replace(/\s+$/, '').length;
  if (trimmedEnd > bodyStart && MEANINGFUL_RE.test(text.slice(bodyStart, Math.min(trimmedEnd, bodyStart + 100_000)))) {
    facts.push({ kind: 'content', start: bodyStart, end: trimmedEnd });
  }
  return { facts, misencoded: findMisencoded(text), definitions: [], hasDirectives: false, length: text.length };
}

function safeRead(text: string): SectionFacts | undefined {
  try {
    return parseSection(text);
  } catch {
    return undefined;
  }
}

export function readSection(text: string): SectionFacts {
  if (isPathological(text)) return plainSection(text);
  // Anything the parser cannot take (a stack overflow on input the guard did not foresee) is read
  // plainly: the analysis never throws.
  return safeRead(text) ?? plainSection(text);
}

function parseSection(text: string): SectionFacts {
  // micromark drops a leading byte order mark and counts offsets without it.
  const bias = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = bias ? text.slice(1) : text;
  const tree = (CLOSED_FRONT_MATTER.test(source) ? withFrontMatter : processor).parse(source) as Root;
  const reader = new Reader(text, bias);
  reader.block(tree);
  reader.facts.sort((a, b) => a.start - b.start);
  return {
    facts: reader.facts,
    misencoded: findMisencoded(text),
    definitions: reader.definitions,
    hasDirectives: reader.facts.some((f) => f.kind === 'directive'),
    length: text.length,
  };
}

class Reader {
  readonly facts: Fact[] = [];
  readonly definitions: string[] = [];

  /** The section's length without its final line breaks. */
  private readonly contentEnd: number;

  constructor(
    private readonly text: string,
    private readonly bias: number,
  ) {
    this.contentEnd = text.replace(/[\r\n]+$/, '').length;
  }

  private start(node: Nodes): number {
    return (node.position?.start.offset ?? 0) + this.bias;
  }

  private end(node: Nodes): number {
    // At the end of its input micromark lets an unclosed fence in a list item take the final line
    // break; in the whole document that break belongs to no block. Never past the section's text.
    return Math.min((node.position?.end.offset ?? 0) + this.bias, this.contentEnd);
  }


  block(node: Nodes, inList = false): void {
    switch (node.type) {
      case 'root':
      case 'blockquote':
      case 'list':
        for (const child of node.children) this.block(child, inList || node.type === 'list');
        return;
      case 'listItem':
        node.children.forEach((child, i) => {
          if (i === 0 && child.type === 'paragraph') this.paragraph(child, true);
          else this.block(child, true);
        });
        return;
      case 'heading':
        this.heading(node);
        return;
      case 'paragraph':
        this.paragraph(node, false);
        return;
      case 'code':
        this.facts.push({ kind: 'content', start: this.start(node), end: this.end(node) });
        return;
      case 'html':
        this.html(node);
        return;
      case 'definition':
        this.definitions.push(node.identifier);
        return;
      default:
        // thematicBreak, yaml front matter: neither content nor structure.
        void inList;
        return;
    }
  }

  private html(node: Nodes & { value: string }): void {
    const value = node.value.trim();
    const directive = DIRECTIVE_RE.exec(value);
    if (directive) {
      this.facts.push({
        kind: 'directive',
        start: this.start(node),
        end: this.end(node),
        mode: directive[1] as DirectiveFact['mode'],
        rules: directive[2]!.trim().split(/[\s,]+/).filter(Boolean),
      });
      return;
    }
    if (/^<!--[\s\S]*-->$/.test(value)) return;
    // `[^<>]`, not `[^>]`: with no `>` ahead, each `<` of a `<?<?…` block would scan to its end.
    if (MEANINGFUL_RE.test(value.replace(/<[^<>]*>/g, ''))) {
      this.facts.push({ kind: 'content', start: this.start(node), end: this.end(node) });
    }
  }

  private heading(node: Nodes & { type: 'heading' }): void {
    const start = this.start(node);
    const end = this.end(node);
    const raw = headingText(node);
    const decoration = DECORATION_RE.exec(raw)?.[0].length ?? 0;
    const text = flat(raw.slice(decoration).replace(TRAILING_DONE_RE, '').trim());
    const label = /^((?:[A-Z]|\d{1,3})[.)])\s+(.*)$/su.exec(text);
    const numbered = /^(\d{1,4})(?:[.)]\s*|\s+)(.*)$/su.exec(text);
    const source = this.text.slice(start, end);
    let doneMark: HeadingFact['doneMark'];
    for (const mark of DONE_MARKS) {
      const at = source.indexOf(mark);
      if (at !== -1) {
        doneMark = { start: start + at, end: start + at + mark.length };
        break;
      }
    }
    const starText = text.replace(/[*_:]+/g, ' ').replace(/\s+/g, ' ').trim();
    this.facts.push({
      kind: 'heading',
      start,
      end,
      depth: node.depth,
      text,
      label: label ? label[1]!.slice(0, -1) : undefined,
      labelTitle: label ? flat(label[2]!.trim()) : text,
      number: numbered ? Number(numbered[1]) : undefined,
      numberTitle: numbered && numbered[2]!.trim() ? flat(numbered[2]!.trim()) : text,
      doneMark,
      star: starText.split(' ').length <= 8 ? readLabelWords(starText, true) : undefined,
    });
    // A ❓ before the title is decoration (`## ❓ Frage 1:`); anywhere else it marks a blank.
    this.markers(node, start + leadingDecoration(source));
  }

  private paragraph(node: Nodes & { type: 'paragraph' }, firstInItem: boolean): void {
    const start = this.start(node);
    const end = this.end(node);
    const children = node.children;
    const label = this.leadingLabel(children, firstInItem);
    let contentFrom = start;
    if (label) {
      this.facts.push(label);
      contentFrom = label.end;
    } else {
      const inline = this.inlineLabels(node);
      if (inline) contentFrom = end;
      else {
        const bold = this.boldLine(children, firstInItem);
        if (bold) {
          this.facts.push(bold);
          contentFrom = end;
        }
      }
    }
    this.markers(node, start);
    if (contentFrom < end && !label && MEANINGFUL_RE.test(withoutPlaceholders(this.text.slice(contentFrom, end)))) {
      this.facts.push({ kind: 'content', start: contentFrom, end });
    }
  }

  /** `**Situation**: …`, `**S (Situation):** …`, `**📋 S** : …`, `**Context**⏎`, `Situation: …`, a bare `Resultados` line. */
  private leadingLabel(children: PhrasingContent[], inItem: boolean): LabelFact | undefined {
    const first = children[0];
    if (!first) return undefined;
    const paragraphEnd = this.end(children[children.length - 1]!);
    if (first.type === 'strong') {
      const inner = toString(first).replace(DECORATION_RE, '').trim();
      const next = children[1];
      const nextText = next?.type === 'text' ? next.value : '';
      let words: string | undefined;
      let labelEnd = this.end(first);
      if (/:\s*$/.test(inner)) words = inner.replace(/\s*:\s*$/, '');
      else if (/^[ \t]*:/.test(nextText)) {
        words = inner;
        labelEnd += nextText.indexOf(':') + 1;
      } else if (!next || next.type === 'break' || /^[ \t]*(?:\r\n?|\n)/.test(nextText)) words = inner;
      if (words === undefined) return undefined;
      const read = readLabelWords(words, true);
      if (!read) return undefined;
      return this.labelFact(read, this.start(first), labelEnd, paragraphEnd, inItem ? 'list-bold' : 'bold');
    }
    if (first.type === 'text') {
      const value = first.value;
      const colon = /^([\p{L}][\p{L} /&()]{0,40}?)[ \t]*:/u.exec(value);
      const dash = /^([\p{Lu}][\p{Lu} /&]{1,40}?)[ \t]+[-–](?:[ \t]|$)/u.exec(value);
      const bare = /^([\p{L}][\p{L} /&]{0,40}?)[ \t]*(?:\r\n?|\n|$)/u.exec(value);
      for (const m of [colon, dash, bare]) {
        if (!m) continue;
        const read = readLabelWords(m[1]!, false);
        if (!read) continue;
        const labelStart = this.start(first);
        const labelEnd = labelStart + (m === bare ? m[1]!.length : m[0].length);
        return this.labelFact(read, labelStart, labelEnd, paragraphEnd, 'plain');
      }
    }
    return undefined;
  }

  private labelFact(read: LabelWord, start: number, end: number, paragraphEnd: number, style: LabelStyle): LabelFact {
    const after = this.text.slice(end, paragraphEnd);
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    const crStart = this.text.lastIndexOf('\r', start - 1) + 1;
    return {
      kind: 'label',
      start,
      end,
      parts: read.parts,
      style,
      vocabulary: read.vocabulary,
      written: flat(read.written),
      template: flat(this.text.slice(Math.max(lineStart, crStart), end)),
      inlineContent: MEANINGFUL_RE.test(withoutPlaceholders(after)),
      inlinePlaceholder: PLACEHOLDER_RE.test(after) && resetLastIndex(PLACEHOLDER_RE),
      blockEnd: end + trimmedLength(after),
    };
  }

  /** `(S) … (T) … (A) … (R) …` inside one paragraph; `(ST)` names two parts at once. */
  private inlineLabels(node: Nodes & { type: 'paragraph' }): boolean {
    const start = this.start(node);
    const source = this.text.slice(start, this.end(node));
    const re = /(^|[\s.!?:;])\((S|T|A|R|L|ST|S\/T|TA|AR)\)(?=\s|\p{L})/gu;
    const found: { at: number; end: number; letters: string }[] = [];
    for (let m = re.exec(source); m; m = re.exec(source)) {
      const at = m.index + m[1]!.length;
      found.push({ at, end: at + m[2]!.length + 2, letters: m[2]!.replace('/', '') });
    }
    if (found.length === 0 || (found.length === 1 && found[0]!.at !== 0)) return false;
    found.forEach((f, i) => {
      const contentEnd = i + 1 < found.length ? found[i + 1]!.at : source.length;
      const after = source.slice(f.end, contentEnd);
      const parts = [...f.letters].map((l) => ({ S: 'situation', T: 'task', A: 'action', R: 'result', L: 'learning' })[l] as StarPart);
      this.facts.push({
        kind: 'label',
        start: start + f.at,
        end: start + f.end,
        parts,
        style: 'inline',
        vocabulary: 'letters',
        written: f.letters,
        template: `(${f.letters})`,
        inlineContent: MEANINGFUL_RE.test(withoutPlaceholders(after)),
        inlinePlaceholder: PLACEHOLDER_RE.test(after) && resetLastIndex(PLACEHOLDER_RE),
        blockEnd: start + f.end + trimmedLength(after),
      });
    });
    return true;
  }

  /** A paragraph that is only bold text: `**Story: The Bachelor Thesis**`, `- **story-1**`. */
  private boldLine(children: PhrasingContent[], inItem: boolean): BoldLineFact | undefined {
    const strong = children[0];
    if (strong?.type !== 'strong') return undefined;
    for (const rest of children.slice(1)) {
      if (rest.type !== 'text' || /[^\s:]/.test(rest.value)) return undefined;
    }
    const title = toString(strong).replace(DECORATION_RE, '').replace(/\s*:\s*$/, '').trim();
    if (!title) return undefined;
    return { kind: 'bold', start: this.start(strong), end: this.end(strong), title: flat(title), inList: inItem };
  }

  /** Placeholders and highlights in the source of the node's text (never in code or HTML). */
  private markers(node: Parent, from: number): void {
    for (const child of node.children as Nodes[]) {
      if (child.type === 'text') {
        const start = Math.max(this.start(child), from);
        const end = this.end(child);
        if (start < end) this.scanMarkers(this.text.slice(start, end), start);
      } else if (child.type === 'strong' || child.type === 'emphasis') {
        this.markers(child, from);
      }
    }
  }

  private scanMarkers(source: string, offset: number): void {
    for (const m of source.matchAll(PLACEHOLDER_RE)) {
      if (m[1] !== undefined && !isBlank(m[1])) continue;
      this.facts.push({ kind: 'placeholder', start: offset + m.index, end: offset + m.index + m[0].length, text: flat(m[0]) });
    }
    for (const m of source.matchAll(HIGHLIGHT_RE)) {
      this.facts.push({ kind: 'highlight', start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
    }
  }
}

/**
 * A heading's text, with a reference link kept in its brackets: `[ref]` reads the same whether its
 * definition is in this section (a linkReference) or another one (plain text).
 */
function headingText(node: Nodes): string {
  if (node.type === 'linkReference' || node.type === 'imageReference') return `[${toString(node)}]`;
  if ('children' in node) return (node.children as Nodes[]).map(headingText).join('');
  return toString(node);
}

/** `[Write here]`, `[Title]`, `[Your Leadership Story Here]`: not `[1]`, `[sic]`, `[x]`. */
function isBlank(inside: string): boolean {
  const t = inside.trim();
  // Case-sensitive for the capital (with /i, \p{Lu} would match any letter and `[sic]` would count).
  if (!/^\p{Lu}/u.test(t) && !/^(?:write|title|your|insert|add|fill|todo|tbd|name|describe|example|e\.g\.)/i.test(t)) return false;
  return !/^[\p{Lu}\d\s]{1,4}$/u.test(t) || /^(?:TBD|TODO)$/.test(t);
}

function leadingDecoration(source: string): number {
  const hashes = /^ {0,3}#{1,6}[ \t]*/.exec(source)?.[0].length ?? 0;
  const rest = source.slice(hashes);
  const deco = LEADING_DECORATION_RE.exec(rest)?.[0].length ?? 0;
  return hashes + deco;
}

/** `s` as its UTF-8 bytes read as Mac Roman and as Windows-1252. */
function misreadForms(s: string): string[] {
  return [misread(s, 'macintosh'), misread(s, 'windows-1252')];
}

/** Length of `s` without its trailing white space. */
function trimmedLength(s: string): number {
  return s.trimEnd().length;
}

function withoutPlaceholders(s: string): string {
  return s.replace(PLACEHOLDER_RE, ' ');
}

function resetLastIndex(re: RegExp): true {
  re.lastIndex = 0;
  return true;
}

/**
 * A copy of `s` that does not point into the document text. V8 keeps substrings as views of their
 * parent; facts outlive the text they were read from (they are reused after edits), and a view would
 * keep every old version of a large document alive.
 */
export function flat(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
