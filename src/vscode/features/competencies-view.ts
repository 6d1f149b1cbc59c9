// The Competencies view beside Stories: each competency of the chosen framework (the first in the
// settings or configuration file, else the generic set) with the stories tagged with it, their status
// and time, and a gap mark where it has fewer complete stories than interviewNotes.coverage.minStories.
// A status bar item says `LP 12/16 covered · ⏱ 14:05`; a click goes to the first gap. The figures are
// the core's (coverageSummary), read again a moment after the notes change and only when shown.

import * as vscode from 'vscode';
import { bank, coverageSummary, frameworkShortName, type BankFile, type CoverageSummary } from '../../core/index.js';
import { competencyNodes, coverageStatusText, type CompetencyNode } from '../competencies-data.js';
import { SCHEDULER, type NotesStore } from '../notes-store.js';
import type { Feature } from './feature.js';

/** Milliseconds after the last change before the coverage is read again (it parses every story). */
const SETTLE_MS = 400;
/** How long the coverage reads stories before it lets the extension host do other work. */
const SLICE_MS = 20;

/** The coverage of every open notes file, read when asked for after a change. */
export class Coverage implements vscode.Disposable {
  private current: CoverageSummary | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires a moment after the notes or the settings change. */
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];

  /** Counts the changes, so a read in slices started before the latest one stops. */
  private generation = 0;
  /** True from a change until its read in slices ends: a summary now would parse in one piece. */
  pending = false;

  constructor(readonly store: NotesStore) {
    const changed = () => {
      this.current = undefined;
      this.pending = true;
      const generation = ++this.generation;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.readInSlices(generation), SETTLE_MS);
    };
    this.subscriptions = [store.onDidChange(changed), store.onDidChangeSettings(changed)];
  }

  /** Per file, the stories read for the last summary: after an edit only the changed ones are parsed. */
  private readonly caches = new Map<string, bank.StoryBankCache>();

  get summary(): CoverageSummary {
    if (this.current) return this.current;
    return (this.current = coverageSummary(this.files()));
  }

  /** The open notes files with their caches (and the caches of files no longer open dropped). */
  private files(): BankFile[] {
    const files = this.store.notes().map((e) => {
      const file = e.uri.toString();
      let cache = this.caches.get(file);
      if (!cache) this.caches.set(file, (cache = new bank.StoryBankCache()));
      const options = this.store.optionsOf(e.uri).bank;
      return { file, text: e.text, model: e.model, cache, ...(options ? { bank: options } : {}) };
    });
    for (const file of this.caches.keys()) if (!files.some((f) => f.file === file)) this.caches.delete(file);
    return files;
  }

  /**
   * Reads every file's stories into the caches a slice at a time, then says the coverage changed:
   * the first read of a large file parses every story (seconds at 1.5 MB), which must not block the
   * extension host in one piece. The summary then finds every story in the caches. A newer change
   * stops this read; the caches keep what it read.
   */
  private async readInSlices(generation: number): Promise<void> {
    let sliceStart = SCHEDULER.now();
    for (const f of this.files()) {
      if (!f.model.isNotes) continue;
      const steps = bank.bankStoriesInSteps(f.text, f.model, { ...f.bank, file: f.file, cache: f.cache });
      while (!steps.next().done) {
        if (SCHEDULER.now() - sliceStart < SLICE_MS) continue;
        await SCHEDULER.yield();
        if (generation !== this.generation) return;
        sliceStart = SCHEDULER.now();
      }
    }
    if (generation !== this.generation) return;
    this.pending = false;
    this.emitter.fire();
  }

  /** Whether any notes file is open (without one the view shows its welcome text). */
  get hasNotes(): boolean {
    return this.store.notes().some((e) => e.model.isNotes);
  }

  /** The gap limit the summary was read with. */
  get minStories(): number {
    const first = this.store.notes()[0];
    return (first && this.store.optionsOf(first.uri).bank?.minStories) ?? bank.DEFAULT_MIN_STORIES;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.subscriptions) d.dispose();
    this.emitter.dispose();
  }
}

