#!/usr/bin/env node
// `npm run test:integration`: builds, copies the fixture workspace (and the seed notes from ../shared
// when present) into a temporary folder, and runs the integration suite inside a real VS Code
// (code-server + headless Chromium; see runner/run-in-code-server.mjs). Installs code-server first
// when it is missing. A screenshot of the seed notes lands in test-results/ (git-ignored).
// Then the browser build's subset (test/integration/web) in the web worker extension host of the
// same VS Code (runner --web), on a fresh copy of the fixtures; `--web-only` runs just that.
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
const webWorkspace = mkdtempSync(join(tmpdir(), 'interview-notes-web-workspace-'));
cpSync(join(root, 'test', 'fixtures', 'workspace'), webWorkspace, { recursive: true });
const webOnly = process.argv.includes('--web-only');

const started = Date.now();
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;
const inCodeServer = (...args) => run(process.execPath, [join(root, 'test/integration/runner/run-in-code-server.mjs'), '--install', '--extension', root, ...args]);
const built = run('npm', ['run', 'build', '--silent']);
let status = built;
if (built === 0 && !webOnly) {
  status = inCodeServer(
    '--tests', join(root, 'dist/test/integration/index.js'),
    '--workspace', workspace,
    '--screenshot', join(root, 'test-results', 'integration.png'),
    '--logs', join(root, 'test-results', 'code-server'),
    '--timeout', '300',
  );
}
if (built === 0) {
  const webStatus = inCodeServer(
    '--web',
    '--tests', join(root, 'dist/test/integration/web/index.js'),
    '--workspace', webWorkspace,
    '--screenshot', join(root, 'test-results', 'integration-web.png'),
    '--logs', join(root, 'test-results', 'code-server-web'),
    '--timeout', '180',
  );
  status ||= webStatus;
}
rmSync(workspace, { recursive: true, force: true });
rmSync(webWorkspace, { recursive: true, force: true });
console.log(`integration suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(status);
