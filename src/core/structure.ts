// The structure of a notes file: categories → stories → sub-stories, built from the facts of every
// section. This module holds the shapes and the placing of facts; the building is in build/:
// the notes decision (evidence), the heading levels (levels), the titles that open or are no
// stories (titles), and the builder.

import type { Fact, LabelFact, SectionFacts } from './facts.js';
import type { Category, NotNotesReason, Story } from './model.js';
import { isFileSwitchOff } from './build/evidence.js';
import { isStoryHeading, isStoryLine } from './build/titles.js';

export { buildCategories, UNTITLED } from './build/builder.js';
export { proseStoryHeadings, readGlobals, saidNotes, type NotesOption } from './build/evidence.js';
export { isContentsTitle, isNonBehaviouralQuestion, isStarDefinitionTitle, isToolingTitle } from './build/titles.js';

/** A section's facts placed at its offset in the document. */
export interface PlacedSection {
  start: number;
  facts: SectionFacts;
}

export interface LevelOptions {
  /** Heading depth of categories (1–6); 0 means none. Undefined: detect. */
  category?: number | undefined;
  /** Heading depth of stories (1–6). Undefined: detect. */
  story?: number | undefined;
}

/** A fact at its place in the document: every offset in it (doneMark and blockEnd too) absolute. */
export type Placed<F extends Fact = Fact> = F & { placed: true };

export interface Structure {
  isNotes: boolean;
  levels: { category: number; story: number; bold: boolean };
  categories: Category[];
  /** Per story: the label facts, for fixes that copy a label's style (offsets hold while the story is built). */
  storyLabels: Map<Story, LabelFact[]>;
  /** The file's most used label style, for stories that have no label to copy. */
  fileStyle: LabelFact | undefined;
}

/** Copies of a section's facts at their place in the document. */
export function placeFacts(facts: SectionFacts, start: number): Placed[] {
  return facts.facts.map((f) => placeFact(f, start));
}

function placeFact(f: Fact, start: number): Placed {
  const placed = { ...f, start: f.start + start, end: f.end + start, placed: true as const };
  if (placed.kind === 'label') placed.blockEnd += start;
  else if (placed.kind === 'heading' && placed.doneMark) placed.doneMark = { start: placed.doneMark.start + start, end: placed.doneMark.end + start };
  return placed;
}

/** What the whole file decides, whatever part of it is rebuilt: notes or not, levels, label style. */
export interface Globals {
  isNotes: boolean;
  /** Why the file is not notes, when it is not. */
  notNotes?: NotNotesReason;
  levels: Levels;
  fileStyle: LabelFact | undefined;
}

const signatures = new WeakMap<SectionFacts, string>();

/**
 * What of a section the file-wide decisions (readGlobals) depend on: headings, bold story lines and
 * labels, not text, content or marks. When an edit leaves the signatures of the sections it touched
 * unchanged, the globals are unchanged too and need not be read again from every section.
 */
export function globalSignature(facts: SectionFacts): string {
  let signature = signatures.get(facts);
  if (signature !== undefined) return signature;
  const parts: string[] = [];
  for (const f of facts.facts) {
    if (f.kind === 'heading') {
      parts.push(f.star ? `S${f.depth}${f.star.parts.join(',')}|${f.star.vocabulary}|${f.star.written}` : `H${f.depth}${isStoryHeading(f) ? 's' : ''}`);
    } else if (f.kind === 'bold') {
      parts.push(`B${f.inList ? 'l' : ''}${isStoryLine(f) ? 's' : ''}${f.question ? 'q' : ''}${f.plain ? 'p' : ''}`);
    } else if (f.kind === 'content' && (f.narrative || f.definition)) {
      // (question lines are bold facts: their signature below says so)
      parts.push(f.narrative ? 'P' : 'F');
    } else if (f.kind === 'notes') {
      parts.push(`N${f.value}`);
    } else if (isFileSwitchOff(f)) {
      parts.push('D');
    } else if (f.kind === 'label') {
      parts.push(`L${f.style}|${f.parts.join(',')}|${f.vocabulary}|${f.written}|${f.template}`);
    }
  }
  signature = parts.join('\n');
  signatures.set(facts, signature);
  return signature;
}

export interface Levels {
  category: number;
  story: number;
  bold: boolean;
  /** Notes written as prose, without labels: a behavioural heading with content is a story. */
  prose?: boolean;
  /** Some stories hold deeper headings with parts of their own: those headings are sub-stories. */
  subHeadings?: boolean;
}
