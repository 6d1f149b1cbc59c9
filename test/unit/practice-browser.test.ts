// Practice, questions and the cheat sheet are text only, so they must work in the browser build:
// bundled for the browser, they reach no Node built-in (ts-fsrs, MiniSearch and github-slugger
// included) and run in a bare context.
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { createContext, runInContext } from 'node:vm';

describe('practice: the browser build', () => {
  it('the practice and questions cores bundle for the browser and run without Node', async function () {
    this.timeout(60_000);
    const result = await esbuild.build({
      stdin: {
        contents: [
          "import { rate } from './src/core/practice/index.ts';",
          "import { findStories, parseQuestions, STARTER_QUESTIONS } from './src/core/questions/index.ts';",
          'const card = rate(undefined, "easy", new Date("2026-03-02T09:00:00Z"));',
          'const found = findStories("conflict", [{ id: "a", title: "Argued", tags: ["conflict"], text: "", status: "complete", seconds: 1 }]);',
          'globalThis.out = { due: card.due, found: found.map((f) => f.id), questions: parseQuestions(STARTER_QUESTIONS).questions.length };',
        ].join('\n'),
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      // As scripts/build.mjs builds the web extension: a Web Worker, no DOM.
      platform: 'browser',
      conditions: ['worker'],
      mainFields: ['browser', 'module', 'main'],
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    assert.doesNotMatch(code, /\brequire\(/);
    const context = createContext({ console, TextDecoder, TextEncoder, URL });
    runInContext(code, context);
    // Out of the other realm as plain data (its arrays have their own prototypes).
    const out = JSON.parse(JSON.stringify((context as { out: unknown }).out)) as { due: string; found: string[]; questions: number };
    assert.equal(out.due, '2026-03-10T09:00:00.000Z');
    assert.deepEqual(out.found, ['a']);
    assert.ok(out.questions >= 40);
  });
});
