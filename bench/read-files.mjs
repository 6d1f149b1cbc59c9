// The floor of the non-notes row (bench/run.mjs): a Node process that only reads the files it is
// given, as `interview-notes check` must before it can say anything about them.
import { readFileSync } from 'node:fs';

let bytes = 0;
for (const path of process.argv.slice(2)) bytes += readFileSync(path).length;
process.stdout.write(`${bytes}\n`);
