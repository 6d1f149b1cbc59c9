// Competency tags: the styles people write them in, and the frameworks they resolve against.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, type Story } from '../../src/core/index';
import {
  addTagEdit,
  AMAZON_LP,
  categoryCompetencies,
  closestCompetency,
  DEFAULT_FRAMEWORKS,
  frameworkFromConfig,
  frontMatterOf,
  GENERIC,
  normaliseTag,
  readStoryTags,
  resolveTag,
  unknownFrontMatterTags,
  type TagOptions,
} from '../../src/core/bank/index';

const fixture = (name: string) => readFileSync(`test/fixtures/bank/${name}`, 'utf8');

function tagsOf(text: string, options: Omit<TagOptions, 'category' | 'frontMatter'> = {}) {
  const model = analyze(text);
  const frontMatter = frontMatterOf(text);
  return model.categories.flatMap((category) =>
    category.stories.map((story: Story) => ({
      story,
      tags: readStoryTags(text, story, { ...options, category: { title: category.title, ...(category.heading ? { heading: category.heading } : {}) }, ...(frontMatter ? { frontMatter } : {}) }),
    })),
  );
}

const names = (list: { competencies: { name: string }[]; raw: string }[]) => list.map((t) => t.competencies[0]?.name ?? `?${t.raw}`);

