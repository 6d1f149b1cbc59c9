#!/usr/bin/env node
// `npm start`: the extension running in a real VS Code (code-server) in your browser.
//   1. installs code-server and the Debian packages it needs if missing (scripts/code-server/install.sh),
//   2. builds (npm run build),
//   3. starts code-server on 127.0.0.1:$PORT (default 8080, or the next free port up to 8099 when
//      PORT is not set), with this repository as the extension under development and examples/ open,
//   4. prints the URL to open, and runs until Ctrl-C, rebuilding the bundles whenever a source file
//      changes (scripts/build.mjs --watch, as npm run watch): "Developer: Reload Window" in the browser
//      then loads the new bundle (the extension under development is read from dist/ at each load).
//
// Options: --no-build   skip step 2
//          --no-watch   do not rebuild on changes
//          --fresh      forget the previous session's VS Code state (settings, open editors)
// Env:     PORT, HOST (default 127.0.0.1; code-server runs with --auth none, so keep it on loopback)
// State (settings, logs) lives in ${INTERVIEW_NOTES_CACHE:-~/.cache/interview-notes}/start-state.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeServerMissingError, findCodeServer, installCodeServer, remoteUri, startCodeServer, workbenchUrl,
} from './code-server/launch.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const host = process.env.HOST || '127.0.0.1';

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ host, port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

async function choosePort() {
  if (process.env.PORT) {
    const port = Number(process.env.PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT=${process.env.PORT} is not a port number`);
    if (port !== 0 && !(await portFree(port))) throw new Error(`port ${port} (from PORT) is in use on ${host}`);
    return port;
  }
  for (let port = 8080; port <= 8099; port++) if (await portFree(port)) return port;
  return 0;
}

// 1. install
try {
  findCodeServer();
} catch (err) {
  if (!(err instanceof CodeServerMissingError)) throw err;
  console.log('code-server is not installed yet: installing (about a minute)...');
  installCodeServer();
}

// 2. build
if (!args.has('--no-build')) {
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// 3. start (and rebuild on changes)
const watcher = args.has('--no-watch') ? undefined : spawn(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--watch'], { cwd: root, stdio: 'inherit' });
const cacheRoot = process.env.INTERVIEW_NOTES_CACHE || path.join(os.homedir(), '.cache', 'interview-notes');
const stateDir = path.join(cacheRoot, 'start-state');
if (args.has('--fresh')) fs.rmSync(stateDir, { recursive: true, force: true });
fs.mkdirSync(stateDir, { recursive: true });
const examples = path.join(root, 'examples');
const server = await startCodeServer({
  host,
  port: await choosePort(),
  stateDir,
  onLine: (line) => { if (/error|Extension Host Process exited/i.test(line)) console.log(`[code-server] ${line}`); },
});
const url = workbenchUrl(server.origin, examples, [
  ['extensionDevelopmentPath', remoteUri(server, root)],
  ['skipWelcome', 'true'],
  ['skipReleaseNotes', 'true'],
]);

// 4. print and wait
console.log('');
console.log(`VS Code (code-server) with the extension loaded, ${path.relative(root, examples) || '.'}/ open:`);
console.log('');
console.log(`  ${url}`);
console.log('');
console.log(`Logs: ${server.logFile} and ${path.join(server.userDataDir, 'logs')}. Ctrl-C to stop.`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping code-server...');
  watcher?.kill();
  await server.stop();
  process.exit(0);
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, shutdown);
const { code, signal } = await server.exited;
if (!stopping) {
  console.error(`code-server exited unexpectedly (code ${code}, signal ${signal}); see ${server.logFile}`);
  watcher?.kill();
  await server.stop();
  process.exit(1);
}
