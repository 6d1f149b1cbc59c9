// The question bank in the editor: `unmapped-question` diagnostics on questions files (their links
// resolved over every notes file the store knows), a hover on a question that shows the stories it
// links to, **Find Stories for a Question…** (palette, and a code action on a question: MiniSearch
// over the stories, ranked by tag, category and words; choosing one reveals it and offers to link
// it), and **Create a Questions File** from the starter bank.

import { MARKDOWN_SELECTOR } from '../selector.js';
import * as vscode from 'vscode';
import { bank, questionFindings, questions, type Finding } from '../../core/index.js';
import type { NotesStore } from '../notes-store.js';
import { toRange } from '../positions.js';
import { linkablesOf, questionsFiles, revealStory, workspaceStories, type QuestionsFile, type WorkspaceStory } from '../workspace-stories.js';
import { SOURCE } from './diagnostics.js';
import type { Feature } from './feature.js';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
} as const;

const STATUS_MARK = { complete: '✓', incomplete: '◐', empty: '○' } as const;

/** `✓ complete · ⏱ 0:34 · #Conflict #Influence`: a story in a pick or a hover. */
export function storyLine(story: WorkspaceStory): string {
  const tags = story.bank.tags.tags.map((t) => `#${t.competencies[0]?.name ?? t.raw}`).join(' ');
  return [`${STATUS_MARK[story.story.status]} ${story.story.status}`, `⏱ ${bank.formatDuration(story.bank.time.seconds)}`, tags].filter(Boolean).join(' · ');
}

/** The link a question gets to a story: `→ A.2` when the story has a category label and number, else `[[title]]`. */
export function linkText(story: WorkspaceStory): string {
  const label = story.category.label;
  return label && story.story.number !== undefined ? `→ ${label.toUpperCase()}.${story.story.number}` : `[[${story.story.title.replace(/[[\]|]/g, '')}]]`;
}

export class QuestionsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('interview-notes-questions');
  private readonly disposables: vscode.Disposable[] = [];
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly store: NotesStore,
    private readonly docsRoot: vscode.Uri,
  ) {
    // Any notes file's change can map or unmap a question elsewhere: all questions files again, soon.
    this.disposables.push(
      store.onDidChange(() => this.schedule()),
      store.onDidChangeSettings(() => this.schedule()),
      vscode.workspace.onDidCloseTextDocument(() => this.schedule()),
    );
    this.refresh();
  }

  private schedule(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.refresh(), 50);
  }

  /** The questions files and their findings, now. */
  refresh(): void {
    const files = questionsFiles(this.store);
    const severities = this.store.currentSettings.options.severities ?? {};
    const stories = files.length ? this.store.notes().flatMap(linkablesOf) : [];
    this.collection.clear();
    for (const f of files) {
      const findings = questionFindings(f.entry.text, stories, { file: f.file, severities });
      this.collection.set(f.entry.uri, findings.map((finding) => this.toDiagnostic(f, finding)));
    }
  }

  private toDiagnostic(f: QuestionsFile, finding: Finding): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(f.entry.positions, finding.span), finding.message, SEVERITY[finding.severity]);
    d.source = SOURCE;
    d.code = { value: finding.rule, target: vscode.Uri.joinPath(this.docsRoot, `${finding.rule}.md`) };
    return d;
  }

  /** The questions files the store knows, their links resolved. */
  files(): QuestionsFile[] {
    return questionsFiles(this.store);
  }

  /** The question at `offset` of a document, if it is a questions file. */
  questionAt(uri: vscode.Uri, offset: number): { file: QuestionsFile; question: questions.ResolvedQuestion } | undefined {
    const file = this.files().find((f) => f.entry.uri.toString() === uri.toString());
    const question = file?.questions.find((q) => q.span.start <= offset && offset <= q.span.end);
    return file && question ? { file, question } : undefined;
  }

  /** The stories that could answer `question`, best first. */
  find(question: string): { story: WorkspaceStory; found: questions.FoundStory }[] {
    const stories = workspaceStories(this.store);
    const byKey = new Map(stories.map((s) => [s.key, s]));
    return questions.findStories(question, stories.map((s) => s.findable)).flatMap((found) => {
      const story = byKey.get(found.id);
      return story ? [{ story, found }] : [];
    });
  }

  /** Adds a link to `story` at the end of the question's line (its first paragraph); true when applied. */
  async link(uri: vscode.Uri, question: questions.ResolvedQuestion, story: WorkspaceStory): Promise<boolean> {
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText();
    // The end of the question's first line, before trailing blanks: the link goes beside the question.
    const lineEnd = text.slice(question.span.start, question.span.end).search(/\r?\n|$/);
    let at = question.span.start + lineEnd;
    while (at > question.span.start && /[ \t]/.test(text[at - 1]!)) at--;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, document.positionAt(at), ` ${linkText(story)}`);
    return vscode.workspace.applyEdit(edit);
  }

  /** The hover on a question: the stories it links to, with their summaries. */
  hover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const entry = this.store.get(document.uri);
    if (!entry) return undefined;
    const hit = this.questionAt(document.uri, document.offsetAt(position));
    if (!hit) return undefined;
    const byKey = new Map(workspaceStories(this.store).map((s) => [s.key, s]));
    const linked = hit.question.stories.map((k) => byKey.get(k)).filter((s): s is WorkspaceStory => s !== undefined);
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = false;
    if (linked.length === 0) {
      md.appendMarkdown('**No story answers this question yet.** ');
      md.appendMarkdown('Run *Interview Notes: Find Stories for a Question…* to link one.');
    }
    for (const story of linked) {
      md.appendMarkdown(`**`);
      md.appendText(story.story.title);
      md.appendMarkdown(`** — `);
      md.appendText(`${storyLine(story)} · ${story.file}`);
      md.appendMarkdown('\n\n');
      const s = story.summary;
      const lines = s.cue !== undefined ? [['Cue', s.cue]] : [['S', s.situation], ['T', s.task], ...s.actions.map((a) => ['A', a]), ['R', s.result]];
      for (const [key, value] of lines) {
        if (!value) continue;
        md.appendMarkdown(`- **${key}** `);
        md.appendText(value);
        md.appendMarkdown('\n');
      }
      md.appendMarkdown('\n');
    }
    return new vscode.Hover(md, toRange(entry.positions, hit.question.span));
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
    this.collection.dispose();
  }
}