export class CompetenciesProvider implements vscode.TreeDataProvider<CompetencyNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<CompetencyNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private nodes: CompetencyNode[] | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly coverage: Coverage) {
    this.subscription = coverage.onDidChange(() => {
      this.nodes = undefined;
      this.emitter.fire(undefined);
    });
  }

  /** The competencies as shown (for tests and the gap command). */
  get rootNodes(): readonly CompetencyNode[] {
    // Before the first read in slices ends, nothing yet (its end refreshes the view): asking for the
    // summary now would read every story in one piece. After it, the last nodes until the next read ends.
    if (this.nodes === undefined && this.coverage.pending) return [];
    return (this.nodes ??= this.coverage.hasNotes ? competencyNodes(this.coverage.summary, this.coverage.minStories) : []);
  }

  getTreeItem(node: CompetencyNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.kind;
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    if (node.uri !== undefined && node.offset !== undefined) item.command = { command: 'interviewNotes.reveal', title: 'Reveal in Editor', arguments: [node.uri, node.offset] };
    return item;
  }

  getChildren(node?: CompetencyNode): CompetencyNode[] {
    return node ? node.children : [...this.rootNodes];
  }

  getParent(node: CompetencyNode): CompetencyNode | undefined {
    return node.kind === 'story' ? this.rootNodes.find((r) => r.children.includes(node)) : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** `LP 12/16 covered · ⏱ 14:05` while a notes file is active. */
class CoverageStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('interviewNotes.coverage', vscode.StatusBarAlignment.Left, 49);
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly store: NotesStore,
    private readonly coverage: Coverage,
  ) {
    this.item.name = 'Interview Notes: Competencies';
    this.subscriptions = [coverage.onDidChange(() => this.update()), vscode.window.onDidChangeActiveTextEditor(() => this.update())];
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.store.get(editor.document.uri)?.model.isNotes) {
      this.item.hide();
      return;
    }
    // While the stories are read in slices the item keeps its text (or says so, before the first read
    // ends); the read's end updates it. Reading the summary now would read every story in one piece:
    // seconds in a large file opened first.
    if (this.coverage.pending) {
      if (!this.item.text) {
        this.item.text = '$(sync~spin) Competencies';
        this.item.tooltip = 'Reading the stories’ tags and speaking times…';
        this.item.command = undefined;
        this.item.show();
      }
      return;
    }
    const summary = this.coverage.summary;
    this.item.text = coverageStatusText(summary, frameworkShortName(summary.framework));
    this.item.tooltip = summary.firstGap ? `${summary.framework.name}: go to the first gap (${summary.firstGap.competency.name})` : `${summary.framework.name}: every competency is covered`;
    this.item.command = 'interviewNotes.showCompetencies';
    this.item.show();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.item.dispose();
  }
}

/** A new story at the end of the active notes file (or the first one open), tagged with `name`. */
async function newStoryFor(store: NotesStore, name: string | undefined): Promise<void> {
  if (!name) return;
  const active = vscode.window.activeTextEditor;
  const entry = (active && store.get(active.document.uri)?.model.isNotes ? store.get(active.document.uri) : undefined) ?? store.notes().find((e) => e.model.isNotes);
  if (!entry) return void vscode.window.showInformationMessage('Open a notes file first.');
  const editor = await vscode.window.showTextDocument(entry.uri);
  const document = editor.document;
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const text = document.getText();
  const hashes = '#'.repeat(entry.model.levels.story || 3);
  const lead = text.length === 0 ? '' : text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol;
  const title = `New ${name} story`;
  const story = [`${hashes} ${title}`, `- **Tags**: ${name}`, '- **Situation**: ', '- **Task**: ', '- **Action**: ', '- **Result**: ', ''].join(eol);
  const end = document.positionAt(text.length);
  if (!(await editor.edit((b) => b.insert(end, lead + story)))) return;
  const start = document.positionAt(text.length + lead.length + hashes.length + 1);
  editor.selection = new vscode.Selection(start, start.translate(0, title.length));
  editor.revealRange(editor.selection);
}

export const competenciesViewFeature: Feature = {
  id: 'competencies-view',
  activate(context, store) {
    const coverage = new Coverage(store);
    const competencies = new CompetenciesProvider(coverage);
    const view = vscode.window.createTreeView('interviewNotes.competencies', { treeDataProvider: competencies, showCollapseAll: true });
    const status = new CoverageStatus(store, coverage);
    context.subscriptions.push(
      coverage,
      competencies,
      view,
      status,
      vscode.commands.registerCommand('interviewNotes.showCompetencies', async () => {
        await vscode.commands.executeCommand('interviewNotes.competencies.focus');
        const gap = competencies.rootNodes.find((n) => n.gap);
        if (gap) await view.reveal(gap, { select: true, focus: true, expand: true });
      }),
      vscode.commands.registerCommand('interviewNotes.newStoryForCompetency', (node?: CompetencyNode) => newStoryFor(store, node?.competency)),
    );
    return { competencies, competenciesView: view, coverageStatus: status.item };
  },
};
