// For a desktop machine that can download VS Code: `npm run build && npx @vscode/test-cli` runs the
// same integration test bundle under @vscode/test-electron (test-cli needs Node 22+). On this
// project's CI, which cannot download VS Code, `npm run test:integration` runs it in code-server.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  files: 'dist/test/integration/extension.test.js',
  workspaceFolder: 'test/fixtures/workspace',
  launchArgs: ['--disable-extensions'],
  mocha: { ui: 'bdd', timeout: 60000 },
});
