// The readable output: each file's story tree with a mark per story, its findings as
// `path:line:column: severity rule message` lines, and a summary line. Coloured only when asked
// (see colour.ts); without colour it is the same bytes as always.

import { bank, NO_CATEGORY_TITLE, type Severity } from '../../core/index.js';
import { paint, type Style } from '../colour.js';
import { printable, type JsonFile, type JsonStory, type Summary } from '../report.js';
import type { Format, FormatContext } from './format.js';

const MARK = { complete: '✓', incomplete: '◐', empty: '○' } as const;
const MARK_STYLE: Record<JsonStory['status'], Style> = { complete: 'green', incomplete: 'yellow', empty: 'dim' };
const LETTER = { situation: 'S', task: 'T', action: 'A', result: 'R', learning: 'L' } as const;
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'dim' };

/** A competency name as a hashtag: `Customer Focus` → `#Customer-Focus`, so each tag stays one word on the line. */
const hashtag = (name: string): string => `#${printable(name).replace(/\s+/g, '-')}`;

/** `53 words: S 8, T 4, A 31, R 10`: the story's words, then each part's in STAR order. */
function wordsText(s: JsonStory): string {
  const parts = (Object.keys(LETTER) as (keyof typeof LETTER)[]).filter((p) => s.parts[p] !== undefined).map((p) => `${LETTER[p]} ${s.parts[p]}`);
  const words = `${s.words} ${s.words === 1 ? 'word' : 'words'}`;
  return parts.length ? `${words}: ${parts.join(', ')}` : words;
}

export function textFormat(context: FormatContext): Format {
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  let files = 0;
  const style = (s: Style, text: string) => (context.colour ? paint(s, text) : text);

  const storyLine = (s: JsonStory, indent: string): string => {
    const number = s.number !== undefined ? `${s.number}. ` : '';
    const missing = s.status === 'incomplete' && s.missing.length ? `  missing ${s.missing.map((p) => LETTER[p]).join(' ')}` : '';
    const placeholders = s.placeholders ? `  ${s.placeholders} ❓` : '';
    const time = s.words > 0 ? `  ⏱ ${bank.formatDuration(s.seconds)} (${wordsText(s)})` : '';
    const tags = s.tags.length ? `  ${style('dim', s.tags.map(hashtag).join(' '))}` : '';
    return `${indent}${style(MARK_STYLE[s.status], MARK[s.status])} ${number}${printable(s.title)}${s.status === 'empty' ? '  (empty)' : ''}${missing}${placeholders}${time}${tags}`;
  };

  return {
    begin: () => '',
    file(f: JsonFile): string {
      files++;
      const path = printable(f.path);
      if (f.excluded) return `${path}: left out by the configuration (notes.exclude), not checked\n`;
      const notice = f.encoding !== 'utf-8' ? ` (not UTF-8: read as ${f.encoding})` : '';
      if (!f.isNotes) return `${path}: not interview notes (${f.notNotes ?? 'no STAR labels'}), nothing to check${notice}\n`;
      const lines = [`${style('bold', path)}${notice}`];
      for (const c of f.categories) {
        const done = c.stories.filter((s) => s.status === 'complete').length;
        const title = c.title === null ? NO_CATEGORY_TITLE : `${c.done ? '✅ ' : ''}${c.label ? printable(c.label) + '. ' : ''}${printable(c.title)}`;
        lines.push(`  ${title}  ${done}/${c.stories.length}`);
        for (const s of c.stories) {
          lines.push(storyLine(s, '    '));
          for (const sub of s.stories) lines.push(storyLine(sub, '      '));
        }
      }
      for (const x of f.findings) {
        counts[x.severity]++;
        lines.push(`${path}:${x.line}:${x.column}: ${style(SEVERITY_STYLE[x.severity], x.severity)} ${x.rule} ${printable(x.message)}`);
      }
      if (f.fixed) lines.push(`${path}: applied ${f.fixed} fix${f.fixed === 1 ? '' : 'es'}`);
      return lines.join('\n') + '\n';
    },
    end(summary: Summary): string {
      const total = counts.error + counts.warning + counts.information + counts.hint;
      const parts = (['error', 'warning', 'information', 'hint'] as const)
        .filter((k) => counts[k] > 0)
        .map((k) => `${counts[k]} ${k === 'information' ? 'info' : k}${counts[k] === 1 || k === 'information' ? '' : 's'}`);
      return `${total} finding${total === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''} in ${files} file${files === 1 ? '' : 's'}; ${summary.complete}/${summary.stories} stories complete\n`;
    },
  };
}
