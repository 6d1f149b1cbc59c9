// The editor surfaces of issue 14 in a real VS Code: hover on a story heading, folding ranges for
// stories and STAR parts, workspace symbols, the walkthrough, and a screenshot of the Stories view
// with the seed notes in each of the Dark Modern, Light Modern and High Contrast themes.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../src/vscode/extension';
import { activate, EXTENSION_ID, labels, open, waitFor, workspaceFile } from './helpers';
import { screenshotWithRows } from './runner/result-file.cjs';

// The hovers' Markdown as a reader sees it: escaped spaces and punctuation unescaped.
const hoverText = (hovers: vscode.Hover[]) =>
  hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');

describe('Interview Notes: hover, folding, symbols, walkthrough and themes', function () {
  this.timeout(120000);
  let api: InterviewNotesApi;

  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('hovers a story heading with its parts, speaking time and links to act on it', async () => {
    const editor = await open('notes.md');
    await waitFor('the tree', () => labels(api).length === 2);
    // Story A.2 (line 7): Situation and Action written, Task and Result missing.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(7, 8));
    const text = hoverText(hovers);
    assert.match(text, /Disagreed with my manager/);
    assert.match(text, /✓ Situation · ✗ Task \(missing\) · ✓ Action · ✗ Result \(missing\)/);
    assert.match(text, /⏱ 0:\d\d \(\d+ words\)/);
    assert.match(text, /command:interviewNotes\.insertMissingParts\?/);
    assert.match(text, /command:interviewNotes\.nextUnfinished/);
    // The link inserts the missing labels.
    const link = /command:interviewNotes\.insertMissingParts\?([^)]+)\)/.exec(text)!;
    const before = editor.document.getText();
    await vscode.commands.executeCommand('interviewNotes.insertMissingParts', ...(JSON.parse(decodeURIComponent(link[1]!)) as unknown[]));
    assert.equal(
      editor.document.getText(),
      before.replace('- **Action**: Proposed a smaller first release.\n', '- **Task**: \n- **Action**: Proposed a smaller first release.\n- **Result**: \n'),
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    // No hover off a heading.
    const none = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(8, 20));
    assert.doesNotMatch(hoverText(none), /✓ Situation/);
  });

  it('folds stories written as bold lines and their STAR paragraphs, which Markdown alone does not fold', async () => {
    const uri = workspaceFile('folding.md');
    const text =
      '## Tell me about a time you disagreed\n**Story: The queue choice**\n\n**Situation:** Two teams wanted\ndifferent queues.\n\n**Task:** Pick one.\n\n' +
      '**Action:** Wrote a comparison\nand ran a spike.\n\n**Result:** One queue.\n\n**Story: The deadline**\n\n**Situation:** A date.\n\n**Task:** Keep it.\n\n' +
      '**Action:** Cut scope.\n\n**Result:** Shipped.\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const editor = await vscode.window.showTextDocument(uri);
      await waitFor('the notes', () => api.store.get(uri)?.model.isNotes);
      const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
      const has = (start: number, end: number) => ranges.some((r) => r.start === start && r.end === end);
      assert.ok(has(1, 11), `the first story, from its bold line to its Result (lines 1-11): ${JSON.stringify(ranges)}`);
      assert.ok(has(3, 4), 'the two-line Situation paragraph');
      assert.ok(has(8, 9), 'the two-line Action paragraph');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('after an edit, the folding ranges of the categories the edit only moved are where the edited text puts them', async () => {
    const uri = workspaceFile('folding-moved.md');
    const fresh = workspaceFile('folding-fresh.md');
    const category = (title: string) =>
      `## ${title}\n**Story: The queue choice**\n\n**Situation:** Two teams wanted\ndifferent queues.\n\n**Task:** Pick one.\n\n**Action:** Wrote a comparison\nand ran a spike.\n\n**Result:** One queue.\n\n`;
    const text = category('Tell me about a time you disagreed') + category('Tell me about a hard call') + category('Tell me about a failure');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const folding = async (u: vscode.Uri) =>
      (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', u)).map((r) => [r.start, r.end]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    try {
      const editor = await vscode.window.showTextDocument(uri);
      await waitFor('the notes', () => api.store.get(uri)?.model.categories.length === 3);
      const before = await folding(uri);
      // Two lines more in the first category's Situation: the two categories after it move down by two lines.
      await editor.edit((e) => e.insert(new vscode.Position(4, 0), 'and a third\nand a fourth\n'));
      await waitFor('the edit analysed', () => api.store.get(uri)?.text === editor.document.getText());
      const after = await folding(uri);
      await editor.document.save();
      await vscode.workspace.fs.writeFile(fresh, new TextEncoder().encode(editor.document.getText()));
      await vscode.window.showTextDocument(fresh);
      await waitFor('the fresh file', () => api.store.get(fresh)?.model.categories.length === 3);
      assert.deepEqual(after, await folding(fresh), 'the same ranges as the edited text read afresh');
      assert.ok(after.some(([a, b]) => a === 14 + 2 && b === 24 + 2) && before.some(([a, b]) => a === 14 && b === 24), `the second category's story moved by two lines: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
      await vscode.workspace.fs.delete(fresh);
    }
  });

  it('finds stories and categories by title with workspace symbols (Ctrl+T)', async () => {
    const editor = await open('notes.md');
    await waitFor('the tree', () => labels(api).length === 2);
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'outage');
    const story = symbols.find((s) => s.name === 'Owned an outage');
    assert.ok(story, symbols.map((s) => s.name).join(' | '));
    assert.equal(story.containerName, 'B. Ownership');
    assert.equal(story.location.uri.toString(), editor.document.uri.toString());
    assert.equal(story.location.range.start.line, 18);
    const categories = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'ownership');
    assert.ok(categories.some((s) => s.name === 'B. Ownership' && s.kind === vscode.SymbolKind.Namespace));
  });

  it('contributes a walkthrough whose steps complete on what the user does', async () => {
    const walkthroughs = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.walkthroughs as { id: string; steps: { id: string; completionEvents?: string[]; media: unknown }[] }[];
    const [walkthrough] = walkthroughs;
    assert.ok(walkthrough);
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['open-notes', 'see-tree', 'fix-missing-part', 'insert-story', 'workspace-scope']);
    for (const step of walkthrough.steps) assert.ok(step.completionEvents?.length, `${step.id} has completion events`);
    // The walkthrough opens in the Welcome page.
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthrough.id}`, false);
    await waitFor('the Welcome page', () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => /Welcome|Walkthrough|Interview Notes/i.test(t.label))), 15000);
  });

  for (const [theme, label] of [
    ['Default Dark Modern', 'stories-dark-modern'],
    ['Default Light Modern', 'stories-light-modern'],
    ['Default High Contrast', 'stories-high-contrast'],
  ] as const) {
    it(`shows the seed notes in the Stories view in ${theme} (screenshot ${label})`, async function () {
      if (!existsSync(workspaceFile('seed-notes.md').fsPath)) this.skip();
      const workbench = vscode.workspace.getConfiguration('workbench');
      await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
      try {
        await open('seed-notes.md');
        await vscode.commands.executeCommand('interviewNotes.stories.focus');
        await waitFor('the seed tree', () => labels(api).length === 3);
        const [a, b] = api.stories.getChildren();
        await api.view.reveal(api.stories.getChildren(a)[0]!, { expand: true, select: false, focus: false });
        await api.view.reveal(api.stories.getChildren(b)[3]!, { expand: true, select: false, focus: false });
        // No toast of an earlier test over the editor.
        await vscode.commands.executeCommand('notifications.clearAll');
        await new Promise((r) => setTimeout(r, 1500));
        const rows = await screenshotWithRows(label);
        if (rows === undefined) return; // not run by the code-server driver
        for (const expected of ['A. Handling Disagreements and', 'B. influencing / persuasion / convince', 'C. Dealing with Conflicts', 'convince senior']) {
          assert.ok(rows.some((r) => r.includes(expected)), `the page shows "${expected}" (rows: ${rows.join(' | ')})`);
        }
      } finally {
        await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      }
    });
  }
});
