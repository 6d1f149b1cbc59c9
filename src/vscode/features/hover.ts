// Hover on a story's heading: which STAR parts are written, empty or missing, how long it takes to
// tell and its competency tags (the core's story bank), with command links to the next unfinished
// story and to insert the missing labels.

import * as vscode from 'vscode';
import { bank, REQUIRED_PARTS, type Story } from '../../core/index.js';
import type { NotesEntry, NotesStore } from '../notes-store.js';
import { MARKDOWN_SELECTOR } from '../selector.js';
import { toRange } from '../positions.js';
import type { Feature } from './feature.js';
import { INSERT_MISSING_COMMAND } from './commands.js';

const PART = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result', learning: 'Learning' } as const;

/** The story or sub-story whose heading holds `offset`. */
export function storyWithHeadingAt(entry: NotesEntry, offset: number): Story | undefined {
  for (const category of entry.model.categories) {
    for (const story of category.stories) {
      for (const s of [story, ...story.stories]) if (offset >= s.heading.start && offset <= s.heading.end) return s;
    }
  }
  return undefined;
}

const commandLink = (title: string, command: string, args: unknown[] = []) =>
  `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;

/** The hover's Markdown for a story (plain text in it escaped). */
export function storyHover(entry: NotesEntry, story: Story): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: ['interviewNotes.nextUnfinished', INSERT_MISSING_COMMAND] };
  md.appendMarkdown('**').appendText(story.title).appendMarkdown(`** — ${story.status}\n\n`);
  const written = new Set(story.sections.filter((s) => s.hasContent).map((s) => s.part));
  const labelled = new Set(story.sections.map((s) => s.part));
  const parts = REQUIRED_PARTS.map((p) => (written.has(p) ? `✓ ${PART[p]}` : labelled.has(p) ? `○ ${PART[p]} (empty)` : `✗ ${PART[p]} (missing)`));
  if (story.stories.length === 0) md.appendMarkdown(`${parts.join(' · ')}\n\n`);
  else md.appendMarkdown(`${story.stories.length} sub-stories${story.missing.length ? `; missing in them: ${story.missing.map((p) => PART[p]).join(', ')}` : ''}\n\n`);
  // The bank of this story alone: reading the whole file's would parse every story on each hover.
  const category = bank.storyAt(entry.model, story.heading.start)?.category;
  const alone = { categories: [{ title: category?.title ?? null, heading: category?.heading, stories: [story] }] };
  const facts = bank.storyBank(entry.text, alone).get(story.heading.start);
  if (facts) {
    const bits = [`⏱ ${bank.formatDuration(facts.seconds)} (${facts.words} words)`];
    if (facts.tags.length) bits.push(facts.tags.map((t) => `#${t}`).join(' '));
    md.appendText(bits.join(' · ')).appendMarkdown('\n\n');
  }
  const links = [];
  const missingFinding = entry.model.findings.find((f) => f.rule === 'missing-section' && f.span.start === story.heading.start);
  if (missingFinding) links.push(commandLink('Insert the missing parts', INSERT_MISSING_COMMAND, [entry.uri.toString(), story.heading.start]));
  if (story.status !== 'complete' || entry.model.categories.some((c) => c.stories.some((s) => s.status !== 'complete'))) {
    links.push(commandLink('Go to the next unfinished story', 'interviewNotes.nextUnfinished'));
  }
  if (links.length) md.appendMarkdown(links.join(' · '));
  return md;
}

export class StoryHovers implements vscode.HoverProvider {
  constructor(private readonly store: NotesStore) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const entry = this.store.analyzeDocument(document);
    if (!entry?.model.isNotes) return undefined;
    const story = storyWithHeadingAt(entry, document.offsetAt(position));
    return story && new vscode.Hover(storyHover(entry, story), toRange(entry.positions, story.heading));
  }
}

export const hoverFeature: Feature = {
  id: 'hover',
  activate(context, store) {
    context.subscriptions.push(vscode.languages.registerHoverProvider(MARKDOWN_SELECTOR, new StoryHovers(store)));
  },
};
