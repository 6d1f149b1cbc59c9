// Quick fixes at three widths, as vscode-markdownlint offers them: this finding, every finding of the
// rule in the file, and every certain fix in the file (`source.fixAll.interview-notes`); plus the
// suggestions the core offers (remove a ✅) and silencing a rule on a line with a comment. What is
// fixable and what a fix is called come from the core (fixes.ts): no rule is known here.

import * as vscode from 'vscode';
import { detectLineEnding, FIX_ALL_TITLE, fixAll, fixOffers, fixSnippets, mayFix, silenceEdit, type Finding, type SnippetEdit, type TextEdit } from '../../core/index.js';
import { MARKDOWN_SELECTOR } from '../selector.js';
import { findingFor, SOURCE } from './diagnostics.js';
import type { NotesEntry, NotesStore } from '../notes-store.js';
import { toRange } from '../positions.js';
import type { Feature } from './feature.js';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('interview-notes');

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
      for (const offer of fixOffers(entry.text, entry.model, finding, this.store.optionsOf(entry.uri))) {
        // The widest one is the fix-all action above. The rule-wide one checks every fix of the rule,
        // so its edits are made when it is picked (resolveCodeAction).
        if (offer.width === 'one') actions.push(this.ownFix(offer.title, document, entry, finding, offer.edits(), diagnostic));
        if (offer.width === 'rule') {
          const action = new LazyAction(offer.title, vscode.CodeActionKind.QuickFix);
          action.document = document;
          action.entry = entry;
          action.offeredFor = entry.text;
          action.make = offer.edits;
          action.diagnostics = [diagnostic];
          actions.push(action);
        }
      }
      for (const s of finding.suggestions ?? []) actions.push(this.action(s.title, document, entry, s.edits, diagnostic, false));
      const silence = silenceEdit(entry.text, finding.rule, finding.span.start, eol);
      actions.push(this.action(`Silence “${finding.rule}” on this line`, document, entry, [silence], diagnostic, false));
    }
    return actions;
  }

  /** Offered when anything is certain; its edits are made when it is chosen (resolveCodeAction). */
  private fixAll(document: vscode.TextDocument, entry: NotesEntry): vscode.CodeAction | undefined {
    if (!entry.model.findings.some(mayFix)) return undefined;
    const action = new LazyAction(FIX_ALL_TITLE, FIX_ALL);
    action.document = document;
    action.entry = entry;
    action.offeredFor = entry.text;
    // The same function as the command line's --fix: every certain fix, in rounds.
    action.make = () => fixAll(entry.text, entry.model, this.store.optionsOf(entry.uri)).edits;
    return action;
  }

  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (!(action instanceof LazyAction) || !action.document || !action.make || !action.entry) return action;
    // Changed since it was offered: its edits would land elsewhere. VS Code offers it again.
    if (action.entry.text !== action.offeredFor) return action;
    // The edits are in the text the action was offered for, and placed with that text's positions.
    action.edit = workspaceEdit(action.document, action.entry, action.make());
    return action;
  }

  /**
   * A finding's own fix: as a snippet when its rule places the cursor (after the first inserted
   * label, Tab to the next), so the user types straight into what the fix made.
   */
  private ownFix(title: string, document: vscode.TextDocument, entry: NotesEntry, finding: Finding, edits: readonly TextEdit[], diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const snippets = fixSnippets(entry.text, finding);
    if (!snippets) return this.action(title, document, entry, edits, diagnostic, true);
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = snippetEdit(document, entry, snippets);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
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

/**
 * Snippet edits as one workspace edit, with the text's own whitespace kept: the core wrote the
 * indentation, and VS Code would otherwise add the insertion line's indentation to every line.
 */
export function snippetEdit(document: vscode.TextDocument, entry: NotesEntry, snippets: readonly SnippetEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.set(
    document.uri,
    snippets.map((e) => {
      const snippet = new vscode.SnippetTextEdit(toRange(entry.positions, e.span), new vscode.SnippetString(e.snippet));
      snippet.keepWhitespace = true;
      return snippet;
    }),
  );
  return edit;
}

/** An action whose edits are made when it is picked: `make` gives them, in the entry's text. */
class LazyAction extends vscode.CodeAction {
  document: vscode.TextDocument | undefined;
  entry: NotesEntry | undefined;
  /** The text the action was offered for. */
  offeredFor: string | undefined;
  make: (() => TextEdit[]) | undefined;
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

export const codeActionsFeature: Feature = {
  id: 'code-actions',
  activate(context, store) {
    context.subscriptions.push(
      vscode.languages.registerCodeActionsProvider(MARKDOWN_SELECTOR, new NotesCodeActions(store), {
        providedCodeActionKinds: NotesCodeActions.providedCodeActionKinds,
      }),
    );
  },
};
