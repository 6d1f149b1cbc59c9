// Every story the store knows (open notes, and in workspace scope the closed ones), each with what
// practice, questions and the cheat sheet need of it: its stable id, its file, its tags and speaking
// time, its summary, and the shapes the core's linking and finding take. Built once per model (models
// never change), so asking again after an edit elsewhere costs nothing.

import * as vscode from 'vscode';
import { bank, practice, questions, sheet, type Category, type NotesModel, type Story } from '../core/index.js';
import type { NotesEntry, NotesStore } from './notes-store.js';

export interface WorkspaceStory {
  /** Unique over the workspace: the file and the story's id (for links and reveal). */
  key: string;
  /** The story's stable id within its file (ids.ts): what practice history is keyed by. */
  storyId: string;
  uri: vscode.Uri;
  /** The file relative to its workspace folder, with `/`. */
  file: string;
  story: Story;
  category: Category;
  bank: bank.BankStory;
  /** Competency keys (`generic:conflict`). */
  competencies: string[];
  summary: sheet.StorySummary;
  linkable: questions.LinkableStory;
  findable: questions.FindableStory;
}

const cache = new WeakMap<NotesModel, WorkspaceStory[]>();
const linkCache = new WeakMap<NotesModel, questions.LinkableStory[]>();

export const relativeFile = (uri: vscode.Uri): string => vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');

export const storyKey = (uri: vscode.Uri, storyId: string): string => `${uri.toString()}#${storyId}`;

/** The stories (not sub-stories) of one notes entry, in document order. */
export function storiesOf(entry: NotesEntry): WorkspaceStory[] {
  const cached = cache.get(entry.model);
  if (cached) return cached;
  const { text, model, uri } = entry;
  const file = relativeFile(uri);
  const banked = new Map(bank.bankStories(text, model, { file }).map((b) => [b.heading.start, b]));
  const sheets = new Map(sheet.sheetStories(text, model, { file }).map((s, i) => [i, s]));
  const linkable = new Map(linkablesOf(entry).map((l) => [l.id, l]));
  const out: WorkspaceStory[] = [];
  let index = 0;
  for (const category of model.categories) {
    for (const story of category.stories) {
      const b = banked.get(story.heading.start);
      // The sheet has a story exactly where the bank has one (it reads the same facts), in order.
      if (!b) continue;
      const summary = sheets.get(index++)?.summary ?? { actions: [] };
      const key = storyKey(uri, story.id);
      out.push({
        key,
        storyId: story.id,
        uri,
        file,
        story,
        category,
        bank: b,
        competencies: [...new Set(b.tags.tags.flatMap((t) => t.competencies.map(practice.competencyKey)))],
        summary,
        linkable: linkable.get(key)!,
        findable: questions.findableStory(text, story, { id: key, category: category.title, tags: b.tags, seconds: b.time.seconds }),
      });
    }
  }
  cache.set(model, out);
  return out;
}

/**
 * The stories of one notes entry as question links name them: cheap (no parse), so the questions
 * diagnostics can follow every keystroke in a large notes file.
 */
export function linkablesOf(entry: NotesEntry): questions.LinkableStory[] {
  let found = linkCache.get(entry.model);
  if (!found) {
    found = questions.linkableStories(entry.text, entry.model.categories, relativeFile(entry.uri), (id) => storyKey(entry.uri, id));
    linkCache.set(entry.model, found);
  }
  return found;
}

/** Every story of every notes file the store knows. */
export function workspaceStories(store: NotesStore): WorkspaceStory[] {
  return store.notes().flatMap(storiesOf);
}

/** The Markdown documents the store knows (open ones, and closed ones read in workspace scope). */
export function knownMarkdown(store: NotesStore): NotesEntry[] {
  const seen = new Map<string, NotesEntry>();
  for (const e of store.notes()) seen.set(e.uri.toString(), e);
  for (const d of vscode.workspace.textDocuments) {
    if (d.languageId !== 'markdown') continue;
    const e = store.get(d.uri);
    if (e) seen.set(e.uri.toString(), e);
  }
  return [...seen.values()];
}

export interface QuestionsFile {
  entry: NotesEntry;
  file: string;
  questions: questions.ResolvedQuestion[];
}

/** The questions files among the known documents, their links resolved over every story. */
export function questionsFiles(store: NotesStore): QuestionsFile[] {
  const candidates = knownMarkdown(store).filter((e) => questions.mayHoldQuestions(e.text));
  if (candidates.length === 0) return [];
  const linkable = store.notes().flatMap(linkablesOf);
  const out: QuestionsFile[] = [];
  for (const entry of candidates) {
    const file = relativeFile(entry.uri);
    const doc = questions.parseQuestions(entry.text, { file });
    if (doc.isQuestions) out.push({ entry, file, questions: questions.resolveLinks(doc.questions, linkable) });
  }
  return out;
}

/** Opens a story's file and puts the cursor on its heading. */
export async function revealStory(story: Pick<WorkspaceStory, 'uri' | 'story'>): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(story.uri, { preview: false });
  const at = editor.document.positionAt(story.story.heading.start);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
  return editor;
}
