// The story bank inside a real VS Code: the Competencies view's items and gaps (and the gap limit
// setting, and its screenshot), tag completion after `#` and in a tag line, the coverage status bar
// item, the coverage table commands and the table's stale check, the table's update on save, New
// Story for this Competency, the story time in the status bar following the cursor, and the quick
// fix that makes a 🔸 note's competency a tag.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyze, bank } from '../../src/core/index';
import type { InterviewNotesApi } from '../../src/vscode/extension';
import { activate, applyFix, open, quickFixes, revert, waitFor, workspaceFile } from './helpers';
import { screenshotWithRows } from './runner/result-file.cjs';

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
    for (const key of ['coverage.minStories', 'coverage.updateOnSave', 'speech.targetSeconds', 'speech.maxSeconds']) await setting(key, undefined);
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
    assert.ok(written.startsWith(NOTES), `the notes before the table are untouched: ${JSON.stringify(written.slice(0, 400))}`);
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
  it('the status bar times the story under the cursor, follows the cursor to another story, and times a selection', async () => {
    const editor = await open(FILE);
    await waitFor('the notes to be read', () => api.store.get(editor.document.uri)?.model.isNotes);
    const model = analyze(NOTES);
    const expectedAt = (line: number) => {
      const at = bank.storyAt(model, editor.document.offsetAt(new vscode.Position(line, 0)))!;
      return bank.storyTimeStatus(at.story.title, bank.storyTime(NOTES, at));
    };
    const moveTo = (line: number, character = 0) => {
      editor.selection = new vscode.Selection(line, character, line, character);
    };
    const first = expectedAt(4);
    const second = expectedAt(9);
    assert.notEqual(first.text, second.text, 'the two stories take different times');
    moveTo(4, 20);
    await waitFor(`the status bar to say ${first.text}`, () => api.storyTime.shown && api.storyTime.item.text === first.text);
    assert.match(first.text, /^⏱ 0:\d\d \/ 1:30$/);
    assert.equal(api.storyTime.item.tooltip, first.tooltip);
    moveTo(9, 5);
    await waitFor(`the status bar to follow the cursor to ${second.text}`, () => api.storyTime.item.text === second.text);
    assert.match(String(api.storyTime.item.tooltip), /^Argued about code style: \d+ words ≈ 0:\d\d at 150 wpm/);
    moveTo(0, 3);
    await waitFor('the item to hide on the category heading', () => !api.storyTime.shown);
    // "I measured where the time went": six words, two seconds.
    editor.selection = new vscode.Selection(4, 14, 4, 44);
    await waitFor('the selection time', () => api.storyTime.shown && api.storyTime.item.text === '⏱ 0:02 / 1:30');
    assert.match(String(api.storyTime.item.tooltip), /^Selection: 6 words ≈ 0:02 at 150 wpm\n/);
    // The settings' target and maximum: past both, the item says so in warning colours.
    await setting('speech.targetSeconds', 10);
    await setting('speech.maxSeconds', 12);
    moveTo(3, 0);
    await waitFor('the story against the new maximum', () => api.storyTime.item.text === first.text.replace('/ 1:30', '/ 0:12'));
    assert.ok(api.storyTime.item.backgroundColor instanceof vscode.ThemeColor);
  });

  it('with updateOnSave, a save rewrites a stale coverage table and nothing else', async () => {
    // A file of its own, written once: a document VS Code still holds from an earlier test could be
    // older than the file on disk, and such a save is refused as a conflict.
    const saved = workspaceFile('bank-save.md');
    const stale = `${NOTES}\nBefore the table.\n\n${bank.coverageTable(bank.coverage([]))}\n\nAfter the table.\n`;
    await vscode.workspace.fs.writeFile(saved, new TextEncoder().encode(stale));
    try {
      await savesTheTable(await open('bank-save.md'), stale, saved);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(saved).then(undefined, () => undefined);
    }
  });

  async function savesTheTable(editor: vscode.TextEditor, stale: string, saved: vscode.Uri): Promise<void> {
    assert.equal(editor.document.getText(), stale);
    await waitFor('the notes to be read', () => api.store.get(editor.document.uri)?.model.isNotes);
    const save = async () => {
      assert.ok(await editor.document.save(), 'saved');
      await waitFor('the save', () => !editor.document.isDirty);
    };
    const rowsOf = (text: string) => bank.coverage(bank.bankStories(text, analyze(text)));
    // Off by default: the save keeps the stale table as it is.
    await editor.edit((e) => e.insert(editor.document.lineAt(3).range.end, ' Soon.'));
    const edited = editor.document.getText();
    await save();
    assert.equal(editor.document.getText(), edited);
    assert.equal(bank.coverageTableState(edited, rowsOf(edited)), 'stale');
    await setting('coverage.updateOnSave', true);
    await waitFor('the store to take the setting', () => api.store.currentSettings.coverageOnSave);
    await editor.edit((e) => e.insert(editor.document.lineAt(3).range.end, ' Really.'));
    const before = editor.document.getText();
    await save();
    const after = editor.document.getText();
    const body = bank.coverageTableBody(before)!;
    assert.equal(after.slice(0, body.start), before.slice(0, body.start), 'everything up to the start marker is as it was');
    assert.equal(after.slice(after.length - (before.length - body.end)), before.slice(body.end), 'everything from the end marker on is as it was');
    assert.ok(after.includes('| Conflict | Pushed back on a rewrite · Argued about code style | 2 (gap) |'), after);
    assert.equal(bank.coverageTableState(after, rowsOf(after)), 'fresh');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(saved)), after, 'the file on disk has the updated table');
  }

  it('a 🔸 note naming a competency offers a quick fix that makes it a tag', async () => {
    const editor = await open(FILE);
    await waitFor('the notes to be read', () => api.store.get(editor.document.uri)?.model.isNotes);
    await editor.edit((e) => e.insert(new vscode.Position(10, 0), '- 🔸 could also show leadership\n'));
    const note = new vscode.Range(10, 8, 10, 8);
    const offered = (await quickFixes(editor.document.uri, note)).map((a) => a.title);
    assert.ok(offered.includes('Tag This Story with “Leadership”'), offered.join(' | '));
    assert.ok(!(await quickFixes(editor.document.uri, new vscode.Range(8, 5, 8, 5))).some((a) => a.title.startsWith('Tag This Story')), 'not offered off the note');
    await applyFix(editor, note, 'Tag This Story with “Leadership”');
    assert.equal(editor.document.lineAt(8).text, '- **Tags**: Leadership');
    assert.equal(editor.document.lineAt(7).text, '### 2 Argued about code style');
    await waitFor('the story under Leadership', () => node('Leadership')?.children.some((c) => c.label === 'Argued about code style'));
  });

  it('shows the Competencies view with its gaps (screenshot competencies)', async () => {
    await open(FILE);
    await vscode.commands.executeCommand('interviewNotes.competencies.focus');
    const conflict = await waitFor('the Conflict competency', () => node('Conflict')?.children.length === 2 && node('Conflict'));
    await api.competenciesView.reveal(conflict, { expand: true, select: false, focus: false });
    await vscode.commands.executeCommand('notifications.clearAll');
    await new Promise((r) => setTimeout(r, 1000));
    const rows = await screenshotWithRows('competencies');
    if (rows === undefined) return; // not run by the code-server driver
    for (const expected of ['Conflict', 'Pushed back on a rewrite', 'Leadership']) {
      assert.ok(rows.some((r) => r.includes(expected)), `the page shows "${expected}" (rows: ${rows.join(' | ')})`);
    }
  });
});
