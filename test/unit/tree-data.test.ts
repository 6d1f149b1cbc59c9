// What the Stories view shows, from the model (the view itself is tested in a real VS Code).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, NotesAnalyzer, summarize, viewOf } from '../../src/core/index';
import { fileNode, fileNodes, nodeAt, sameNode } from '../../src/vscode/tree-data';

const text = readFileSync(join(__dirname, '..', 'fixtures', 'workspace', 'notes.md'), 'utf8');
const model = analyze(text);
const all = summarize(model);

describe('Stories view data', () => {
  it('shows categories with counts, stories with what they miss, and status icons', () => {
    const nodes = fileNodes('file:///n.md', all);
    assert.deepEqual(
      nodes.map((n) => [n.label, n.description, n.children.map((c) => [c.label, c.description, c.icon.id])]),
      [
        ['A. Handling Disagreements', '1/2', [['Disagreed on a design', '', 'pass-filled'], ['Disagreed with my manager', 'missing T R', 'edit']]],
        ['B. Ownership', '0/2', [['Fixed the flaky build', 'missing T · 1 ❓', 'edit'], ['Owned an outage', 'empty', 'circle-large-outline']]],
      ],
    );
  });

  it('filters to unfinished stories, dropping categories left empty', () => {
    const nodes = fileNodes('file:///n.md', viewOf(all, 'unfinished'));
    assert.deepEqual(nodes.map((n) => n.children.map((c) => c.label)), [['Disagreed with my manager'], ['Fixed the flaky build', 'Owned an outage']]);
  });

  it('gives stable ids, so an edit elsewhere keeps a branch as it was', () => {
    // The ❓ in B's first story answered: B's rendering changes (its count of placeholders), A's does not.
    const edited = analyze(text.replace('CI failed one run in five. ❓', 'CI failed one run in five.'));
    const before = fileNodes('file:///n.md', all);
    const after = fileNodes('file:///n.md', summarize(edited));
    assert.deepEqual(after.map((n) => n.id), before.map((n) => n.id));
    assert.equal(sameNode(before[0]!, after[0]!), true, 'category A did not change');
    assert.equal(sameNode(before[1]!, after[1]!), false, 'category B changed');
  });

  it('a category an edit above only moved looks the same (no refresh), with its new offsets', () => {
    const before = fileNodes('file:///n.md', all);
    // A line more in A's first story moves B: B's nodes keep their rendering and take the new offsets.
    const added = 'A line more.\n';
    const inA = text.replace('### 1 Disagreed on a design\n', `### 1 Disagreed on a design\n${added}`);
    const after = fileNodes('file:///n.md', summarize(analyze(inA)));
    assert.equal(sameNode(before[1]!, after[1]!), true, 'category B looks the same');
    assert.equal(after[1]!.children[1]!.offset, before[1]!.children[1]!.offset + added.length);
    assert.equal(inA.slice(after[1]!.children[1]!.offset).split('\n')[0], '### 2 Owned an outage');
  });

  it('finds the story under the cursor, the deepest first', () => {
    const nodes = fileNodes('file:///n.md', all);
    assert.equal(nodeAt(nodes, text.indexOf('Proposed a smaller'))?.label, 'Disagreed with my manager');
    assert.equal(nodeAt(nodes, text.indexOf('## B.'))?.label, 'B. Ownership');
  });

  it('adds a file level with totals when several files are shown', () => {
    const node = fileNode('file:///n.md', 'n.md', all);
    assert.equal(node.description, '1/4');
    assert.deepEqual([all.stories, all.complete, all.unfinished], [4, 1, 3]);
  });

  it("keeps a story's item id when the story is renamed in an update", () => {
    const analyzer = new NotesAnalyzer();
    const before = fileNodes('file:///n.md', summarize(analyzer.update(text)));
    const renamed = text.replace('Owned an outage', 'Owned a long outage');
    const after = fileNodes('file:///n.md', summarize(analyzer.update(renamed)));
    assert.equal(after[1]!.children[1]!.label, 'Owned a long outage');
    assert.deepEqual(after.flatMap((n) => [n.id, ...n.children.map((c) => c.id)]), before.flatMap((n) => [n.id, ...n.children.map((c) => c.id)]));
  });
});
