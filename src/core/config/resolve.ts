// Configuration layers → the options one file is analysed with. The editor and the command line
// both come through here, so the same configuration file gives the same findings in both.
//
// Precedence, lowest first (the order markdownlint's VS Code extension uses: a file in the project
// beats the editor's settings, so that CI, pre-commit and every teammate's editor agree):
//   1. the rules' defaults;
//   2. VS Code user settings, then workspace settings, then workspace-folder settings (VS Code merges
//      these itself: the extension passes its effective `interviewNotes.*` values as one layer);
//   3. the nearest configuration file (only the nearest: files in parent folders are not merged in,
//      as with Prettier and ESLint's flat config, so what applies is in one visible place);
//   4. on the command line, flags (`--category-level`, `--story-level`).
// Layers merge key by key: a configuration file that sets only `rules.placeholder` leaves the levels
// (and every other rule) to the settings below it.

import type { AnalyzeOptions } from '../analyzer.js';
import { frameworksFromConfig, frameworksToConfig } from '../bank/frameworks.js';
import type { StoryBankOptions } from '../bank/rules/context.js';
import { notesMatcher, type NotesMatcher } from './notes-globs.js';
import type { InterviewNotesConfig, NotesMode, SeverityOrOff } from './types.js';

/** One source of options, as far as it says anything. */
export interface ConfigLayer {
  rules?: Record<string, SeverityOrOff>;
  levels?: { category?: number | null; story?: number | null };
  /** The story bank's: frameworks as the configuration writes them (ids or a user's own), words a minute, a gap's limit. */
  frameworks?: readonly unknown[];
  speakingRate?: number;
  /** `speech.wordsPerMinute` is `speakingRate` spelt as the VS Code setting is; it wins over it. */
  speech?: { wordsPerMinute?: number; targetSeconds?: number; maxSeconds?: number };
  coverage?: { minStories?: number };
}

/** The options one file is analysed with, and whether it is notes at all. */
export interface ResolvedOptions {
  /** What to hand to `analyze()` / `NotesAnalyzer` (with `notes` set: see below). */
  analyze: AnalyzeOptions;
  /**
   * From the configuration's `notes.include` / `notes.exclude`. `false`: do not analyse the file.
   * `true` is also set as `analyze.notes`, which makes the analyzer read the file as notes whatever
   * the evidence (the file's own front matter or disable-file comment still wins).
   */
  notes: NotesMode;
}

/** Merges layers key by key, later layers winning; `null` levels mean "detect", as if unset. */
export function mergeLayers(layers: readonly (ConfigLayer | undefined)[]): ConfigLayer {
  const rules: Record<string, SeverityOrOff> = {};
  const levels: { category?: number; story?: number } = {};
  const bank: Pick<ConfigLayer, 'frameworks' | 'speakingRate' | 'coverage' | 'speech'> = {};
  for (const layer of layers) {
    if (!layer) continue;
    Object.assign(rules, layer.rules ?? {});
    if (layer.frameworks !== undefined) bank.frameworks = layer.frameworks;
    const rate = layer.speech?.wordsPerMinute ?? layer.speakingRate;
    if (rate !== undefined) bank.speakingRate = rate;
    for (const key of ['targetSeconds', 'maxSeconds'] as const) {
      const seconds = layer.speech?.[key];
      if (seconds !== undefined) bank.speech = { ...bank.speech, [key]: seconds };
    }
    if (layer.coverage?.minStories !== undefined) bank.coverage = { minStories: layer.coverage.minStories };
    for (const key of ['category', 'story'] as const) {
      const value = layer.levels?.[key];
      if (typeof value === 'number') levels[key] = value;
      else if (value === null) delete levels[key];
    }
  }
  return { rules, levels, ...bank };
}

