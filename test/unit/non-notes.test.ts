// Ordinary Markdown is never notes: every Markdown file the dependencies ship (READMEs, changelogs,
// licences, API docs: about 700 files after `npm ci`) and the project's own documentation must
// yield no story and no finding. A corpus that needs no copying, and is written by hundreds of hands.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { analyze, decodeFile, eachStory } from '../../src/core/index';

const ROOT = resolve(__dirname, '..', '..');

function markdownUnder(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) markdownUnder(path, out);
    else if (entry.isFile() && /\.(?:md|markdown)$/i.test(entry.name)) out.push(path);
  }
  return out;
}

function projectDocs(): string[] {
  const top = ['README.md', 'CHANGELOG.md'].map((f) => join(ROOT, f)).filter((f) => existsSync(f));
  return [...top, ...markdownUnder(join(ROOT, 'docs'))];
}

/** What the checker would show for a file that is not notes: nothing. */
function whatIsRead(path: string): string | undefined {
  const { text } = decodeFile(readFileSync(path));
  const model = analyze(text);
  const stories = [...eachStory(model.categories)].length;
  if (stories === 0 && model.findings.length === 0) return undefined;
  const findings = model.findings.map((f) => f.rule).join(', ');
  return `${relative(ROOT, path)}: ${stories} stories, ${model.findings.length} findings ${findings ? `(${findings})` : ''}`;
}

describe('ordinary Markdown is not notes', () => {
  it("the project's README, CHANGELOG and docs/ give no story and no finding", () => {
    const read = projectDocs().map(whatIsRead).filter(Boolean);
    assert.deepEqual(read, []);
  });

  it('every Markdown file under node_modules gives no story and no finding', function () {
    const files = markdownUnder(join(ROOT, 'node_modules'));
    if (files.length === 0) this.skip(); // no `npm ci` yet
    const read = files.map(whatIsRead).filter(Boolean);
    console.log(`      ${files.length} Markdown files under node_modules, ${read.length} read as notes`);
    assert.deepEqual(read, []);
  });
});
