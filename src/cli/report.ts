// The command line's two outputs: a readable tree with findings, and the documented JSON shape.

import { addCounts, certainFix, LineIndex, summarize, type Finding, type NotesModel, type Story } from '../core/index.js';
import type { NotesFile } from './files.js';

export interface FileReport {
  path: string;
  file: NotesFile;
  model: NotesModel;
  /** How many certain fixes --fix applied. */
  fixed: number;
}

const MARK = { complete: '✓', incomplete: '◐', empty: '○' } as const;
const LETTER = { situation: 'S', task: 'T', action: 'A', result: 'R', learning: 'L' } as const;

export function renderText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  const summaries = reports.map((r) => summarize(r.model));
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  reports.forEach((r, i) => {
    const summary = summaries[i]!;
    const index = new LineIndex(r.file.text);
    const notice = r.file.encoding !== 'utf-8' ? ` (not UTF-8: read as ${r.file.encoding})` : '';
    if (!r.model.isNotes) {
      lines.push(`${r.path}: not interview notes (no STAR labels), nothing to check${notice}`);
      return;
    }
    lines.push(`${r.path}${notice}`);
    for (const c of summary.categories) {
      lines.push(`  ${c.category.done ? '✅ ' : ''}${c.title}  ${c.complete}/${c.stories}`);
      for (const s of c.shown) {
        lines.push(storyLine(s, '    '));
        for (const sub of s.stories) lines.push(storyLine(sub, '      '));
      }
    }
    for (const f of r.model.findings) lines.push(findingLine(r.path, index, f));
    for (const k of ['error', 'warning', 'information', 'hint'] as const) counts[k] += summary.findings[k];
    if (r.fixed > 0) lines.push(`${r.path}: applied ${r.fixed} fix${r.fixed === 1 ? '' : 'es'}`);
  });
  const { stories, complete } = addCounts(summaries);
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const parts = (['error', 'warning', 'information', 'hint'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${k === 'information' ? 'info' : k}${counts[k] === 1 || k === 'information' ? '' : 's'}`);
  lines.push(
    `${total} finding${total === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''} in ${reports.length} file${reports.length === 1 ? '' : 's'}; ${complete}/${stories} stories complete`,
  );
  return lines.join('\n');
}

function storyLine(s: Story, indent: string): string {
  const number = s.number !== undefined ? `${s.number}. ` : '';
  const missing = s.status === 'incomplete' && s.missing.length ? `  missing ${s.missing.map((p) => LETTER[p]).join(' ')}` : '';
  const placeholders = s.placeholders.length ? `  ${s.placeholders.length} ❓` : '';
  return `${indent}${MARK[s.status]} ${number}${s.title}${s.status === 'empty' ? '  (empty)' : ''}${missing}${placeholders}`;
}

function findingLine(path: string, index: LineIndex, f: Finding): string {
  const p = index.lineColumnAt(f.span.start);
  return `${path}:${p.line}:${p.column}: ${f.severity} ${f.rule} ${f.message}`;
}

interface JsonStory {
  title: string;
  line: number;
  status: Story['status'];
  missing: Story['missing'];
  number?: number;
  stories: JsonStory[];
}

export function toJson(reports: readonly FileReport[]) {
  const { stories, complete } = addCounts(reports.map((r) => summarize(r.model)));
  const files = reports.map((r) => {
    const index = new LineIndex(r.file.text);
    const line = (offset: number) => index.lineColumnAt(offset).line;
    const story = (s: Story): JsonStory => ({
      title: s.title,
      line: line(s.heading.start),
      status: s.status,
      missing: s.missing,
      ...(s.number !== undefined ? { number: s.number } : {}),
      stories: s.stories.map(story),
    });
    const categories = r.model.categories.map((c) => {
      return {
        title: c.title,
        line: c.heading ? line(c.heading.start) : line(c.span.start),
        done: c.done,
        ...(c.label ? { label: c.label } : {}),
        stories: c.stories.map(story),
      };
    });
    const findings = r.model.findings.map((f) => {
      const start = index.lineColumnAt(f.span.start);
      const end = index.lineColumnAt(f.span.end);
      return {
        rule: f.rule,
        severity: f.severity,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        message: f.message,
        fixable: certainFix(r.file.text, f) !== undefined,
      };
    });
    return {
      path: r.path,
      isNotes: r.model.isNotes,
      encoding: r.file.encoding,
      ...(r.fixed ? { fixed: r.fixed } : {}),
      categories,
      findings,
    };
  });
  return { files, summary: { stories, complete } };
}
