// Findings → diagnostics, in the manner of the official code-actions sample: one collection, refreshed
// when a document's model changes, cleared when it stops being notes or is closed (unless the
// workspace scope keeps closed files).

import * as vscode from 'vscode';
import type { Finding, Severity } from '../../core/index.js';
import type { NotesEntry, NotesStore } from '../notes-store.js';
import type { Feature } from './feature.js';
import { toRange } from '../positions.js';

export const SOURCE = 'interview-notes';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(SOURCE);
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: NotesStore,
    private readonly docsRoot: vscode.Uri,
  ) {
    this.subscription = store.onDidChange((uri) => this.refresh(uri));
    for (const e of store.notes()) this.refresh(e.uri);
  }

  refresh(uri: vscode.Uri): void {
    const entry = this.store.get(uri);
    if (!entry || !entry.model.isNotes) {
      this.collection.delete(uri);
      return;
    }
    this.collection.set(uri, entry.model.findings.map((f) => this.toDiagnostic(entry, f)));
  }

  toDiagnostic(entry: NotesEntry, finding: Finding): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(entry.positions, finding.span), finding.message, SEVERITY[finding.severity]);
    d.source = SOURCE;
    d.code = { value: finding.rule, target: vscode.Uri.joinPath(this.docsRoot, `${finding.rule}.md`) };
    return d;
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

/** The finding a diagnostic stands for: same rule, same range. */
export function findingFor(entry: NotesEntry, diagnostic: vscode.Diagnostic): Finding | undefined {
  const rule = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return entry.model.findings.find((f) => f.rule === rule && toRange(entry.positions, f.span).isEqual(diagnostic.range));
}

export const diagnosticsFeature: Feature = {
  id: 'diagnostics',
  activate(context, store) {
    const controller = new DiagnosticsController(store, vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'));
    context.subscriptions.push(controller);
    return { diagnostics: controller.collection };
  },
};
