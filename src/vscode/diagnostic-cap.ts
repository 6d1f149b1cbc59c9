// VS Code shows at most 1,000 diagnostics per file and drops the rest without a word. The extension
// chooses which ones itself (errors, then warnings, then information, then hints; in document order
// within a severity) and says how many it left out, so the squiggles, the Stories view and the status
// bar never disagree silently. Pure (no vscode), so every surface computes the same cut.

import type { Finding, Severity } from '../core/index.js';

/** VS Code's limit of diagnostics per file (the extension host keeps the first 1,000). */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface DiagnosticCut {
  shown: readonly Finding[];
  /** How many findings are not shown as diagnostics. */
  hidden: number;
}

const cuts = new WeakMap<readonly Finding[], DiagnosticCut>();

/** The findings shown as diagnostics: all of them, or the most severe first up to the limit. */
export function diagnosticCut(findings: readonly Finding[]): DiagnosticCut {
  if (findings.length <= MAX_DIAGNOSTICS_PER_FILE) return { shown: findings, hidden: 0 };
  let cut = cuts.get(findings);
  if (!cut) {
    const ranked = findings.map((f, i) => ({ f, i })).sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i);
    const shown = ranked.slice(0, MAX_DIAGNOSTICS_PER_FILE).sort((a, b) => a.i - b.i).map((x) => x.f);
    cut = { shown, hidden: findings.length - shown.length };
    cuts.set(findings, cut);
  }
  return cut;
}

/** "1,234 findings not shown as squiggles (VS Code shows at most 1,000 per file; warnings first)." */
export function hiddenNote(hidden: number, total: number): string {
  return `${hidden.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} findings are not shown as squiggles: VS Code shows at most ${MAX_DIAGNOSTICS_PER_FILE.toLocaleString('en-US')} per file, the most severe first.`;
}
