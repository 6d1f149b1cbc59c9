// Text that asks or files rather than tells: a template's form fields and questions, a list of links
// (a table of contents). It is content of no story.

import type { Nodes, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';

const EMPTY_FIELD_LINE = /^[ \t>]*(?:\*\*|__)?[^*_:：\r\n]{1,60}[:：][ \t]*(?:\*\*|__)?[^\p{L}\r\n]*$/u;
const METADATA_LINE = /^[ \t>]*(?:\*\*|__)[^*_:：\r\n]{1,40}(?:[:：](?:\*\*|__)|(?:\*\*|__)[ \t]*[:：])[^\r\n]{0,120}$/u;
const QUESTION_LINE = /^[ \t>]*[*_]+(?:["“][^\r\n]{4,}["”]|\([^\r\n]{2,}\)|[^\r\n]{4,}\?)[*_]+[ \t]*$/;

/**
 * A paragraph that only asks or files: form fields (`**Maps to:**`, `**Practice count:** 0/3`,
 * `**Categories:** Ownership, Conflict`), an editorial note (`*(add as you go)*`) and the question a story answers, in
 * italics (`*"Tell me about a time you led…?"*`). A template's prompt, not the story's content.
 */
export function isPrompt(source: string): boolean {
  return source.split(/\r\n?|\n/).every((line) => EMPTY_FIELD_LINE.test(line) || METADATA_LINE.test(line) || QUESTION_LINE.test(line));
}

/**
 * A list whose every item starts with a link and says little else (nested lists the same): a table of
 * contents or an index (`[Question 1](#q1) | What is DevOps`).
 */
export function isLinkList(list: Nodes & { type: 'list' }): boolean {
  return list.children.every(
    (item) =>
      item.children.length > 0 &&
      item.children.every((child) => (child.type === 'list' ? isLinkList(child) : child.type === 'paragraph' && startsWithLink(child))),
  );
}

function startsWithLink(paragraph: Paragraph): boolean {
  const first = paragraph.children[0];
  if (first?.type !== 'link' && first?.type !== 'linkReference') return false;
  return toString(paragraph).split(/\s+/).length <= 20;
}
