import { repairMisencoded } from '../encoding.js';
import { quote, type Rule } from './rule.js';

/**
 * UTF-8 text that was read as Mac Roman or Windows-1252 (`‚úÖ` for ✅, `â€™` for ’). Detection is
 * exact: the run is encoded back to bytes and must decode as valid UTF-8 of plausible characters
 * (see encoding.ts), so the repair is certain.
 */
export const misEncoded: Rule = {
  id: 'mis-encoded',
  defaultSeverity: 'warning',
  scope: 'runs',
  description: 'Text is mis-encoded (UTF-8 read as Mac Roman or Windows-1252), e.g. ‚úÖ for ✅.',
  doc: {
    fix: 'certain (repairs the text)',
    fixSummary: 'repairs it exactly',
    body: 'UTF-8 text that was read as Mac Roman or Windows-1252 somewhere on its way, e.g. `‚úÖ` for ✅,\n`‚ùì` for ❓, `üî∏` for 🔸, `caf√©` for café, `itâ€™s` for it’s.',
    details:
      'Detection is exact, not a table of guesses: each run is encoded back to bytes with the very decoder\nthat produced it and must decode as valid UTF-8 of plausible characters. Ambiguous two-byte runs\nare only reported inside a word: `√©` on its own in a maths note, or a lone `Ö`, is left alone.\n\nThe quick fixes repair one occurrence or the whole file; the command **Interview Notes: Repair\nMis-encoded Text in File** and `interview-notes check --fix` do the same. Undo restores the text.',
  },
  fixTitle(finding, text) {
    return `Repair “${text.slice(finding.span.start, finding.span.end)}” → “${finding.fix?.[0]?.newText ?? ''}”`;
  },
  fixAllTitle: 'Repair all mis-encoded text in this file',
  check({ misencoded, text }) {
    return misencoded.map((run) => ({
      // A run mis-encoded twice (`Ã¢â‚¬â„¢`) decodes to another mis-encoded run: repair it to the end.
      span: { start: run.start, end: run.end },
      message: `Mis-encoded text ${quote(text.slice(run.start, run.end))} should read ${quote(repairMisencoded(run.replacement))} (UTF-8 read as ${run.encoding === 'macintosh' ? 'Mac Roman' : 'Windows-1252'}).`,
      fix: [{ span: { start: run.start, end: run.end }, newText: repairMisencoded(run.replacement) }],
    }));
  },
};
