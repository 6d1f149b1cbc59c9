// Keeps an incremental analyzer per Markdown document and tells listeners when a document's model
// changes. Open documents are analysed as the user types (debounced); with the workspace scope on,
// every notes file matching the include glob is read through `workspace.fs` (so remote and virtual
// folders work) and kept up to date by a file watcher.

import * as vscode from 'vscode';
import { NotesAnalyzer, type AnalyzeOptions, type NotesModel, type Scheduler, type TextChange } from '../core/index.js';
import { decodeNotesBytes } from '../shared/decode.js';
import { positionSourceFor, type PositionSource } from './positions.js';
import { globFor, mayRead, type Settings } from './settings-map.js';

export interface NotesEntry {
  uri: vscode.Uri;
  model: NotesModel;
  analyzer: NotesAnalyzer;
  /** The text the model was built from. */
  text: string;
  positions: PositionSource;
  /** Open in an editor (else known only through the workspace scan). */
  open: boolean;
  /** Larger than the size limit: not analysed. */
  tooLarge: boolean;
  /**
   * The edits typed since `text`, in order, and the document version they lead to: they tell the
   * analyzer where the text changed without comparing it whole. Undefined when one may be missing.
   */
  pending?: { changes: TextChange[]; version: number };
  /** The analyzer of a first analysis in slices under way (updateInSlices): nothing else may update it. */
  analyzing?: NotesAnalyzer;
}

/** Files at least this long get their first analysis in slices, so the extension host never blocks. */
const SLICED_FROM = 256 * 1024;
/** Between slices, other work in the extension host (typing in another file) runs. */
/** Slices of work in the extension host: the time, and a macrotask's turn for everything else. */
export const SCHEDULER: Scheduler = { now: () => performance.now(), yield: () => new Promise((resolve) => setTimeout(resolve, 0)) };
const STORIES_VIEW = 'interviewNotes.stories';

const EMPTY: NotesModel = { isNotes: false, categories: [], findings: [], levels: { category: 0, story: 0 } };

export class NotesStore implements vscode.Disposable {
  private readonly entries = new Map<string, NotesEntry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private watcher: vscode.FileSystemWatcher | undefined;
  private scan: vscode.CancellationTokenSource | undefined;

  /** A document's options: the settings', or with its configuration file (given by extension.ts). */
  private readonly optionsFor: (uri: vscode.Uri) => AnalyzeOptions = () => this.settings.options;

  /** Fires with a document's uri when its model changed or it was dropped. */
  readonly onDidChange = this.emitter.event;

  private readonly settingsEmitter = new vscode.EventEmitter<Settings>();
  /** Fires when the extension's settings changed (after the store took them up). */
  readonly onDidChangeSettings = this.settingsEmitter.event;

  /** The analysis options of a document: the settings, overridden by its configuration file (for
   *  fixes that re-analyse, which must read the file as the store does). */
  optionsOf(uri: vscode.Uri): AnalyzeOptions {
    return this.optionsFor(uri);
  }

  /** The extension's settings as the store last took them up. */
  get currentSettings(): Settings {
    return this.settings;
  }