/** A layer as AnalyzeOptions (severities and levels). */
export function layerToOptions(layer: ConfigLayer): AnalyzeOptions {
  const options: AnalyzeOptions = { severities: { ...layer.rules } };
  const { category, story } = layer.levels ?? {};
  if (typeof category === 'number' || typeof story === 'number') {
    options.levels = {};
    if (typeof category === 'number') options.levels.category = category;
    if (typeof story === 'number') options.levels.story = story;
  }
  const bank = bankOptionsOf(layer);
  if (bank) options.bank = bank;
  return options;
}

/** The story bank's options a layer sets, or undefined when it sets none (the bank's defaults apply). */
export function bankOptionsOf(layer: ConfigLayer): StoryBankOptions | undefined {
  const bank: StoryBankOptions = {};
  const frameworks = frameworksFromConfig(layer.frameworks);
  if (frameworks) bank.frameworks = frameworks;
  const rate = layer.speech?.wordsPerMinute ?? layer.speakingRate;
  if (typeof rate === 'number' && Number.isFinite(rate)) bank.wordsPerMinute = rate;
  const minStories = layer.coverage?.minStories;
  if (typeof minStories === 'number' && Number.isInteger(minStories) && minStories >= 1) bank.minStories = minStories;
  for (const key of ['targetSeconds', 'maxSeconds'] as const) {
    const seconds = layer.speech?.[key];
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0) bank[key] = seconds;
  }
  return Object.keys(bank).length > 0 ? bank : undefined;
}

/** The layer that sets what `bank` says (the settings' story bank options, below a configuration file). */
export function bankLayerOf(bank: StoryBankOptions | undefined): ConfigLayer {
  if (!bank) return {};
  return {
    ...(bank.frameworks ? { frameworks: frameworksToConfig(bank.frameworks) } : {}),
    ...(bank.wordsPerMinute !== undefined ? { speakingRate: bank.wordsPerMinute } : {}),
    ...(bank.minStories !== undefined ? { coverage: { minStories: bank.minStories } } : {}),
    ...(bank.targetSeconds !== undefined || bank.maxSeconds !== undefined ? { speech: speechOf(bank) } : {}),
  };
}

function speechOf(bank: StoryBankOptions): NonNullable<ConfigLayer['speech']> {
  return {
    ...(bank.targetSeconds !== undefined ? { targetSeconds: bank.targetSeconds } : {}),
    ...(bank.maxSeconds !== undefined ? { maxSeconds: bank.maxSeconds } : {}),
  };
}

/** A configuration file with the folder it was found in (globs are relative to it). */
export interface LocatedConfig {
  config: InterviewNotesConfig;
  /** The folder holding the configuration file, as a `/`-separated path or URI path. */
  folder: string;
  matcher?: NotesMatcher;
}

export function locateConfig(config: InterviewNotesConfig, folder: string): LocatedConfig {
  return { config, folder, matcher: notesMatcher(config.notes) };
}

/**
 * The options for the file at `path` (`/`-separated, like `folder`): the settings below the
 * configuration file, the file itself, then anything above it (command-line flags).
 */
export function resolveOptions(path: string, below: readonly (ConfigLayer | undefined)[], located: LocatedConfig | undefined, above: readonly (ConfigLayer | undefined)[] = []): ResolvedOptions {
  const merged = mergeLayers([...below, located?.config, ...above]);
  const notes = located ? notesModeOf(path, located) : 'auto';
  const analyze = layerToOptions(merged);
  // Set only when it says more than 'auto' (the analyzer's default).
  if (notes !== 'auto') analyze.notes = notes;
  return { analyze, notes };
}

export function notesModeOf(path: string, located: LocatedConfig): NotesMode {
  const matcher = located.matcher ?? (located.matcher = notesMatcher(located.config.notes));
  return matcher.modeOf(relativeTo(located.folder, path));
}

/** `path` relative to `folder` (both `/`-separated); a path outside `folder` keeps `../` steps. */
export function relativeTo(folder: string, path: string): string {
  const from = folder.split('/').filter(Boolean);
  const to = path.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  return [...Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/');
}
