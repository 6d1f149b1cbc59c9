// The editor experience of issue 14, in a real VS Code: each numbered finding of the issue as a user
// would meet it (the diagnostics cap, fixes that never raise the warning count, the tree's icons and
// titles, keyboard navigation, wording, rule pages in the preview, the new-file template, the silence
// comment and document selectors with a scheme).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../src/vscode/extension';
import { categoryPickItem } from '../../src/vscode/features/commands';
import type { StoryElement } from '../../src/vscode/features/stories-view';
import { activate, diagnostics, labels, open, quickFixes, revert, waitFor, workspaceFile } from './helpers';
import { pageState } from './runner/result-file.cjs';

const warnings = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'interview-notes' && d.severity === vscode.DiagnosticSeverity.Warning).length;

async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

function iconOf(api: InterviewNotesApi, element: StoryElement): { id: string; color: string | undefined } {
  const icon = api.stories.getTreeItem(element).iconPath as vscode.ThemeIcon;
  return { id: icon.id, color: icon.color?.id };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The code action titled `title` at `range`, asked again until offered: the diagnostics reach the
 * workbench a moment after the extension sets them, and the quick fixes are asked for with those.
 */
async function offered(uri: vscode.Uri, range: vscode.Range, title: string): Promise<vscode.CodeAction> {
  const deadline = Date.now() + 15000;
  for (;;) {
    const fixes = await quickFixes(uri, range);
    const fix = fixes.find((a) => a.title === title);
    if (fix) return fix;
    if (Date.now() > deadline) throw new Error(`"${title}" is not offered; offered: ${fixes.map((a) => a.title).join(' | ')}`);
    await pause(200);
  }
}

describe('Interview Notes: the editor experience (issue 14)', function () {
  this.timeout(90000);
  let api: InterviewNotesApi;
  const made: string[] = [];

  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    for (const name of made) await vscode.workspace.fs.delete(workspaceFile(name)).then(undefined, () => undefined);
  });

  it('1. shows at most 1,000 diagnostics per file, warnings before information, and says in the status bar and the view how many are not shown', async () => {
    // 600 stories, each with a missing-section warning and a placeholder: 1,200 findings.
    const stories = Array.from({ length: 600 }, (_, i) => `### ${i + 1} Story ${i + 1}\n- **Situation**: It broke ❓\n- **Task**: Fix it.\n`);
    made.push('many-findings.md');
    const uri = await write('many-findings.md', `## A. Many\n${stories.join('\n')}`);
    await vscode.window.showTextDocument(uri);
    await waitFor('the diagnostics', () => diagnostics(uri).length > 0, 30000);
    const shown = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'interview-notes');
    assert.equal(shown.length, 1000, 'what VS Code shows, chosen by the extension');
    assert.equal(shown.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length, 600, 'every warning is shown');
    const note = '200 of 1,200 findings are not shown as squiggles';
    assert.ok(String(api.statusBar.tooltip).includes(note), `status bar tooltip: ${String(api.statusBar.tooltip)}`);
    assert.ok(api.view.message?.includes(note), `view message: ${api.view.message}`);
    // Gone before the workspace-scope test below reads the workspace.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
  });

  it('2. a sub-story fix keeps the warning count, puts the cursor in the first inserted label and keeps the list tight', async () => {
    made.push('sub-stories.md');
    const text =
      '## A. Ownership\n### 1 Took over a reporting service\n- **story-1**\n    - nobody was on call for it\n- **story-2**\n    - wrote the runbook\n\n' +
      '### 2 Fixed the flaky build\n- **Situation**: CI failed one run in five.\n- **Task**: Make it green.\n- **Action**: Found two tests sharing a folder.\n- **Result**: No flake in a month.\n';
    const uri = await write('sub-stories.md', text);
    const editor = await vscode.window.showTextDocument(uri);
    await waitFor('the missing-section findings', () => diagnostics(uri).filter((d) => d.startsWith('missing-section')).length === 2);
    const before = warnings(uri);
    const fix = await offered(uri, new vscode.Range(2, 2, 2, 13), 'Insert the missing STAR labels (Situation, Task, Action and Result)');
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
    assert.equal(
      editor.document.getText(),
      text.replace('    - nobody was on call for it\n', '    - nobody was on call for it\n    - **Situation**: \n    - **Task**: \n    - **Action**: \n    - **Result**: \n'),
      'the labels, with the trailing space, and no blank line before - **story-2**',
    );
    // The cursor waits in the Situation label, ready to type; Tab goes on to the Task label.
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [4, '    - **Situation**: '.length]);
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [5, '    - **Task**: '.length]);
    await waitFor('the analysis of the fixed text', () => api.store.get(uri)?.text === editor.document.getText());
    await waitFor('the diagnostics of the fixed text', () => !diagnostics(uri).some((d) => d.startsWith('missing-section 2:')));
    assert.ok(warnings(uri) <= before, `warnings went from ${before} to ${warnings(uri)}: ${diagnostics(uri, true).join('\n')}`);
    await vscode.commands.executeCommand('workbench.action.files.save');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
  });

  it('2. Fix All on the seed notes never raises the warning count, and puts no skeleton after STAR text kept in a code block', async function () {
    if (!existsSync(workspaceFile('seed-notes.md').fsPath)) this.skip();
    const editor = await open('seed-notes.md');
    const uri = editor.document.uri;
    await waitFor('the seed diagnostics', () => warnings(uri) > 0);
    const before = warnings(uri);
    const original = editor.document.getText();
    await vscode.commands.executeCommand('interviewNotes.fixAll');
    await waitFor('the analysis of the fixed text', () => api.store.get(uri)?.text === editor.document.getText());
    await pause(200);
    const fixed = editor.document.getText();
    assert.ok(warnings(uri) <= before, `warnings went from ${before} to ${warnings(uri)}`);
    const fence = fixed.slice(fixed.indexOf('### 1 Conflict with a colleague'));
    assert.doesNotMatch(fence.slice(fence.indexOf('```', fence.indexOf('```') + 3)), /\*\*Situation\*\*: \n/, 'no skeleton after the code block');
    // Undo takes the whole Fix All back (one edit), and the later tests see the seed as it is on disk.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor('the seed as it was', () => editor.document.getText() === original);
    await revert(editor);
  });

  it('3. makes status readable from the icon alone: distinct icons and contributed theme colours, a distinct icon for a ✅ category that is not done, and an uncut view title', async () => {
    await open('notes.md');
    await vscode.commands.executeCommand('interviewNotes.stories.focus');
    await waitFor('the tree', () => labels(api).length === 2);
    const [a, b] = api.stories.getChildren();
    const [complete] = api.stories.getChildren(a);
    const [incomplete, empty] = api.stories.getChildren(b);
    const icons = [iconOf(api, complete!), iconOf(api, incomplete!), iconOf(api, empty!)];
    assert.equal(new Set(icons.map((i) => i.id)).size, 3, JSON.stringify(icons));
    const colors = (vscode.extensions.getExtension('interview-notes.interview-notes')!.packageJSON.contributes.colors ?? []) as { id: string; defaults: Record<string, string> }[];
    for (const icon of icons) {
      const color = colors.find((c) => c.id === icon.color);
      assert.ok(color, `${icon.id} has a colour of the extension's own (${icon.color})`);
      for (const theme of ['dark', 'light', 'highContrast', 'highContrastLight']) assert.ok(color.defaults[theme], `${color.id} for ${theme}`);
    }
    // Category A is marked ✅ but one of its stories is unfinished; B is not marked.
    const doneButUnfinished = iconOf(api, a!);
    assert.notEqual(doneButUnfinished.id, 'check');
    assert.notEqual(doneButUnfinished.id, iconOf(api, b!).id);
    assert.ok(colors.some((c) => c.id === doneButUnfinished.color));
    const page = await pageState('stories-title');
    if (page === undefined) return; // not run by the code-server driver
    const title = page.titles.find((t) => /stories/i.test(t.text));
    assert.ok(title, `the view's title is shown (${JSON.stringify(page.titles)})`);
    assert.ok(!page.titles.some((t) => t.cut), `no title is cut: ${JSON.stringify(page.titles)}`);
  });

  it('4. keeps the keyboard focus in the tree when an item is chosen, labels stories by their titles, and opens a workspace tree collapsed but for the active file', async () => {
    const editor = await open('notes.md');
    await vscode.commands.executeCommand('interviewNotes.stories.focus');
    await waitFor('the tree', () => labels(api).length === 2);
    const b = api.stories.getChildren()[1]!;
    const story = api.stories.getChildren(b)[1]!;
    const item = api.stories.getTreeItem(story);
    assert.equal(item.label, 'Owned an outage', 'type-to-navigate matches the title');
    await vscode.commands.executeCommand('interviewNotes.stories.focus');
    // What Enter or Space on the item runs.
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 18);
    const page = await pageState('focus-after-enter');
    if (page !== undefined) assert.ok(!page.focus.inEditor, `the focus stayed out of the editor: ${JSON.stringify(page.focus)}`);
    // Workspace scope: every notes file of the workspace, collapsed but for the active one.
    const config = vscode.workspace.getConfiguration('interviewNotes');
    await config.update('scope', 'workspace', vscode.ConfigurationTarget.Global);
    try {
      await waitFor('several files in the tree', () => api.stories.getChildren().length >= 2 && api.stories.getChildren().every((e) => e.data.kind === 'file'), 30000);
      const files = api.stories.getChildren();
      const states = files.map((f) => [f.data.uri === editor.document.uri.toString(), api.stories.getTreeItem(f).collapsibleState] as const);
      assert.ok(states.some(([active]) => active), 'the active file is in the tree');
      for (const [active, state] of states) {
        assert.equal(state, active ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      }
    } finally {
      await config.update('scope', undefined, vscode.ConfigurationTarget.Global);
      await waitFor('one file again', () => api.stories.getChildren().every((e) => e.data.kind !== 'file'), 30000);
    }
  });

  it('4b. a change made while the Stories view is hidden is in the tree when it shows again', async () => {
    const editor = await open('notes.md');
    await vscode.commands.executeCommand('interviewNotes.stories.focus');
    await waitFor('the tree', () => labels(api).length === 2);
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor('the view hidden', () => !api.view.visible);
    const fired: unknown[] = [];
    const listening = api.stories.onDidChangeTreeData((e) => fired.push(e));
    try {
      const at = editor.document.getText().indexOf('Owned an outage');
      await editor.edit((e) => e.insert(editor.document.positionAt(at + 'Owned an outage'.length), ' at night'));
      await waitFor('the edit analysed', () => api.store.get(editor.document.uri)?.text === editor.document.getText());
      await vscode.commands.executeCommand('interviewNotes.stories.focus');
      await waitFor('the view shown', () => api.view.visible);
      await waitFor('the tree refreshed', () => fired.length > 0);
      const b = api.stories.getChildren()[1]!;
      assert.ok(labels(api, b).some((l) => l.startsWith('Owned an outage at night')), labels(api, b).join(' | '));
    } finally {
      listening.dispose();
      await revert(editor);
    }
  });

  it('4c. an item made before an edit above reveals its story where the edit moved it', async () => {
    const editor = await open('notes.md');
    await vscode.commands.executeCommand('interviewNotes.stories.focus');
    await waitFor('the tree', () => labels(api).length === 2);
    const story = api.stories.getChildren(api.stories.getChildren()[1]!)[1]!;
    const item = api.stories.getTreeItem(story);
    try {
      // A line more in A moves B; B looks the same, so VS Code keeps the item it has.
      await editor.edit((e) => e.insert(new vscode.Position(3, 0), 'A line more.\n'));
      await waitFor('the edit analysed', () => api.store.get(editor.document.uri)?.text === editor.document.getText());
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
      assert.equal(vscode.window.activeTextEditor?.selection.active.line, 19);
      assert.equal(editor.document.lineAt(19).text, '### 2 Owned an outage');
    } finally {
      await revert(editor);
    }
  });

  it('5. words things right: the New Story picker (one story, preselected category), "is unfinished", the welcome view, the repair message and the filter', async () => {
    // The picker: the category under the cursor is the one Enter takes.
    const editor = await open('notes.md');
    const before = editor.document.getText();
    await waitFor('the tree', () => labels(api).length === 2);
    editor.selection = new vscode.Selection(13, 0, 13, 0); // in category B
    const adding = vscode.commands.executeCommand('interviewNotes.newStory');
    await pause(1000);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await adding;
    try {
      assert.equal(editor.document.getText(), `${before}\n### 3 title\n- **Situation**: \n- **Task**: \n- **Action**: \n- **Result**: \n`, 'the story went to category B, at its end');
    } finally {
      await revert(editor);
    }
    const one = api.store.get((await open('one-category.md')).document.uri)!;
    assert.equal(categoryPickItem(one.model.categories[0]!).description, '1 story');
    assert.equal(categoryPickItem(one.model.categories[0]!).label, 'A. Learning Quickly');
    // The ✅ category with one unfinished story of two.
    const notes = (await open('notes.md')).document.uri;
    await waitFor('the diagnostics', () => vscode.languages.getDiagnostics(notes).length > 0);
    assert.ok(
      vscode.languages.getDiagnostics(notes).some((d) => d.message === '“Handling Disagreements” is marked done, but 1 of 2 stories is unfinished.'),
      vscode.languages.getDiagnostics(notes).map((d) => d.message).join('\n'),
    );
    // The filter says it is on.
    await vscode.commands.executeCommand('interviewNotes.filterUnfinished');
    try {
      assert.equal(api.view.description, 'unfinished only');
      assert.ok(api.view.message?.includes('unfinished stories only'), api.view.message);
    } finally {
      await vscode.commands.executeCommand('interviewNotes.clearFilter');
    }
    assert.equal(api.view.description, undefined);
    // Repair says what it repaired.
    const encoded = await open('mis-encoded.md');
    await waitFor('the mis-encoded findings', () => diagnostics(encoded.document.uri).filter((d) => d.startsWith('mis-encoded')).length === 2);
    try {
      const said = await vscode.commands.executeCommand<string>('interviewNotes.repairEncoding');
      assert.match(said, /^Repaired 2 mis-encoded runs: \S+ → ✅, \S+ → 🔸 \(Undo restores them\)\.$/);
    } finally {
      await revert(encoded);
    }
    // The welcome view, with no notes open: plain words, no raw Markdown.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('no notes in the tree', () => labels(api).length === 0);
    await vscode.commands.executeCommand('interviewNotes.stories.focus');
    await pause(500);
    const page = await pageState('welcome');
    if (page === undefined) return;
    const welcome = page.welcome.find((w) => w.includes('No interview notes are open'));
    assert.ok(welcome, `the welcome view is shown: ${JSON.stringify(page.welcome)}`);
    assert.doesNotMatch(welcome, /`|\*\*/);
  });

  it('6. opens a rule page from a diagnostic in the Markdown preview, not as an editable source', async () => {
    const editor = await open('notes.md');
    await waitFor('diagnostics', () => vscode.languages.getDiagnostics(editor.document.uri).length > 0);
    const d = vscode.languages.getDiagnostics(editor.document.uri).find((x) => x.source === 'interview-notes')!;
    assert.ok(typeof d.code === 'object');
    const target = d.code.target;
    assert.equal(target.scheme, 'command', `the code links to ${target.toString()}`);
    // What following the link does (hovers and the Problems view open command links).
    await vscode.commands.executeCommand(target.path, ...(JSON.parse(decodeURIComponent(target.query)) as unknown[]));
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const preview = await waitFor('the Markdown preview', () => tabs().find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)), 15000);
    assert.match(preview.label, /done-but-unfinished/);
    assert.ok(!tabs().some((t) => t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith('/docs/rules/done-but-unfinished.md')), 'no editor of the rule page source');
  });

  it('7. starts a new notes file with nothing complete, and silences a rule without splitting a list', async () => {
    await vscode.commands.executeCommand('interviewNotes.newNotesFile');
    const created = vscode.window.activeTextEditor!;
    await waitFor('the new file to be read', () => api.store.get(created.document.uri)?.model.isNotes);
    await waitFor('the status bar', () => api.statusBar.text.includes('stories complete'));
    assert.equal(api.statusBar.text, '★ 0/2 stories complete');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // Silence the empty Task (line 14), which follows another item of the same list.
    const editor = await open('notes.md');
    const text = editor.document.getText();
    await waitFor('diagnostics', () => diagnostics(editor.document.uri).includes('empty-section 14:2-14:11 warning'));
    const silence = await offered(editor.document.uri, new vscode.Range(14, 2, 14, 11), 'Silence “empty-section” on this line');
    assert.ok(silence.edit && (await vscode.workspace.applyEdit(silence.edit)));
    const silenced = editor.document.getText();
    const lists = async (markdown: string) => ((await vscode.commands.executeCommand<string>('markdown.api.render', markdown)).match(/<ul/g) ?? []).length;
    assert.equal(await lists(silenced), await lists(text), 'as many lists rendered as before');
    await waitFor('the rule silenced', () => !diagnostics(editor.document.uri).some((d) => d.startsWith('empty-section')));
    await revert(editor);
  });

  it('8. registers every provider with a document selector that names a scheme (no warning in the extension host log)', async () => {
    await open('notes.md');
    const folder = vscode.Uri.joinPath(api.logUri, '..').fsPath;
    const logs = readdirSync(folder).filter((f) => f.endsWith('exthost.log'));
    assert.ok(logs.length > 0, `an extension host log in ${folder}: ${readdirSync(folder).join(', ')}`);
    for (const log of logs) {
      const text = readFileSync(`${folder}/${log}`, 'utf8');
      assert.ok(text.includes('interview-notes'), `${log} is the log of the host that runs the extension`);
      assert.doesNotMatch(text, /Extension 'interview-notes\.interview-notes' uses a document selector without scheme/);
    }
  });
});
