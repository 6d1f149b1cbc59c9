// The story bank inside a real VS Code: the Competencies view's items and gaps (and the gap limit
// setting), tag completion after `#` and in a tag line, the coverage status bar item, the coverage
// table commands and the table's stale check, and New Story for this Competency.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyze, bank } from '../../src/core/index';
import type { InterviewNotesApi } from '../../src/vscode/extension';
import { activate, open, revert, waitFor, workspaceFile } from './helpers';

const FILE = 'bank.md';
const NOTES = [
  '## Conflict',
  '### 1 Pushed back on a rewrite',
  '- **Situation**: The team wanted to rewrite the billing service.',
  '- **Task**: Decide whether a rewrite was worth it.',
  '- **Action**: I measured where the time went and wrote up three options with their costs. #Ownership',
  '- **Result**: We kept the service and cut its latency by 40 %.',
  '',
  '### 2 Argued about code style',
  '- **Situation**: Two reviewers disagreed on every pull request.',
  '- **Task**: Stop the back and forth.',
  '',
].join('\n');

describe('the story bank in a real VS Code', function () {
  this.timeout(60000);
  let api: InterviewNotesApi;
  const uri = () => workspaceFile(FILE);
  const setting = (key: string, value: unknown) => vscode.workspace.getConfiguration('interviewNotes').update(key, value, vscode.ConfigurationTarget.Global);
  const node = (label: string) => api.competencies.rootNodes.find((n) => n.label === label);

  before(async () => {
    api = await activate();
  });

  beforeEach(async () => {
    await vscode.workspace.fs.writeFile(uri(), new TextEncoder().encode(NOTES));
  });

  afterEach(async () => {
    await setting('coverage.minStories', undefined);
    // Edits a test made are not saved: revert them so the next test reads the file as written.
    const edited = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri().toString() && d.isDirty);
    if (edited) await revert(await vscode.window.showTextDocument(edited));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri()).then(undefined, () => undefined);
  });

  it('the Competencies view lists each competency with its stories, and marks the gaps', async () => {
    await open(FILE);
    await vscode.commands.executeCommand('interviewNotes.competencies.focus');
    const conflict = await waitFor('the Conflict competency with its stories', () => node('Conflict')?.children.length === 2 && node('Conflict'));
    assert.deepEqual(conflict.children.map((c) => c.label), ['Pushed back on a rewrite', 'Argued about code style']);
    assert.equal(conflict.description, '1/2 complete · gap');
    assert.match(conflict.children[0]!.description, /^⏱ 0:\d\d$/);
    assert.equal(node('Ownership')!.children.length, 1, 'the hashtag tags the story');
    assert.equal(node('Leadership')!.gap, true);
    // With one complete story enough, Conflict and Ownership are covered.
    await setting('coverage.minStories', 1);
    await waitFor('Conflict to be covered', () => node('Conflict')?.gap === false);
    assert.equal(node('Ownership')!.description, '1/1 complete');
  });

  it('the status bar shows the coverage and the total time, and goes to the first gap', async () => {
    await open(FILE);
    const stories = bank.bankStories(NOTES, analyze(NOTES));
    const seconds = stories.reduce((s, x) => s + x.time.seconds, 0);
    const expected = `Competencies 0/${bank.GENERIC.competencies.length} covered · ⏱ ${bank.formatDuration(seconds)}`;
    const status = await waitFor(`the status bar to say ${expected}`, () => api.coverageStatus.text === expected && api.coverageStatus);
    assert.equal(status.command, 'interviewNotes.showCompetencies');
    await vscode.commands.executeCommand('interviewNotes.showCompetencies');
    await waitFor('the first gap to be selected', () => (api.competenciesView.selection[0] as { label?: string } | undefined)?.label === 'Conflict');
  });

  it('completes competency names after # and in a tag line', async () => {
    const editor = await open(FILE);
    await waitFor('the notes to be read', () => api.store.get(editor.document.uri)?.model.isNotes);
    await editor.edit((e) => e.insert(new vscode.Position(9, 36), ' #Lead'));
    const hashtag = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(9, 42), '#');
    const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
    assert.ok(hashtag.items.some((i) => labelOf(i) === '#Leadership'), 'the generic Leadership as a hashtag');
    assert.ok(hashtag.items.some((i) => labelOf(i) === '#DiveDeep'), "Amazon's Dive Deep as a hashtag");
    await editor.edit((e) => e.insert(new vscode.Position(2, 0), '- **Tags**: ownership, \n'));
    const line = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(2, 23));
    assert.ok(line.items.some((i) => labelOf(i) === 'Customer focus'), 'names as written in a tag line');
    assert.ok(!line.items.some((i) => labelOf(i).startsWith('#')));
  });

  it('writes the coverage table, keeps it current, and says when it is stale', async () => {
    const editor = await open(FILE);
    await waitFor('the notes to be read', () => api.store.get(editor.document.uri)?.model.isNotes);
    await vscode.commands.executeCommand('interviewNotes.updateCoverageTable');
    const rowsOf = (text: string) => bank.coverage(bank.bankStories(text, analyze(text)));
    const written = editor.document.getText();
    assert.ok(written.startsWith(NOTES), 'the notes before the table are untouched');
    assert.ok(written.includes('| Conflict | Pushed back on a rewrite · Argued about code style | 2 (gap) |'), written);
    assert.equal(bank.coverageTableState(written, rowsOf(written)), 'fresh');
    await vscode.commands.executeCommand('interviewNotes.updateCoverageTable');
    assert.equal(editor.document.getText(), written, 'a current table is left as it is');
    // Tag the second story with Leadership: the table no longer says what the stories say.
    await editor.edit((e) => e.insert(new vscode.Position(8, 0), '- **Tags**: leadership\n'));
    const edited = editor.document.getText();
    assert.equal(bank.coverageTableState(edited, rowsOf(edited)), 'stale');
    await vscode.commands.executeCommand('interviewNotes.updateCoverageTable');
    const updated = editor.document.getText();
    assert.ok(updated.includes('| Leadership | Argued about code style | 1 (gap) |'), updated);
    assert.equal(bank.coverageTableState(updated, rowsOf(updated)), 'fresh');
    assert.equal(updated.split(bank.COVERAGE_START).length, 2, 'one table, replaced in place');
  });

  it('shows the coverage table of every open notes file in an untitled document', async () => {
    await open(FILE);
    await waitFor('the notes to be read', () => api.store.get(uri())?.model.isNotes);
    await vscode.commands.executeCommand('interviewNotes.showCoverageTable');
    const shown = await waitFor('the table document', () => vscode.window.activeTextEditor?.document.isUntitled && vscode.window.activeTextEditor.document);
    assert.equal(shown.languageId, 'markdown');
    assert.match(shown.getText(), /^# Competencies: 0\/\d+ covered\n\n<!-- interview-notes:coverage -->\n\| Competency \| Stories \| Count \|/);
  });

  it('New Story for this Competency adds a story tagged with it', async () => {
    const editor = await open(FILE);
    await waitFor('the Leadership competency', () => node('Leadership'));
    await vscode.commands.executeCommand('interviewNotes.newStoryForCompetency', node('Leadership'));
    const text = editor.document.getText();
    assert.ok(text.startsWith(NOTES));
    assert.ok(text.endsWith('\n### New Leadership story\n- **Tags**: Leadership\n- **Situation**: \n- **Task**: \n- **Action**: \n- **Result**: \n'), text);
    assert.equal(editor.document.getText(editor.selection), 'New Leadership story');
    await waitFor('the new story under Leadership', () => node('Leadership')?.children.some((c) => c.label === 'New Leadership story'));
  });
});
