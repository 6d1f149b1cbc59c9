// A Markdown file the extension does not read as notes (issue 10): the status bar and the Stories view
// say why, and "Read This File as Interview Notes" reads it as notes, until the user takes it back.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../src/vscode/extension';
import { activate, open, waitFor } from './helpers';

describe('Interview Notes: a Markdown file that is not notes', function () {
  this.timeout(60000);
  let api: InterviewNotesApi;

  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('says why in the status bar and the view, and reads it as notes when asked, until asked to stop', async () => {
    const editor = await open('README.md');
    const uri = editor.document.uri;
    await waitFor('the README to be read', () => api.store.get(uri));
    await waitFor('the status bar', () => api.statusBar.text === '$(circle-slash) Not interview notes');
    assert.match(String(api.statusBar.tooltip), /no STAR labels naming two different parts, no question headings with stories/);
    assert.equal(typeof api.statusBar.command === 'object' ? api.statusBar.command.command : api.statusBar.command, 'interviewNotes.readAsNotes');
    await waitFor('the view to say why', () => api.view.message?.includes('README.md is not read as notes: no STAR labels'));
    try {
      await vscode.commands.executeCommand('interviewNotes.readAsNotes');
      await waitFor('the README read as notes', () => api.store.get(uri)?.model.isNotes);
      await waitFor('the status bar count', () => api.statusBar.text === '★ 0/0 stories complete');
      assert.ok(!api.view.message?.includes('is not read as notes'), api.view.message);
    } finally {
      await vscode.commands.executeCommand('interviewNotes.stopReadingAsNotes');
    }
    await waitFor('the README not notes again', () => api.store.get(uri)?.model.isNotes === false);
    await waitFor('the status bar again', () => api.statusBar.text === '$(circle-slash) Not interview notes');
  });

  it('says when the file itself says it is not notes, and offers nothing it would ignore', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'not-notes.md');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode('---\ninterview-notes: false\n---\n## A. X\n### 1 Y\n- **Situation**: s\n- **Task**: t\n'),
    );
    try {
      await vscode.window.showTextDocument(uri);
      await waitFor('the status bar', () => String(api.statusBar.tooltip).includes('its front matter says interview-notes: false'));
      assert.equal(api.statusBar.command, undefined);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
