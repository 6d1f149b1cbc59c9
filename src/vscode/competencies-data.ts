// What the Competencies view shows, without VS Code (unit-tested): competency → the stories tagged
// with it (status and time), a count, and a gap mark where it has fewer complete stories than the
// limit. Nodes are plain data; the view turns them into tree items.

import { bank, type CoverageSummary } from '../core/index.js';

export interface CompetencyNode {
  id: string;
  kind: 'competency' | 'story';
  label: string;
  description: string;
  tooltip: string;
  icon: { id: string; color: string | undefined };
  /** The competency's name (for "New Story for this Competency") or the story's file and heading. */
  competency: string;
  uri: string | undefined;
  offset: number | undefined;
  gap: boolean;
  children: CompetencyNode[];
}

const STATUS_ICON = {
  complete: { id: 'pass-filled', color: 'testing.iconPassed' },
  incomplete: { id: 'circle-large-outline', color: 'list.warningForeground' },
  empty: { id: 'circle-outline', color: 'disabledForeground' },
} as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function competencyNodes(summary: CoverageSummary, minStories: number): CompetencyNode[] {
  return summary.rows.map((row) => {
    const id = `${summary.framework.id}:${row.competency.id}`;
    const count = `${row.complete}/${row.stories.length} complete`;
    return {
      id,
      kind: 'competency',
      label: row.competency.name,
      description: row.gap ? `${count} · gap` : count,
      tooltip: row.gap
        ? `${row.competency.name}: ${plural(row.complete, 'complete story')}, fewer than ${minStories}. Tag a story with it (#${bank.hashtagOf(row.competency.name).slice(1)}) or write one.`
        : `${row.competency.name}: ${plural(row.complete, 'complete story')}.`,
      icon: row.gap ? { id: 'warning', color: 'list.warningForeground' } : { id: 'verified-filled', color: 'testing.iconPassed' },
      competency: row.competency.name,
      uri: undefined,
      offset: undefined,
      gap: row.gap,
      children: row.stories.map((story) => ({
        id: `${id}/${story.file ?? ''}#${story.heading.start}`,
        kind: 'story',
        label: story.title,
        description: [story.status === 'complete' ? '' : story.status, story.time.words > 0 ? `⏱ ${bank.formatDuration(story.time.seconds)}` : ''].filter(Boolean).join(' · '),
        tooltip: story.time.words > 0 ? `${story.title}\n${bank.speakingTimeText(story.time)}` : story.title,
        icon: STATUS_ICON[story.status],
        competency: row.competency.name,
        uri: story.file,
        offset: story.heading.start,
        gap: false,
        children: [],
      })),
    };
  });
}

/** The status bar's text: `LP 12/16 covered · ⏱ 14:05`. */
export function coverageStatusText(summary: CoverageSummary, shortName: string): string {
  const time = summary.seconds > 0 ? ` · ⏱ ${bank.formatDuration(summary.seconds)}` : '';
  return `${shortName} ${summary.covered}/${summary.total} covered${time}`;
}
