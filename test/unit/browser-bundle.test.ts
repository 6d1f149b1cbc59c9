// The web extension bundle (package.json "browser") must load where there is no Node: no require of
// a Node built-in, no process, no Buffer. It is loaded here in a bare VM context whose only module
// is a stand-in for `vscode`, and activated against it far enough to show it registers its parts.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** A stand-in for the vscode API at load time: any property, called or constructed, is another. */
function anything(): unknown {
  const target = function () {} as unknown as object;
  return new Proxy(target, {
    get: (_t, key) => (key === Symbol.toPrimitive ? () => 0 : anything()),
    apply: () => anything(),
    construct: () => anything() as object,
  });
}

/** An object with every `vscode.X` the bundle names, each a stand-in. */
function vscodeStub(source: string): Record<string, unknown> {
  const names = new Set([...source.matchAll(/\bvscode\d*\.(\w+)/g)].map((m) => m[1]!));
  return Object.fromEntries([...names].map((n) => [n, anything()]));
}

describe('the browser bundle', () => {
  const bundle = join(ROOT, manifest.browser);
  before(function () {
    if (!existsSync(bundle)) throw new Error(`${manifest.browser} is missing: run npm run build first`);
  });

  it('requires nothing but vscode', () => {
    const source = readFileSync(bundle, 'utf8');
    // Not inside a string: ajv's runtime `equal` carries its own require as text (`equal.code = 'require(…)'`).
    const required = [...source.matchAll(/(?<!['"`])\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(required)], ['vscode']);
  });

  it('loads in a context without Node globals and exports activate', () => {
    const requested: string[] = [];
    const module = { exports: {} as Record<string, unknown> };
    const context = createContext({
      module,
      exports: module.exports,
      require: (name: string) => {
        requested.push(name);
        if (name === 'vscode') return vscodeStub(readFileSync(bundle, 'utf8'));
        throw new Error(`the web bundle asked for "${name}"`);
      },
      // What a web worker has: no process, Buffer, __dirname or setImmediate.
      TextDecoder,
      TextEncoder,
      console,
      setTimeout,
      clearTimeout,
      URL,
    });
    runInContext(readFileSync(bundle, 'utf8'), context, { filename: bundle });
    assert.equal(typeof module.exports.activate, 'function');
    assert.deepEqual([...new Set(requested)], ['vscode']);
  });
});
