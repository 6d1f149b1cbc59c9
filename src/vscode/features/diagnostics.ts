// Findings → diagnostics, in the manner of the official code-actions sample: one collection, refreshed
// when a document's model changes, cleared when it stops being notes or is closed (unless the
// workspace scope keeps closed files).

import * as vscode from 'vscode';
import type { Finding, Severity } from '../../core/index.js';
import type { NotesEntry, NotesStore } from '../notes-store.js';
import type { Feature } from './feature.js';
import { toRange } from '../positions.js';
import { diagnosticCut } from '../diagnostic-cap.js';

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
    // At most VS Code's limit, chosen here (the status bar and the Stories view say how many are left out).
    this.collection.set(uri, diagnosticCut(entry.model.findings).shown.map((f) => this.toDiagnostic(entry, f)));
  }

  toDiagnostic(entry: NotesEntry, finding: Finding): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(entry.positions, finding.span), finding.message, SEVERITY[finding.severity]);
    d.source = SOURCE;
    // The rule's page opens in the Markdown preview (a file link would open its editable source).
    d.code = { value: finding.rule, target: ruleLink(finding.rule) };
    return d;
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

/** A command link that opens a rule's page in the Markdown preview (hovers and the Problems view follow command links). */
export function ruleLink(rule: string): vscode.Uri {
  return vscode.Uri.parse(`command:${OPEN_RULE_COMMAND}?${encodeURIComponent(JSON.stringify([rule]))}`);
}

export const OPEN_RULE_COMMAND = 'interviewNotes.openRule';

/** The finding a diagnostic stands for: same rule, same range. */
export function findingFor(entry: NotesEntry, diagnostic: vscode.Diagnostic): Finding | undefined {
  const rule = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return entry.model.findings.find((f) => f.rule === rule && toRange(entry.positions, f.span).isEqual(diagnostic.range));
}

export const diagnosticsFeature: Feature = {
  id: 'diagnostics',
  activate(context, store) {
    const controller = new DiagnosticsController(store);
    const docsRoot = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
    context.subscriptions.push(
      controller,
      vscode.commands.registerCommand(OPEN_RULE_COMMAND, (rule: string) =>
        vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(docsRoot, `${String(rule).replace(/[^\w-]/g, '')}.md`)),
      ),
    );
    return { diagnostics: controller.collection };
  },
};
