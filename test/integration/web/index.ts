// The in-editor test runner for the browser build: VS Code loads this file (bundled for the browser
// with the tests, mocha and chai into dist/test/integration/web/index.js) as extensionTestsPath in
// the web worker extension host, and calls run(). `run-in-code-server.mjs --web` drives it.
//
// A web worker has no process.env and no disk, so result-file.cjs cannot be used here. The result
// goes through vscode.workspace.fs into the open folder (WEB_RESULT_FILE), that is through VS Code's
// remote file system onto the server's disk, where the runner reads it as it reads the Node suite's.
// Chosen over a marked console line, which would depend on the browser reporting the console of a
// worker inside the extension host's iframe and on the line arriving before the worker is ended;
// the file is written and awaited before run() settles.
import 'mocha/mocha.js'; // mocha's browser build; it sets the global `mocha` (it supports workers)
import * as vscode from 'vscode';

/** In the open folder; run-in-code-server.mjs reads (and then deletes) it under the same name. */
const WEB_RESULT_FILE = '.interview-notes-web-result.json';

interface Failure { title: string; error: string; stack?: string }

async function writeResult(result: { passed: number; failed: number; pending: number; failures: Failure[] }): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open to write the result into');
  const text = `${JSON.stringify(result, null, 2)}\n`;
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, WEB_RESULT_FILE), new TextEncoder().encode(text));
}

/**
 * Mocha's reporters log format strings (console.log('%s passing (%s)', n, time)); the worker's console
 * reaches the runner with its arguments joined and the format not applied, and a worker has no
 * util.format: substitute mocha's %s and %d here.
 */
function logFormatted(format?: unknown, ...args: unknown[]): void {
  const text = typeof format === 'string' ? format.replace(/%[sd%]/g, (m) => (m === '%%' ? '%' : String(args.shift()))) : String(format ?? '');
  console.log([text, ...args].join(' '));
}

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60000 });
  Mocha.reporters.Base.consoleLog = logFormatted;
  await import('./web-host.test');
  const failures: Failure[] = [];
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
    // 'fail' is also emitted for failing hooks (before/after...), which count as failures here.
    runner.on('fail', (test, err: Error) => failures.push({ title: test.fullTitle(), error: String(err?.message ?? err), stack: err?.stack }));
  });
  await writeResult({ passed: stats.passes, failed: failures.length, pending: stats.pending, failures });
  if (failures.length > 0) throw new Error(`${failures.length} of ${stats.passes + failures.length} tests failed`);
}