interface FindArgs {
  /** The question, as text. */
  question?: string;
  /** The questions file and the question's offset in it, when the question is one of a file's. */
  uri?: string;
  offset?: number;
}

async function findStoriesCommand(controller: QuestionsController, args: FindArgs = {}): Promise<WorkspaceStory | undefined> {
  const hit = args.uri !== undefined && args.offset !== undefined ? controller.questionAt(vscode.Uri.parse(args.uri), args.offset) : undefined;
  let question = args.question ?? hit?.question.text;
  let from = hit;
  if (question === undefined) {
    const picked = await pickQuestion(controller.files());
    if (!picked) return undefined;
    question = picked.text;
    from = picked.from;
  }
  const results = controller.find(question);
  if (results.length === 0) {
    void vscode.window.showInformationMessage(`No story matches “${question}”. Try other words, or tag your stories (#conflict).`);
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(
    results.map(({ story, found }) => ({
      label: story.story.title,
      description: storyLine(story),
      detail: `${story.file}${found.matchedTags.length ? ` · tags matched: ${found.matchedTags.join(', ')}` : ''}`,
      story,
    })),
    { title: `Stories for “${question}”`, matchOnDescription: true },
  );
  if (!chosen) return undefined;
  await revealStory(chosen.story);
  if (from && !from.question.stories.includes(chosen.story.key)) {
    const answer = await vscode.window.showInformationMessage(`Link “${chosen.story.story.title}” to the question (${linkText(chosen.story)})?`, 'Link');
    if (answer === 'Link') await controller.link(from.file.entry.uri, from.question, chosen.story);
  }
  return chosen.story;
}

/** A quick pick of the known questions, in which typing anything else asks that. */
async function pickQuestion(files: readonly QuestionsFile[]): Promise<{ text: string; from?: { file: QuestionsFile; question: questions.ResolvedQuestion } } | undefined> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { from?: { file: QuestionsFile; question: questions.ResolvedQuestion } }>();
  const known = files.flatMap((file) => file.questions.map((question) => ({ label: question.text, description: file.file, from: { file, question } })));
  pick.title = 'Find Stories for a Question';
  pick.placeholder = 'Type a question, or pick one of your questions files';
  pick.items = known;
  pick.onDidChangeValue((value) => {
    pick.items = value.trim() && !known.some((k) => k.label === value) ? [{ label: value, description: 'this question' }, ...known] : known;
  });
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0];
      resolve(item ? { text: item.label, ...(item.from ? { from: item.from } : {}) } : pick.value.trim() ? { text: pick.value.trim() } : undefined);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/** Writes the starter bank as a new file in the workspace (never over an existing one) and opens it. */
async function createQuestionsFile(): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: questions.STARTER_QUESTIONS });
    await vscode.window.showTextDocument(document);
    return document.uri;
  }
  for (let n = 1; n < 100; n++) {
    const uri = vscode.Uri.joinPath(folder.uri, n === 1 ? 'questions.md' : `questions-${n}.md`);
    const exists = await vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
    if (exists) continue;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(questions.STARTER_QUESTIONS));
    await vscode.window.showTextDocument(uri);
    return uri;
  }
  void vscode.window.showErrorMessage('questions.md to questions-99.md all exist: rename one and try again.');
  return undefined;
}

class QuestionCodeActions implements vscode.CodeActionProvider {
  constructor(private readonly controller: QuestionsController) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    const hit = this.controller.questionAt(document.uri, document.offsetAt(range.start));
    if (!hit) return [];
    const action = new vscode.CodeAction('Find Stories for This Question…', vscode.CodeActionKind.QuickFix);
    action.command = { command: 'interviewNotes.findStories', title: action.title, arguments: [{ uri: document.uri.toString(), offset: hit.question.span.start }] };
    return [action];
  }
}

export const questionsFeature: Feature = {
  id: 'questions',
  activate(context, store) {
    const controller = new QuestionsController(store, vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'));
    const selector: vscode.DocumentSelector = MARKDOWN_SELECTOR;
    context.subscriptions.push(
      controller,
      vscode.languages.registerHoverProvider(selector, { provideHover: (d, p) => controller.hover(d, p) }),
      vscode.languages.registerCodeActionsProvider(selector, new QuestionCodeActions(controller), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
      vscode.commands.registerCommand('interviewNotes.findStories', (args?: FindArgs) => findStoriesCommand(controller, args)),
      vscode.commands.registerCommand('interviewNotes.newQuestionsFile', () => createQuestionsFile()),
    );
    return { questions: controller };
  },
};