describe('bank: frameworks', () => {
  it('one key for every spelling of a name', () => {
    for (const spelling of ['Dive Deep', 'dive-deep', '#divedeep', 'DIVE_DEEP', 'dive deep']) assert.equal(normaliseTag(spelling), 'divedeep');
    assert.deepEqual(resolveTag('#DiveDeep', [AMAZON_LP]).map((c) => c.name), ['Dive Deep']);
  });

  it('a word known to several frameworks names a competency in each', () => {
    assert.deepEqual(resolveTag('ownership').map((c) => `${c.framework}:${c.id}`), ['generic:ownership', 'amazon:ownership']);
    assert.deepEqual(resolveTag('Disagree and commit').map((c) => c.name), ["Have Backbone; Disagree and Commit"]);
  });

  it('localised names and plurals resolve', () => {
    assert.equal(resolveTag('Konflikt')[0]?.id, 'conflict');
    assert.equal(resolveTag('liderazgo')[0]?.id, 'leadership');
    assert.equal(resolveTag('冲突')[0]?.id, 'conflict');
    assert.equal(resolveTag('конфликт')[0]?.id, 'conflict');
    assert.equal(resolveTag('conflicts')[0]?.id, 'conflict');
    assert.deepEqual(resolveTag('startup'), []);
  });

  it('Amazon has its sixteen principles, names and a link only', () => {
    assert.equal(AMAZON_LP.competencies.length, 16);
    assert.ok(AMAZON_LP.competencies.every((c) => c.description === undefined));
    assert.match(AMAZON_LP.link!, /^https:\/\/www\.amazon\.jobs\//);
    assert.ok(GENERIC.competencies.length >= 12 && GENERIC.competencies.every((c) => c.description));
  });

  it('the closest known name for a misspelling, none for an unrelated word', () => {
    assert.equal(closestCompetency('dive-dep')?.name, 'Dive Deep');
    assert.equal(closestCompetency('ownershp')?.name, 'Ownership');
    assert.equal(closestCompetency('kubernetes'), undefined);
  });

  it('a user framework from config; nonsense gives none, never throws', () => {
    const mine = frameworkFromConfig({ name: 'Acme values', competencies: [{ id: 'craft', name: 'Craft', aliases: ['quality'] }, { name: 'Speed' }, { id: 'x' }, 7] });
    assert.deepEqual(mine?.competencies.map((c) => c.id), ['craft', 'speed']);
    assert.equal(resolveTag('Quality', [mine!])[0]?.id, 'craft');
    for (const bad of [null, 3, 'x', [], { name: 'n' }, { name: 'n', competencies: [{}] }, { competencies: [] }]) assert.equal(frameworkFromConfig(bad), undefined);
  });
});

describe('bank: tags', () => {
  const text = fixture('tags.md');
  const [pipeline, rampUp] = tagsOf(text);

  it('reads the label line, hashtags in prose, front matter and the category title', () => {
    assert.deepEqual(
      pipeline!.tags.tags.map((t) => `${t.source}:${t.competencies[0]?.name}`),
      ['label:Bias for Action', 'label:Earn Trust', 'hashtag:Dive Deep', 'front-matter:Teamwork', 'category:Ownership'],
    );
  });

  it('spans point at the tag as written', () => {
    for (const tag of pipeline!.tags.tags.filter((t) => t.source !== 'category')) {
      assert.equal(normaliseTag(text.slice(tag.span!.start, tag.span!.end)), tag.key, tag.raw);
    }
  });

  it('never takes a # from code, a link, a URL, a number or a heading marker', () => {
    const raws = pipeline!.tags.tags.map((t) => t.raw.toLowerCase());
    for (const not of ['runbook', 'retries', 'not-a-tag', '123', 'frugality']) assert.ok(!raws.includes(not), not);
  });

  it('a front matter tag already given (dive-deep) is one tag, not two', () => {
    assert.equal(pipeline!.tags.tags.filter((t) => t.competencies[0]?.id === 'dive-deep').length, 1);
  });

  it('a 🔸 note naming a competency is a suggestion with the span of the note', () => {
    assert.deepEqual(names(pipeline!.tags.suggested), ['Customer Obsession']);
    const note = pipeline!.tags.suggested[0]!.span;
    assert.equal(text.slice(note.start, note.end), '🔸 also good for customer obsession');
  });

  it('the quick fix appends the suggestion to the label line', () => {
    const edit = addTagEdit(text, pipeline!.story, pipeline!.tags, 'Customer Obsession');
    const after = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
    assert.match(after, /- \*\*Tags\*\*: Bias for Action, earn trust, Customer Obsession\n/);
    assert.deepEqual(names(tagsOf(after)[0]!.tags.suggested), []);
  });

  it('without a label line the fix adds one under the heading', () => {
    const edit = addTagEdit(text, rampUp!.story, rampUp!.tags, 'Mentoring');
    const after = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
    assert.match(after, /### Helped a new hire ramp up\n- \*\*Tags\*\*: Mentoring\n/);
  });

  it('a category title that names no competency tags nothing; a misspelt hashtag is unknown', () => {
    assert.deepEqual(rampUp!.tags.tags.filter((t) => t.source === 'category'), []);
    assert.deepEqual(rampUp!.tags.unknown.map((t) => t.raw), ['dive-dep']);
    assert.ok(rampUp!.tags.tags.some((t) => t.source === 'hashtag' && t.competencies[0]?.id === 'mentoring'));
  });

  it('fromCategory off leaves category titles out', () => {
    assert.ok(!tagsOf(text, { fromCategory: false })[0]!.tags.tags.some((t) => t.source === 'category'));
  });

  it('label synonyms and languages, values split on commas or between #tags', () => {
    const story = (label: string) => `## X\n\n### S\n\n${label}\n- **Situation**: a\n- **Task**: b\n- **Action**: c\n- **Result**: d\n`;
    for (const label of ['**LP**: Ownership, Dive Deep', '- **Best for:** ownership; dive deep', 'Competencies: Ownership | Dive Deep', '- **Kompetenzen**: Ownership, Dive Deep', '**Tags**: #ownership #DiveDeep', '- **标签**：Ownership、Dive Deep']) {
      assert.deepEqual(names(tagsOf(story(label))[0]!.tags.tags), ['Ownership', 'Dive Deep'], label);
    }
  });

  it('front matter tags as a block list or a comma string', () => {
    const body = '\n## X\n\n### S\n\n- **Situation**: a\n- **Task**: b\n- **Action**: c\n- **Result**: d\n';
    for (const fm of ['---\ntags:\n  - ownership\n  - think big\n---\n', '---\ntags: ownership, think big\n---\n']) {
      assert.deepEqual(names(tagsOf(fm + body)[0]!.tags.tags), ['Ownership', 'Think Big'], fm);
    }
  });

  it('unknown front matter tags are found once for the file, with their spans', () => {
    const doc = '---\ntags: [ownership, behavioural]\n---\n## X\n### S\n- **Situation**: a\n- **Task**: b\n';
    assert.deepEqual(unknownFrontMatterTags(doc).map((t) => doc.slice(t.span!.start, t.span!.end)), ['behavioural']);
    assert.deepEqual(unknownFrontMatterTags(fixture('tags.md')), []);
  });

  it('category titles with a letter, several names, or filler words', () => {
    assert.deepEqual(categoryCompetencies('B. Handling conflict').map((c) => c.competencies[0]!.id), ['conflict']);
    assert.deepEqual(categoryCompetencies('Conflict / Influence').map((c) => c.competencies[0]!.id), ['conflict', 'influence']);
    assert.deepEqual(categoryCompetencies('Invent and Simplify', DEFAULT_FRAMEWORKS).map((c) => c.competencies[0]!.id), ['invent-and-simplify']);
    assert.deepEqual(categoryCompetencies('Learning Quickly').map((c) => c.competencies[0]!.id), ['learning']);
    assert.deepEqual(categoryCompetencies('Handling Disagreements and').map((c) => c.competencies[0]!.id), ['conflict']);
    assert.deepEqual(categoryCompetencies('Misc'), []);
    assert.deepEqual(categoryCompetencies('What I would do about the ownership of a shared library'), []);
  });

  it('never throws and never gives a span outside the text, whatever the Markdown', () => {
    for (const text of ['', '#', '### #', '## X\n### Y\n#a #b [#c](#d) `#e` <!-- #f -->', '\uFEFF---\ntags: [\n---\n## A\n### B\n- **Tags**:\n']) {
      for (const { tags } of tagsOf(text)) {
        for (const t of [...tags.tags, ...tags.suggested]) if (t.span) assert.ok(t.span.start >= 0 && t.span.end <= text.length);
      }
    }
  });
});
