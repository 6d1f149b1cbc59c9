// Fixes: which are certain, what they are called, and applying them. The command line's --fix and
// the extension's quick fixes, "fix all" and commands all go through here, so both apply exactly the
// same certain fixes in the same way, and the glue knows no rule.

import { NotesAnalyzer } from './analyzer.js';
import { compareTexts } from './incremental/edit-region.js';
import type { Finding, NotesModel, TextEdit } from './model.js';
import type { AnalyzeOptions } from './pipeline.js';
import { RULES } from './rules/index.js';
import { escapeSnippet } from './scaffold.js';

const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** Checked fixes already asked about (the finding is frozen, and its text cannot change under it). */
const checked = new WeakMap<Finding, boolean>();

/**
 * The finding's fix if it is certain in `text` (the text the finding's model was made from): its
 * `fix`, or its `checkedFix` once the rule has seen it work.
 */
export function certainFix(text: string, finding: Finding): TextEdit[] | undefined {
  if (finding.fix) return finding.fix;
  const candidate = finding.checkedFix;
  if (!candidate) return undefined;
  let ok = checked.get(finding);
  if (ok === undefined) {
    const rule = RULE_BY_ID.get(finding.rule);
    ok = rule?.verifyFix?.(text, { span: finding.span, edits: candidate.edits, check: candidate.check }) ?? false;
    checked.set(finding, ok);
  }
  return ok ? candidate.edits : undefined;
}

/** A fix to offer: its title and its edits (in the model's text). */
export interface FixOffer {
  title: string;
  /** 'one': this finding; 'rule': every finding of its rule in the file; 'all': every certain fix. */
  width: 'one' | 'rule' | 'all';
  /**
   * The edits. For the wider offers they are made when asked (checking every fix of a file costs a
   * re-reading each): an editor asks when the user picks the offer. 'all' is `fixAll`'s first edits.
   */
  edits: () => TextEdit[];
}

/** The title of a finding's own fix, from its rule. */
export function fixTitle(text: string, finding: Finding): string {
  return RULE_BY_ID.get(finding.rule)?.fixTitle?.(finding, text) ?? `Fix: ${finding.message}`;
}

/** An edit written as an editor snippet: `$1`, `$2`… where the cursor goes, in order. */
export interface SnippetEdit {
  span: TextEdit['span'];
  snippet: string;
}

/**
 * A finding's own certain fix as snippet edits, with tab stops where its rule puts the cursor (after
 * each inserted label, say); undefined when the fix is not certain or its rule places no cursor.
 */
export function fixSnippets(text: string, finding: Finding): SnippetEdit[] | undefined {
  const fix = certainFix(text, finding);
  const stopsOf = RULE_BY_ID.get(finding.rule)?.fixTabStops;
  if (!fix || !stopsOf) return undefined;
  let next = 1;
  const edits = [...fix].sort((a, b) => a.span.start - b.span.start).map((original) => {
    const e = atLineStart(text, original);
    let snippet = '';
    let pos = 0;
    for (const stop of stopsOf(e.newText)) {
      snippet += escapeSnippet(e.newText.slice(pos, stop)) + `$${next++}`;
      pos = stop;
    }
    return { span: e.span, snippet: snippet + escapeSnippet(e.newText.slice(pos)) };
  });
  return next > 1 ? edits : undefined;
}

/**
 * An insertion of whole lines at a line's end (`⏎lines`), moved to the next line's start (`lines⏎`):
 * the same text, but an editor indents a snippet's lines like the line it is inserted in, which at a
 * line's start has no indentation to add.
 */
function atLineStart(text: string, edit: TextEdit): TextEdit {
  const eol = /^(\r\n|\n|\r)/.exec(edit.newText)?.[1];
  const insertion = edit.span.start === edit.span.end;
  if (!eol || !insertion || text.slice(edit.span.start, edit.span.start + eol.length) !== eol) return edit;
  const at = edit.span.start + eol.length;
  return { span: { start: at, end: at }, newText: edit.newText.slice(eol.length) + eol };
}

export const FIX_ALL_TITLE = 'Fix all certain Interview Notes problems';

/** Whether a finding has a fix that may be certain (without checking it). */
export const mayFix = (f: Finding): boolean => f.fix !== undefined || f.checkedFix !== undefined;

/**
 * The certain fixes at three widths for a finding: this one, all of its rule in the file (when others
 * of the rule may be fixed too), everything certain in the file (when other rules may add to it).
 */
