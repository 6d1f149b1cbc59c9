// The analysis model: what a notes document is made of. Plain data, no `vscode` import, so it runs in
// tests, in the command-line tool, in the extension host and in a browser. A model handed out is
// deep-frozen and never changes afterwards: it survives `structuredClone` and can be kept and compared
// (practice history, "what changed"); the analyzer's speed tricks live in its own private caches.
//
// Every position in the model is a UTF-16 offset into the document text (0-based, end exclusive):
// the unit of JavaScript strings, of mdast `offset` and of VS Code's `Position.character`.
// Lines and columns are derived from offsets in exactly one place: `LineIndex` (line-index.ts).

/** A span of the document text: UTF-16 offsets, `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** The STAR parts, plus the optional fifth part (Learning / Lessons / Reflection). */
export type StarPart = 'situation' | 'task' | 'action' | 'result' | 'learning';
export const REQUIRED_PARTS: readonly StarPart[] = ['situation', 'task', 'action', 'result'];

/** How a STAR label is written; used to insert missing labels in the story's own style. */
export type LabelStyle =
  | 'list-bold' // - **Situation**: text
  | 'bold' // **Situation:** text    (a paragraph of its own)
  | 'heading' // ### Situation
  | 'plain' // Situation: text       (start of a paragraph or list item)
  | 'inline' // (S) text (T) text …  (markers inside one paragraph)
  | 'table'; // | Story | Situation | … | (a GFM table's cells)

export interface StarSection {
  part: StarPart;
  /** The label as written, e.g. `**Situation**:` or `### Situation`. */
  label: Span;
  /** From the label to the end of the part's content. */
  span: Span;
  /** True when anything but whitespace, placeholders and punctuation follows the label. */
  hasContent: boolean;
  style: LabelStyle;
}

export type StoryStatus = 'complete' | 'incomplete' | 'empty';

export interface Story {
  /**
   * A key that stays the same while the story is edited, moved by edits elsewhere or renamed (when an
   * update can follow the rename): `<category id>/<title>` for a fresh reading, `#2`… for repeats.
   */
  id: string;
  kind: 'story' | 'substory';
  title: string;
  /** True for a story with no heading or title line (labels alone); its title is only for display. */
  untitled?: boolean;
  /** True for one of several narratives under one title, split where a Situation comes again. */
  narrative?: boolean;
  /** The number written before the title (`### 4. convince senior` → 4), if any. */
  number: number | undefined;
  /** The heading (or bold line) that names the story. */
  heading: Span;
  /** The whole story, heading to the last character of its content. */
  span: Span;
  status: StoryStatus;
  /** Required STAR parts that are absent or empty (for a story with sub-stories: in any of them). */
  missing: StarPart[];
  sections: StarSection[];
  placeholders: Span[];
  highlights: Span[];
  stories: Story[];
}

export interface Category {
  /** Like a story's id: stays the same across edits elsewhere and renames an update can follow. */
  id: string;
  /** Null for the stories that sit under no category heading. */
  title: string | null;
  /** A letter or number label before the title (`## ✅ A. Handling …` → "A"). */
  label: string | undefined;
  /** Marked done with ✅ (or its mis-encoded form). */
  done: boolean;
  /** Where the done mark is, so a fix can remove it. */
  doneMark: Span | undefined;
  heading: Span | undefined;
  span: Span;
  stories: Story[];
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  /** Present only when the fix is certain as it stands: safe to apply without asking (`--fix`, fix all). */
  fix: TextEdit[] | undefined;
  /**
   * A fix that is certain only once checked against the text (missing-section re-reads the story with
   * it applied): too dear for every keystroke, so checked when asked, by `certainFix(text, finding)`
   * (fixes.ts), which every consumer of fixes calls. `check` is the rule's own plain data.
   */
  checkedFix?: { edits: TextEdit[]; check: FixCheck };
  /** Edits worth offering as a quick fix that the user must choose (not applied by `--fix`). */
  suggestions?: Suggestion[];
}

/** What a rule needs to check its fix later: plain, position-free data (see Rule.verifyFix). */
export type FixCheck = Readonly<Record<string, string | number | boolean | readonly string[]>>;

export interface Suggestion {
  title: string;
  edits: TextEdit[];
}

/**
 * Why a file is not read as notes: the user said so (its front matter, a disable-file comment, or
 * a notes glob of the configuration), or the evidence is too thin (notes-decision.ts words it).
 */
export interface NotNotesReason {
  by: 'front-matter' | 'comment' | 'configuration' | 'evidence';
}

export interface NotesModel {
  /** False for ordinary Markdown (a README): then there are no stories and no findings. */
  isNotes: boolean;
  /** Set when `isNotes` is false: why. */
  notNotes?: NotNotesReason;
  categories: Category[];
  findings: Finding[];
  /** The heading depths used for categories and stories in this file (0 when there are none). */
  levels: { category: number; story: number };
}
