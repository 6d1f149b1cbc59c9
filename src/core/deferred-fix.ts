// A fix that is certain only once seen to work (missing-section re-reads the story with the fix
// applied: a parse per story) is checked when the fix is first read, not when the story is analysed:
// while the user types, nobody reads fixes; a quick fix, fix all, `--fix` or the JSON report do.

import type { Finding, TextEdit } from './model.js';

interface DeferredFix {
  edits: TextEdit[];
  verify: (text: string, edits: readonly TextEdit[]) => boolean;
  /** The document's text when the fix is read (the analyzer's latest: the edits' spans move with it). */
  text: () => string;
}

const deferred = new WeakMap<Finding, DeferredFix>();

/** Gives `finding` a `fix` of `edits` that is checked with `verify` when first read (undefined if it fails). */
export function deferFix(finding: Finding, edits: TextEdit[], verify: DeferredFix['verify'], text: () => string): void {
  deferred.set(finding, { edits, verify, text });
  Object.defineProperty(finding, 'fix', { get: resolve, set: settle, enumerable: true, configurable: true });
}

function resolve(this: Finding): TextEdit[] | undefined {
  const d = deferred.get(this)!;
  const fix = d.verify(d.text(), d.edits) ? d.edits : undefined;
  settle.call(this, fix);
  return fix;
}

function settle(this: Finding, fix: TextEdit[] | undefined): void {
  deferred.delete(this);
  Object.defineProperty(this, 'fix', { value: fix, writable: true, enumerable: true, configurable: true });
}

/** Replaces a finding's fix edits with `map(edits)`, checked or not, without checking them. */
export function mapFixEdits(finding: Finding, map: (edits: readonly TextEdit[]) => TextEdit[]): void {
  const d = deferred.get(finding);
  if (d) d.edits = map(d.edits);
  else if (finding.fix) finding.fix = map(finding.fix);
}