export function fixOffers(text: string, model: NotesModel, finding: Finding, options: AnalyzeOptions = {}): FixOffer[] {
  const own = certainFix(text, finding);
  if (!own) return [];
  const offers: FixOffer[] = [{ title: fixTitle(text, finding), edits: () => own, width: 'one' }];
  const rule = RULE_BY_ID.get(finding.rule)!;
  const sameRule = model.findings.filter((f) => f.rule === finding.rule && mayFix(f));
  if (sameRule.length > 1) {
    offers.push({ title: rule.fixAllTitle ?? `Fix every “${rule.id}” problem in this file`, edits: () => certainEdits(text, sameRule).edits, width: 'rule' });
  }
  if (model.findings.some((f) => f.rule !== finding.rule && mayFix(f))) {
    offers.push({ title: FIX_ALL_TITLE, edits: () => fixAll(text, model, options).edits, width: 'all' });
  }
  return offers;
}

/** The edits of the certain fixes among `findings`, and of how many findings. */
export function certainEdits(text: string, findings: readonly Finding[]): { edits: TextEdit[]; count: number } {
  const edits: TextEdit[] = [];
  let count = 0;
  for (const f of findings) {
    const fix = certainFix(text, f);
    if (!fix) continue;
    count++;
    for (const e of fix) edits.push(e);
  }
  return { edits, count };
}

/**
 * Applies edits that do not overlap (an edit overlapping one already taken is skipped). Text outside
 * the edits' spans is copied unchanged.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number; taken: Set<TextEdit> } {
  const taken = nonOverlapping(text, edits);
  let out = '';
  let pos = 0;
  for (const e of taken) {
    out += text.slice(pos, e.span.start) + e.newText;
    pos = e.span.end;
  }
  out += text.slice(pos);
  return { text: out, applied: taken.length, taken: new Set(taken) };
}

/** The edits, sorted, that fit the text and do not overlap an earlier one (touching ones all apply). */
export function nonOverlapping(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const taken: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.span.start < 0 || e.span.end > text.length || e.span.start > e.span.end) continue;
    if (e.span.start < lastEnd) continue;
    taken.push(e);
    lastEnd = Math.max(lastEnd, e.span.end);
  }
  return taken;
}

export interface FixAllOptions {
  /** Only this rule's fixes (the extension's "Repair Mis-encoded Text in File"). */
  rule?: string;
  /** Only edits this accepts are applied (the command line keeps to what the file's encoding holds). */
  accept?: (edit: TextEdit) => boolean;
}

export interface FixAllResult {
  text: string;
  model: NotesModel;
  /** How many edits were applied. */
  applied: number;
  /** Edits that turn the original text into `text` (for an editor, which applies edits, not texts). */
  edits: TextEdit[];
}

/**
 * Applies every certain fix, re-analysing until none is left, at most a few rounds: a fix never
 * creates another, so the second round normally finds nothing.
 */
export function fixAll(text: string, model: NotesModel, options: AnalyzeOptions = {}, only: FixAllOptions = {}): FixAllResult {
  const accept = only.accept ?? (() => true);
  const analyzer = new NotesAnalyzer(options);
  let current = text;
  let currentModel = model;
  let applied = 0;
  let firstRound: TextEdit[] = [];
  let rounds = 0;
  // A fix that did not settle its finding is not applied again (it would insert the same text twice).
  const tried = new Set<string>();
  for (let round = 0; round < 3; round++) {
    const fixable = currentModel.findings.filter((f) => (only.rule === undefined || f.rule === only.rule) && !tried.has(`${f.rule}\u0000${f.message}`));
    const chosen: { finding: Finding; fix: TextEdit[] }[] = [];
    for (const finding of fixable) {
      const fix = certainFix(current, finding);
      if (fix && fix.every(accept)) chosen.push({ finding, fix });
    }
    const edits = chosen.flatMap((c) => c.fix);
    if (edits.length === 0) break;
    const result = applyEdits(current, edits);
    for (const c of chosen) if (c.fix.every((e) => result.taken.has(e))) tried.add(`${c.finding.rule}\u0000${c.finding.message}`);
    if (result.applied === 0 || result.text === current) break;
    if (round === 0) firstRound = [...result.taken];
    rounds++;
    applied += result.applied;
    current = result.text;
    currentModel = analyzer.update(current);
  }
  // One round's edits apply to the original text as they are; after more, one edit spans what changed.
  let edits = firstRound;
  if (rounds > 1) {
    const region = compareTexts(text, current);
    edits = [{ span: { start: region.from, end: region.oldTo }, newText: current.slice(region.from, region.newTo) }];
  }
  return { text: current, model: currentModel, applied, edits };
}

/** fixAll under the name the command line calls it by: the same function, the same rounds. */
export function applyCertainFixes(
  text: string,
  model: NotesModel,
  options: AnalyzeOptions = {},
  accept: (edit: TextEdit) => boolean = () => true,
): { text: string; model: NotesModel; applied: number } {
  return fixAll(text, model, options, { accept });
}
