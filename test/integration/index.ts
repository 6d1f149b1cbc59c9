// The in-editor test runner: VS Code loads this file as extensionTestsPath and calls run(). It runs
// the bundled test files beside it with mocha. The same test files also run under
// @vscode/test-electron through .vscode-test.mjs on a desktop that can download VS Code.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runMocha } from './runner/result-file.cjs';

export async function run(): Promise<void> {
  // INTEGRATION_GREP=stall npm run test:integration runs only the tests whose titles match.
  const grep = process.env.INTEGRATION_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60000, ...(grep ? { grep } : {}) });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  // Loaded at run time (not bundled here): each test file is its own bundle, as test-electron wants.
  // Every test bundle beside this file (scripts/build.mjs builds each test/integration/*.test.ts).
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(join(__dirname, file));
  }
  await runMocha(mocha);
}
