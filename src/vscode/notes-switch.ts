// The user's own word, per file, that a Markdown file is interview notes ("Read This File as Interview
// Notes"): kept in the workspace's state, and given to the analysis as `notes: true` (the core's
// AnalyzeOptions), which the file's own front matter or disable-file comment still overrides. And why
// a Markdown file is not read as notes, for the status bar and the Stories view.

import * as vscode from 'vscode';
import { analyze, explainNotNotes, type AnalyzeOptions, type NotesModel } from '../core/index.js';

const KEY = 'interviewNotes.readAsNotes';

export class NotesSwitch implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with a file's uri when the user turned its switch on or off. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {}

  private get uris(): string[] {
    return this.state.get<string[]>(KEY, []);
  }

  isOn(uri: vscode.Uri): boolean {
    return this.uris.includes(uri.toString());
  }

  async set(uri: vscode.Uri, on: boolean): Promise<void> {
    const key = uri.toString();
    const rest = this.uris.filter((u) => u !== key);
    await this.state.update(KEY, on ? [...rest, key] : rest);
    this.emitter.fire(uri);
  }

  /** A file's analysis options with the user's word added. */
  apply(uri: vscode.Uri, options: AnalyzeOptions): AnalyzeOptions {
    return this.isOn(uri) ? { ...options, notes: true } : options;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

const switches = new WeakMap<vscode.ExtensionContext, NotesSwitch>();

/** The one switch of the extension (extension.ts gives it to the store, the features read it). */
export function notesSwitchOf(context: vscode.ExtensionContext): NotesSwitch {
  let s = switches.get(context);
  if (!s) {
    s = new NotesSwitch(context.workspaceState);
    switches.set(context, s);
    context.subscriptions.push(s);
  }
  return s;
}

/** Why a file is not notes, and whether reading it as notes would change that. */
export interface NotNotesReason {
  why: string;
  /** False when the file says itself that it is not notes (its word wins over the switch). */
  canReadAsNotes: boolean;
}

// By model, for the text it was read from (a file left out shares one empty model with others).
const reasons = new WeakMap<NotesModel, { text: string; reason: NotNotesReason }>();

/**
 * Why the core did not read `text` as notes with `options`: the configuration file leaves it out,
 * the file says so itself (read again with `notes: true`, it still is not), or there is no evidence.
 */
export function whyNotNotes(model: NotesModel, text: string, options: AnalyzeOptions): NotNotesReason {
  const known = reasons.get(model);
  let reason = known?.text === text ? known.reason : undefined;
  if (!reason) {
    // The model says why (build/evidence.ts words it); a file left out is not analysed at all.
    const said = model.notNotes;
    if (options.notes === false && !said) {
      reason = { why: 'the configuration file leaves it out (notes.exclude)', canReadAsNotes: true };
    } else if (said?.by === 'front-matter' || said?.by === 'comment') {
      reason = { why: explainNotNotes(said), canReadAsNotes: false };
    } else if (said) {
      reason = { why: explainNotNotes(said), canReadAsNotes: true };
    } else if (saysItIsNotNotes(text, options)) {
      reason = { why: 'the file says so itself (front matter “interview-notes: false” or a disable-file comment)', canReadAsNotes: false };
    } else {
      reason = { why: explainNotNotes(undefined), canReadAsNotes: true };
    }
    reasons.set(model, { text, reason });
  }
  return reason;
}

/**
 * Whether the file's own word keeps it from being notes: read again with `notes: true`, it still is
 * not. Only a file that names the extension can say so, so any other file costs no second reading.
 */
function saysItIsNotNotes(text: string, options: AnalyzeOptions): boolean {
  return text.includes('interview-notes') && !analyze(text, { ...options, notes: true }).isNotes;
}
