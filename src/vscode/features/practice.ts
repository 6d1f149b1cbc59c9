// Practice mode: **Start Practice** picks a story (due first, then the least-practised competency,
// then random: `interviewNotes.practice.order`), asks a question it answers, folds the story bodies
// so the answer is recalled rather than read, and runs a timer in the status bar (`⏺ 0:47 / 1:30`,
// warning colours past the target). **Reveal** unfolds; **Rate** asks Again / Hard / Good / Easy with
// the next review date beside each, and appends the rating to the history (practice-history.ts).
// The Stories tree shows "practised 3 d ago · due" and can show only the stories due.
// Text only: no webview, so it works in the browser build.

import * as vscode from 'vscode';
import { byText, practice, type Category } from '../../core/index.js';
import type { NotesStore } from '../notes-store.js';
import { historyStore, skippedWarning, type HistoryStore, type StoreSetting } from '../practice-history.js';
import { setPracticeMarks, type PracticeMarks } from '../tree-data.js';
import { questionsFiles, revealStory, workspaceStories, type WorkspaceStory } from '../workspace-stories.js';
import type { Feature } from './feature.js';

/** The round under way. */
export interface PracticeSession {
  story: WorkspaceStory;
  question: practice.AskedQuestion;
  startedAt: number;
  targetSeconds: number;
  /** Whether the story bodies are folded. */
  hidden: boolean;
}

const DEFAULT_TARGET_SECONDS = 120;

const isPractisable = (s: WorkspaceStory) => s.story.status !== 'empty';

function settings() {
  const config = vscode.workspace.getConfiguration('interviewNotes.practice');
  const order = config.get<string>('order');
  const target = config.get<number>('targetSeconds');
  return {
    order: (practice.PRACTICE_ORDERS as readonly string[]).includes(order ?? '') ? (order as practice.PracticeOrder) : 'due-first',
    store: (config.get<string>('store') === 'workspaceState' ? 'workspaceState' : 'file') as StoreSetting,
    targetSeconds: typeof target === 'number' && Number.isFinite(target) && target > 0 ? target : DEFAULT_TARGET_SECONDS,
  };
}

export class PracticeController implements vscode.Disposable, PracticeMarks {
  readonly statusItem = vscode.window.createStatusBarItem('interviewNotes.practice', vscode.StatusBarAlignment.Left, 49);
  session: PracticeSession | undefined;
  /** Each story's practice, by story id, as last read from the history. */
  states = new Map<string, practice.StoryPractice>();
  /** Show only the stories due in the Stories tree. */
  filterDue = false;
  private history: HistoryStore;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** The warning last shown about unreadable history lines ('' when every line was read). */
  warned = '';
  private readonly disposables: vscode.Disposable[] = [];
  /** Settles when the history has been read once (tests and the first command wait on it). */
  ready: Promise<void>;

