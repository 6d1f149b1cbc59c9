#!/usr/bin/env node
// Runs the extension's integration tests inside a REAL VS Code (code-server, VS Code 1.100.x served
// to a browser) driven by headless Debian Chromium, with no display and no network. It stands in
// for @vscode/test-electron, which cannot download VS Code here.
//
//   node test/integration/runner/run-in-code-server.mjs \
//     --extension .  --tests dist/test/integration/index.js  --workspace test/fixtures/workspace \
//     [--screenshot test-results/integration.png] [--timeout 300] [--logs test-results/code-server] \
//     [--install] [--verbose] [--keep] [--web]
//
// Install first (idempotent, ~1 min on a fresh machine): bash scripts/code-server/install.sh
// (--install does it when code-server is missing).
//
// What happens: code-server is started on 127.0.0.1 with a random port and every piece of state
// (user data, extensions, config, XDG_*, TMPDIR) in a fresh temp folder; Chromium opens the workbench
// with the workspace folder and a payload making the extension at --extension the extension under
// development and --tests the extensionTestsPath. VS Code then loads --tests in the (remote, Node)
// extension host and calls its exported run(): Promise<void>.
//
// THE CONVENTION for the --tests file (see result-file.cjs, which implements it):
//   - it is a CommonJS file exporting `run(): Promise<void>`; run() resolves when all tests passed
//     and rejects when any failed;
//   - before run() settles it writes JSON {passed, failed, pending, failures: [{title, error, stack}]}
//     to the path in env INTERVIEW_NOTES_RESULT_FILE (result-file.cjs: runMocha(mocha) does both);
//   - it may ask for a screenshot at a moment of its choosing with requestScreenshot(label) from
//     result-file.cjs (env INTERVIEW_NOTES_SCREENSHOT_REQUEST).
// The run passes only if: the workbench reports exit code 0 (its codeAutomationExit hook), the result
// file exists with failed = 0 and passed > 0, and no extension host process died abnormally (the
// workbench also reports 0 when the extension host crashes, hence the other two checks).
//
// Output: the workbench's log (test output included: console.log in the extension host arrives here)
// is forwarded to stdout; the last line is "integration: N passed, N failed" when a result exists.
// Exit status: 0 passed; 1 tests failed / extension host crashed / timed out / no result; 2 usage
// error or code-server not installed. Logs (server log, extension host log, browser-side logs) are
// copied to --logs if given; without --logs the state folder is kept on failure and its path printed.
//
// --web runs the extension and the tests in the browser's web worker extension host instead (the
// extension's "browser" entry, as VS Code for the Web runs it); see WEB_HOST below for how and what
// changes in the convention.
//
// Also exports startCodeServer() (used by scripts/start.mjs) and runInCodeServer().
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { RESULT_FILE_ENV, SCREENSHOT_REQUEST_ENV } = require('./result-file.cjs');

export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.100.3';
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const INSTALL_SCRIPT = path.join(REPO_ROOT, 'scripts/code-server/install.sh');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];
// Workbench chatter that comes through the same log hook as the tests' output; dropped unless --verbose.
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token /,
  /^Creating a socket \(/,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^Updating additional builtin extensions cache$/,
  /^\[Service Worker\] registered$/,
  /^ChatSessionStore: Migrating 0 chat sessions/,
];
// Every process of one code-server run carries this variable, so strays (e.g. terminal processes in
// their own session) can be found and ended after the run, and only ours.
const RUN_TAG_ENV = 'INTERVIEW_NOTES_CODE_SERVER_RUN';

export class CodeServerMissingError extends Error {}
export class UsageError extends Error {}

// WEB_HOST (--web): the extension under development and its tests in the browser's web worker
// extension host. The workbench payload's `extensionDevelopmentKind` would be the way, but VS Code
// 1.100's web workbench only parses it (as extensionDevelopmentLocationKind): the running-location
// tracker asks for `extensionDevelopmentKind`, which only the desktop environment service has. What
// the web workbench does honour is the user setting remote.extensionKind (extension id -> kinds):
// ["web"] puts the extension, scanned on code-server's side, into the local web worker host, which
// loads its "browser" entry. VS Code runs extensionTestsPath in the host of the extension whose
// folder holds it, so the tests must lie inside --extension, as one browser bundle (the worker's
// require knows only vscode). A worker has no process.env and no disk: the tests write their result
// (same JSON as result-file.cjs) with vscode.workspace.fs into the open folder as WEB_RESULT_FILE
// (test/integration/web/index.ts); it is read from there and deleted.
const WEB_RESULT_FILE = '.interview-notes-web-result.json';

