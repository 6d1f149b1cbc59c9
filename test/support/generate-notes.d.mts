// Types for bench/generate-notes.mjs (used by test/unit/generate-notes.test.ts).

export interface GeneratedNotesStats {
  /** UTF-8 size of the text. */
  bytes: number;
  categories: number;
  doneCategories: number;
  /** `###` story headings outside code blocks. */
  stories: number;
  completeStories: number;
  incompleteStories: number;
  emptyStories: number;
  storiesWithSubstories: number;
  substories: number;
  emptyParts: number;
  codeBlocks: number;
  fakeNotesCodeBlocks: number;
  questionMarks: number;
  diamonds: number;
  mojibake: number;
  todos: number;
  links: number;
}

export declare function mulberry32(seed: number): () => number;
export declare const MOJIBAKE: { readonly done: string; readonly question: string; readonly diamond: string };
export declare function generateNotes(targetBytes: number, seed?: number): string;
export declare function generateNotesDetailed(targetBytes: number, seed?: number): { text: string; stats: GeneratedNotesStats };
