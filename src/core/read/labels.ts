// STAR labels in a paragraph: the one the mdast opens with (`**Situation**: …`, a bare `Resultados`),
// those at the start of its other lines (read/line-label.ts), inline `(S) … (T) …` markers; each
// label's content runs to the next. And what is not a label although it looks like one: a STAR
// definition, the `A` of a Q/A pair, a part-named key among form fields.

import type { Nodes, Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Fact, LabelFact } from '../facts.js';
import { DECORATION_RE, hasPlaceholder } from '../marks.js';
import type { LabelStyle, StarPart } from '../model.js';
import { readLabelWords, type LabelWord } from '../vocabulary.js';
import { codeRanges, insideRanges, type Range } from './code.js';
import { readLineLabel, type LineLabel } from './line-label.js';
import { flat, hasMeaning, trimmedLength } from './plain-text.js';
import type { SectionText } from './section-text.js';
import { BARE_LABEL_LINE } from './title-line.js';

/**
 * The labels at the start of the paragraph's lines: the first as the mdast reads it (`leading`),
 * the others from the source (`**Situation**: …⏎**Task**: …` is one paragraph). Each label's content
 * runs to the next label. Bare letters (`S:`) count only as a sequence of two parts or more.
 */
export function lineLabels(t: SectionText, node: Paragraph, leading: LabelFact | undefined, inItem: boolean): LabelFact[] {
  const start = t.start(node);
  const end = t.end(node);
  const source = t.text.slice(start, end);
  const found: { at: number; line: LineLabel }[] = [];
  const lineStarts = leading ? [] : [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  if (lineStarts.length === 0) return leading ? [leading] : [];
  let code: Range[] | undefined;
  for (const lineStart of lineStarts) {
    const at = lineStart + /^[ \t>]*/.exec(source.slice(lineStart, lineStart + 200))![0].length;
    const lineEnd = source.slice(at).search(/\r|\n|$/) + at;
    const line = readLineLabel(source.slice(at, lineEnd)) ?? (lineEnd === source.length ? bareLabel(source.slice(at, lineEnd)) : undefined);
    if (!line) continue;
    code ??= source.includes('`') || source.includes('<') ? codeRanges({ type: 'root', children: [node] }, t.bias) : [];
    if (insideRanges(start + at, code)) continue;
    found.push({ at, line });
  }
  const letters = new Set(found.filter((f) => f.line.letter && !f.line.marked).flatMap((f) => f.line.read.parts));
  if (leading && isPlainLetter(leading)) for (const p of leading.parts) letters.add(p);
  const kept = found.filter((f) => !(f.line.letter && !f.line.marked) || letters.size >= 2);
  if (kept.length === 0 || (!leading && isFieldForm(source, kept.map((f) => f.line)))) return leading ? [leading] : [];
  const labels: LabelFact[] = [];
  const starts = kept.map((f) => start + f.at);
  if (leading) labels.push(recut(t, leading, starts[0]!));
  kept.forEach((f, i) => {
    const labelStart = starts[i]!;
    const style: LabelStyle = f.line.marked ? (inItem ? 'list-bold' : 'bold') : 'plain';
    labels.push(labelFact(t, f.line.read, labelStart, labelStart + f.line.length, starts[i + 1] ?? end, style));
  });
  return labels;
}

/** `**Situation**: …`, `**S (Situation):** …`, `**📋 S** : …`, `**Context**⏎`, `Situation: …`, a bare `Resultados` line. */
export function leadingLabel(t: SectionText, children: PhrasingContent[], inItem: boolean): LabelFact | undefined {
  const first = children[0];
  if (!first) return undefined;
  const paragraphEnd = t.end(children[children.length - 1]!);
  if (first.type === 'strong') {
    const inner = toString(first).replace(DECORATION_RE, '').trim();
    const next = children[1];
    const nextText = next?.type === 'text' ? next.value : '';
    let words: string | undefined;
    let labelEnd = t.end(first);
    if (/[:：]\s*$/.test(inner)) words = inner.replace(/\s*[:：]\s*$/, '');
    else if (/^[ \t]*[:：]/.test(nextText)) {
      words = inner;
      labelEnd += nextText.search(/[:：]/) + 1;
    } else if (!next || next.type === 'break' || /^[ \t]*(?:\r\n?|\n)/.test(nextText)) words = inner;
    if (words === undefined) return undefined;
    const read = readLabelWords(words, true);
    if (!read) return undefined;
    return labelFact(t, read, t.start(first), labelEnd, paragraphEnd, inItem ? 'list-bold' : 'bold');
  }
  if (first.type === 'text') {
    const value = first.value;
    const colon = /^([\p{L}][\p{L} /&()（）]{0,40}?)[ \t]*[:：]/u.exec(value);
    const dash = /^([\p{Lu}][\p{Lu} /&]{1,40}?)[ \t]+[-–](?:[ \t]|$)/u.exec(value);
    const bare = /^([\p{L}][\p{L} /&()（）]{0,60}?)[ \t]*(?:\r\n?|\n|$)/u.exec(value);
    for (const m of [colon, dash, bare]) {
      if (!m) continue;
      // A bare label is alone on its line: the end of this text node is not that when markup follows
      // (`Task **the**` is a sentence, which the cheap no rightly does not take for a label).
      if (m === bare && m[0].length === value.length && !endsLine(children[1])) continue;
      const read = readLabelWords(m[1]!, m === colon && m[1]!.length === 1 && t.usesLetterSequence(t.start(first)));
      if (!read) continue;
      const labelStart = t.start(first);
      const labelEnd = labelStart + (m === bare ? m[1]!.length : m[0].length);
      return labelFact(t, read, labelStart, labelEnd, paragraphEnd, 'plain');
    }
  }
  return undefined;
}

/** Whether what follows a text node ends its line: nothing, or a hard break. */
function endsLine(next: PhrasingContent | undefined): boolean {
  return next === undefined || next.type === 'break';
}

/** The label with its content cut at `until` (where the next label starts). */
export function recut(t: SectionText, label: LabelFact, until: number): LabelFact {
  const after = t.text.slice(label.end, until);
  return { ...label, inlineContent: hasMeaning(after), inlinePlaceholder: hasPlaceholder(after), blockEnd: label.end + trimmedLength(after) };
}

export function labelFact(t: SectionText, read: Pick<LabelWord, 'parts' | 'vocabulary' | 'written'>, start: number, end: number, paragraphEnd: number, style: LabelStyle): LabelFact {
  const after = t.text.slice(end, paragraphEnd);
  const lineStart = t.text.lastIndexOf('\n', start - 1) + 1;
  const crStart = t.text.lastIndexOf('\r', start - 1) + 1;
  return {
    kind: 'label',
    start,
    end,
    parts: read.parts,
    style,
    vocabulary: read.vocabulary,
    written: flat(read.written),
    template: flat(t.text.slice(Math.max(lineStart, crStart), end)),
    inlineContent: hasMeaning(after),
    inlinePlaceholder: hasPlaceholder(after),
    blockEnd: end + trimmedLength(after),
  };
}

/** `(S) … (T) … (A) … (R) …` inside one paragraph; `(ST)` names two parts at once. */
export function inlineLabels(t: SectionText, node: Nodes & { type: 'paragraph' }): LabelFact[] {
  const start = t.start(node);
  const source = t.text.slice(start, t.end(node));
  const re = /(^|[\s.!?:;])\((S|T|A|R|L|ST|S\/T|TA|AR)\)(?=\s|\p{L})/gu;
  const found: { at: number; end: number; letters: string }[] = [];
  const code = source.includes('`') || source.includes('<') ? codeRanges({ type: 'root', children: [node] }, t.bias) : [];
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const at = m.index + m[1]!.length;
    if (insideRanges(start + at, code)) continue;
    found.push({ at, end: at + m[2]!.length + 2, letters: m[2]!.replace('/', '') });
  }
  if (found.length === 0 || (found.length === 1 && found[0]!.at !== 0)) return [];
  const labels: LabelFact[] = [];
  found.forEach((f, i) => {
    const contentEnd = i + 1 < found.length ? found[i + 1]!.at : source.length;
    const after = source.slice(f.end, contentEnd);
    const parts = [...f.letters].map((l) => ({ S: 'situation', T: 'task', A: 'action', R: 'result', L: 'learning' })[l] as StarPart);
    labels.push({
      kind: 'label',
      start: start + f.at,
      end: start + f.end,
      parts,
      style: 'inline',
      vocabulary: 'letters',
      written: f.letters,
      template: `(${f.letters})`,
      inlineContent: hasMeaning(after),
      inlinePlaceholder: hasPlaceholder(after),
      blockEnd: start + f.end + trimmedLength(after),
    });
  });
  return labels;
}


