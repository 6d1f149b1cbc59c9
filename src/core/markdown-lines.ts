// One home for what a Markdown line looks like, read off the raw text where no mdast is at hand
// (the section scan, fixes, the quick reads of the bank and the question files). CommonMark's
// rules, cut down to what these readers need.

/** A byte order mark: micromark drops it, offsets in the text count it. */
export const BOM = 0xfeff;

/** 1 when `text` starts with a byte order mark, else 0. */
export function bomLength(text: string): 0 | 1 {
  return text.charCodeAt(0) === BOM ? 1 : 0;
}

/** An ATX heading's opening at the start of a line: `#` to `######`, then a space, a tab or the end. */
export const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;

/** An ATX heading indented up to three spaces, with its hashes and the spaces after them. */
export const ATX_HEADING_PREFIX = /^ {0,3}#{1,6}[ \t]*/;

/** Every ATX heading line of a text (for `matchAll`): up to three spaces, `#`…`######`, a space or the end. */
export const ATX_HEADING_LINES = /^ {0,3}#{1,6}(?:[ \t]|$)/gm;

/** Every ATX heading line with its title (group 1), closing hashes left out (for `matchAll`). */
export const ATX_HEADING_TITLES = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/gm;

/** Every setext heading with its title line (group 1) and underline (for `matchAll`). */
export const SETEXT_HEADING_TITLES = /^ {0,3}(\S.*)\r?\n {0,3}(?:=+|-+)[ \t]*$/gm;

/** A line where a code fence opens (for `test` over a text, with the `m` flag). */
export const FENCE_LINE = /^ {0,3}(?:`{3,}|~{3,})/m;

/** A line break followed by an ATX heading (for a `g` search through a text). */
export const ATX_HEADING_AFTER_BREAK = /(?:\r\n?|\n)(?=#{1,6}(?:[ \t]|\r|\n|$))/g;

/**
 * A fenced code block's opening line: its fence (``` or ~~~, three or more) and info string. The info
 * string may hold any character: `.` would stop at U+2028 and U+2029, which micromark takes as text.
 */
export const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^\r\n]*)$/;

/** Whether `line` closes a fence of `length` × `char`: the same character, at least as many, then only spaces and tabs. */
export function closesFence(line: string, char: string, length: number): boolean {
  const m = FENCE_CLOSE.exec(line);
  return m !== null && m[1]![0] === char && m[1]!.length >= length;
}
const FENCE_CLOSE = /^ {0,3}(`+|~+)[ \t]*$/;

/** A list item's marker at the start of a line (`-`, `*`, `+`, `1.`, `1)`) and the spaces after it. */
export const LIST_MARKER = /^([-*+]|\d{1,9}[.)])([ \t]+|$)/;

/** A line that is a list item, indented or not. */
export const LIST_ITEM_LINE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** A bullet item with text on its line. */
export const BULLET_WITH_TEXT = /^[-*+][ \t]+\S/;

/** A thematic break: three or more `-`, `*` or `_`, spaces between allowed. */
export const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** The `---` that opens or closes YAML front matter. */
export const FRONT_MATTER_FENCE = /^---[ \t]*$/;
