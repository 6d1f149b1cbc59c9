// The in-editor test runner: VS Code loads this file as extensionTestsPath and calls run(). It runs
// the bundled test files beside it with mocha. The same test files also run under
// @vscode/test-electron through .vscode-test.mjs on a desktop that can download VS Code.
import Mocha from 'mocha';
import { join } from 'node:path';
import { runMocha } from './runner/result-file.cjs';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60000 });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  // Loaded at run time (not bundled here): each test file is its own bundle, as test-electron wants.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(__dirname, 'extension.test.js'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(__dirname, 'large.test.js'));
  await runMocha(mocha);
}
