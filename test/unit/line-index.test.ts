// Offsets ↔ lines and columns: the one conversion every range goes through.
import assert from 'node:assert/strict';
import { LineIndex, detectLineEnding } from '../../src/core/index';

describe('LineIndex', () => {
  it('counts \\n, \\r\\n and a bare \\r as line breaks, like CommonMark and VS Code', () => {
    const index = new LineIndex('a\nb\r\nc\rd');
    assert.deepEqual([0, 2, 5, 7].map((o) => index.positionAt(o)), [
      { line: 0, character: 0 },
      { line: 1, character: 0 },
      { line: 2, character: 0 },
      { line: 3, character: 0 },
    ]);
    assert.equal(index.lineCount, 4);
    assert.equal(index.lineEnd(1), 3);
  });

  it('counts UTF-16 code units: 🔸 is two, its mis-encoded form four', () => {
    const text = '- x 🔸 y\n- \uF8FFüî∏ z';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(text.indexOf('y')), { line: 0, character: 7 });
    assert.deepEqual(index.positionAt(text.indexOf('z')), { line: 1, character: 7 });
    assert.deepEqual(index.lineColumnAt(text.indexOf('z')), { line: 2, column: 8 });
  });

  it('never gives a position outside the document, whatever the offset', () => {
    const index = new LineIndex('ab\ncd');
    assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(99), { line: 1, character: 2 });
    assert.equal(index.offsetAt({ line: 7, character: 9 }), 5);
    assert.equal(index.offsetAt({ line: 0, character: 9 }), 2);
  });

  it('round-trips every offset of a text with CRLF and a BOM', () => {
    const text = '\uFEFF## ✅ A\r\n### 1 x\r\n- **Situation**: y\r\n';
    const index = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      if (text[o - 1] === '\r' && text[o] === '\n') continue; // between \r and \n is not a position
      assert.equal(index.offsetAt(index.positionAt(o)), o);
    }
  });

  it('finds the dominant line ending for inserted text', () => {
    assert.equal(detectLineEnding('a\r\nb\r\nc\n'), '\r\n');
    assert.equal(detectLineEnding('a\nb'), '\n');
    assert.equal(detectLineEnding('a\rb\rc'), '\r');
    assert.equal(detectLineEnding(''), '\n');
  });
});