function webHost(extension, tests, workspace) {
  if (workspace.endsWith('.code-workspace')) throw new UsageError('--web needs a folder as --workspace (the tests write their result into it)');
  if (!tests.startsWith(`${extension}${path.sep}`)) throw new UsageError('--web needs --tests inside --extension (VS Code runs them in that extension\'s host)');
  const manifest = JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8'));
  if (!manifest.browser) throw new UsageError(`--web: ${extension}/package.json has no "browser" entry`);
  const resultFile = path.join(workspace, WEB_RESULT_FILE);
  fs.rmSync(resultFile, { force: true }); // a stale result must not pass for this run's
  return { resultFile, settings: { 'remote.extensionKind': { [`${manifest.publisher}.${manifest.name}`]: ['web'] } } };
}

/** Where install.sh puts code-server; throws CodeServerMissingError when it is not (completely) there. */
export function findCodeServer() {
  let pkg;
  if (process.env.CODE_SERVER_DIR) {
    pkg = path.resolve(process.env.CODE_SERVER_DIR);
  } else {
    const cacheRoot = process.env.INTERVIEW_NOTES_CACHE || path.join(os.homedir(), '.cache', 'interview-notes');
    const dest = path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
    pkg = path.join(dest, 'node_modules', 'code-server');
    if (!fs.existsSync(path.join(dest, '.install-complete'))) {
      throw new CodeServerMissingError(`code-server ${CODE_SERVER_VERSION} is not installed in ${dest}: run \`bash scripts/code-server/install.sh\` first`);
    }
  }
  const entry = path.join(pkg, 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) {
    throw new CodeServerMissingError(`code-server not found at ${pkg}: run \`bash scripts/code-server/install.sh\` first`);
  }
  return { pkg, entry };
}