  constructor(
    private readonly store: NotesStore,
    private readonly state: vscode.Memento,
  ) {
    this.statusItem.name = 'Interview Notes: Practice';
    this.history = historyStore(settings().store, state);
    setPracticeMarks(this);
    this.disposables.push(
      store.onDidChange(() => this.updateStatus()),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('interviewNotes.practice.store')) this.useStore();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.useStore()),
    );
    this.watchFile();
    this.ready = this.reload();
    this.updateStatus();
  }

  private useStore(): void {
    this.history = historyStore(settings().store, this.state);
    this.watchFile();
    this.ready = this.reload();
  }

  private fileWatcher: vscode.FileSystemWatcher | undefined;

  /** Another window's rating (or a git pull) changes the file: read it again. */
  private watchFile(): void {
    this.fileWatcher?.dispose();
    this.fileWatcher = undefined;
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || this.history.where === 'the workspace state') return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, this.history.where));
    const reload = () => void this.reload();
    watcher.onDidChange(reload);
    watcher.onDidCreate(reload);
    watcher.onDidDelete(reload);
    this.fileWatcher = watcher;
  }

  /** Reads the history again; unreadable lines are said once per distinct set, never removed. */
  async reload(): Promise<void> {
    let parsed: practice.ParsedHistory;
    try {
      parsed = await this.history.read();
    } catch (e) {
      void vscode.window.showErrorMessage(`Interview Notes could not read the practice history in ${this.history.where}: ${(e as Error).message}`);
      return;
    }
    this.states = practice.foldHistory(parsed.records);
    const warning = skippedWarning(this.history.where, parsed.skipped);
    if (warning && warning !== this.warned) void vscode.window.showWarningMessage(warning);
    this.warned = warning ?? '';
    this.refreshTree();
  }

  get where(): string {
    return this.history.where;
  }

  /** The tree's note on a story: "practised 3 d ago · due". */
  note(storyId: string): string | undefined {
    return practice.practiceNote(this.states.get(storyId), new Date());
  }

  /** Whether the tree shows a story: every one, or with the due filter the due ones. */
  shown(storyId: string): boolean {
    return !this.filterDue || this.isDue(storyId);
  }

  get filtering(): boolean {
    return this.filterDue;
  }

  isDue(storyId: string): boolean {
    const p = this.states.get(storyId);
    return p !== undefined && practice.isDue(p, new Date());
  }

  private refreshTree(): void {
    void vscode.commands.executeCommand('interviewNotes.refresh').then(undefined, () => undefined);
  }

  setFilterDue(on: boolean): void {
    this.filterDue = on;
    void vscode.commands.executeCommand('setContext', 'interviewNotes.filterDue', on);
    this.refreshTree();
  }

  /** Starts a round: a story by the schedule (or `storyKey`), its question, folded bodies, the timer. */
  async start(options: { storyKey?: string; random?: () => number } = {}): Promise<PracticeSession | undefined> {
    await this.ready;
    if (this.session) await this.stop();
    const stories = workspaceStories(this.store).filter(isPractisable);
    if (stories.length === 0) {
      void vscode.window.showInformationMessage('Nothing to practise yet: open a notes file with at least one story written.');
      return undefined;
    }
    const now = new Date();
    const { order, targetSeconds } = settings();
    let story = options.storyKey !== undefined ? stories.find((s) => s.key === options.storyKey) : undefined;
    if (!story) {
      const picked = practice.pickNext(
        stories.map((s) => ({ storyId: s.storyId, competencies: s.competencies })),
        this.states,
        now,
        { order, ...(options.random ? { random: options.random } : {}) },
      );
      story = stories.find((s) => s.storyId === picked?.storyId);
    }
    if (!story) return undefined;
    const asked = practice.questionFor(
      { storyId: story.key, title: story.story.title, competencies: story.competencies },
      questionsFiles(this.store).flatMap((f) =>
        f.questions.map((q) => ({ text: q.text, stories: q.stories, competencies: q.tags.flatMap((t) => t.competencies.map(practice.competencyKey)) })),
      ),
      options.random,
    );
    await revealStory(story);
    this.session = { story, question: asked, startedAt: Date.now(), targetSeconds: story.bank.time.targetSeconds ?? targetSeconds, hidden: false };
    void vscode.commands.executeCommand('setContext', 'interviewNotes.practising', true);
    await this.hide();
    this.timer = setInterval(() => this.updateStatus(), 1000);
    this.updateStatus();
    void vscode.window.showInformationMessage(`Practice: ${asked.text}`, 'Reveal', 'Rate…').then((choice) => {
      if (choice === 'Reveal') void this.reveal();
      if (choice === 'Rate…') void this.finish();
    });
    return this.session;
  }

  /** The heading lines of every story in the round's file: what Hide Answers folds. */
  private storyLines(editor: vscode.TextEditor): number[] {
    const entry = this.store.get(editor.document.uri);
    if (!entry?.model.isNotes) return [];
    return entry.model.categories.flatMap((c) => c.stories.map((s) => editor.document.positionAt(s.heading.start).line));
  }

  private async editorOfSession(): Promise<vscode.TextEditor | undefined> {
    if (!this.session) return undefined;
    const uri = this.session.story.uri.toString();
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    return shown ?? vscode.window.showTextDocument(this.session.story.uri, { preview: false });
  }

  /** Hide Answers: folds the story bodies, so the answer is recalled, not read. */
  async hide(): Promise<void> {
    const editor = await this.editorOfSession();
    if (!editor || !this.session) return;
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    await vscode.commands.executeCommand('editor.fold', { levels: 1, direction: 'down', selectionLines: this.storyLines(editor) });
    this.session.hidden = true;
  }

  /** Reveal: unfolds them again. */
  async reveal(): Promise<void> {
    const editor = await this.editorOfSession();
    if (!editor || !this.session) return;
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    await vscode.commands.executeCommand('editor.unfold', { levels: 1, direction: 'down', selectionLines: this.storyLines(editor) });
    this.session.hidden = false;
  }

  /** Ends the round with a rating (asked with a quick pick when not given) and records it. */
  async finish(rating?: practice.PracticeRating): Promise<practice.PracticeRecord | undefined> {
    const session = this.session;
    if (!session) {
      void vscode.window.showInformationMessage('No practice round is running: Start Practice first.');
      return undefined;
    }
    const now = new Date();
    const before = this.states.get(session.story.storyId)?.card;
    const choices = practice.ratingChoices(before, now);
    let chosen = choices.find((c) => c.rating === rating);
    if (!chosen) {
      const picked = await vscode.window.showQuickPick(
        choices.map((c) => ({ label: c.label, description: c.description, detail: c.detail, choice: c })),
        { title: `How did “${session.story.story.title}” go?`, placeHolder: session.question.text, ignoreFocusOut: true },
      );
      if (!picked) return undefined; // the round goes on
      chosen = picked.choice;
    }
    const record = practice.ratingRecord({
      storyId: session.story.storyId,
      at: now.toISOString(),
      rating: chosen.rating,
      seconds: Math.round((now.getTime() - session.startedAt) / 1000),
      question: session.question.text,
      card: chosen.card,
    });
    try {
      await this.history.append(record);
    } catch (e) {
      void vscode.window.showErrorMessage(`Interview Notes could not record the rating in ${this.history.where}: ${(e as Error).message}`);
      return undefined;
    }
    await this.stop();
    await this.reload();
    void vscode.window.showInformationMessage(`“${session.story.story.title}”: ${chosen.label}. Next review ${practice.dueIn(chosen.card.due, now)} (${chosen.card.due.slice(0, 10)}).`);
    return record;
  }

  /** Ends the round without a rating: unfolds, stops the timer. */
  async stop(): Promise<void> {
    if (!this.session) return;
    if (this.session.hidden) await this.reveal();
    clearInterval(this.timer);
    this.timer = undefined;
    this.session = undefined;
    void vscode.commands.executeCommand('setContext', 'interviewNotes.practising', false);
    this.updateStatus();
  }

  updateStatus(): void {
    const item = this.statusItem;
    if (this.session) {
      const elapsed = (Date.now() - this.session.startedAt) / 1000;
      const over = elapsed > this.session.targetSeconds;
      item.text = practice.timerText(elapsed, this.session.targetSeconds);
      item.tooltip = `${this.session.question.text}\n\nClick to rate “${this.session.story.story.title}”.`;
      item.backgroundColor = over ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      item.command = { command: 'interviewNotes.practice.rate', title: 'Rate' };
      item.show();
      return;
    }
    item.backgroundColor = undefined;
    if (this.store.notes().length === 0) {
      item.hide();
      return;
    }
    // From the models' ids alone: this runs on every change, and the stories' full reading is dear.
    const due = this.store.notes().reduce((n, e) => n + e.model.categories.reduce((m, c) => m + storyIds(c).filter((id) => this.isDue(id)).length, 0), 0);
    item.text = due > 0 ? `$(mortar-board) Practice (${due} due)` : '$(mortar-board) Practice';
    item.tooltip = 'Start Practice: a question, a timer, then rate how it went';
    item.command = { command: 'interviewNotes.practice.start', title: 'Start Practice' };
    item.show();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.fileWatcher?.dispose();
    setPracticeMarks(undefined);
    for (const d of this.disposables) d.dispose();
    this.statusItem.dispose();
  }
}

