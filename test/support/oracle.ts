// References the analysis is tested against, and how models are compared.

import assert from 'node:assert/strict';
import { isPathological } from '../../src/core/facts';
import { analyze, type AnalyzeOptions, type Category, type NotesModel, type Story } from '../../src/core/index';
import { analyzeAsOneSection } from '../../src/core/pipeline';
import { scanSections } from '../../src/core/sections';

/**
 * The whole document parsed as one section, as if there were no splitting at all: the reference the
 * sectioning is tested against. A section too deeply nested to parse is read plainly, section by
 * section; the whole text parsed at once would be read plainly as a whole. There the sectioned
 * reading is its own reference; the same when only the whole is (its markers counted together pass
 * the bound: 20 000 `_` in one section, a few more in the next).
 */
export function analyzeUnsectioned(text: string, options: AnalyzeOptions = {}): NotesModel {
  const { starts } = scanSections(text);
  if (isPathological(text) || starts.some((start, i) => isPathological(text.slice(start, starts[i + 1] ?? text.length)))) return analyze(text, options);
  return analyzeAsOneSection(text, options);
}

/**
 * A model without its ids, to compare an incremental model with a fresh one: an update follows a
 * rename (the story keeps its id), a fresh reading keys it by its new title.
 */
export function withoutIds(model: NotesModel): unknown {
  const story = ({ id: _id, ...rest }: Story): unknown => ({ ...rest, stories: rest.stories.map(story) });
  const category = ({ id: _id, ...rest }: Category): unknown => ({ ...rest, stories: rest.stories.map(story) });
  return { ...model, categories: model.categories.map(category) };
}

/** Every category id is different, and every story id among the stories of the file. */
export function assertUniqueIds(model: NotesModel, what = ''): void {
  const ids = new Set<string>();
  const add = (id: string) => {
    assert.ok(id.length > 0, `${what}: an empty id`);
    assert.ok(!ids.has(id), `${what}: id ${id} twice`);
    ids.add(id);
  };
  const story = (s: Story) => {
    add(s.id);
    s.stories.forEach(story);
  };
  for (const c of model.categories) {
    add(c.id);
    c.stories.forEach(story);
  }
}

/** Whether every object and array in `value` is frozen. */
export function isDeepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (!Object.isFrozen(value)) return false;
  return Object.values(value).every(isDeepFrozen);
}