const FIELD_KEY_LINE = /^[ \t>]*[\p{L}][\p{L} ]{0,30}[:：][ \t]*$/gmu;

/**
 * `Period:⏎2018 to 2021⏎Delivery:⏎15 products⏎Result:⏎…`: a form of fields, one of which happens
 * to be named like a part. Plain labels naming one part, among two field keys or more, are fields.
 */
function isFieldForm(source: string, labels: readonly LineLabel[]): boolean {
  if (labels.some((l) => l.marked)) return false;
  if (new Set(labels.flatMap((l) => l.read.parts)).size >= 2) return false;
  const keys = source.match(FIELD_KEY_LINE)?.length ?? 0;
  return keys - labels.length >= 2;
}

/**
 * A paragraph's last line that is only a label's words (`…⏎Context`): its text is the block that
 * follows, as in notes written in a plain text editor. Never a bare letter.
 */
function bareLabel(line: string): LineLabel | undefined {
  const m = BARE_LABEL_LINE.exec(line);
  const read = m ? readLabelWords(m[1]!, false) : undefined;
  return read && { length: m![1]!.length, read, marked: false, letter: false };
}

const DEFINITION_START =
  /^(?:(?:describe|explain|outline|summari[sz]e|share|tell|give|talk about|state|mention|provide|detail|include|set the scene)\b[^.!?\n]{0,40}?\b(?:the|your|you|what|how|why|which|who|when|where)\b|(?:what|how|why|which|who|when|where)\b[^.!\n]{0,120}\?|you (?:should|must|need|can)\b|this is where\b|here you\b)/iu;
