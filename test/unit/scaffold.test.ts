// New stories and categories: the text the commands insert, in the file's own style.
import assert from 'node:assert/strict';
import { analyze, NotesAnalyzer, newCategory, newStory } from '../../src/core/index';

function story(text: string, categoryIndex: number | undefined) {
  const analyzer = new NotesAnalyzer();
  const model = analyzer.update(text);
  const category = categoryIndex === undefined ? undefined : model.categories[categoryIndex];
  return newStory(text, model, analyzer.structure, category, '\n');
}

const NOTES = `## A. Conflicts
### 1 Disagreed on a design
- **Situation**: a
- **Task**: b
- **Action**: c
- **Result**: d

## B. Ownership
### 4 Fixed the build
- **Situation**: a
`;

describe('scaffolding', () => {
  it('adds a story at the end of its category, numbered after the last, cursor on the title', () => {
    const s = story(NOTES, 0);
    const result = NOTES.slice(0, s.offset) + s.text + NOTES.slice(s.offset);
    assert.equal(
      result,
      NOTES.replace('- **Result**: d\n', '- **Result**: d\n\n### 2 title\n- **Situation**: \n- **Task**: \n- **Action**: \n- **Result**: \n'),
    );
    assert.match(s.snippet, /^\n\n### 2 \$\{1:title\}\n- \*\*Situation\*\*: \$2\n- \*\*Task\*\*: \$3\n- \*\*Action\*\*: \$4\n- \*\*Result\*\*: \$5\$0$/);
    // The new story is a story of that category.
    const after = analyze(result);
    assert.deepEqual(after.categories[0]!.stories.map((x) => x.title), ['Disagreed on a design', 'title']);
  });

  it('numbers after the highest number, at the end of the file', () => {
    const s = story(NOTES, 1);
    assert.equal(s.offset, NOTES.length - 1);
    assert.match(s.text, /^\n\n### 5 title\n/);
  });

  it('writes labels the way the file writes them', () => {
    const text = '## Stories\n### 1 One\n**CONTEXT:** a\n\n**GOAL:** b\n\n**APPROACH:** c\n\n**OUTCOME:** d\n';
    assert.match(story(text, 0).text, /\*\*CONTEXT:\*\* \n\*\*GOAL:\*\* \n\*\*APPROACH:\*\* \n\*\*OUTCOME:\*\* $/);
  });

  it('adds a category with the next letter and a first story', () => {
    const analyzer = new NotesAnalyzer();
    const model = analyzer.update(NOTES);
    const c = newCategory(NOTES, model, analyzer.structure, '\n');
    assert.equal(c.offset, NOTES.length);
    assert.match(c.text, /^\n## C\. category\n### 1 first story\n- \*\*Situation\*\*: \n/);
    const after = analyze(NOTES + c.text);
    assert.deepEqual(after.categories.map((x) => x.title), ['Conflicts', 'Ownership', 'category']);
  });

  it('escapes snippet syntax in literal text', () => {
    const text = '## A. Costs in $ {not a tab stop}\n### 1 x\n- **Situation**: a\n- **Task**: b\n';
    assert.doesNotThrow(() => story(text, 0));
    const c = newCategory(text, analyze(text), undefined, '\n');
    assert.doesNotMatch(c.snippet.replace(/\$\{\d+:[^}]*\}|\$\d+/g, ''), /(?<!\\)\$/);
  });
});
