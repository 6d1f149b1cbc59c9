// Installs, finds and starts code-server (a real VS Code served to a browser), with every piece of
// state in one folder. Shared by `npm start` (scripts/start.mjs) and the integration test runner
// (test/integration/runner/run-in-code-server.mjs), which drives it with headless Chromium.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.100.3';
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const INSTALL_SCRIPT = path.join(REPO_ROOT, 'scripts/code-server/install.sh');
// Every process of one code-server run carries this variable, so strays (e.g. terminal processes in
// their own session) can be found and ended after the run, and only ours.
const RUN_TAG_ENV = 'INTERVIEW_NOTES_CODE_SERVER_RUN';

export class CodeServerMissingError extends Error {}

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

export const delay = (ms) => new Promise((r) => setTimeout(r, ms));

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
