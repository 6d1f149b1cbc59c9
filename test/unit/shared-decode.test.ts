// The one decoding of a file's bytes that the command line and the extension's workspace-scope reads
// share (src/shared/decode.ts): the editor reads a notes file on disk as `interview-notes check` does.

import assert from 'node:assert/strict';
import { decodeFile } from '../../src/core/encoding';
import { decodeNotesBytes } from '../../src/shared/decode';
import { encodeLegacy } from '../support/hostile-arbitraries';

const notes = '## A. 의견 차이\n### 1 설계 의견 차이를 찾은 두 팀\n- **Situation**: 두 팀이 서로 다른 설계를 원했다\n- **Task**: 결과를 내야 했다\n';

describe('decoding a notes file read from disk, shared by the command line and the extension', () => {
  it('names a legacy CJK encoding the core alone would read as Windows-1252', () => {
    const bytes = encodeLegacy(notes, 'euc-kr');
    assert.notEqual(decodeFile(bytes).text, notes, 'without the detector the bytes read as Windows-1252');
    const file = decodeNotesBytes(bytes);
    assert.equal(file.encoding, 'euc-kr');
    assert.equal(file.text, notes);
    assert.ok(file.notWritable, 'read, never written');
  });

  it('reads UTF-8 and UTF-16 as the core does', () => {
    const utf8 = new TextEncoder().encode(notes);
    assert.deepEqual(decodeNotesBytes(utf8), decodeFile(utf8));
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Array.from(notes, (c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]).flat()]);
    assert.equal(decodeNotesBytes(utf16).text, notes);
  });
});
