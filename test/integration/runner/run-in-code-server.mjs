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
// Exports runInCodeServer(); code-server itself is started by scripts/code-server/launch.mjs.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { RESULT_FILE_ENV, SCREENSHOT_REQUEST_ENV } = require('./result-file.cjs');
import {
  CODE_SERVER_VERSION, CodeServerMissingError, delay, findCodeServer, installCodeServer, remoteUri, startCodeServer, workbenchUrl,
} from '../../../scripts/code-server/launch.mjs';

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
 * @param {boolean} [o.web] run in the web worker extension host (see WEB_HOST)
 * @param {boolean} [o.verbose] also print code-server's own log and the browser console
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

  const stateDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'interview-notes-code-server-'));
  const web = o.web ? webHost(extension, tests, workspace) : null;
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
      env: { [RESULT_FILE_ENV]: resultFile, [SCREENSHOT_REQUEST_ENV]: screenshotRequest },
      settings: web?.settings,
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
    // The web worker host's console (the tests' output) reaches neither the workbench's log hook nor the page's console.
    if (web) page.on('worker', (worker) => worker.on('console', (m) => print(m.text())));
    if (o.verbose) page.on('console', (m) => print(`[browser ${m.type()}] ${m.text()}`));

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
          // And what else a user sees, for the tests (see pageState in result-file.cjs): view and
          // container titles (cut or not), where the keyboard focus is, welcome views, notifications.
          const state = await page.evaluate(() => {
            /* global document */
            const text = (e) => (e.textContent || '').trim();
            const cut = (e) => e.scrollWidth > e.clientWidth + 1;
            const titles = [...document.querySelectorAll('.part.sidebar .title-label h2, .part.sidebar .pane-header .title')]
              .map((e) => ({ text: text(e), cut: cut(e) }));
            const active = document.activeElement;
            const pane = active && active.closest('.pane');
            const focus = {
              inEditor: Boolean(active && active.closest('.editor-instance, .monaco-editor')),
              pane: pane ? text(pane.querySelector('.pane-header .title') || pane) : null,
            };
            const welcome = [...document.querySelectorAll('.welcome-view-content')].map((e) => e.innerText.trim());
            const notifications = [...document.querySelectorAll('.notification-list-item-message')].map(text);
            return { titles, focus, welcome, notifications };
          });
          fs.writeFileSync(`${screenshotRequest}.page.json`, JSON.stringify(state));
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
        web: { type: 'boolean' },
        verbose: { type: 'boolean' },
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
