// The configuration file in the editor: for a document, the nearest `.interview-notes.jsonc`,
// `.interview-notes.json` or package.json with an `interview-notes` key, found from its folder
// upwards through `workspace.fs` (so remote, virtual and web workspaces work), parsed and resolved
// by the same pure core as the command line (src/core/config), so both give the same findings.
// Its problems are diagnostics on the configuration file at their place; a watcher re-reads it
// when it changes. Precedence (see src/core/config/resolve.ts): the file beats the settings, key by
// key.
//
// Self-contained: the store asks `optionsFor(uri, settingsOptions)` synchronously (the answer is the
// settings' until the file is read) and listens to `onDidChange` to re-analyse.

import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../core/index.js';
import { bankLayerOf, CONFIG_FILE_NAMES, locateConfig, parseConfig, resolveOptions, syntaxOf, type ConfigProblem, type LocatedConfig } from '../core/config/index.js';
import { positionSourceFor, toRange } from './positions.js';

interface Found {
  uri: vscode.Uri;
  located: LocatedConfig | undefined;
}

/** Options as the analyzer takes them, with the `notes` mode of the configuration's include/exclude. */
export type FileOptions = AnalyzeOptions;

export class ConfigFiles implements vscode.Disposable {
  /** Per folder URI: the configuration that applies there (null: none), or its reading under way. */
  private readonly byFolder = new Map<string, Found | null>();
  private readonly reading = new Map<string, Promise<Found | null>>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('interview-notes-config');
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`);
  private generation = 0;

  /** Fires when a configuration file was read, changed, created or deleted: options may differ. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    const changed = () => {
      // Cheap and always right: forget everything; documents ask again and are re-read.
      this.generation++;
      this.byFolder.clear();
      this.reading.clear();
      this.diagnostics.clear();
      this.emitter.fire();
    };
    this.watcher.onDidChange(changed);
    this.watcher.onDidCreate(changed);
    this.watcher.onDidDelete(changed);
  }

  /**
   * The options for a document: the settings' options below the nearest configuration file. Until
   * that file has been looked for, the settings' alone (and `onDidChange` fires once it is known).
   */
  optionsFor(uri: vscode.Uri, settings: AnalyzeOptions): FileOptions {
    if (uri.scheme === 'untitled') return settings;
    const folder = vscode.Uri.joinPath(uri, '..');
    const found = this.byFolder.get(folder.toString());
    if (found === undefined) {
      void this.find(folder).then(() => this.emitter.fire());
      return settings;
    }
    const layer = { rules: settings.severities, levels: settings.levels, ...bankLayerOf(settings.bank) };
    return resolveOptions(uri.path, [layer], found?.located).analyze;
  }

  /** The configuration that applies in `folder`, reading what it must. */
  find(folder: vscode.Uri): Promise<Found | null> {
    const key = folder.toString();
    const known = this.byFolder.get(key);
    if (known !== undefined) return Promise.resolve(known);
    let pending = this.reading.get(key);
    if (!pending) {
      const generation = this.generation;
      pending = this.search(folder).then((found) => {
        if (generation === this.generation) this.byFolder.set(key, found);
        return found;
      });
      this.reading.set(key, pending);
    }
    return pending;
  }

  private async search(folder: vscode.Uri): Promise<Found | null> {
    for (const name of CONFIG_FILE_NAMES) {
      const found = await this.read(vscode.Uri.joinPath(folder, name));
      if (found) return found;
    }
    const parent = vscode.Uri.joinPath(folder, '..');
    return parent.path === folder.path ? null : this.find(parent);
  }

  private async read(uri: vscode.Uri): Promise<Found | undefined> {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined; // Not there (or not readable): look further up.
    }
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const syntax = syntaxOf(name);
    const parsed = parseConfig(text, syntax);
    if (syntax === 'package.json' && !parsed.config && !parsed.problems.some((p) => p.kind === 'schema')) return undefined;
    this.report(uri, text, parsed.problems);
    const folder = vscode.Uri.joinPath(uri, '..');
    return { uri, located: parsed.config && locateConfig(parsed.config, folder.path) };
  }

  private report(uri: vscode.Uri, text: string, problems: readonly ConfigProblem[]): void {
    const positions = positionSourceFor(text);
    this.diagnostics.set(
      uri,
      problems.map((p) => {
        const d = new vscode.Diagnostic(toRange(positions, { start: p.offset, end: p.offset + p.length }), p.message, vscode.DiagnosticSeverity.Error);
        d.source = 'interview-notes';
        d.code = p.kind === 'syntax' ? 'config-syntax' : 'config-schema';
        return d;
      }),
    );
  }

  dispose(): void {
    this.watcher.dispose();
    this.diagnostics.dispose();
    this.emitter.dispose();
  }
}
