import { repairMisencoded, type MisEncoding } from '../encoding.js';
import { quote, type Rule } from './rule.js';

/**
 * UTF-8 text that was read as Mac Roman, Windows-1252 or ISO-8859-1 (`‚úÖ` for ✅, `â€™` for ’),
 * once or more. Detection is
 * exact: the run is encoded back to bytes and must decode as valid UTF-8 of plausible characters
 * (see encoding.ts), so the repair is certain.
 */
export const misEncoded: Rule = {
  id: 'mis-encoded',
  defaultSeverity: 'warning',
  scope: 'runs',
  description: 'Text is mis-encoded (UTF-8 read as Mac Roman, Windows-1252 or ISO-8859-1), e.g. ‚úÖ for ✅.',
  doc: {
    fix: 'certain (repairs the text)',
    fixSummary: 'repairs it exactly',
    body:
      'UTF-8 text that was read as Mac Roman, Windows-1252 or ISO-8859-1 somewhere on its way, e.g. `‚úÖ` for ✅,\n' +
      '`‚ùì` for ❓, `üî∏` for 🔸, `caf√©` for café, `itâ€™s` for it’s; or read so twice or more\n' +
      '(`cafÃƒÂ©`, `itÃ¢â‚¬â„¢s`). ISO-8859-1 leaves invisible control characters (U+0080–U+009F)\n' +
      'where Windows-1252 has punctuation: `it\\u00e2\\u0080\\u0099s` for it’s.',
    details:
      'Detection is exact, not a table of guesses: each run is encoded back to bytes with the very decoder\nthat produced it and must decode as valid UTF-8 of plausible characters. Text mis-encoded more than\nonce is repaired through every layer in one fix, or not reported at all when a layer is left that\ncannot be repaired exactly. Ambiguous two-byte runs\nare only reported inside a word: `√©` on its own in a maths note, or a lone `Ö`, is left alone.\n\nThe quick fixes repair one occurrence or the whole file; the command **Interview Notes: Repair\nMis-encoded Text in File** and `interview-notes check --fix` do the same. Undo restores the text.',
  },
  fixTitle(finding, text) {
    return `Repair “${text.slice(finding.span.start, finding.span.end)}” → “${finding.fix?.[0]?.newText ?? ''}”`;
  },
  fixAllTitle: 'Repair all mis-encoded text in this file',
  check({ misencoded, text }) {
    return misencoded.map((run) => ({
      // A run mis-encoded twice (`Ã¢â‚¬â„¢`) decodes to another mis-encoded run: repair it to the end.
      span: { start: run.start, end: run.end },
      message: `Mis-encoded text ${quote(visible(text.slice(run.start, run.end)))} should read ${quote(repairMisencoded(run.replacement))} (UTF-8 read as ${readAs(run.layers ?? [run.encoding])}).`,
      fix: [{ span: { start: run.start, end: run.end }, newText: repairMisencoded(run.replacement) }],
    }));
  },
};

const NAMES: Record<MisEncoding, string> = { macintosh: 'Mac Roman', 'windows-1252': 'Windows-1252', 'iso-8859-1': 'ISO-8859-1' };

/** `Windows-1252`, `ISO-8859-1, then as Windows-1252`, `Windows-1252 twice`: the layers, first to last. */
function readAs(layers: readonly MisEncoding[]): string {
  const groups: { name: string; times: number }[] = [];
  for (const layer of layers) {
    const last = groups[groups.length - 1];
    if (last?.name === NAMES[layer]) last.times++;
    else groups.push({ name: NAMES[layer], times: 1 });
  }
  return groups.map((g) => g.name + (g.times === 1 ? '' : g.times === 2 ? ' twice' : ` ${g.times} times`)).join(', then as ');
}

/** C1 controls (what an ISO-8859-1 layer leaves) shown as `\u0080`: they are invisible as they are. */
function visible(s: string): string {
  return s.replace(/[\u0080-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