/** Runs install.sh (inherits stderr for its progress) and returns the package folder it prints. */
export function installCodeServer() {
  const r = spawnSync('bash', [INSTALL_SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${INSTALL_SCRIPT} failed (exit ${r.status ?? r.signal})`);
  return r.stdout.trim().split('\n').pop();
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** Sends `signal` to every process (not us) whose environment has RUN_TAG_ENV=tag. Linux only. */
function signalTagged(tag, signal) {
  const needle = Buffer.from(`\0${RUN_TAG_ENV}=${tag}\0`);
  let entries;
  try { entries = fs.readdirSync('/proc'); } catch { return; }
  for (const name of entries) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const env = Buffer.concat([Buffer.from('\0'), fs.readFileSync(`/proc/${name}/environ`), Buffer.from('\0')]);
      if (env.includes(needle)) process.kill(Number(name), signal);
    } catch { /* gone, or not ours to read */ }
  }
}

/**
 * Starts code-server on `host:port` (port 0 = any free port) with all state in `stateDir` (a fresh
 * temp folder by default). Resolves once it listens.
 * @param {object} o
 * @param {string} [o.host] default 127.0.0.1
 * @param {number} [o.port] default 0
 * @param {string} [o.stateDir] default: a new folder in os.tmpdir()
 * @param {Record<string,string>} [o.env] extra environment (the extension host inherits it)
 * @param {string[]} [o.extraArgs] more code-server arguments (e.g. a folder to open)
 * @param {Record<string, unknown>} [o.settings] user settings on top of the defaults below
 * @param {(line: string) => void} [o.onLine] every line code-server prints
 * @returns {Promise<{origin: string, host: string, port: number, stateDir: string, userDataDir: string,
 *   extensionsDir: string, logFile: string, child: import('node:child_process').ChildProcess,
 *   exited: Promise<{code: number|null, signal: string|null}>, onLine: (cb: (line: string) => void) => void,
 *   stop: () => Promise<void>}>}
 */
export async function startCodeServer(o = {}) {
  const { entry } = findCodeServer();
  const host = o.host ?? '127.0.0.1';
  const stateDir = o.stateDir ?? await fsp.mkdtemp(path.join(os.tmpdir(), 'interview-notes-code-server-'));
  const dirs = {
    userDataDir: path.join(stateDir, 'user-data'),
    extensionsDir: path.join(stateDir, 'extensions'),
    xdgConfig: path.join(stateDir, 'xdg', 'config'),
    xdgData: path.join(stateDir, 'xdg', 'data'),
    xdgCache: path.join(stateDir, 'xdg', 'cache'),
    xdgState: path.join(stateDir, 'xdg', 'state'),
    tmp: path.join(stateDir, 'tmp'),
  };
  for (const d of Object.values(dirs)) await fsp.mkdir(d, { recursive: true });
  const configFile = path.join(stateDir, 'config.yaml');
  if (!fs.existsSync(configFile)) {
    await fsp.writeFile(configFile, `bind-addr: ${host}:0\nauth: none\ncert: false\n`);
  }
  const userSettings = path.join(dirs.userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(userSettings)) {
    await fsp.mkdir(path.dirname(userSettings), { recursive: true });
    await fsp.writeFile(userSettings, `${JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'security.workspace.trust.enabled': false,
      'git.enabled': false,
      'window.commandCenter': false,
      ...o.settings,
    }, null, 2)}\n`);
  }
  const logFile = path.join(stateDir, 'code-server.log');
  const log = fs.createWriteStream(logFile);

  const env = { ...process.env };
  // Variables that would change what code-server does: it reads PORT, PASSWORD, HASHED_PASSWORD;
  // a parent VS Code's variables confuse its CLI; a loader in NODE_OPTIONS would load in the servers.
  for (const k of Object.keys(env)) {
    if (/^(VSCODE_|ELECTRON_)/.test(k) || ['PORT', 'PASSWORD', 'HASHED_PASSWORD', 'NODE_OPTIONS', 'CODE_SERVER_CONFIG'].includes(k)) delete env[k];
  }
  Object.assign(env, {
    XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData, XDG_CACHE_HOME: dirs.xdgCache,
    XDG_STATE_HOME: dirs.xdgState, TMPDIR: dirs.tmp,
    EXTENSIONS_GALLERY: '{}', // no marketplace: nothing is fetched from outside
    [RUN_TAG_ENV]: stateDir,
    ...o.env,
  });
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `${host}:${o.port ?? 0}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userDataDir,
    '--extensions-dir', dirs.extensionsDir,
    '--config', configFile,
    '--ignore-last-opened',
    ...(o.extraArgs ?? []),
  ];
  // detached: own process group, so stop() can end the server and its extension host together.
  const child = spawn(process.execPath, args, { cwd: stateDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const listeners = o.onLine ? [o.onLine] : [];
  const tail = [];
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      log.write(chunk);
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        tail.push(line);
        if (tail.length > 40) tail.shift();
        for (const l of listeners) l(line);
      }
    });
  }

  let stopped = false;
  const killGroup = (signal) => { try { process.kill(-child.pid, signal); } catch { /* already gone */ } };
  const onExitSync = () => { killGroup('SIGKILL'); signalTagged(stateDir, 'SIGKILL'); };
  process.once('exit', onExitSync);
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExitSync);
    if (child.exitCode === null && child.signalCode === null) {
      killGroup('SIGTERM');
      await Promise.race([exited, delay(5000)]);
    }
    killGroup('SIGKILL'); // whatever of the group is left (e.g. an extension host)
    signalTagged(stateDir, 'SIGKILL'); // and tagged processes outside it (terminals run in own sessions)
    await new Promise((r) => log.end(r));
  };

  const listening = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('code-server did not start listening within 60 s')), 60000);
    function done(err, value) {
      clearTimeout(timer);
      const i = listeners.indexOf(watch);
      if (i >= 0) listeners.splice(i, 1);
      if (err) reject(err); else resolve(value);
    }
    function watch(line) {
      const m = /HTTP server listening on (https?):\/\/([^/\s]+?):(\d+)\/?\s*$/.exec(line);
      if (m) done(null, { port: Number(m[3]) });
    }
    listeners.push(watch);
    exited.then(({ code, signal }) => done(new Error(`code-server exited (code ${code}, signal ${signal}) before listening:\n${tail.join('\n')}`)));
  }).catch(async (err) => { await stop(); throw err; });

  return {
    origin: `http://${host}:${listening.port}`,
    host,
    port: listening.port,
    stateDir,
    ...dirs,
    logFile,
    child,
    exited,
    onLine: (cb) => listeners.push(cb),
    stop,
  };
}

/** The workbench URL opening `folder` (or a .code-workspace file) with a payload (array of [key, value]). */
export function workbenchUrl(origin, folder, payload = []) {
  const u = new URL('/', origin);
  if (folder) u.searchParams.set(folder.endsWith('.code-workspace') ? 'workspace' : 'folder', folder);
  if (payload.length) u.searchParams.set('payload', JSON.stringify(payload));
  return u.href;
}

