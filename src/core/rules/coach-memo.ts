// What the coach rules said of each story, kept by a NotesAnalyzer across updates. An edit rebuilds
// the categories around it, and the coach rules would judge every story of them again, each a parse
// of its text: most of a keystroke's rule time at 1 MB (~3 of ~11 ms), for stories the edit did not
// touch. A story whose text, place in its category and reading are what they were gets the reports
// it got then, moved to where it is now.
//
// A rule judges a story from the story's own text, its parts and status, its category's title (tags
// from a competency category) and the options: all of it is in the key, so a hit is exactly what the
// rule would say. A report is kept relative to what it points into: the story, or the category's
// heading (a tag read from the category title); a report elsewhere is not kept, and its story is
// judged again next time.
//
// Only the analyzer uses a memo (analyze() never does, so the differential test compares the
// analyzer with memo against a reading without it). Entries are kept by story id; each full run
// keeps only the stories it met, so a memo holds about one entry per story of the file.

import type { Span, Story, Suggestion, TextEdit } from '../model.js';
import type { Report } from './rule.js';

type Anchor = 'story' | 'category';

interface KeptReport {
  anchor: Anchor;
  report: Report; // offsets relative to the anchor's start
}

interface Entry {
  key: string;
  /** Per rule id: its reports, relative; undefined once a report could not be kept. */
  reports: Map<string, KeptReport[] | undefined>;
}

export interface CoachPlace {
  text: string;
  story: Story;
  category: { title: string | null; heading?: Span | undefined };
}

export class CoachMemo {
  private current = new Map<string, Entry>();
  /** During a full run: the entries before it, taken over as they are met. */
  private previous: Map<string, Entry> | undefined;
  /**
   * Each story's key, made once for all the rules that ask in one run: a key holds the story's text,
   * and making it per rule, per recall and keep, was about a tenth of a first analysis.
   */
  private keys = new WeakMap<Story, { text: string; category: CoachPlace['category']; key: string }>();

  /** A full run starts: from now on, only the stories it meets are kept. */
  beginFullRun(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  endFullRun(): void {
    this.previous = undefined;
  }

  /** The reports `rule` gave this story before, moved to where it is now; undefined when not known. */
  recall(rule: string, place: CoachPlace): Report[] | undefined {
    const entry = this.entry(place, false);
    const kept = entry?.reports.get(rule);
    if (!kept) return undefined;
    return kept.map(({ anchor, report }) => moveReport(report, anchorStart(anchor, place)));
  }

  /** Keeps what `rule` said of this story. */
  keep(rule: string, place: CoachPlace, reports: readonly Report[]): void {
    const entry = this.entry(place, true)!;
    const kept: KeptReport[] = [];
    for (const report of reports) {
      const anchor = anchorOf(report, place);
      if (!anchor) {
        entry.reports.set(rule, undefined);
        return;
      }
      kept.push({ anchor, report: moveReport(report, -anchorStart(anchor, place)) });
    }
    entry.reports.set(rule, kept);
  }

  private entry(place: CoachPlace, create: boolean): Entry | undefined {
    const { story } = place;
    let entry = this.current.get(story.id);
    if (!entry && this.previous) {
      entry = this.previous.get(story.id);
      if (entry) this.current.set(story.id, entry);
    }
    if (!entry && !create) return undefined;
    const key = this.keyOf(place);
    if (entry && entry.key === key) return entry;
    if (!create) return undefined;
    entry = { key, reports: new Map() };
    this.current.set(story.id, entry);
    return entry;
  }

  private keyOf(place: CoachPlace): string {
    const made = this.keys.get(place.story);
    if (made && made.text === place.text && made.category === place.category) return made.key;
    const key = keyOf(place);
    this.keys.set(place.story, { text: place.text, category: place.category, key });
    return key;
  }
}

/** Everything a coach rule reads of a story, relative to the story's start. */
function keyOf({ text, story, category }: CoachPlace): string {
  const base = story.span.start;
  const parts: (string | number)[] = [category.title ?? '\u0000', category.heading ? 1 : 0, story.title, story.status, story.heading.start - base, story.heading.end - base];
  for (const s of story.sections) parts.push(s.part, s.label.start - base, s.label.end - base, s.span.start - base, s.span.end - base, s.hasContent ? 1 : 0);
  for (const s of story.stories) parts.push(s.span.start - base, s.span.end - base);
  return parts.join('\u0001') + '\u0002' + text.slice(story.span.start, story.span.end);
}

function anchorStart(anchor: Anchor, place: CoachPlace): number {
  return anchor === 'story' ? place.story.span.start : place.category.heading!.start;
}

const within = (span: Span, outer: Span | undefined) => outer !== undefined && span.start >= outer.start && span.end <= outer.end;

/** What every span of the report lies in: the story, the category heading, or neither. */
function anchorOf(report: Report, place: CoachPlace): Anchor | undefined {
  for (const anchor of ['story', 'category'] as const) {
    const outer = anchor === 'story' ? place.story.span : place.category.heading;
    if (spansOf(report).every((span) => within(span, outer))) return anchor;
  }
  return undefined;
}

function spansOf(report: Report): Span[] {
  const spans = [report.span];
  for (const e of report.fix ?? []) spans.push(e.span);
  for (const s of report.suggestions ?? []) for (const e of s.edits) spans.push(e.span);
  return spans;
}

const moveSpan = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });
const moveEdits = (edits: readonly TextEdit[], by: number): TextEdit[] => edits.map((e) => ({ span: moveSpan(e.span, by), newText: e.newText }));

function moveReport(report: Report, by: number): Report {
  const moved: Report = { ...report, span: moveSpan(report.span, by) };
  if (report.fix) moved.fix = moveEdits(report.fix, by);
  if (report.suggestions) moved.suggestions = report.suggestions.map((s): Suggestion => ({ ...s, edits: moveEdits(s.edits, by) }));
  return moved;
}