const QUESTION_MARKER = /^[ \t>*+-]*(?:\*\*|__)?Q(?:\*\*|__)?[ \t]*[:：]/mu;

/**
 * Labels that are not a story's parts: a STAR definition (`(S) Situation. Describe the situation…`,
 * `**Task**: What goal were you working toward?`) and the `A` of a Q/A pair (Answer, not Action).
 * Their text stays content.
 */
export function withoutFalseLabels(facts: Fact[], text: string): Fact[] {
  facts.sort((a, b) => a.start - b.start);
  const out: Fact[] = [];
  let previousLabelEnd = 0;
  for (const f of facts) {
    if (f.kind !== 'label') {
      out.push(f);
      continue;
    }
    const answer = f.vocabulary === 'letters' && f.written === 'A' && followsQuestion(text, previousLabelEnd, f.start);
    previousLabelEnd = f.end;
    if (!answer && !isDefinition(f, text)) out.push(f);
    else if (answer) {
      if (f.inlineContent) out.push({ kind: 'content', start: f.end, end: f.blockEnd });
    } else out.push({ kind: 'content', start: f.end, end: f.blockEnd, definition: true, ...(f.inlineContent ? {} : { prompt: true as const }) });
  }
  return out;
}

/**
 * Whether a `Q` marker (`**Q**:`, `Q:`) comes before `at` with no label and no heading between: the
 * `A` that answers it. Decided from the text since the previous label only, so a section reads the
 * same alone or in the whole document.
 */
function followsQuestion(text: string, from: number, at: number): boolean {
  const between = text.slice(Math.max(from, at - 2000), at);
  const lastHeading = between.search(/(?:^|[\r\n])#{1,6}[ \t][^]*$/);
  return QUESTION_MARKER.test(lastHeading === -1 ? between : between.slice(lastHeading + 1));
}

/** Whether a label's text defines its part instead of telling it: it names the part again, or instructs. */
function isDefinition(label: LabelFact, text: string): boolean {
  const after = text.slice(label.end, Math.min(label.blockEnd, label.end + 200)).replace(/^[\s.:：\-–—*_()\p{Extended_Pictographic}\uFE0F]+/u, '');
  if (DEFINITION_START.test(after)) return true;
  const again = readLabelWords(after.split(/[\s.:：,(]/u, 1)[0]!, false);
  return again !== undefined && again.parts.some((p) => label.parts.includes(p));
}

/**
 * Labels read two ways in one paragraph (`(S) … (T) …` markers and labels at line starts), in text
 * order, each label's content cut at the next one. One label at one place is read once.
 */
export function mergeLabels(a: LabelFact[], b: LabelFact[], end: number, recut: (label: LabelFact, until: number) => LabelFact): LabelFact[] {
  if (a.length === 0 || b.length === 0) return a.length ? a : b;
  const all = [...a, ...b.filter((l) => !a.some((x) => x.start < l.end && l.start < x.end))].sort((x, y) => x.start - y.start);
  return all.map((l, i) => recut(l, all[i + 1]?.start ?? end));
}

/** `S:` as a paragraph's leading label: a bare letter, no marker. */
function isPlainLetter(label: LabelFact): boolean {
  return label.style === 'plain' && label.vocabulary === 'letters';
}