/** vscode-remote URI of a path on the code-server machine, as the workbench payload needs it. */
export function remoteUri(server, p) {
  return `vscode-remote://${server.host}:${server.port}${path.resolve(p).split(path.sep).map(encodeURIComponent).join('/')}`;
}

async function loadPlaywright() {
  try {
    return require('playwright-core');
  } catch {
    throw new CodeServerMissingError('playwright-core is not installed in the repository (npm ci)');
  }
}

/**
 * Runs the tests. Returns { exitCode, result, reason } (never throws for test failures).
 * @param {object} o
 * @param {string} o.extension extensionDevelopmentPath (folder with the extension's package.json)
 * @param {string} o.tests extensionTestsPath (CommonJS file exporting run())
 * @param {string} o.workspace folder (or .code-workspace file) to open
 * @param {string} [o.screenshot] PNG path
 * @param {number} [o.timeoutMs] default 300000
 * @param {string} [o.logs] folder to copy all logs into
 * @param {boolean} [o.keep] keep the state folder
 * @param {boolean} [o.verbose] also print code-server's own log and the browser console
 * @param {boolean} [o.web] run in the web worker extension host (see WEB_HOST)
 * @param {(line: string) => void} [o.print] default: stdout
 */
export async function runInCodeServer(o) {
  const print = o.print ?? ((line) => process.stdout.write(`${line}\n`));
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const extension = path.resolve(o.extension);
  const tests = path.resolve(o.tests);
  const workspace = path.resolve(o.workspace);
  if (!fs.existsSync(path.join(extension, 'package.json'))) throw new UsageError(`--extension ${extension}: no package.json there`);
  if (!fs.existsSync(tests)) throw new UsageError(`--tests ${tests}: no such file (build the tests first)`);
  if (!fs.existsSync(workspace)) throw new UsageError(`--workspace ${workspace}: no such folder`);
  const timeoutMs = o.timeoutMs ?? 300000;
  findCodeServer(); // fail fast with the one-line message
  const { chromium } = await loadPlaywright();

  const web = o.web ? webHost(extension, tests, workspace) : null;
  const stateDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'interview-notes-code-server-'));
  const resultFile = web ? web.resultFile : path.join(stateDir, 'result.json');
  const screenshotRequest = path.join(stateDir, 'screenshot-request');

  const extHostExits = [];   // { pid, code, signal, resultExisted }
  let onExtHostExit = () => {};
  let server;
  let browser;
  let screenshotsTaken = 0;
  let reason = null;
  let result = null;
  let exitCode;
  let browserLogs = [];
  try {
    server = await startCodeServer({
      stateDir,
      settings: web?.settings,
      env: { [RESULT_FILE_ENV]: resultFile, [SCREENSHOT_REQUEST_ENV]: screenshotRequest },
      onLine: (line) => {
        if (o.verbose) print(`[code-server] ${line}`);
        const m = /<(\d+)> Extension Host Process exited with code: (\S+), signal: (\S+?)\.?\s*$/.exec(line);
        if (m) {
          const e = { pid: Number(m[1]), code: m[2] === 'null' ? null : Number(m[2]), signal: m[3] === 'null' ? null : m[3], resultExisted: fs.existsSync(resultFile) };
          extHostExits.push(e);
          onExtHostExit(e);
        }
      },
    });
    print(`[runner] code-server ${CODE_SERVER_VERSION} listening on ${server.origin} (${elapsed()}); state in ${stateDir}`);

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();

    let resolveExit;
    const exitHookPromise = new Promise((r) => { resolveExit = r; });
    await page.exposeFunction('codeAutomationLog', (level, message) => {
      const text = Array.isArray(message) ? message.join(' ') : String(message);
      if (!o.verbose && level === 'info' && WORKBENCH_NOISE.some((re) => re.test(text))) return;
      print(level === 'info' ? text : `[${level}] ${text}`);
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      if (Array.isArray(logs)) browserLogs = logs;
      resolveExit(Number(code));
    });
    page.on('pageerror', (err) => print(`[page error] ${err.message}`));
    if (o.verbose) page.on('console', (m) => print(`[browser ${m.type()}] ${m.text()}`));
    // The web worker host's console (the tests' output) reaches neither the workbench's log hook nor the page's console.
    if (web) page.on('worker', (worker) => worker.on('console', (m) => print(m.text())));

    const takeScreenshot = async (label) => {
      if (!o.screenshot) return;
      const file = label ? o.screenshot.replace(/(\.png)?$/i, `-${label.replace(/[^\w.-]+/g, '_')}.png`) : o.screenshot;
      await fsp.mkdir(path.dirname(path.resolve(file)), { recursive: true });
      await page.screenshot({ path: file });
      screenshotsTaken++;
      print(`[runner] screenshot: ${file}`);
    };

    const url = workbenchUrl(server.origin, workspace, [
      ['extensionDevelopmentPath', remoteUri(server, extension)],
      ['extensionTestsPath', remoteUri(server, tests)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]);
    if (o.verbose) print(`[runner] opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded' });

    // Wait for: the exit hook, an extension host dying abnormally, code-server exiting, the page
    // crashing, or the timeout; serve screenshot requests meanwhile.
    const outcome = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
      let busy = false;
      const poll = setInterval(async () => {
        if (busy || !fs.existsSync(screenshotRequest)) return;
        busy = true;
        try {
          const label = fs.readFileSync(screenshotRequest, 'utf8').trim();
          await takeScreenshot(label);
          // What the page shows, for the tests to assert on: the labels of every tree and list row.
          const rows = await page.$$eval('.monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') || e.textContent || ''));
          fs.writeFileSync(`${screenshotRequest}.rows.json`, JSON.stringify(rows));
        } catch (err) {
          print(`[runner] screenshot failed: ${err.message}`);
        } finally {
          fs.rmSync(screenshotRequest, { force: true });
          busy = false;
        }
      }, 100);
      const done = (v) => { clearTimeout(timer); clearInterval(poll); resolve(v); };
      exitHookPromise.then((code) => done({ kind: 'exit', code }));
      onExtHostExit = (e) => {
        if (e.signal !== null || !e.resultExisted) {
          // give the workbench a moment to report, for its logs; the crash decides anyway
          setTimeout(() => done({ kind: 'crash', exit: e }), 1500);
        }
      };
      server.exited.then(({ code, signal }) => done({ kind: 'server-exit', code, signal }));
      page.on('crash', () => done({ kind: 'page-crash' }));
    });

    let unreadable = null;
    if (fs.existsSync(resultFile)) {
      try { result = JSON.parse(fs.readFileSync(resultFile, 'utf8')); } catch (err) { unreadable = `unreadable result file: ${err.message}`; }
    }
    if (outcome.kind === 'exit' && !web) {
      // The extension host exits right after reporting: make sure it did so normally.
      const deadline = Date.now() + 3000;
      while (!extHostExits.length && Date.now() < deadline) await delay(50);
    }
    // Abnormal extension host exits: killed by a signal, or a non-zero exit code while the workbench
    // says 0 (after the tests the remote extension host exits with 0 whether they passed or not).
    const hookCode = outcome.kind === 'exit' ? outcome.code : null;
    const crash = extHostExits.find((e) => e.signal !== null || (e.code !== 0 && e.code !== null && hookCode === 0));
    if (outcome.kind === 'timeout') reason = `timed out after ${timeoutMs / 1000} s`;
    else if (outcome.kind === 'server-exit') reason = `code-server exited (code ${outcome.code}, signal ${outcome.signal})`;
    else if (outcome.kind === 'page-crash') reason = 'the browser page crashed';
    else if (crash) reason = `the extension host crashed (pid ${crash.pid}, exit code ${crash.code}, signal ${crash.signal}${crash.resultExisted ? '' : ', before the tests wrote their result'})`;
    else if (unreadable) reason = unreadable;
    else if (!result) {
      reason = hookCode !== null && hookCode !== 0
        ? `the tests failed without writing a result (workbench exit code ${hookCode}; the error is printed above)`
        : `the extension host ended without the tests writing a result (a crash, or ${path.basename(tests)} does not use result-file.cjs)`;
    } else if (result && result.failed > 0) reason = `${result.failed} test(s) failed`;
    else if (result && !(result.passed > 0)) reason = 'no test ran';
    else if (hookCode !== 0) reason = `the workbench reported exit code ${hookCode}`;
    exitCode = reason ? 1 : 0;
    if (o.verbose) print(`[runner] outcome ${JSON.stringify(outcome)}, extension host exits ${JSON.stringify(extHostExits)}`);

    if (o.screenshot && screenshotsTaken === 0) {
      try { await takeScreenshot(''); } catch (err) { print(`[runner] screenshot failed: ${err.message}`); }
    }
  } catch (err) {
    reason = err instanceof CodeServerMissingError ? err.message : `runner error: ${err.stack || err}`;
    exitCode = err instanceof CodeServerMissingError ? 2 : 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
    if (web) fs.rmSync(web.resultFile, { force: true });
  }

  // Logs: copy them out, or keep the state folder on failure.
  let logsWhere = null;
  if (o.logs) {
    try {
      const dest = path.resolve(o.logs);
      await fsp.rm(dest, { recursive: true, force: true });
      await fsp.mkdir(dest, { recursive: true });
      if (fs.existsSync(path.join(stateDir, 'code-server.log'))) await fsp.copyFile(path.join(stateDir, 'code-server.log'), path.join(dest, 'code-server.log'));
      if (fs.existsSync(path.join(stateDir, 'user-data', 'logs'))) await fsp.cp(path.join(stateDir, 'user-data', 'logs'), path.join(dest, 'server'), { recursive: true });
      if (result) await fsp.writeFile(path.join(dest, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
      for (const { relativePath, contents } of browserLogs) {
        const f = path.join(dest, 'browser', path.normalize(String(relativePath)).replace(/^(\.\.[/\\])+/, ''));
        await fsp.mkdir(path.dirname(f), { recursive: true });
        await fsp.writeFile(f, String(contents));
      }
      logsWhere = dest;
    } catch (err) {
      print(`[runner] could not copy logs: ${err.message}`);
    }
  }
  if (o.keep || (exitCode !== 0 && !logsWhere)) {
    logsWhere ??= stateDir;
  } else {
    await fsp.rm(stateDir, { recursive: true, force: true }).catch(() => {});
  }

  if (result?.failures?.length) {
    print('');
    print('Failures:');
    result.failures.forEach((f, i) => print(`  ${i + 1}) ${f.title}\n     ${String(f.error).split('\n').join('\n     ')}`));
  }
  let extHostLog = `${logsWhere === stateDir ? 'user-data/logs' : 'server'}/*/exthost1/remoteexthost.log is the extension host's`;
  // The web worker host logs in the browser: its log comes with the workbench's exit hook, kept with --logs.
  if (web) extHostLog = logsWhere === stateDir ? 'the web worker host\'s log is kept only with --logs' : 'browser/exthost/webWorker/workerexthost.log is the extension host\'s';
  if (logsWhere) print(`[runner] logs: ${logsWhere} (code-server.log; ${extHostLog})`);
  print(`[runner] ${exitCode === 0 ? 'PASSED' : `FAILED: ${reason}`} in ${elapsed()}`);
  if (result) print(`${web ? 'web' : 'integration'}: ${result.passed ?? 0} passed, ${result.failed ?? 0} failed${result.pending ? `, ${result.pending} skipped` : ''}`);
  return { exitCode, result, reason };
}


async function main(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        extension: { type: 'string' },
        tests: { type: 'string' },
        workspace: { type: 'string' },
        screenshot: { type: 'string' },
        timeout: { type: 'string' },
        logs: { type: 'string' },
        install: { type: 'boolean' },
        keep: { type: 'boolean' },
        verbose: { type: 'boolean' },
        web: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    process.stderr.write(`run-in-code-server: ${err.message}\n`);
    return 2;
  }
  if (values.help) {
    const text = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0];
    process.stdout.write(`${text.replace(/^#!.*\n/, '').replace(/^\/\/ ?/gm, '')}\n`);
    return 0;
  }
  for (const k of ['extension', 'tests', 'workspace']) {
    if (!values[k]) { process.stderr.write(`run-in-code-server: --${k} is required (see --help)\n`); return 2; }
  }
  const timeoutMs = values.timeout ? Number(values.timeout) * 1000 : undefined;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) { process.stderr.write('run-in-code-server: --timeout takes seconds\n'); return 2; }
  try {
    try {
      findCodeServer();
    } catch (err) {
      if (!(err instanceof CodeServerMissingError) || !values.install) throw err;
      installCodeServer();
    }
    const { exitCode } = await runInCodeServer({ ...values, timeoutMs });
    return exitCode;
  } catch (err) {
    if (err instanceof CodeServerMissingError || err instanceof UsageError) {
      process.stderr.write(`run-in-code-server: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  // Ctrl-C / CI cancellation: the 'exit' handlers installed by startCodeServer end the server group.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(sig, () => process.exit(130));
  main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
    process.stderr.write(`run-in-code-server: ${err.stack || err}\n`);
    process.exit(1);
  });
}
