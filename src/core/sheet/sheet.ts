// The one-page cheat sheet: per story its title, tags, speaking time and summary (or its cue),
// grouped by category or by competency, complete stories only or all; as Markdown, or as one
// self-contained HTML page with print CSS (A4 or Letter, two columns, a story never split across
// columns or pages). No browser or PDF library is needed to make it; every text is escaped.

import { bankStories, type ModelLike, type ModelStory } from '../bank/coverage.js';
import { DEFAULT_FRAMEWORKS, type Framework } from '../bank/frameworks.js';
import { formatDuration } from '../bank/speech.js';
import type { Span, StarPart, StoryStatus } from '../model.js';
import { summariseStory, type StorySummary } from './summary.js';

export interface SheetStory {
  /** The story's stable id, when the caller gives one. */
  id?: string;
  file?: string;
  title: string;
  category: string | null;
  /** Tag names: each tag's competency name in the first framework that knows it, else as written. */
  tags: string[];
  /** Competencies by framework id, for grouping by competency. */
  competencies: { framework: string; name: string }[];
  seconds: number;
  status: StoryStatus;
  summary: StorySummary;
}

export interface SheetGroup {
  title: string;
  stories: SheetStory[];
}

export type SheetGrouping = 'category' | 'competency';

export interface SheetOptions {
  groupBy?: SheetGrouping;
  /** `complete` (default): only the stories ready to tell; `all`: every story. */
  include?: 'complete' | 'all';
  /** For grouping by competency: the framework whose competencies name the groups (default the generic one). */
  framework?: Framework;
}

/** What the sheet needs of a story of the model (its `Story` fits). */
export interface SheetModelStory extends ModelStory {
  sections: readonly { part: StarPart; label: Span; span: Span }[];
}

export interface SheetModel extends ModelLike {
  categories: readonly { title: string | null; heading: Span | undefined; stories: readonly SheetModelStory[] }[];
}

export interface SheetSourceOptions {
  file?: string;
  frameworks?: readonly Framework[];
  wordsPerMinute?: number;
  /** The stable id of a story, from the caller (the analyzer's ids). */
  idOf?: (story: SheetModelStory) => string | undefined;
}

/** The sheet's stories of one file: its stories (not sub-stories), in document order. */
export function sheetStories(text: string, model: SheetModel, options: SheetSourceOptions = {}): SheetStory[] {
  const bank = bankStories(text, model, {
    ...(options.frameworks ? { frameworks: options.frameworks } : {}),
    ...(options.wordsPerMinute !== undefined ? { wordsPerMinute: options.wordsPerMinute } : {}),
  });
  const byHeading = new Map(bank.map((b) => [b.heading.start, b]));
  const found: SheetStory[] = [];
  // Where each story's own text may reach: up to the next story or category heading. A story's span
  // ends at its last content, and a trailing `**Cue**:` line is not content (it is metadata).
  const starts = model.categories.flatMap((c) => [...(c.heading ? [c.heading.start] : []), ...c.stories.map((s) => s.heading.start)]).sort((a, b) => a - b);
  const reachOf = (story: SheetModel['categories'][number]['stories'][number]) => {
    const next = starts.find((start) => start > story.heading.start);
    return Math.max(story.span.end, next ?? text.length);
  };
  for (const category of model.categories) {
    for (const story of category.stories) {
      const facts = byHeading.get(story.heading.start);
      if (!facts) continue;
      const id = options.idOf?.(story);
      found.push({
        ...(id !== undefined ? { id } : {}),
        ...(options.file !== undefined ? { file: options.file } : {}),
        title: story.title,
        category: category.title,
        tags: facts.tags.tags.map((t) => t.competencies[0]?.name ?? t.raw),
        competencies: facts.tags.tags.flatMap((t) => t.competencies.map((c) => ({ framework: c.framework, name: c.name }))),
        seconds: facts.time.seconds,
        status: story.status,
        summary: summariseStory(text, story, facts.tags.labelLine ? [facts.tags.labelLine] : [], reachOf(story)),
      });
    }
  }
  return found;
}

export const OTHER_GROUP = 'Other stories';
export const UNCATEGORISED = 'Stories';

/** The stories in groups: by category in the order met, or by their first competency in the framework's order. */
export function groupSheet(stories: readonly SheetStory[], options: SheetOptions = {}): SheetGroup[] {
  const shown = (options.include ?? 'complete') === 'all' ? [...stories] : stories.filter((s) => s.status === 'complete');
  const groups = new Map<string, SheetStory[]>();
  const add = (title: string, story: SheetStory) => groups.set(title, [...(groups.get(title) ?? []), story]);
  if ((options.groupBy ?? 'category') === 'category') {
    for (const s of shown) add(s.category ?? UNCATEGORISED, s);
    return [...groups].map(([title, list]) => ({ title, stories: list }));
  }
  const framework = options.framework ?? DEFAULT_FRAMEWORKS[0]!;
  for (const s of shown) add(s.competencies.find((c) => c.framework === framework.id)?.name ?? OTHER_GROUP, s);
  const order = [...framework.competencies.map((c) => c.name), OTHER_GROUP];
  return order.filter((name) => groups.has(name)).map((name) => ({ title: name, stories: groups.get(name)! }));
}

