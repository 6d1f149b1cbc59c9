// Heap of one full analysis, in a fresh process so nothing else the benchmark allocated is counted.
// Run by run.mjs as: node --expose-gc --trace-gc bench/memory-child.mjs <core.js> <targetBytes> <seed>
//
//   baseline = heapUsed after two full GCs, with the text and the loaded core already in memory
//   retained = heapUsed after two full GCs with the analyzer (and so its per-section cache) and its model
//              still referenced, as the extension keeps them for an open file, minus baseline
//   peak     = the largest heap in use during the analysis: the maximum "before" size of the GCs that ran
//              during it (V8's --trace-gc lines, which run.mjs reads) and heapUsed right at its end
//
// The GCs this script forces are the ones marked "testing" in the trace: two before the analysis and
// two after, so the analysis's own GCs are those between the second and the third.
import { createRequire } from 'node:module';
import { generateNotes } from '../test/support/generate-notes.mjs';
import { flatten } from './contenders.mjs';

const [corePath, targetBytes, seed] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const core = require(corePath);
if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');

const text = flatten(generateNotes(Number(targetBytes), Number(seed)));
// Load everything the core initializes lazily, so the baseline holds it.
core.analyze(generateNotes(4096, Number(seed) + 1));

globalThis.gc();
globalThis.gc();
const baseline = process.memoryUsage().heapUsed;
const t0 = performance.now();
// What the extension keeps per open file: the analyzer (its per-section cache) and its model.
const analyzer = new core.NotesAnalyzer();
const model = analyzer.update(text);
const ms = performance.now() - t0;
const atEnd = process.memoryUsage().heapUsed;
globalThis.gc();
globalThis.gc();
const after = process.memoryUsage().heapUsed;
const stories = model.categories.reduce((n, c) => n + c.stories.length, 0);
process.stdout.write(`\nRESULT ${JSON.stringify({ baseline, atEnd, after, ms, stories, textBytes: Buffer.byteLength(text, 'utf8') })}\n`);
void analyzer;
