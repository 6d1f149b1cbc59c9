// `--fix` never damages a file (issue 17, items 1, 2, 4, 5, 11, 15 and the long file name): the CLI as
// a user runs it (dist/cli.js, built first) on files in every encoding and of every kind, plus the
// file API of src/cli/files.ts for the race a child process cannot time (an edit during the fix).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeFile, encodeFile, type FileEncoding, type LegacyEncoding } from '../../src/core/encoding';
import { readNotesFile, writeFixedFile } from '../../src/cli/files';
import { encodeLegacy } from '../support/hostile-arbitraries';

const CLI = join(resolve(__dirname, '..', '..'), 'dist', 'cli.js');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.error !== undefined };
}

/** Notes with one certain fix: the story lacks its Action and Result labels. */
const NOTES = '## A. 갈등\n### 1 Story\n- **Situation**: s\n- **Task**: t\n';
const FIXED = '## A. 갈등\n### 1 Story\n- **Situation**: s\n- **Task**: t\n- **Action**: \n- **Result**: \n';

describe('--fix never damages a file', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'in-safety-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('item 1: legacy CJK encodings are read as what they are and never written', () => {
    const samples: [LegacyEncoding, string][] = [
      ['euc-kr', '## A. 갈등 해결\n### 1 설계에 대한 의견 차이를 찾은 이야기\n- **Situation**: 두 팀이 서로 다른 설계를 원했다\n- **Task**: 합의\n'],
      ['shift_jis', '## A. 意見の対立\n### 1 設計について話し合った\n- **Situation**: 二つのチームが別々の設計を望んだ\n- **Task**: 合意\n'],
      ['euc-jp', '## A. 意見の対立\n### 1 設計について話し合った\n- **Situation**: 二つのチームが別々の設計を望んだ\n- **Task**: 合意\n'],
      ['gb18030', '## A. 处理分歧\n### 1 关于设计的分歧\n- **Situation**: 两个团队想要不同的设计\n- **Task**: 决定\n'],
      ['big5', '## A. 處理分歧\n### 1 關於設計的分歧\n- **Situation**: 兩個團隊想要不同的設計\n- **Task**: 決定\n'],
    ];
    for (const [encoding, text] of samples) {
      it(`${encoding}: the story titles are read right, --fix refuses with a reason and leaves every byte`, () => {
        const bytes = encodeLegacy(text, encoding);
        const path = join(dir, 'notes.md');
        writeFileSync(path, bytes);
        const read = readNotesFile(path);
        assert.ok(!('error' in read), JSON.stringify(read));
        assert.equal(read.file.encoding, encoding);
        assert.equal(read.file.text, text);
        const r = cli(['check', '--fix', 'notes.md'], dir);
        assert.equal(r.status, 2, r.stdout + r.stderr);
        assert.match(r.stderr, new RegExp(`not fixed notes\\.md: it is read as ${encoding.toUpperCase()}`));
        assert.ok(r.stdout.includes(text.split('\n')[1]!.slice(6)), `the story title is shown as written:\n${r.stdout}`);
        assert.doesNotMatch(r.stdout, /mis-encoded/);
        assert.deepEqual(new Uint8Array(readFileSync(path)), bytes);
      });
    }

    it('bytes that are not UTF-8 and not like Windows-1252 text, with no detector: read, marked not writable', () => {
      const file = decodeFile(encodeLegacy('## 찾은 설계\n', 'euc-kr'));
      assert.equal(file.encoding, 'windows-1252');
      assert.match(file.notWritable ?? '', /encoding is not clear/);
    });

    it('a Windows-1252 file (accented letters between ASCII) stays writable', () => {
      const file = decodeFile(Uint8Array.from(Buffer.from('- **Situation**: the caf\xe9 at S\xe3o Paulo, na\xefve \x93quotes\x94\n', 'latin1')));
      assert.equal(file.encoding, 'windows-1252');
      assert.equal(file.notWritable, undefined);
      assert.match(file.text, /café at São Paulo, naïve “quotes”/);
    });
  });

  it('item 2: one stray byte in a UTF-8 file is reported and --fix changes no byte', () => {
    const text = '## A. Café\n### 1 Résumé of the café story — é é é\n- **Situation**: crème brûlée\n- **Task**: t\n';
    const good = Buffer.from(text, 'utf8');
    const at = good.indexOf('crème');
    const bytes = Buffer.concat([good.subarray(0, at), Buffer.of(0xe9), good.subarray(at)]);
    const path = join(dir, 'stray.md');
    writeFileSync(path, bytes);
    const file = decodeFile(bytes);
    assert.equal(file.encoding, 'utf-8');
    assert.deepEqual(file.invalidBytes, [at]);
    assert.ok(file.text.includes('Résumé of the café story — é é é'), 'the rest is read as UTF-8');
    const r = cli(['check', '--fix', 'stray.md'], dir);
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, new RegExp(`stray\\.md: one byte is not valid UTF-8 \\(the first, 0xE9, at byte offset ${at}\\)`));
    assert.match(r.stderr, /not fixed stray\.md/);
    assert.ok(readFileSync(path).equals(bytes), 'the file was changed');
  });

  describe('item 11: UTF-16 and UTF-32 files (by their BOM) are read, and fixed in the same encoding', () => {
    for (const encoding of ['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'] as FileEncoding[]) {
      it(encoding, () => {
        const path = join(dir, 'wide.md');
        const bytes = encodeFile(NOTES, { encoding, bom: true });
        writeFileSync(path, bytes);
        assert.deepEqual(decodeFile(bytes), { text: NOTES, encoding, bom: true });
        const r = cli(['check', '--fix', 'wide.md'], dir);
        assert.ok(r.status === 0 || r.status === 1, r.stdout + r.stderr);
        assert.equal(r.stderr, '');
        assert.match(r.stdout, /Story/);
        assert.deepEqual(new Uint8Array(readFileSync(path)), encodeFile(FIXED, { encoding, bom: true }));
      });
    }
  });

  describe('item 4: what --fix keeps', () => {
    it('a symbolic link stays a link; its target is fixed', () => {
      writeFileSync(join(dir, 'target.md'), NOTES);
      symlinkSync('target.md', join(dir, 'link.md'));
      const r = cli(['check', '--fix', 'link.md'], dir);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.ok(lstatSync(join(dir, 'link.md')).isSymbolicLink(), 'the link became a file');
      assert.equal(readFileSync(join(dir, 'target.md'), 'utf8'), FIXED);
      assert.deepEqual(readdirSync(dir).sort(), ['link.md', 'target.md']);
    });

    it('hard links stay linked: the same inode is rewritten', () => {
      writeFileSync(join(dir, 'a.md'), NOTES);
      linkSync(join(dir, 'a.md'), join(dir, 'b.md'));
      const inode = statSync(join(dir, 'a.md')).ino;
      const r = cli(['check', '--fix', 'a.md'], dir);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.equal(statSync(join(dir, 'a.md')).ino, inode);
      assert.equal(statSync(join(dir, 'a.md')).nlink, 2);
      assert.equal(readFileSync(join(dir, 'b.md'), 'utf8'), FIXED);
      assert.deepEqual(readdirSync(dir).sort(), ['a.md', 'b.md'], 'a temporary file was left behind');
    });

    it('owner and group are kept (when run as root)', function () {
      if (process.getuid?.() !== 0) this.skip();
      const path = join(dir, 'owned.md');
      writeFileSync(path, NOTES);
      chownSync(path, 4321, 4322);
      const r = cli(['check', '--fix', 'owned.md'], dir);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.equal(readFileSync(path, 'utf8'), FIXED);
      assert.deepEqual([statSync(path).uid, statSync(path).gid], [4321, 4322]);
    });

    it('a read-only file is refused with a reason, even for root', () => {
      const path = join(dir, 'ro.md');
      writeFileSync(path, NOTES);
      chmodSync(path, 0o444);
      const r = cli(['check', '--fix', 'ro.md'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /not fixed ro\.md: the file is read-only/);
      assert.equal(readFileSync(path, 'utf8'), NOTES);
    });

    it('item 15: a FIFO is refused at once (no hang), for reading and fixing', () => {
      const fifo = join(dir, 'pipe.md');
      assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
      for (const args of [['check', 'pipe.md'], ['check', '--fix', 'pipe.md']]) {
        const r = cli(args, dir);
        assert.equal(r.timedOut, false, 'the CLI hung on a FIFO');
        assert.equal(r.status, 2);
        assert.match(r.stderr, /cannot read pipe\.md: not a regular file \(a named pipe\)/);
      }
      assert.ok(lstatSync(fifo).isFIFO(), 'the FIFO was replaced');
    });

    it('item 15: a device is refused', () => {
      const r = cli(['check', '/dev/zero'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /cannot read \/dev\/zero: not a regular file \(a device\)/);
    });

    it('item 15: a file over --max-file-size (default 2 000 000 bytes) is refused with its size', () => {
      writeFileSync(join(dir, 'big.md'), NOTES + 'x'.repeat(2_000_000));
      const r = cli(['check', 'big.md'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /cannot read big\.md: 2000058 bytes, more than the limit of 2000000 \(raise it with --max-file-size\)/);
      writeFileSync(join(dir, 'small.md'), NOTES);
      assert.match(cli(['check', '--max-file-size', '10', 'small.md'], dir).stderr, /more than the limit of 10/);
      assert.ok([0, 1].includes(cli(['check', '--max-file-size', '3000000', 'big.md'], dir).status!));
    });

    // A file read into a buffer of its size: one that holds more than its size says (a /proc file
    // reports 0 bytes; a file growing while read) is read whole, and refused once past the limit.
    it('item 15: a file holding more than its size says is read whole, and refused past the limit', () => {
      const proc = '/proc/self/status';
      assert.equal(statSync(proc).size, 0, 'a /proc file reports no size');
      const read = readNotesFile(proc);
      assert.ok(!('error' in read), 'error' in read ? read.error : '');
      assert.match(read.file.text, /^Name:\t.*\n[\s\S]*\nPid:\t\d+\n/, 'every line, not the first byte only');
      const limited = readNotesFile(proc, { maxBytes: 10 });
      assert.ok('error' in limited && /grew past the limit of 10 bytes while being read/.test(limited.error), JSON.stringify(limited));
    });

    it('a file name of 250 bytes can be fixed (the temporary name is short)', () => {
      const name = 'n'.repeat(247) + '.md';
      writeFileSync(join(dir, name), NOTES);
      const r = cli(['check', '--fix', name], dir);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.equal(readFileSync(join(dir, name), 'utf8'), FIXED);
      assert.deepEqual(readdirSync(dir), [name]);
    });
  });

  describe('item 5: an edit saved while --fix works is never lost', () => {
    it('a file changed after it was read is refused, and keeps the edit', () => {
      const path = join(dir, 'race.md');
      writeFileSync(path, NOTES);
      const read = readNotesFile(path);
      assert.ok(!('error' in read));
      // The same size and modification time, other content: only the content hash can tell.
      const { mtime } = statSync(path);
      const edited = NOTES.replace('s\n', 'z\n');
      writeFileSync(path, edited);
      utimesSync(path, mtime, mtime);
      const result = writeFixedFile(path, read, FIXED);
      assert.deepEqual(result, { error: 'the file changed since it was read (edited meanwhile?); not fixed, run again' });
      assert.equal(readFileSync(path, 'utf8'), edited);
      assert.deepEqual(readdirSync(dir), ['race.md']);
    });

    it('an unchanged file is written', () => {
      const path = join(dir, 'calm.md');
      writeFileSync(path, NOTES);
      const read = readNotesFile(path);
      assert.ok(!('error' in read));
      assert.deepEqual(writeFixedFile(path, read, FIXED), { ok: true });
      assert.equal(readFileSync(path, 'utf8'), FIXED);
    });
  });
});
