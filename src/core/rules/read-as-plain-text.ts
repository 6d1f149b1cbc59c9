import type { Rule } from './rule.js';

/**
 * Text read as plain text, not as Markdown: a section the pathological-input guard (pathological.ts)
 * keeps from the parser, or one the parser failed on. Its heading is still read, its body only as
 * content, so labels, placeholders and marks in it are not seen: the user is told, where and why.
 */
export const readAsPlainText: Rule = {
  id: 'read-as-plain-text',
  defaultSeverity: 'information',
  scope: 'runs',
  description: 'Text is read as plain text, not as Markdown, because parsing it would take too long; labels and placeholders in it are not seen.',
  doc: {
    fix: 'none (change the text)',
    fixSummary: '—',
    body:
      'Some Markdown makes the parser slow out of all proportion: containers nested dozens deep on one line\n' +
      '(`> > > …`), tens of thousands of emphasis or link markers, many inline HTML openers that never\n' +
      'close (`<?`, `<!--`). So that the editor never freezes, such a part of the file (up to the next\n' +
      'heading, or the next blank line in a long section) is read as plain text: its heading still counts,\n' +
      'its text counts as content, but STAR labels, placeholders and marks in it are not read. This rule\n' +
      'says so, at the first line of that text, with the number of lines and the reason.',
    details:
      'Break the text up (a blank line or a heading before the part that is read plainly), remove the\n' +
      'markup that floods it, or put pasted output in a code fence (` ``` `), which is read quickly.\n' +
      'The rule is information only: it does not fail `interview-notes check`.',
  },
  check({ text, plainText = [] }) {
    return plainText.map((plain) => {
      const lineBreak = /\r\n?|\n/g;
      lineBreak.lastIndex = plain.start;
      const firstLineEnd = Math.min(lineBreak.exec(text)?.index ?? text.length, plain.end);
      const lines = countLines(text, plain.start, plain.end);
      const extent = lines === 1 ? 'This line is' : lines === 2 ? 'This line and the next are' : `This line and the ${(lines - 1).toLocaleString('en')} after it are`;
      return {
        span: { start: plain.start, end: Math.max(firstLineEnd, plain.start + 1) },
        message: `${extent} read as plain text, not as Markdown: ${plain.reason}. STAR labels and placeholders in it are not seen.`,
      };
    });
  },
};

function countLines(text: string, start: number, end: number): number {
  let lines = 1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  return lines;
}
