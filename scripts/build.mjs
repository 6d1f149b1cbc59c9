// Bundles the ESM-only unified/remark stack into CommonJS so the VS Code extension host and the
// command-line tool can both load it (the pattern of microsoft/vscode-extension-samples esbuild-sample),
// and a browser bundle for VS Code for the Web. Type-checking is `tsc --noEmit`, separately.
//   node scripts/build.mjs [--production] [--watch]
// --watch (npm run watch) rebuilds on every change and says so; in a running VS Code, "Developer:
// Reload Window" loads the new bundle (npm start runs this watch for you).
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  format: 'cjs',
  target: 'es2022',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  // Models are plain in the bundles, frozen in the sources the unit tests run (src/core/freeze.ts).
  define: { INTERVIEW_NOTES_FREEZE_MODELS: 'false' },
};

const builds = [
  { ...common, platform: 'node', entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The web extension host has no Node: platform browser, and esbuild fails the build if anything
  // reaches for a Node built-in. It runs in a Web Worker, which has no DOM: the 'worker' condition
  // picks decode-named-character-reference's table over its document.createElement version.
  { ...common, platform: 'browser', conditions: ['worker'], mainFields: ['browser', 'module', 'main'], entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'], plugins: [webTwin(/[/\\]practice-file\.js$/)] },
  { ...common, platform: 'node', entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The core alone, for the benchmark and for anyone who wants the analysis as a library.
  { ...common, platform: 'neutral', mainFields: ['module', 'main'], entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js' },
  // The integration tests: a runner and one bundle per test file (they run inside VS Code).
  // Every test/integration/*.test.ts, so a new test file needs no line here (index.ts runs them all).
  { ...common, platform: 'node', entryPoints: ['test/integration/index.ts', ...readdirSync(new URL('../test/integration/', import.meta.url)).filter((f) => f.endsWith('.test.ts')).sort().map((f) => `test/integration/${f}`)],
    outdir: 'dist/test/integration', external: ['vscode'], logOverride: { 'require-resolve-not-external': 'silent' } },
  // The browser build's integration tests, for the web worker extension host: one bundle with its
  // runner, mocha's browser build and chai (the worker's require knows only vscode).
  { ...common, platform: 'browser', entryPoints: ['test/integration/web/index.ts'], outfile: 'dist/test/integration/web/index.js',
    external: ['vscode'], plugins: [umdAsCommonJs(/^mocha\/mocha\.js$/)] },
];

if (watch) {
  // Says when a bundle was rebuilt, so whoever runs the window knows to reload it.
  const announce = (name) => ({
    name: 'announce',
    setup(build) {
      let first = true;
      build.onEnd((result) => {
        const out = build.initialOptions.outfile ?? build.initialOptions.outdir;
        const initial = first;
        first = false;
        if (result.errors.length === 0 && !initial) console.log(`[watch] rebuilt ${out} at ${new Date().toLocaleTimeString()}${name === 'extension' ? ': run "Developer: Reload Window" to load it' : ''}`);
      });
    },
  });
  const contexts = await Promise.all(builds.map((b, i) => esbuild.context({ ...b, plugins: [...(b.plugins ?? []), announce(i === 0 ? 'extension' : 'other')] })));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] watching src/ and test/integration/ (Ctrl-C to stop)');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

/**
 * For the browser build: a module that needs Node (the practice history's O_APPEND writer,
 * src/vscode/practice-file.ts) is replaced by its `.web.ts` twin beside it.
 */
function webTwin(filter) {
  return {
    name: 'web-twin',
    setup(build) {
      build.onResolve({ filter }, ({ path, resolveDir }) => ({ path: join(resolveDir, path.replace(/\.js$/, '.web.ts')) }));
    },
  };
}

/**
 * Bundles a UMD file as the CommonJS module it is. mocha/mocha.js lies in a "type": "module"
 * package, so esbuild would take it for ESM, leave its `module` free, and its UMD header would
 * then replace the whole bundle's module.exports (the tests' run()) with mocha. Loaded from a
 * namespace of its own, no package.json applies and esbuild wraps it as CommonJS.
 */
function umdAsCommonJs(filter) {
  return {
    name: 'umd-as-commonjs',
    setup(build) {
      build.onResolve({ filter }, async ({ path, resolveDir, kind, pluginData }) => {
        if (pluginData?.umdResolving) return undefined; // the build.resolve below: esbuild's own resolution
        const resolved = await build.resolve(path, { resolveDir, kind, pluginData: { umdResolving: true } });
        return resolved.errors.length ? { errors: resolved.errors } : { path: resolved.path, namespace: 'umd' };
      });
      build.onLoad({ filter: /.*/, namespace: 'umd' }, async ({ path }) => ({ contents: await readFile(path, 'utf8'), loader: 'js' }));
    },
  };
}
