import { freezeModel } from '../freeze.js';
import type { Finding, Severity } from '../model.js';
import { linkableStories, parseQuestions, resolveLinks, unmappedQuestions, UNMAPPED_QUESTION, type LinkableStory } from '../questions/index.js';
import type { Rule, RuleContext } from './rule.js';

/**
 * A question of a questions file (front matter `interview-notes: questions`, or a `## Questions`
 * section) that no story answers: it links to none, or its links name no story. Its links resolve
 * over every notes file of the workspace, so the rule runs per questions file with all the stories
 * (scope 'questions'), not in the analysis of one document.
 */
export const unmappedQuestion: Rule = {
  id: UNMAPPED_QUESTION,
  defaultSeverity: 'information',
  scope: 'questions',
  description: 'A question in a questions file has no story linked to answer it.',
  doc: {
    fix: 'none',
    fixSummary: '—',
    body:
      'A question of a questions file (front matter `interview-notes: questions`, or a `## Questions`\nsection) that no story answers: it links to none, or its link names no story. Link a question with\n`→ A.2` (category and story number), `[[story title]]`, or a Markdown link to the story\'s heading\n(`[…](notes.md#2-disagreed-with-my-manager)`); in the editor, *Find Stories for a Question…* offers\nto write the link for you.',
    details:
      'Links resolve across every notes file the editor reads: `→ A.2` and `[[title]]` prefer the\nquestion\'s own file, a Markdown link names its file. Questions are list items or headings in the\nquestions part of the file; code, HTML and web links never make a question or a link. The examples\nhere are notes files with a Questions section, so their links name their own stories.',
  },
  check({ text, structure, questions }: RuleContext) {
    const file = questions?.file;
    const stories = questions?.stories ?? linkableStories(text, structure.categories, file);
    const parsed = parseQuestions(text, file !== undefined ? { file } : {});
    if (!parsed.isQuestions) return [];
    return unmappedQuestions(resolveLinks(parsed.questions, stories)).map((f) => ({ span: f.span, message: f.message }));
  },
};

/**
 * The `unmapped-question` findings of one file, its links resolved over `stories` (every notes
 * file's; see linkableStories), at the severity the settings give (none when 'off').
 */
export function questionFindings(text: string, stories: readonly LinkableStory[], options: { file?: string; severities?: Record<string, Severity | 'off'> } = {}): Finding[] {
  const severity = options.severities?.[unmappedQuestion.id] ?? unmappedQuestion.defaultSeverity;
  if (severity === 'off') return [];
  const context: RuleContext = {
    text,
    // A questions file need not be notes: its stories are the ones given, not its own.
    structure: { isNotes: false, levels: { category: 0, story: 0, bold: false }, categories: [], storyLabels: new Map(), fileStyle: undefined },
    misencoded: [],
    eol: '\n',
    questions: { ...(options.file !== undefined ? { file: options.file } : {}), stories },
  };
  return unmappedQuestion.check(context).map((r) => freezeModel({ rule: unmappedQuestion.id, severity, message: r.message, span: freezeModel({ ...r.span }), fix: undefined }));
}
