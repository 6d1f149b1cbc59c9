// Runs one peer once on a large text in a worker thread, so that run.mjs can stop it after a time limit
// (remark-parse and markdownlint grow faster than linearly: minutes at 8 MB). Warmed up on a small text
// first. Posts { started } when the timed run begins and { ms } when done; run.mjs terminates the worker
// if the run takes longer than the limit.
import { parentPort, workerData } from 'node:worker_threads';
import { PEERS } from './contenders.mjs';

const { name, text, warmText } = workerData;
const run = PEERS[name];
for (let i = 0; i < 3; i++) run(warmText);
globalThis.gc?.();
parentPort.postMessage({ started: true }); // run.mjs starts the time limit now
const t0 = performance.now();
const result = run(text);
const ms = performance.now() - t0;
parentPort.postMessage({ ms, ok: result !== undefined });
