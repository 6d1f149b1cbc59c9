// The browser build (package.json "browser", dist/web/extension.js) in the browser's web worker
// extension host of a real VS Code, as VS Code for the Web runs it: the Stories tree, diagnostics, a
// quick fix, and an ordinary README left alone, on the fixture workspace. A subset of
// ../extension.test.ts, which runs the Node build in the Node extension host.
// Assertions with chai: Node's assert is not there in a worker, and chai is made for browsers.
import { assert } from 'chai';
import * as vscode from 'vscode';
import type { InterviewNotesApi } from '../../../src/vscode/extension';
import { activate, applyFix, diagnostics, EXTENSION_ID, labels, NOTES_MD, open, revert, waitFor } from '../helpers';

/** A dedicated worker's global scope, which the Node extension host does not have. */
function isWebWorker(): boolean {
  const scope = (globalThis as { WorkerGlobalScope?: new () => unknown }).WorkerGlobalScope;
  return typeof scope === 'function' && globalThis instanceof scope;
}

describe('Interview Notes in the web worker extension host', function () {
  this.timeout(60000);
  let api: InterviewNotesApi;

  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs in a web worker without Node, the extension in the same (local, UI) host', () => {
    // Had the Node host run these tests, or the extension, each of these would fail: the Node host
    // has process and no WorkerGlobalScope, and it reports its extensions as Workspace extensions.
    assert.isTrue(isWebWorker(), 'globalThis is a WorkerGlobalScope');
    assert.strictEqual(typeof process, 'undefined', 'no Node process object');
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.strictEqual(extension.extensionKind, vscode.ExtensionKind.UI);
    // The API object activate() returned lives in this host: its tree answers here.
    assert.isFunction(api.stories.getChildren);
  });

  it('leaves an ordinary README alone: no diagnostics, no stories', async () => {
    const editor = await open('README.md');
    const entry = await waitFor('the README to be read', () => api.store.get(editor.document.uri));
    assert.isFalse(entry.model.isNotes);
    assert.deepEqual(diagnostics(editor.document.uri), []);
    assert.deepEqual(labels(api), []);
  });

  it('shows the categories, stories and their counts in the Stories view', async () => {
    await open('notes.md');
    await vscode.commands.executeCommand('interviewNotes.stories.focus');
    await waitFor('the tree', () => labels(api).length === 2);
    assert.deepEqual(labels(api), NOTES_MD.categories);
    const [a, b] = api.stories.getChildren();
    assert.deepEqual(labels(api, a), NOTES_MD.storiesOfA);
    assert.deepEqual(labels(api, b), NOTES_MD.storiesOfB);
    assert.strictEqual(api.view.badge?.value, NOTES_MD.unfinished);
  });

  it('reports diagnostics with their rule codes, ranges and severities', async () => {
    const editor = await open('notes.md');
    const uri = editor.document.uri;
    await waitFor('diagnostics', () => diagnostics(uri).length > 0);
    assert.deepEqual(diagnostics(uri), NOTES_MD.diagnostics);
    const d = vscode.languages.getDiagnostics(uri)[0]!;
    assert.ok(typeof d.code === 'object' && d.code.target.toString(true) === 'command:interviewNotes.openRule?["done-but-unfinished"]', JSON.stringify(d.code));
  });

  it('inserts the missing STAR labels with a quick fix, touching nothing else', async () => {
    const editor = await open('notes.md');
    const before = editor.document.getText();
    const { range, title, before: replaced, after } = NOTES_MD.missingLabelsFix;
    await applyFix(editor, range, title);
    assert.strictEqual(editor.document.getText(), before.replace(replaced, after));
    await waitFor('the story to lose its missing-section finding', () => !diagnostics(editor.document.uri).some((d) => d.startsWith('missing-section')));
    await revert(editor);
  });
});
