// The guard against Markdown that makes the parser slow or overflow its stack. A section it flags is
// read plainly (its heading kept, the rest as content), so the analysis stays bounded and never throws.
//
//   - containers nested dozens deep on one line (`> > > …`, `- - - …`), indentation hundreds of
//     columns deep (a list staircase): the parser's stack;
//   - tens of thousands of emphasis, code or link markers: its delimiter matching;
//   - inline HTML that never closes (`<?`, `<!--`, `<!D`, `<![CDATA[`): micromark looks for the end
//     of each one to the end of its paragraph, so many of them cost their count times the paragraph's
//     length (a known class: commonmark/cmark#379). That product is what is bounded.

const DEEP_NESTING = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))){64}|^[ \t]{256}/m;
const MAX_DELIMITERS = 20_000;
/** Characters micromark may scan for unclosed inline HTML: about 0.1 s of it. */
const MAX_HTML_SCAN = 20_000_000;
/** Fewer `<` than this cannot reach MAX_HTML_SCAN in a section under the size limit. */
const FEW_ANGLES = 10;

export function isPathological(text: string): boolean {
  return pathologyOf(text) !== undefined;
}

/** Why the parser should not read `text` (the end of a sentence for the user), or undefined. */
export function pathologyOf(text: string): string | undefined {
  if (DEEP_NESTING.test(text)) return 'it nests lists, quotes or indentation too deeply for the Markdown parser';
  if (text.length >= MAX_DELIMITERS && countDelimiters(text) > MAX_DELIMITERS) {
    return `it holds more than ${MAX_DELIMITERS.toLocaleString('en')} emphasis, code or link markers, too many for the Markdown parser to match in time`;
  }
  if (unclosedHtmlScan(text) > MAX_HTML_SCAN) return 'it holds many unclosed inline HTML openers (`<?`, `<!--`, `<!D`, `<![CDATA[`), which the Markdown parser would search to the end of their paragraph';
  return undefined;
}

function countDelimiters(text: string): number {
  let delimiters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 42 || c === 95 || c === 96 || c === 91) && ++delimiters > MAX_DELIMITERS) return delimiters;
  }
  return delimiters;
}

/** Inline HTML openers and the text that ends each kind. */
const HTML_KINDS: ReadonlyArray<{ open: RegExp; close: string }> = [
  { open: /<\?/g, close: '?>' },
  { open: /<!--/g, close: '-->' },
  { open: /<![A-Za-z]/g, close: '>' },
  { open: /<!\[CDATA\[/g, close: ']]>' },
];
const BLANK_LINE = /(?:\r\n?|\n)[ \t]*(?=\r|\n|$)/g;

/**
 * An upper estimate of what micromark scans for unclosed inline HTML: for each opener with no closer
 * after it in its paragraph (text between blank lines, up to a line opening an HTML block), the
 * distance to the paragraph's end.
 */
export function unclosedHtmlScan(text: string): number {
  if (!hasManyAngles(text)) return 0;
  let total = 0;
  let start = 0;
  BLANK_LINE.lastIndex = 0;
  for (;;) {
    const m = BLANK_LINE.exec(text);
    const end = m ? m.index : text.length;
    if (end > start) total += paragraphScan(text, start, end);
    if (!m) return total;
    start = m.index + m[0].length;
    if (BLANK_LINE.lastIndex === m.index) BLANK_LINE.lastIndex++;
  }
}

/** A line that opens an HTML flow block (kinds 2–5): from there on the text is raw, not inline. */
const HTML_FLOW_LINE = /^ {0,3}<(?:\?|!--|![A-Za-z]|!\[CDATA\[)/m;

function paragraphScan(text: string, start: number, stop: number): number {
  // Such a line may interrupt a paragraph; what follows it is an HTML block, scanned once.
  const flow = HTML_FLOW_LINE.exec(text.slice(start, stop));
  const end = flow ? start + flow.index : stop;
  let total = 0;
  for (const { open, close } of HTML_KINDS) {
    // Within the paragraph only (V8 slices without copying), or each search would run to the top.
    const lastClose = text.slice(start, end).lastIndexOf(close);
    const from = lastClose === -1 ? start : start + lastClose + close.length;
    open.lastIndex = from;
    for (let m; (m = open.exec(text)) !== null && m.index < end; ) total += end - m.index;
  }
  return total;
}

function hasManyAngles(text: string): boolean {
  let n = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) if (++n >= FEW_ANGLES) return true;
  return false;
}
