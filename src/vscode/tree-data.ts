// What the Stories view shows, computed from the model without VS Code, so it is unit-tested: labels,
// descriptions, status icons, counts and stable ids. stories-view.ts turns these into TreeItems.

import type { CategorySummary, NotesSummary, Story, StoryStatus } from '../core/index.js';

export type NodeKind = 'file' | 'category' | 'story' | 'substory';

export interface NodeData {
  /** The story's or category's own id (model.ts), so expansion and selection survive edits and renames. */
  id: string;
  kind: NodeKind;
  label: string;
  description: string;
  tooltip: string;
  /** A codicon id and a theme colour id. */
  icon: { id: string; color: string | undefined };
  status: StoryStatus | undefined;
  uri: string;
  /** Offset of the heading to reveal. */
  offset: number;
  /** Offsets the node covers, to follow the cursor. */
  start: number;
  end: number;
  children: NodeData[];
}

/** What practice adds to the tree (features/practice.ts sets it): a story's note, and whether it is shown (the due filter). */
export interface PracticeMarks {
  note(storyId: string): string | undefined;
  shown(storyId: string): boolean;
  /** The due filter is on: categories left with no story are dropped. */
  filtering: boolean;
}

let practiceMarks: PracticeMarks | undefined;

export function setPracticeMarks(marks: PracticeMarks | undefined): void {
  practiceMarks = marks;
}

const LETTER = { situation: 'S', task: 'T', action: 'A', result: 'R', learning: 'L' } as const;

/**
 * Status readable from the icon alone, in every theme: a different shape per status (not only a
 * different size) and a colour the extension contributes with light, dark and high-contrast values
 * (package.json `contributes.colors`).
 */
export const STATUS_ICON: Record<StoryStatus, { id: string; color: string }> = {
  complete: { id: 'pass-filled', color: 'interviewNotes.complete' },
  incomplete: { id: 'edit', color: 'interviewNotes.incomplete' },
  empty: { id: 'circle-large-outline', color: 'interviewNotes.empty' },
};

/** A category's icon: all complete, marked done (✅) with stories unfinished, or neither. */
export const CATEGORY_ICON = {
  complete: { id: 'pass', color: 'interviewNotes.complete' },
  doneButUnfinished: { id: 'warning', color: 'interviewNotes.doneButUnfinished' },
  open: { id: 'folder', color: undefined },
} as const;

/** "missing R · 2 ❓", "empty", "" for a complete story. */
export function storyDescription(story: Story): string {
  const bits: string[] = [];
  if (story.status === 'empty') bits.push('empty');
  else if (story.missing.length) bits.push(`missing ${story.missing.map((p) => LETTER[p]).join(' ')}`);
  const placeholders = story.placeholders.length + story.stories.reduce((n, s) => n + s.placeholders.length, 0);
  if (placeholders) bits.push(`${placeholders} ❓`);
  return bits.join(' · ');
}

function storyNode(uri: string, story: Story): NodeData {
  // The label is the title alone, so that type-to-navigate finds a story by its name (the tree's
  // order shows its number; the tooltip names it).
  const numbered = story.number !== undefined ? `${story.number}. ${story.title}` : story.title;
  const missing = story.missing.length ? `Missing: ${story.missing.join(', ')}` : '';
  return {
    id: `${uri}#${story.id}`,
    kind: story.kind,
    label: story.title,
    description: [storyDescription(story), story.kind === 'story' ? practiceMarks?.note(story.id) : undefined].filter(Boolean).join(' · '),
    tooltip: [numbered, `Status: ${story.status}`, missing].filter(Boolean).join('\n'),
    icon: STATUS_ICON[story.status],
    status: story.status,
    uri,
    offset: story.heading.start,
    start: story.span.start,
    end: story.span.end,
    children: story.stories.map((s) => storyNode(uri, s)),
  };
}

function categoryNode(uri: string, c: CategorySummary): NodeData {
  const { category, title, complete, stories } = c;
  const allDone = stories > 0 && complete === stories;
  return {
    id: `${uri}#${category.id}`,
    kind: 'category',
    label: title,
    description: `${complete}/${stories}`,
    tooltip: `${title}\n${complete} of ${stories} ${stories === 1 ? 'story' : 'stories'} complete${category.done && !allDone ? '\nMarked done (✅), but not every story is complete' : category.done ? '\nMarked done (✅)' : ''}`,
    icon: allDone ? CATEGORY_ICON.complete : category.done ? CATEGORY_ICON.doneButUnfinished : CATEGORY_ICON.open,
    status: undefined,
    uri,
    offset: category.heading?.start ?? category.span.start,
    start: category.span.start,
    end: category.span.end,
    children: c.shown.filter((s) => practiceMarks?.shown(s.id) ?? true).map((s) => storyNode(uri, s)),
  };
}

/** The nodes for one file: its categories as `view` shows them (a summary, filtered or not). */
export function fileNodes(uri: string, view: NotesSummary): NodeData[] {
  const nodes = view.categories.map((c) => categoryNode(uri, c));
  return practiceMarks?.filtering ? nodes.filter((n) => n.children.length > 0) : nodes;
}

/** A file's node (added when the view shows several files). */
export function fileNode(uri: string, name: string, view: NotesSummary): NodeData {
  return {
    id: uri,
    kind: 'file',
    label: name,
    description: `${view.complete}/${view.stories}`,
    tooltip: `${name}\n${view.complete} of ${view.stories} stories complete`,
    icon: { id: 'notebook', color: undefined },
    status: undefined,
    uri,
    offset: 0,
    start: 0,
    end: Number.MAX_SAFE_INTEGER,
    children: fileNodes(uri, view),
  };
}

/** The deepest node whose range holds `offset` (for following the cursor). */
export function nodeAt(nodes: readonly NodeData[], offset: number): NodeData | undefined {
  for (const n of nodes) {
    if (offset >= n.start && offset <= n.end) return nodeAt(n.children, offset) ?? (n.kind === 'file' ? undefined : n);
  }
  return undefined;
}

/** Whether two renderings of a node look the same (then its branch need not be refreshed). */
export function sameNode(a: NodeData, b: NodeData): boolean {
  // Not the offsets: an edit above moves every node after it, and a moved node looks the same. Its
  // element takes the new offsets (following the cursor reads them) and its item reveals by id.
  return (
    a.id === b.id &&
    a.label === b.label &&
    a.description === b.description &&
    a.tooltip === b.tooltip &&
    a.icon.id === b.icon.id &&
    a.children.length === b.children.length &&
    a.children.every((c, i) => sameNode(c, b.children[i]!))
  );
}
