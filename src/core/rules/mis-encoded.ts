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
  check({ misencoded, text }) {
    return misencoded.map((run) => ({
      // A run mis-encoded twice (`Ã¢â‚¬â„¢`) decodes to another mis-encoded run: repair it to the end.
      span: { start: run.start, end: run.end },
      message: `Mis-encoded text ${quote(text.slice(run.start, run.end))} should read ${quote(repairMisencoded(run.replacement))} (UTF-8 read as ${run.encoding === 'macintosh' ? 'Mac Roman' : 'Windows-1252'}).`,
      fix: [{ span: { start: run.start, end: run.end }, newText: repairMisencoded(run.replacement) }],
    }));
  },
};
