// Practice, questions and the cheat sheet inside a real VS Code, on the practice fixtures
// (test/fixtures/practice/ws, written into the workspace under practice/): a practice round end to
// end (question, timer in the status bar, fold and reveal, the rating appended to the history file,
// the next date, the tree's practice note and due filter), Find Stories ranking the tagged story
// first, question links with their hover and unmapped-question, the starter bank file, and the
// cheat-sheet export.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { analyze, practice, questions } from '../../src/core/index';
import type { InterviewNotesApi } from '../../src/vscode/extension';
import { activate, diagnostics, labels, waitFor, workspaceFile } from './helpers';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'practice', 'ws');
const NOTES = 'practice/notes/notes.md';
const QUESTIONS = 'practice/questions.md';
const HISTORY = '.interview-notes/practice.jsonl';
const DAY = 24 * 60 * 60 * 1000;

const notesText = readFileSync(join(FIXTURES, 'notes', 'notes.md'), 'utf8');
const questionsText = readFileSync(join(FIXTURES, 'questions.md'), 'utf8');
const idOf = (title: string) => analyze(notesText).categories.flatMap((c) => c.stories).find((s) => s.title === title)!.id;
const FLAKY = 'Fixed a flaky build nobody owned';

async function write(name: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(workspaceFile(name), new TextEncoder().encode(text));
}
const read = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(name)));
const remove = (name: string) => vscode.workspace.fs.delete(workspaceFile(name), { recursive: true }).then(undefined, () => undefined);

/** The story rows of the practice notes in the tree, as `labels` writes them (under its file node when several files are shown). */
function storyRows(api: InterviewNotesApi): string[] {
  const roots = api.stories.getChildren();
  const file = roots.find((r) => r.data.kind === 'file' && r.data.uri.endsWith(NOTES));
  const categories = roots.every((r) => r.data.kind !== 'file') ? roots : file ? api.stories.getChildren(file) : [];
  return categories.flatMap((c) => labels(api, c));
}

/** Opens a workspace file in a tab of its own (not a preview the next file would replace). */
async function open(name: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(name)), { preview: false });
}

const isLineShown = (editor: vscode.TextEditor, line: number) => editor.visibleRanges.some((r) => r.start.line <= line && line <= r.end.line);