  constructor(
    private settings: Settings,
    optionsFor?: (uri: vscode.Uri) => AnalyzeOptions,
  ) {
    if (optionsFor) this.optionsFor = optionsFor;
    this.disposables.push(
      this.settingsEmitter,
      vscode.workspace.onDidOpenTextDocument((d) => this.analyzeDocument(d, true)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        this.record(e);
        if (this.settings.run === 'onType') this.schedule(e.document);
      }),
      // Only a document the store still shows: VS Code reports a file deleted after its tab closed as
      // saved, which would bring it back into the Stories view.
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.entries.get(d.uri.toString())?.open) this.analyzeDocument(d);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d.uri)),
      // A document stays "open" for a while after its editor is closed; what the user sees is the
      // tabs, so closing a file's last tab is what removes it from the view.
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.closed) {
          const uri = tabUri(tab);
          if (uri && !inAnyTab(uri)) this.closed(uri);
        }
      }),
    );
    for (const d of vscode.workspace.textDocuments) this.analyzeDocument(d, true);
    this.applyScope();
  }

  get(uri: vscode.Uri): NotesEntry | undefined {
    return this.entries.get(uri.toString());
  }

  /** Every known notes document (isNotes), in a stable order. */
  notes(): NotesEntry[] {
    return [...this.entries.values()].filter((e) => e.model.isNotes).sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
  }

  updateSettings(settings: Settings): void {
    const scopeChanged = settings.scope !== this.settings.scope || settings.include !== this.settings.include || settings.exclude !== this.settings.exclude;
    this.settings = settings;
    for (const entry of this.entries.values()) {
      entry.analyzer.setOptions(this.optionsFor(entry.uri));
      this.reanalyze(entry, entry.text);
    }
    if (scopeChanged) this.applyScope();
    // New options may make a file notes that was not (a configuration's notes globs).
    else for (const key of this.notNotes) void this.readFile(vscode.Uri.parse(key));
    this.settingsEmitter.fire(settings);
  }

  /**
   * Analyses an open document now (commands call this so they act on the current text). A document
   * whose last tab was closed stays in `workspace.textDocuments` for a while: unless it is being
   * opened, such a document the store has let go of is not taken back (a refresh would bring a closed
   * file back into the Stories view).
   */
  analyzeDocument(document: vscode.TextDocument, opened = false): NotesEntry | undefined {
    if (document.languageId !== 'markdown') return undefined;
    const key = document.uri.toString();
    if (!opened && !this.entries.has(key) && !inAnyTab(document.uri)) return undefined;
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const text = document.getText();
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { uri: document.uri, model: EMPTY, analyzer: new NotesAnalyzer(this.optionsFor(document.uri)), text: '', positions: document, open: true, tooLarge: false };
      this.entries.set(key, entry);
    }
    entry.open = true;
    // The sliced first analysis takes up the latest text when it is done, with the edits recorded since.
    if (entry.analyzing) return entry;
    entry.positions = document;
    const pending = entry.pending?.version === document.version ? entry.pending.changes : undefined;
    entry.pending = { changes: [], version: document.version };
    if (entry.text === text && entry.model !== EMPTY) return entry;
    this.reanalyze(entry, text, pending);
    return entry;
  }

  /** Keeps the edits of an analysed document while a chain of versions is unbroken. */
  private record(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(e.document.uri.toString());
    if (!entry?.pending) return;
    if (entry.pending.version !== e.document.version - 1) {
      entry.pending = undefined;
      return;
    }
    for (const c of e.contentChanges) entry.pending.changes.push({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text });
    entry.pending.version = e.document.version;
  }

  private reanalyze(entry: NotesEntry, text: string, changes?: readonly TextChange[]): void {
    entry.text = text;
    entry.tooLarge = text.length > this.settings.maxFileSize;
    // A fresh analyzer for a file over the limit: it frees the old analysis, and it cannot take later
    // change events as edits of a text it never saw.
    if (entry.tooLarge) entry.analyzer = new NotesAnalyzer(this.optionsFor(entry.uri));
    // A file the configuration file excludes (`notes.exclude`) is not notes: nothing to show.
    const excluded = this.optionsFor(entry.uri).notes === false;
    // New text or options while a sliced analysis runs: it is dropped for a fresh one.
    if (entry.analyzing) entry.analyzer = new NotesAnalyzer(this.optionsFor(entry.uri));
    if (!entry.tooLarge && !excluded && text.length >= SLICED_FROM && entry.analyzer.heldSections === 0) {
      void this.analyzeInSlices(entry, text);
      return;
    }
    try {
      entry.model = entry.tooLarge || excluded ? EMPTY : entry.analyzer.update(text, changes);
    } catch (e) {
      // The core is tested never to throw; if it ever does, the document keeps working without us.
      console.error(`interview-notes: analysis failed for ${entry.uri.toString()}`, e);
      entry.model = EMPTY;
      entry.analyzer = new NotesAnalyzer(this.optionsFor(entry.uri));
    }
    this.emitter.fire(entry.uri);
  }

  /**
   * A first analysis in slices that yield to the extension host between sections. Edits typed
   * meanwhile are recorded (record) and applied when it is done; a closed file stops it.
   */
  private async analyzeInSlices(entry: NotesEntry, text: string): Promise<void> {
    const analyzer = entry.analyzer;
    entry.analyzing = analyzer;
    const key = entry.uri.toString();
    const dropped = () => this.entries.get(key) !== entry || entry.analyzer !== analyzer;
    let model: NotesModel | undefined;
    try {
      model = await analyzer.updateInSlices(text, SCHEDULER, { cancelled: dropped });
    } catch (e) {
      console.error(`interview-notes: analysis failed for ${entry.uri.toString()}`, e);
      entry.analyzer = new NotesAnalyzer(this.optionsFor(entry.uri));
    } finally {
      if (entry.analyzing === analyzer) entry.analyzing = undefined;
    }
    if (dropped()) return;
    entry.model = model ?? EMPTY;
    this.emitter.fire(entry.uri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (entry.open && document && !document.isClosed && document.getText() !== text) this.analyzeDocument(document);
    else if (!entry.open && this.watcherUris.has(key)) this.keepOnlyIfNotes(entry);
  }

  private schedule(document: vscode.TextDocument): void {
    if (document.languageId !== 'markdown') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) this.analyzeDocument(document);
      }, this.settings.debounceMs),
    );
  }

  private closed(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const entry = this.entries.get(key);
    if (!entry) return;
    if (this.settings.scope === 'workspace' && uri.scheme !== 'untitled' && this.inScope(uri) && !entry.model.isNotes) {
      // Not notes: nothing of it is kept but its uri, to read it again when it changes.
      this.entries.delete(key);
      this.notNotes.add(key);
      this.emitter.fire(uri);
      return;
    }
    if (this.settings.scope === 'workspace' && uri.scheme !== 'untitled' && this.inScope(uri)) {
      // Keep it: the workspace scope shows closed files too. Its text stays what was last seen.
      entry.open = false;
      entry.pending = undefined;
      entry.positions = positionSourceFor(entry.text);
      return;
    }
    this.entries.delete(key);
    this.emitter.fire(uri);
  }

  private inScope(uri: vscode.Uri): boolean {
    return this.watcherUris.has(uri.toString());
  }

  private readonly watcherUris = new Set<string>();
  /**
   * Closed workspace files that are not notes: only their uri is kept (no analyzer, no text), enough
   * to read them again when the watcher reports a change or the settings change.
   */
  private readonly notNotes = new Set<string>();

  private applyScope(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    this.scan?.cancel();
    this.watcherUris.clear();
    this.notNotes.clear();
    for (const [key, entry] of this.entries) {
      if (!entry.open) {
        this.entries.delete(key);
        this.emitter.fire(entry.uri);
      }
    }
    if (this.settings.scope !== 'workspace') return;
    const watcher = vscode.workspace.createFileSystemWatcher(this.settings.include);
    // The watcher knows only the include glob: each event is checked against exclude as the scan is.
    watcher.onDidCreate(async (uri) => {
      if (await this.included(uri)) await this.readFile(uri);
    });
    watcher.onDidChange(async (uri) => {
      if (await this.included(uri)) await this.readFile(uri);
    });
    watcher.onDidDelete((uri) => {
      const key = uri.toString();
      this.watcherUris.delete(key);
      this.notNotes.delete(key);
      const entry = this.entries.get(key);
      if (entry && !entry.open) {
        this.entries.delete(key);
        this.emitter.fire(uri);
      }
    });
    this.watcher = watcher;
    const scan = new vscode.CancellationTokenSource();
    this.scan = scan;
    void this.scanWorkspace(scan);
  }

  /**
   * Reads every workspace file in scope, showing progress on the Stories view and in the status bar;
   * the notification that counts the files can cancel the scan.
   */
  private async scanWorkspace(scan: vscode.CancellationTokenSource): Promise<void> {
    const uris = await vscode.workspace.findFiles(this.settings.include, this.settings.exclude || undefined, undefined, scan.token);
    if (scan.token.isCancellationRequested || uris.length === 0) return;
    const title = 'Interview Notes: reading the workspace';
    await vscode.window.withProgress({ location: { viewId: STORIES_VIEW } }, () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, cancel) => {
        const stop = cancel.onCancellationRequested(() => scan.cancel());
        try {
          for (let i = 0; i < uris.length; i++) {
            if (scan.token.isCancellationRequested) return;
            progress.report({ message: `${i + 1} of ${uris.length} files`, increment: 100 / uris.length });
            await this.readFile(uris[i]!);
          }
        } finally {
          stop.dispose();
        }
      }),
    );
  }

  /**
   * Whether a file the watcher reports (the watcher knows the include glob only) is one the scan
   * would find: inside a workspace folder and not excluded, asked of the same findFiles.
   */
  private async included(uri: vscode.Uri): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const relative = vscode.workspace.asRelativePath(uri, false);
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, globFor(relative)), this.settings.exclude || undefined, 50);
    return found.some((u) => u.toString() === uri.toString());
  }

  /** Reads a closed workspace file through `workspace.fs`; an open one is the editor's business. */
  private async readFile(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    this.watcherUris.add(key);
    const existing = this.entries.get(key);
    if (existing?.open) return;
    let text: string;
    try {
      // Stat before reading: a regular file within the size cap (never a device or a FIFO).
      if (!mayRead(await vscode.workspace.fs.stat(uri), this.settings.maxFileSize)) return;
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.length > this.settings.maxFileSize * 4) return; // it grew since the stat
      text = decodeNotesBytes(bytes).text; // as the command line decodes it (legacy CJK encodings too)
    } catch {
      return; // Deleted or unreadable meanwhile: nothing to show.
    }
    const entry: NotesEntry = existing ?? {
      uri,
      model: EMPTY,
      analyzer: new NotesAnalyzer(this.optionsFor(uri)),
      text: '',
      positions: positionSourceFor(''),
      open: false,
      tooLarge: false,
    };
    entry.positions = positionSourceFor(text);
    entry.pending = undefined;
    this.entries.set(key, entry);
    this.reanalyze(entry, text);
    if (!entry.analyzing) this.keepOnlyIfNotes(entry);
  }

  /** A closed workspace file that is not notes keeps nothing but its uri (notNotes). */
  private keepOnlyIfNotes(entry: NotesEntry): void {
    const key = entry.uri.toString();
    if (entry.model.isNotes || entry.open) this.notNotes.delete(key);
    else {
      this.entries.delete(key);
      this.notNotes.add(key);
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.scan?.cancel();
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return input.uri;
  if (input instanceof vscode.TabInputTextDiff) return input.modified;
  return undefined;
}

function inAnyTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => tabUri(t)?.toString() === key));
}
