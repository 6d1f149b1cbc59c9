// Quick fixes at three widths, as vscode-markdownlint offers them: this finding, every finding of the
// rule in the file, and every certain fix in the file (`source.fixAll.interview-notes`); plus the
// suggestions the core offers (remove a ✅) and silencing a rule on a line with a comment.

import * as vscode from 'vscode';
import { detectLineEnding, silenceEdit, type Finding, type TextEdit } from '../core/index.js';
import { findingFor, SOURCE } from './diagnostics.js';
import type { NotesEntry, NotesStore } from './notes-store.js';
import { toRange } from './positions.js';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('interview-notes');

const FIX_TITLES: Record<string, (f: Finding, text: string) => string> = {
  'missing-section': (f) => `Insert the missing STAR labels${/has no (.*)\.$/.exec(f.message)?.[1] ? ` (${/has no (.*)\.$/.exec(f.message)![1]})` : ''}`,
  'mis-encoded': (f, text) => `Repair “${text.slice(f.span.start, f.span.end)}” → “${f.fix?.[0]?.newText ?? ''}”`,
};

export class NotesCodeActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, FIX_ALL];

  constructor(private readonly store: NotesStore) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const entry = this.store.analyzeDocument(document);
    if (!entry?.model.isNotes) return [];
    const actions: vscode.CodeAction[] = [];
    if (!context.only || context.only.contains(FIX_ALL) || FIX_ALL.contains(context.only)) {
      const all = this.fixAll(document, entry);
      if (all) actions.push(all);
    }
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return actions;
    const eol = detectLineEnding(entry.text);
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const finding = findingFor(entry, diagnostic);
      if (!finding) continue;
      if (finding.fix) {
        const title = FIX_TITLES[finding.rule]?.(finding, entry.text) ?? `Fix: ${finding.message}`;
        actions.push(this.action(title, document, entry, finding.fix, diagnostic, true));
      }
      if (finding.rule === 'mis-encoded') {
        const edits = entry.model.findings.filter((f) => f.rule === 'mis-encoded').flatMap((f) => f.fix ?? []);
        if (edits.length > 1) actions.push(this.action('Repair all mis-encoded text in this file', document, entry, edits, diagnostic, false));
      }
      for (const s of finding.suggestions ?? []) actions.push(this.action(s.title, document, entry, s.edits, diagnostic, false));
      const silence = silenceEdit(entry.text, finding.rule, finding.span.start, eol);
      actions.push(this.action(`Silence “${finding.rule}” on this line`, document, entry, [silence], diagnostic, false));
    }
    return actions;
  }

  private fixAll(document: vscode.TextDocument, entry: NotesEntry): vscode.CodeAction | undefined {
    const edits = entry.model.findings.flatMap((f) => f.fix ?? []);
    if (edits.length === 0) return undefined;
    const action = new vscode.CodeAction('Fix all certain Interview Notes problems', FIX_ALL);
    action.edit = workspaceEdit(document, entry, edits);
    return action;
  }

  private action(title: string, document: vscode.TextDocument, entry: NotesEntry, edits: readonly TextEdit[], diagnostic: vscode.Diagnostic, preferred: boolean): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = workspaceEdit(document, entry, edits);
    action.diagnostics = [diagnostic];
    action.isPreferred = preferred;
    return action;
  }
}

/** Edits that do not overlap, as one workspace edit (overlapping ones are left for the next round). */
export function workspaceEdit(document: vscode.TextDocument, entry: NotesEntry, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  let lastEnd = -1;
  for (const e of [...edits].sort((a, b) => a.span.start - b.span.start)) {
    if (e.span.start < lastEnd) continue;
    lastEnd = e.span.end;
    edit.replace(document.uri, toRange(entry.positions, e.span), e.newText);
  }
  return edit;
}