describe('Practice, questions and the cheat sheet in a real VS Code', function () {
  this.timeout(60000);
  let api: InterviewNotesApi;
  // Rated ten days ago (Good on a new card): due since; and a line a crash or a bad merge left.
  const tenDaysAgo = new Date(Date.now() - 10 * DAY);
  const oldRecord = practice.appendRecord(practice.ratingRecord({ storyId: idOf(FLAKY), at: tenDaysAgo.toISOString(), rating: 'good', seconds: 80, card: practice.rate(undefined, 'good', tenDaysAgo) }));
  const historyBefore = oldRecord + '<<<<<<< HEAD this line is not JSON\n';

  before(async () => {
    api = await activate();
    await write(NOTES, notesText);
    await write(QUESTIONS, questionsText);
    await write(HISTORY, historyBefore);
    await api.practice.reload();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of ['practice', '.interview-notes', 'questions.md', 'questions-2.md']) await remove(name);
  });

  afterEach(async () => {
    await api.practice.stop();
    await vscode.commands.executeCommand('interviewNotes.clearDueFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows in the tree when a story was practised and that it is due; the due filter shows only those', async () => {
    const editor = await open(NOTES);
    await waitFor('one story due in the status bar', () => api.practice.statusItem.text === '$(mortar-board) Practice (1 due)');
    // An edit in category A moves B: its due story is still counted, by the ids of B as read before.
    const at = editor.document.positionAt(editor.document.getText().indexOf('Our billing events'));
    await editor.edit((e) => e.insert(at, 'Back then, '));
    await waitFor('the edit analysed', () => api.store.get(editor.document.uri)?.text === editor.document.getText());
    assert.equal(api.practice.statusItem.text, '$(mortar-board) Practice (1 due)');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the revert analysed', () => api.store.get(editor.document.uri)?.text === notesText);
    const row = `${FLAKY} [practised 10 d ago · due]`;
    await waitFor('the practice note in the tree', () => storyRows(api).includes(row));
    assert.equal(storyRows(api).filter((r) => r.includes('practised')).length, 1, storyRows(api).join('\n'));
    await vscode.commands.executeCommand('interviewNotes.filterDue');
    await waitFor('the due filter', () => storyRows(api).length === 1);
    assert.deepEqual(storyRows(api), [row]);
    // The unreadable line was said, and kept.
    assert.equal(api.practice.warned, `Practice history in ${HISTORY}: line 2 (not JSON) was not readable and skipped. Nothing was removed: the file keeps every line as it is.`);
  });

  it('a practice round: the due story, its linked question, the timer, fold and reveal, the rating appended with its next date', async () => {
    await open(QUESTIONS);
    await open(NOTES);
    const session = await vscode.commands.executeCommand<{ story: { story: { title: string } }; question: practice.AskedQuestion }>('interviewNotes.practice.start');
    assert.equal(session.story.story.title, FLAKY, 'the due story comes first');
    assert.deepEqual(session.question, { text: 'Who owned the thing nobody owned?', reason: 'linked' });
    assert.match(api.practice.statusItem.text, /^⏺ 0:0\d \/ 2:00$/);
    await new Promise((r) => setTimeout(r, 1100));
    assert.match(api.practice.statusItem.text, /^⏺ 0:0[1-9] \/ 2:00$/, 'the timer runs');

    // Hidden: the story's body is folded under its heading.
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith(NOTES));
    const heading = editor.document.getText().split('\n').findIndex((l) => l.includes(FLAKY));
    await waitFor('the story body to be folded', () => isLineShown(editor, heading) && !isLineShown(editor, heading + 1));
    await vscode.commands.executeCommand('interviewNotes.practice.reveal');
    await waitFor('the story body to be shown again', () => isLineShown(editor, heading + 1));

    const started = Date.now();
    const record = await vscode.commands.executeCommand<practice.PracticeRecord>('interviewNotes.practice.rate', 'good');
    assert.equal(record.storyId, idOf(FLAKY));
    assert.equal(record.rating, 'good');
    assert.equal(record.question, 'Who owned the thing nobody owned?');
    assert.ok(record.seconds >= 1);
    assert.ok(Date.parse(record.card.due) > started, 'the next review is later');
    // Appended: the lines already there (the unreadable one too) are kept byte for byte.
    const history = await read(HISTORY);
    assert.equal(history, historyBefore + practice.appendRecord(record));
    assert.equal(api.practice.session, undefined);
    assert.match(api.practice.statusItem.text, /^\$\(mortar-board\) Practice/);
    await waitFor('the tree to say practised today', () => storyRows(api).includes(`${FLAKY} [practised today]`));
    await vscode.commands.executeCommand('interviewNotes.filterDue');
    await waitFor('nothing due', () => storyRows(api).length === 0);
  });

  it('with interviewNotes.practice.store = workspaceState the rating goes to the workspace state, not the file', async () => {
    const config = vscode.workspace.getConfiguration('interviewNotes.practice');
    await config.update('store', 'workspaceState', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the store to change', () => api.practice.where === 'the workspace state');
      await api.practice.ready;
      const fileBefore = await read(HISTORY);
      await open(NOTES);
      await vscode.commands.executeCommand('interviewNotes.practice.start');
      const record = await vscode.commands.executeCommand<practice.PracticeRecord>('interviewNotes.practice.rate', 'hard');
      assert.equal(record.rating, 'hard');
      assert.equal(api.practice.states.get(record.storyId)?.lastRating, 'hard');
      assert.equal(await read(HISTORY), fileBefore);
    } finally {
      await config.update('store', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the file store again', () => api.practice.where === HISTORY);
  });

  it('the timer takes the story’s own target and turns to warning colours past it', async () => {
    const timed = ['## A. Timed', '### 1 Told in one second', '<!-- interview-notes-time 0:01 -->', '- **Situation**: s.', '- **Task**: t.', '- **Action**: a.', '- **Result**: r.', ''].join('\n');
    await write('practice/timed.md', timed);
    const editor = await open('practice/timed.md');
    await waitFor('the timed notes', () => api.store.get(editor.document.uri)?.model.isNotes);
    const storyKey = `${editor.document.uri.toString()}#${analyze(timed).categories[0]!.stories[0]!.id}`;
    await vscode.commands.executeCommand('interviewNotes.practice.start', { storyKey });
    assert.equal(api.practice.session?.targetSeconds, 1);
    assert.match(api.practice.statusItem.text, /^⏺ 0:0\d \/ 0:01$/);
    await waitFor('the warning colour', () => (api.practice.statusItem.backgroundColor as vscode.ThemeColor | undefined)?.id === 'statusBarItem.warningBackground', 5000);
    await vscode.commands.executeCommand('interviewNotes.practice.stop');
    assert.equal(api.practice.statusItem.backgroundColor, undefined);
  });

  it('Find Stories: a question that names a tag ranks the story tagged with it first', async () => {
    await open(NOTES);
    const found = api.questions.find('Tell me about a time you showed great teamwork');
    assert.equal(found[0]?.story.story.title, FLAKY, found.map((f) => f.story.story.title).join(' | '));
    assert.deepEqual(found[0]!.found.matchedTags, ['teamwork']);
  });

  it('question links: unmapped-question on the questions with no story, a hover with the linked story, and linking one', async () => {
    await open(NOTES);
    const editor = await open(QUESTIONS);
    const uri = editor.document.uri;
    await waitFor('unmapped-question diagnostics', () => diagnostics(uri).length === 2);
    assert.deepEqual(diagnostics(uri), ['unmapped-question 10:2-10:41 information', 'unmapped-question 11:2-11:48 information']);
    const at = editor.document.positionAt(questionsText.indexOf('[[Fixed a flaky'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    // The hover's Markdown escapes what it quotes (spaces as &nbsp;): compare the words.
    const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/g, ' ');
    assert.match(shown, /Fixed a flaky build nobody owned\*\* — ✓ complete/);
    assert.match(shown, /\*\*Cue\*\* two tests, one temp folder → 20 flaky runs a week to 0/);
    // A code action on a question: Find Stories for it.
    const offered = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(10, 5, 10, 5));
    const find = offered.find((a) => a.title === 'Find Stories for This Question…');
    assert.equal(find?.command?.command, 'interviewNotes.findStories');
    assert.equal(questionsText.slice((find!.command!.arguments![0] as { offset: number }).offset).split('\n')[0], 'What is your biggest weakness? #failure');
    // Link the weakness question to the story the search finds for it.
    const weakness = api.questions.files().flatMap((f) => f.questions).find((q) => q.text.startsWith('What is your biggest weakness'))!;
    const story = api.questions.find('a build nobody owned')[0]!.story;
    assert.ok(await api.questions.link(uri, weakness, story));
    assert.equal(editor.document.lineAt(10).text, '- What is your biggest weakness? #failure → B.1');
    await waitFor('the linked question to be mapped', () => diagnostics(uri).length === 1);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('Create a Questions File writes the starter bank, and never over an existing file', async () => {
    const first = await vscode.commands.executeCommand<vscode.Uri>('interviewNotes.newQuestionsFile');
    assert.ok(first.path.endsWith('/questions.md'));
    assert.equal(await read('questions.md'), questions.STARTER_QUESTIONS);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), first.toString());
    await write('questions.md', 'my own questions\n');
    const second = await vscode.commands.executeCommand<vscode.Uri>('interviewNotes.newQuestionsFile');
    assert.ok(second.path.endsWith('/questions-2.md'));
    assert.equal(await read('questions.md'), 'my own questions\n');
  });

  it('Export Cheat Sheet writes one HTML page with every story, and never over a notes file', async () => {
    const editor = await open(NOTES);
    await waitFor('the notes to be read', () => api.store.get(editor.document.uri)?.model.isNotes);
    const target = workspaceFile('practice/sheet.html');
    const written = await vscode.commands.executeCommand<vscode.Uri>('interviewNotes.exportSheet', { format: 'html', include: 'all', groupBy: 'category', target, open: false });
    assert.equal(written?.toString(), target.toString());
    const html = await read('practice/sheet.html');
    assert.match(html, /^<!DOCTYPE html>/);
    for (const s of analyze(notesText).categories.flatMap((c) => c.stories)) assert.ok(html.includes(`<h3>${s.title}</h3>`), s.title);
    const refused = await vscode.commands.executeCommand('interviewNotes.exportSheet', { format: 'md', include: 'all', groupBy: 'category', target: editor.document.uri, open: false });
    assert.equal(refused, undefined);
    assert.equal(editor.document.getText(), notesText);
  });
});
