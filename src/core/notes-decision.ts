// Why a file is not read as notes, in the words the CLI, the Stories view and the status bar show.
// The evidence a file needs (README, "Which files are notes") is two different STAR parts used as
// labels, or two behavioural-question headings each followed by a narrative.

import type { NotNotesReason, StarPart } from './model.js';

const PART_NAME: Record<StarPart, string> = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result', learning: 'Learning' };

/** `its front matter says interview-notes: false`, `only one STAR part is labelled (Result)`… */
export function explainNotNotes(reason: NotNotesReason | undefined): string {
  switch (reason?.by) {
    case 'front-matter':
      return 'its front matter says interview-notes: false';
    case 'comment':
      return 'it holds <!-- interview-notes-disable-file -->';
    case 'configuration':
      return 'the settings say it is not notes';
    case 'evidence':
      if (reason.labelledParts.length === 1) return `only ${PART_NAME[reason.labelledParts[0]!]} is labelled; notes label two STAR parts or more`;
      return 'no STAR labels, no question headings with stories';
    default:
      return 'no STAR labels';
  }
}