export const practiceFeature: Feature = {
  id: 'practice',
  activate(context, store) {
    const controller = new PracticeController(store, context.workspaceState);
    const register = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
    context.subscriptions.push(
      controller,
      register('interviewNotes.practice.start', (options?: { storyKey?: string }) => controller.start(options ?? {})),
      register('interviewNotes.practice.hide', () => controller.hide()),
      register('interviewNotes.practice.reveal', () => controller.reveal()),
      register('interviewNotes.practice.rate', (rating?: practice.PracticeRating) => controller.finish(practice.isRating(rating) ? rating : undefined)),
      register('interviewNotes.practice.stop', () => controller.stop()),
      register('interviewNotes.filterDue', () => controller.setFilterDue(true)),
      register('interviewNotes.clearDueFilter', () => controller.setFilterDue(false)),
    );
    void vscode.commands.executeCommand('setContext', 'interviewNotes.filterDue', false);
    return { practice: controller };
  },
};

/**
 * A category's story ids, kept by its text's token: a category an edit only moved has its original's
 * stories and ids, and its stories are made only when first read (the core's shiftCategory), so the
 * count of due stories after a keystroke reads the rebuilt category's alone.
 */
const STORY_IDS = new WeakMap<object, readonly string[]>();

const storyIds = (category: Category): readonly string[] => byText(STORY_IDS, category, () => category.stories.map((s) => s.id));
