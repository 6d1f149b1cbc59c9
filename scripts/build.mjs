// Bundles the ESM-only unified/remark stack into CommonJS so the VS Code extension host and the
// command-line tool can both load it (the pattern of microsoft/vscode-extension-samples esbuild-sample),
// and a browser bundle for VS Code for the Web. Type-checking is `tsc --noEmit`, separately.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  format: 'cjs',
  target: 'es2022',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...common, platform: 'node', entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The web extension host has no Node: platform browser, and esbuild fails the build if anything
  // reaches for a Node built-in. It runs in a Web Worker, which has no DOM: the 'worker' condition
  // picks decode-named-character-reference's table over its document.createElement version.
  esbuild.build({ ...common, platform: 'browser', conditions: ['worker'], mainFields: ['browser', 'module', 'main'], entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, platform: 'node', entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The core alone, for the benchmark and for anyone who wants the analysis as a library.
  esbuild.build({ ...common, platform: 'neutral', mainFields: ['module', 'main'], entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js' }),
  // The integration tests: a runner and one bundle per test file (they run inside VS Code).
  esbuild.build({ ...common, platform: 'node', entryPoints: ['test/integration/index.ts', 'test/integration/extension.test.ts'],
    outdir: 'dist/test/integration', external: ['vscode'], logOverride: { 'require-resolve-not-external': 'silent' } }),
]);
