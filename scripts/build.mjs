// Bundles the ESM-only unified/remark stack into CommonJS so the VS Code extension host and the
// command-line tool can both load it (the pattern of microsoft/vscode-extension-samples esbuild-sample).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...common, platform: 'node', entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' } }),
  // The core alone, for the benchmark and for anyone who wants the analysis as a library.
  esbuild.build({ ...common, platform: 'neutral', mainFields: ['module', 'main'], entryPoints: ['src/core/index.ts'],
    outfile: 'dist/core.js' }),
]);
