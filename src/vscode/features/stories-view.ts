// The Stories view: file (when several) → category → story → sub-story. Elements are kept by id so
// that an edit refreshes only the branches whose rendering changed, and expansion state survives.

import * as vscode from 'vscode';
import type { NotesStore } from '../notes-store.js';
import type { Feature } from './feature.js';
import { addCounts, summarize, viewOf, type StoryFilter } from '../../core/index.js';
import { fileNode, fileNodes, nodeAt, sameNode, type NodeData } from '../tree-data.js';
import { diagnosticCut, hiddenNote } from '../diagnostic-cap.js';
import { whyNotNotes } from '../notes-switch.js';
import { activeNotNotes } from './read-as-notes.js';

/** Reveals a node of the view where it is now, by its id (the command of every item). */
export const REVEAL_NODE_COMMAND = 'interviewNotes.revealNode';

export class StoryElement {
  constructor(
    public data: NodeData,
    public parent: StoryElement | undefined,
  ) {}
}

export class StoriesProvider implements vscode.TreeDataProvider<StoryElement>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<StoryElement | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly elements = new Map<string, StoryElement>();
  private roots: StoryElement[] = [];
  private filter: StoryFilter = 'all';
  private readonly subscription: vscode.Disposable;
  // While the view is hidden a change only marks the tree stale: building it reads every story of
  // every file, and after a keystroke in a large file the stories an edit only moved are made when
  // first read (the core's shiftCategory). It is built when the view shows again or is asked.
  private visible = true;
  private stale = false;

  constructor(private readonly store: NotesStore) {
    this.subscription = store.onDidChange(() => {
      if (this.visible) this.rebuild();
      else this.stale = true;
    });
    this.rebuild();
  }

  /** The view was shown or hidden: a tree left stale while hidden is built now. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible && this.stale) this.rebuild(true);
  }

  private fresh(): void {
    if (this.stale) this.rebuild(true);
  }

  /** Which stories the view shows: every one, or the unfinished ones. */
  setFilter(filter: StoryFilter): void {
    this.filter = filter;
    void vscode.commands.executeCommand('setContext', 'interviewNotes.filterUnfinished', filter === 'unfinished');
    this.rebuild(true);
  }

  get filtering(): boolean {
    return this.filter !== 'all';
  }

  /** Root nodes as shown (for tests and the badge). */
  get rootNodes(): readonly NodeData[] {
    this.fresh();
    return this.roots.map((r) => r.data);
  }

  unfinishedCount(): number {
    return addCounts(this.store.notes().map((e) => summarize(e.model))).unfinished;
  }

  refresh(): void {
    this.rebuild(true);
  }

  private rebuild(force = false): void {
    this.stale = false;
    const notes = this.store.notes();
    const view = (e: (typeof notes)[number]) => viewOf(summarize(e.model), this.filter);
    const data =
      notes.length > 1
        ? notes.map((e) => fileNode(e.uri.toString(), vscode.workspace.asRelativePath(e.uri), view(e)))
        : notes.length === 1
          ? fileNodes(notes[0]!.uri.toString(), view(notes[0]!))
          : [];
    const seen = new Set<string>();
    const changed: StoryElement[] = [];
    const sync = (nodes: NodeData[], parent: StoryElement | undefined): StoryElement[] =>
      nodes.map((node) => {
        seen.add(node.id);
        let element = this.elements.get(node.id);
        if (!element) {
          element = new StoryElement(node, parent);
          this.elements.set(node.id, element);
        } else {
          if (!sameNode(element.data, node)) changed.push(element);
          element.data = node;
          element.parent = parent;
        }
        sync(node.children, element);
        return element;
      });
    const before = this.roots.map((r) => r.data.id).join('\n');
    this.roots = sync(data, undefined);
    for (const id of [...this.elements.keys()]) if (!seen.has(id)) this.elements.delete(id);
    void vscode.commands.executeCommand('setContext', 'interviewNotes.hasNotes', notes.length > 0);
    if (force || before !== this.roots.map((r) => r.data.id).join('\n')) {
      this.emitter.fire(undefined);
      return;
    }
    // Refresh only the outermost changed elements: a refreshed element re-reads its whole branch.
    const changedSet = new Set(changed);
    for (const element of changed) {
      let ancestorChanged = false;
      for (let p = element.parent; p; p = p.parent) if (changedSet.has(p)) ancestorChanged = true;
      if (!ancestorChanged) this.emitter.fire(element);
    }
  }

  getTreeItem(element: StoryElement): vscode.TreeItem {
    const d = element.data;
    const collapsible =
      d.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : d.kind === 'story' || (d.kind === 'file' && !isActiveFile(d.uri))
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(d.label, collapsible);
    item.id = d.id;
    item.description = d.description;
    item.tooltip = d.tooltip;
    item.contextValue = d.kind;
    item.iconPath = new vscode.ThemeIcon(d.icon.id, d.icon.color ? new vscode.ThemeColor(d.icon.color) : undefined);
    // By id: an item VS Code keeps after an edit above (its node looked the same) reveals where the
    // story is now, not where it was when the item was made.
    item.command = { command: REVEAL_NODE_COMMAND, title: 'Reveal in Editor', arguments: [d.id] };
    if (d.kind === 'file') item.resourceUri = vscode.Uri.parse(d.uri);
    return item;
  }

  getChildren(element?: StoryElement): StoryElement[] {
    this.fresh();
    if (!element) return this.roots;
    return element.data.children.map((c) => this.elements.get(c.id)!).filter(Boolean);
  }

  getParent(element: StoryElement): StoryElement | undefined {
    return element.parent;
  }

  /** The element of the node with this id, as the tree shows it now. */
  elementById(id: string): StoryElement | undefined {
    this.fresh();
    return this.elements.get(id);
  }

  /** The file's own element, when the view shows several files. */
  fileElement(uri: vscode.Uri): StoryElement | undefined {
    this.fresh();
    const root = this.roots.find((r) => r.data.kind === 'file' && r.data.uri === uri.toString());
    return root;
  }

  /** The deepest element at `offset` of the document `uri`, for following the cursor. */
  elementAt(uri: vscode.Uri, offset: number): StoryElement | undefined {
    this.fresh();
    const key = uri.toString();
    const roots = this.roots.map((r) => r.data).filter((n) => n.uri === key);
    const scope = roots.length === 1 && roots[0]!.kind === 'file' ? roots[0]!.children : roots;
    const node = nodeAt(scope, offset);
    return node && this.elements.get(node.id);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** Whether `uri` is the file of the active editor: in a tree of several files only it opens expanded. */
function isActiveFile(uri: string): boolean {
  return vscode.window.activeTextEditor?.document.uri.toString() === uri;
}

/** What the view says above the tree: that a filter is on, and findings VS Code does not show. */
function viewMessage(store: NotesStore, filtering: boolean): string | undefined {
  const lines: string[] = [];
  if (filtering) lines.push('Showing unfinished stories only.');
  const notNotes = activeNotNotes(store);
  if (notNotes) lines.push(`${vscode.workspace.asRelativePath(notNotes.uri)} is not read as notes: ${whyNotNotes(notNotes.model, notNotes.text, store.optionsOf(notNotes.uri)).why}.`);
  for (const entry of store.notes()) {
    const { hidden } = diagnosticCut(entry.model.findings);
    if (hidden > 0) lines.push(`${vscode.workspace.asRelativePath(entry.uri)}: ${hiddenNote(hidden, entry.model.findings.length)}`);
  }
  return lines.length ? lines.join('\n') : undefined;
}

/**
 * The Stories view with its badge (unfinished stories), its actions (filter, refresh) and following
 * the cursor.
 */
export const storiesViewFeature: Feature = {
  id: 'stories-view',
  activate(context, store) {
    const stories = new StoriesProvider(store);
    const view = vscode.window.createTreeView('interviewNotes.stories', { treeDataProvider: stories, showCollapseAll: true });
    stories.setVisible(view.visible);
    const updateBadge = () => {
      const n = stories.unfinishedCount();
      view.badge = n > 0 ? { value: n, tooltip: `${n} unfinished ${n === 1 ? 'story' : 'stories'}` } : undefined;
    };
    const updateMessage = () => {
      view.message = viewMessage(store, stories.filtering);
      view.description = stories.filtering ? 'unfinished only' : undefined;
    };
    updateBadge();
    updateMessage();
    // Follow the cursor: moving into a story selects it in the tree (only while the view is visible).
    // Outside every story of a file shown among several, its file is selected (the API cannot clear
    // a selection, so a single file's tree keeps the last story selected there).
    const followEditor = (editor: vscode.TextEditor | undefined) => {
      if (!editor || !store.currentSettings.followCursor || !view.visible || editor.document.languageId !== 'markdown') return;
      const uri = editor.document.uri;
      const element = stories.elementAt(uri, editor.document.offsetAt(editor.selection.active)) ?? stories.fileElement(uri);
      if (element && !view.selection.includes(element)) void view.reveal(element, { select: true, focus: false, expand: false });
    };
    const follow = vscode.window.onDidChangeTextEditorSelection((e) => followEditor(e.textEditor));
    const followActive = vscode.window.onDidChangeActiveTextEditor(followEditor);
    context.subscriptions.push(
      stories,
      view,
      view.onDidChangeVisibility((e) => stories.setVisible(e.visible)),
      follow,
      followActive,
      store.onDidChange(updateBadge),
      store.onDidChange(updateMessage),
      vscode.window.onDidChangeActiveTextEditor(updateMessage),
      vscode.commands.registerCommand(REVEAL_NODE_COMMAND, async (id: string) => {
        const node = stories.elementById(id)?.data;
        if (node) await vscode.commands.executeCommand('interviewNotes.reveal', node.uri, node.offset);
      }),
      vscode.commands.registerCommand('interviewNotes.refresh', () => {
        for (const d of vscode.workspace.textDocuments) store.analyzeDocument(d);
        stories.refresh();
      }),
      vscode.commands.registerCommand('interviewNotes.filterUnfinished', () => {
        stories.setFilter('unfinished');
        updateMessage();
      }),
      vscode.commands.registerCommand('interviewNotes.clearFilter', () => {
        stories.setFilter('all');
        updateMessage();
      }),
    );
    void vscode.commands.executeCommand('setContext', 'interviewNotes.filterUnfinished', false);
    return { stories, view: view as vscode.TreeView<unknown> };
  },
};
