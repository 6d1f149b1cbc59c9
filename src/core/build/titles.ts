// What a title says about the block under it: a story by its form (`Story 2`, a numbered heading,
// a `<details>` summary), or no story at all (a table of contents, the notes' tooling, the STAR
// method, a question answered without a story).

import type { BoldLineFact, HeadingFact } from '../facts.js';

export const STORY_TITLE = /^(?:story|case study|case|example|beispiel|geschichte|história|historia|exemplo|ejemplo|histoire|exemple)\b/iu;
export const STORY_HEADING = /^(?:story|case study|case|example|beispiel|geschichte|história|historia|exemplo|ejemplo)\s*(?:#\s*)?(?:\d+|[a-z])\b|^(?:tell me about|describe a time|give an example|a time)\b/iu;

/** A bold line that opens a story: `**Story: Billing**`, `**Example 2**`, a `<details>` summary. */
export function isStoryLine(f: BoldLineFact): boolean {
  return f.story === true || STORY_TITLE.test(f.title);
}

/** A plain numbered line (`1 – Setup`) in notes whose stories are headings: a line of a story's text. */
export function isPlainTitleInHeadingNotes(f: BoldLineFact, boldStories: boolean): boolean {
  return f.plain === true && !boldStories;
}

export function isStoryHeading(h: HeadingFact): boolean {
  return h.number !== undefined || STORY_HEADING.test(h.text);
}

const TOOLING_TITLE = /\b(?:templates?|checklists?|matrix|story bank|categories|coverage|index|contents|toc|overview|cheat ?sheet|framework|method(?:ology)?|format|guide|resources|references|links|tips)\b/iu;
const NON_BEHAVIOURAL_QUESTION = /^(?:why\b|what (?:are|is) your\b|do you have\b|tell me about yourself\b|walk me through your (?:resume|cv)\b|where do you see\b|how do you\b|what do you\b)/iu;

/** `Contents`, `Table of Contents`, `Index`, `Inhalt`: a table of contents' heading. */
export function isContentsTitle(title: string): boolean {
  return /^(?:table of contents|contents|toc|index|inhalt(?:sverzeichnis)?|índice|indice|sommaire|目录|目錄|目次|목차|содержание)$/iu.test(title.trim());
}

/** `Story Template`, `Your Story Bank`, `Story Coverage Matrix`: a heading about the notes, not a story. */
export function isToolingTitle(title: string): boolean {
  return TOOLING_TITLE.test(title);
}

/** `The STAR method`, `What is STAR?`: the labels under it define the parts, they tell no story. */
export function isStarDefinitionTitle(title: string): boolean {
  return /\bSTAR\b/u.test(title) && (isToolingTitle(title) || /\b(?:what is|technique|approach|explained)\b/iu.test(title));
}

/** `Why do you want to work here?`, `Tell me about yourself`: a question answered without a story. */
export function isNonBehaviouralQuestion(title: string): boolean {
  return NON_BEHAVIOURAL_QUESTION.test(title.replace(/^(?:\d{1,3}[.)]\s*|Q\d*[.:)]\s*)/iu, ''));
}
