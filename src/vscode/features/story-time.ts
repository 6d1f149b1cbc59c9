// `⏱ 1:40 / 2:00` in the status bar: the speaking time of the story under the cursor against its
// target (then its maximum), or of the selection's words; hidden when the cursor is in no story.
// The figures are the core's (bank/time-status.ts) over the model the store already holds: a
// cursor move finds its story in that model and reads one story's text, once per story and text
// (kept per story object, which never changes), never the document again.

import * as vscode from 'vscode';
import { bank } from '../../core/index.js';
import type { NotesEntry, NotesStore } from '../notes-store.js';
import type { Feature } from './feature.js';

/** Cursor moves closer together than this are one update: holding an arrow key reads no story in between. */
const SETTLE_MS = 60;

interface KeptTime {
  source: string;
  options: string;
  time: bank.SpeakingTime;
}

/** The options a story's time depends on, as a key: a cached time read with others is read again. */
const optionsKey = (options: bank.SpeechOptions): string =>
  JSON.stringify([options.wordsPerMinute, options.fromCategory, options.frameworks?.map((f) => [f.id, f.competencies.length])]);

export class StoryTimeStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('interviewNotes.storyTime', vscode.StatusBarAlignment.Left, 48);
  private readonly disposables: vscode.Disposable[];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private kept = new WeakMap<object, KeptTime>();
  private visible = false;

  /** Whether the item is in the status bar now (a StatusBarItem cannot be asked). */
  get shown(): boolean {
    return this.visible;
  }

  constructor(private readonly store: NotesStore) {
    this.item.name = 'Interview Notes: Story Time';
    const soon = () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.update();
      }, SETTLE_MS);
    };
    this.disposables = [
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor) soon();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      store.onDidChange((uri) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) soon();
      }),
      store.onDidChangeSettings(() => {
        this.kept = new WeakMap();
        this.update();
      }),
    ];
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const entry = editor && this.store.get(editor.document.uri);
    const status = editor && entry && isShownFor(entry) ? this.statusOf(editor, entry) : undefined;
    this.visible = status !== undefined;
    if (!status) {
      this.item.hide();
      return;
    }
    this.item.text = status.text;
    this.item.tooltip = status.tooltip;
    this.item.backgroundColor = status.standing === 'over-max' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  /**
   * The status for the editor's selection or cursor. The model may lag the document by the store's
   * debounce while the user types: the cursor's offset is then looked up in the text the model was
   * read from, which only ever names a story a moment late (and the store's next change updates it).
   */
  private statusOf(editor: vscode.TextEditor, entry: NotesEntry): bank.TimeStatus | undefined {
    const options: bank.SpeechOptions = this.store.optionsOf(entry.uri).bank ?? {};
    const selection = editor.selection;
    const at = bank.storyAt(entry.model, editor.document.offsetAt(selection.active));
    if (!selection.isEmpty) {
      const selected = editor.document.getText(selection);
      const time = bank.selectionTime(selected, { start: 0, end: selected.length }, options.wordsPerMinute);
      if (time.words > 0) return bank.selectionTimeStatus(time, at ? bank.storyTimeLimits(entry.text, at.story) : {}, options);
    }
    if (!at) return undefined;
    return bank.storyTimeStatus(at.story.title, this.timeOf(entry, at, options), options);
  }

  private timeOf(entry: NotesEntry, at: bank.StoryInModel, options: bank.SpeechOptions): bank.SpeakingTime {
    const story = at.story;
    const source = entry.text.slice(story.span.start, story.span.end);
    const key = optionsKey(options);
    const kept = this.kept.get(story);
    if (kept && kept.source === source && kept.options === key) return kept.time;
    const time = bank.storyTime(entry.text, at, options);
    this.kept.set(story, { source, options: key, time });
    return time;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.item.dispose();
  }
}

/** A notes file that was analysed (a file over the size limit has no stories to time). */
const isShownFor = (entry: NotesEntry): boolean => entry.model.isNotes && !entry.tooLarge;

export const storyTimeFeature: Feature = {
  id: 'story-time',
  activate(context, store) {
    const status = new StoryTimeStatus(store);
    context.subscriptions.push(status);
    return { storyTime: status };
  },
};
