#!/usr/bin/env node
// `npm run test:integration`: builds, copies the fixture workspace (and the seed notes from ../shared
// when present) into a temporary folder, and runs the integration suite inside a real VS Code
// (code-server + headless Chromium; see runner/run-in-code-server.mjs). Installs code-server first
// when it is missing. A screenshot of the seed notes lands in test-results/ (git-ignored).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const seed = resolve(root, '..', 'shared', 'examples', 'seed-notes.md');
const workspace = mkdtempSync(join(tmpdir(), 'interview-notes-workspace-'));
cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
if (existsSync(seed)) cpSync(seed, join(workspace, 'seed-notes.md'));

const started = Date.now();
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;
let status = run('npm', ['run', 'build', '--silent']);
if (status === 0) {
  status = run(process.execPath, [
    join(root, 'test/integration/runner/run-in-code-server.mjs'),
    '--install',
    '--extension', root,
    '--tests', join(root, 'dist/test/integration/index.js'),
    '--workspace', workspace,
    '--screenshot', join(root, 'test-results', 'integration.png'),
    '--logs', join(root, 'test-results', 'code-server'),
    '--timeout', '300',
  ]);
}
rmSync(workspace, { recursive: true, force: true });
console.log(`integration suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(status);
