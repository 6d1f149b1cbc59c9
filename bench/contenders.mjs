// The peers the analyzer is measured against, the line-scan floor, and the one-character edits of the
// re-analysis contender. Shared by run.mjs and peer-worker.mjs.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { lint } from 'markdownlint/sync';

/** `unified().use(remarkParse).parse(text)` alone: what any remark-based analysis pays at least. */
export function parseWithRemark(text) {
  return unified().use(remarkParse).parse(text);
}

/** The markdownlint library with its default rules. */
export function lintWithMarkdownlint(text) {
  return lint({ strings: { doc: text } });
}

const HEADING = /^#{1,6}\s/;
const STAR_LABEL = /^\s*[-*+]\s+\*\*(?:Situation|Task|Action|Result)\*\*/;
const QUESTION = /❓|\u201A\u00F9\u00EC/; // ❓ or its mis-encoded form ‚ùì

/** The floor: split into lines and test a few regexes per line. */
export function lineScan(text) {
  const lines = text.split('\n');
  let headings = 0;
  let labels = 0;
  let questions = 0;
  for (const line of lines) {
    if (HEADING.test(line)) headings++;
    if (STAR_LABEL.test(line)) labels++;
    if (QUESTION.test(line)) questions++;
  }
  return { lines: lines.length, headings, labels, questions };
}

export const PEERS = {
  'remark-parse': parseWithRemark,
  markdownlint: lintWithMarkdownlint,
  'line scan': lineScan,
};

/**
 * Make a string flat (not a V8 rope), as a string from `TextDocument.getText()` or `readFileSync` is.
 * `a + b` on long strings makes a cons string, which V8 flattens, an O(n) copy, on first access; that
 * copy must not be timed as part of the analysis. charCodeAt flattens it.
 */
export function flatten(s) {
  s.charCodeAt(0);
  return s;
}

/**
 * Where to type inside stories: the middle of the text of each `- **Action**: …` line outside fenced
 * code blocks (UTF-16 offsets, never between the two halves of a surrogate pair).
 */
export function findActionSites(text) {
  const sites = [];
  let fence = null;
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end);
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1][0];
      else if (f[1][0] === fence) fence = null;
    } else if (fence === null) {
      const m = /^\s*- \*\*Action\*\*: /.exec(line);
      if (m && line.length - m[0].length >= 8) {
        let at = pos + m[0].length + Math.floor((line.length - m[0].length) / 2);
        const c = text.charCodeAt(at - 1);
        if (c >= 0xd800 && c <= 0xdbff) at++;
        sites.push(at);
      }
    }
    pos = end + 1;
  }
  return sites;
}

const EDIT_CHARS = ['x', 'e', ' ', 'é', 'a', 'k', '2', 's', 'ü', 't'];

/**
 * One-character edits as a user makes them while typing: each edit inserts one character into the text
 * left by the previous edit (cumulative), at the middle of a story's Action text. The stories are
 * visited from the middle of the document outwards, alternating sides, and the character changes each
 * time, so no edit gives a text that was seen before.
 */
export function makeEditor(text) {
  const sites = findActionSites(text);
  if (sites.length === 0) throw new Error('no `- **Action**:` line to edit');
  const mid = Math.floor(sites.length / 2);
  const inserted = []; // original offsets of the characters inserted so far, sorted
  let current = text;
  let k = 0;
  return {
    sites: sites.length,
    /** The next edited text (flat). */
    next() {
      const step = k % sites.length;
      const offset = step % 2 === 0 ? step / 2 : -(step + 1) / 2;
      const site = sites[(((mid + offset) % sites.length) + sites.length) % sites.length];
      const ch = EDIT_CHARS[k % EDIT_CHARS.length];
      k++;
      // Shift by the characters already inserted at or before this original offset.
      let lo = 0;
      let hi = inserted.length;
      while (lo < hi) {
        const m = (lo + hi) >>> 1;
        if (inserted[m] <= site) lo = m + 1;
        else hi = m;
      }
      const at = site + lo;
      inserted.splice(lo, 0, site);
      current = flatten(current.slice(0, at) + ch + current.slice(at));
      this.change = { rangeOffset: at, rangeLength: 0, text: ch };
      return current;
    },
    /** The last edit as VS Code's change event has it (what the extension passes to update). */
    change: undefined,
    get text() {
      return current;
    },
  };
}