// Markdown's inline specials, escaped so a title like `*nix` or `<b>` shows as written.
const escapeMarkdown = (s: string) => s.replace(/[\\`*_[\]<>|~#]/g, '\\$&').replace(/^(\d+)\./, '$1\\.');

function metaLine(story: SheetStory): string[] {
  return [...story.tags, `⏱ ${formatDuration(story.seconds)}`];
}

/** One line per part of the summary (S, T, A…, R), or the cue alone. */
function summaryLines(summary: StorySummary): { key: string; text: string }[] {
  if (summary.cue !== undefined) return [{ key: 'Cue', text: summary.cue }];
  const lines: { key: string; text: string }[] = [];
  if (summary.situation) lines.push({ key: 'S', text: summary.situation });
  if (summary.task) lines.push({ key: 'T', text: summary.task });
  for (const action of summary.actions) lines.push({ key: 'A', text: action });
  if (summary.result) lines.push({ key: 'R', text: summary.result });
  return lines;
}

export interface RenderOptions {
  title?: string;
  /** Paper size for printing (HTML): `a4` (default) or `letter`. */
  paper?: 'a4' | 'letter';
}

export const DEFAULT_SHEET_TITLE = 'Cheat sheet';

/** The sheet as Markdown. */
export function sheetMarkdown(groups: readonly SheetGroup[], options: RenderOptions = {}): string {
  const out: string[] = [`# ${escapeMarkdown(options.title ?? DEFAULT_SHEET_TITLE)}`, ''];
  for (const group of groups) {
    out.push(`## ${escapeMarkdown(group.title)}`, '');
    for (const story of group.stories) {
      out.push(`### ${escapeMarkdown(story.title)}`, '', metaLine(story).map(escapeMarkdown).join(' · '), '');
      for (const line of summaryLines(story.summary)) out.push(`- **${line.key}** ${escapeMarkdown(line.text)}`);
      out.push('');
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '\n');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

// Two columns of small type: 8–12 stories a page. A story is never split (break-inside: avoid), and
// a group title stays with its first story.
const CSS = (paper: 'a4' | 'letter') => `
@page { size: ${paper === 'letter' ? 'letter' : 'A4'}; margin: 11mm 10mm; }
* { box-sizing: border-box; }
html { font: 8.4pt/1.3 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111; }
body { margin: 0; }
h1 { font-size: 13pt; margin: 0 0 3mm; }
main { column-count: 2; column-gap: 7mm; }
section.group > h2 { font-size: 9.5pt; margin: 0 0 1.2mm; padding-bottom: 0.4mm; border-bottom: 0.4pt solid #999; break-after: avoid; }
article.story { break-inside: avoid; page-break-inside: avoid; margin: 0 0 2.4mm; }
article.story h3 { font-size: 9pt; margin: 0; }
article.story .meta { color: #555; font-size: 7.6pt; margin: 0.3mm 0 0.6mm; }
article.story ul { list-style: none; margin: 0; padding: 0; }
article.story li { margin: 0 0 0.3mm; padding-left: 3.4mm; text-indent: -3.4mm; }
article.story b { display: inline-block; width: 3.4mm; text-indent: 0; color: #333; }
article.story li.cue b { width: auto; margin-right: 1mm; }
@media screen { body { max-width: 200mm; margin: 8mm auto; } }
`;

/** The sheet as one self-contained HTML page (no scripts, no external resources). */
export function sheetHtml(groups: readonly SheetGroup[], options: RenderOptions = {}): string {
  const title = escapeHtml(options.title ?? DEFAULT_SHEET_TITLE);
  const body: string[] = [];
  for (const group of groups) {
    body.push(`<section class="group"><h2>${escapeHtml(group.title)}</h2>`);
    for (const story of group.stories) {
      const items = summaryLines(story.summary)
        .map((l) => `<li${l.key === 'Cue' ? ' class="cue"' : ''}><b>${escapeHtml(l.key)}</b>${escapeHtml(l.text)}</li>`)
        .join('');
      body.push(`<article class="story"><h3>${escapeHtml(story.title)}</h3><p class="meta">${metaLine(story).map(escapeHtml).join(' · ')}</p><ul>${items}</ul></article>`);
    }
    body.push('</section>');
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${CSS(options.paper ?? 'a4')}</style>`,
    '</head><body>',
    `<h1>${title}</h1>`,
    `<main>${body.join('\n')}</main>`,
    '</body></html>',
    '',
  ].join('\n');
}
