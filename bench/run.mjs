// Benchmark of the notes analyzer (dist/core.js) against its peers, on generated notes of 4 KB, 64 KB,
// 1 MB and 8 MB (test/support/generate-notes.mjs, seed 1).
//
//   npm run bench                        build, then the full benchmark (node --expose-gc bench/run.mjs)
//   node --expose-gc bench/run.mjs [options]
//     --quick            4 KB and 64 KB only, 3 runs (smoke test)
//     --large-only       only the non-notes corpus and the first analysis in slices (issue 16's rows),
//                        no size table, heap, bundles or cold start
//     --no-large         the size table (and heap, bundles, cold start) without those rows
//     --full             no time limits: ≥ 7 runs of every contender at every size, peers included
//                        (remark-parse alone needs several minutes per 8 MB parse: expect an hour)
//     --runs <n>         runs per contender and size (default 7; 3 with --quick)
//     --sizes <list>     only these sizes, e.g. --sizes 1MB or --sizes 64KB,8MB (the targets of the others
//                        show as not measured)
//     --compare <file>   print the ratio of each figure to an earlier run's JSON (e.g. bench-results/latest.json)
//     --core <file>      the core bundle (default dist/core.js)
//     --cli <file>       the command-line bundle the non-notes row runs (default dist/cli.js)
//     --seed <n>         generator seed (default 1)
//     --peer-limit <s>   the least time a peer may take for its single run at 8 MB before it is stopped
//                        (default 15; raised to what deciding the targets needs)
//
// Contenders, per size, all in this one process and interleaved: for each size, warm-up rounds, then for
// each repetition every contender runs once, the starting contender rotating from one repetition to the
// next. A full GC (global.gc) precedes every timed run, outside the timing, followed by one untimed call
// when calls take under a second (see timeRun). Figures are medians.
//   analyze (full)      analyze(text)
//   edit + update       a NotesAnalyzer that has seen the text; each run inserts one character in the
//                       middle of a story's Action text (cumulatively, a different story and character each
//                       time) and times a.update(editedText, [changeEvent]) only, with the change event
//                       as VS Code gives it to the extension (without it, update compares the texts: at
//                       8 MB that adds ~1.5 ms)
//   edit + update + bank the same edits, then also the story bank of the new model (tags, speaking time,
//                       parts: bank.bankStories with a StoryBankCache, as the Competencies view and the
//                       status bar read it after an edit): a keystroke with tags and timing on
//   remark-parse        unified().use(remarkParse).parse(text)
//   markdownlint        lint({ strings: { doc: text } }) with the default rules
//   line scan           split into lines, three regexes per line: the floor
// Small inputs are timed in batches (one run = several calls, time divided by their number) so that
// one run lasts ≥ 10 ms; edits so that it lasts ≥ 100 ms (see MIN_EDIT_RUN_MS).
//
// remark-parse and markdownlint grow faster than linearly with the size of these notes (micromark's
// document tokenizer rebuilds its whole event list, an EditMap.consume, each time a list ends, and notes
// are mostly lists: ~6 s for 1 MB, ~90 s for 4 MB here, against linear growth for headings and
// paragraphs), so at 8 MB, unless --full, each of them runs once, in a worker thread that is
// stopped after a time limit; a stopped peer's figure is a lower bound (shown as "> N"), which still
// decides targets of the form "analysis ≤ k × peer" when the analysis is fast enough. For the same
// reason a contender at 8 MB gets fewer runs (≥ 3) when 7 would take more than 150 s. Up to 1 MB every
// contender runs the full count in this process.
//
// Then, in every mode: the non-notes corpus (every Markdown file under node_modules, READMEs and
// changelogs that are not notes) through `node dist/cli.js check` against a process that only reads
// them (read-files.mjs), medians of COLD_SPAWNS; and the first analysis of 1 MB and 8 MB as the
// extension runs it (NotesAnalyzer.updateInSlices, yielding with setImmediate between slices): the
// longest slice that blocks the event loop, and the first analysis's MB/s (medians of min(--runs, 3)
// runs, each with a fresh analyzer; wall time, so a busy machine inflates both).
// Then: heap of one 8 MB analysis (fresh process, see memory-child.mjs); bundle sizes, of dist/ as
// `npm run build` left it and of the production build (scripts/build.mjs --production, built into a
// temporary directory; the bundle target is judged on it, as that is what ships); cold load plus first
// analysis in fresh processes, for dist/core.js (judged) and the production core; and the targets. Progress goes to stderr, the report (Markdown) to
// stdout, all figures to bench-results/<ISO timestamp>.json and bench-results/latest.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import { generateNotes, generateNotesDetailed } from '../test/support/generate-notes.mjs';
import { flatten, lineScan, lintWithMarkdownlint, makeEditor, parseWithRemark } from './contenders.mjs';

const startedAt = performance.now();
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const KB = 1024;
const MB = 1024 * KB;

// ---- Options ---------------------------------------------------------------------------------------

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    runs: { type: 'string' },
    sizes: { type: 'string' },
    compare: { type: 'string' },
    core: { type: 'string' },
    cli: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'peer-limit': { type: 'string', default: '15' },
    'large-only': { type: 'boolean', default: false },
    'no-large': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  const head = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//'));
  console.log(head.map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}
const QUICK = opts.quick;
const FULL = opts.full;
const LARGE_ONLY = opts['large-only'];
const NO_LARGE = opts['no-large'];
const RUNS = opts.runs ? Math.max(1, Number.parseInt(opts.runs, 10)) : QUICK ? 3 : 7;
const SEED = Number.parseInt(opts.seed, 10);
const PEER_LIMIT_MS = Number(opts['peer-limit']) * 1000;
const CORE_PATH = path.resolve(ROOT, opts.core ?? 'dist/core.js');
const CLI_PATH = path.resolve(ROOT, opts.cli ?? 'dist/cli.js');
const SIZES = (opts.sizes ? parseSizes(opts.sizes) : QUICK ? [4 * KB, 64 * KB] : [4 * KB, 64 * KB, 1 * MB, 8 * MB]).map((bytes) => ({ bytes, label: sizeLabel(bytes) }));
const MEMORY_SIZE = opts.sizes ? Math.max(...SIZES.map((s) => s.bytes)) : QUICK ? 64 * KB : 8 * MB;

const MIN_RUN_MS = 10; // batch small inputs so that one run lasts at least this long
const MAX_BATCH = 100;
const MAX_EDIT_BATCH = 20; // edits are cumulative: keep the text close to the generated one
// Edits are timed in runs of at least this long (up to MAX_EDIT_BATCH keystrokes): a keystroke right
// after the forced full GC of a heap that holds an 8 MB analysis pays for the concurrent sweeping
// that GC leaves behind (CPU time twice the wall time shows it), and no keystroke in an editor
// follows a forced full GC.
const MIN_EDIT_RUN_MS = 100;
const BUDGET_MS = 150_000; // at most this long for the runs of one core contender at one size (not with --full)
const SLOW_PEER_MS = 15_000; // above 1 MB, a peer predicted slower than this per run gets one limited run in a worker
const COLD_SPAWNS = 5;
const WARM_MIN_CALLS = 3;
const SETTLE_BELOW_MS = 1_000;
const WARM_MIN_MS = 300;
const WARM_MAX_CALLS = 300;

let compareWith = null;
if (opts.compare) {
  try {
    compareWith = { file: opts.compare, data: JSON.parse(fs.readFileSync(path.resolve(opts.compare), 'utf8')) };
  } catch (e) {
    console.error(`--compare: cannot read ${opts.compare}: ${e.message}`);
    process.exit(2);
  }
}

const gc = typeof globalThis.gc === 'function' ? globalThis.gc : null;
const progress = (...a) => console.error('  ·', ...a);

// ---- The core --------------------------------------------------------------------------------------

function loadCore() {
  if (!fs.existsSync(CORE_PATH)) return { status: 'not built', note: `${path.relative(ROOT, CORE_PATH)} does not exist` };
  try {
    const mod = createRequire(import.meta.url)(CORE_PATH);
    if (typeof mod.analyze !== 'function') return { status: 'failed', note: `${path.relative(ROOT, CORE_PATH)} exports no analyze()` };
    return { status: 'ok', analyze: mod.analyze, NotesAnalyzer: typeof mod.NotesAnalyzer === 'function' ? mod.NotesAnalyzer : null, bank: mod.bank ?? null };
  } catch (e) {
    return { status: 'failed', note: `loading ${path.relative(ROOT, CORE_PATH)} failed: ${e.message}` };
  }
}
const core = loadCore();

// ---- Contenders ------------------------------------------------------------------------------------

const CONTENDERS = [
  { id: 'analyze', label: 'analyze (full)', kind: 'core' },
  { id: 'edit', label: 'edit + update', kind: 'core' },
  { id: 'editBank', label: 'edit + update + bank', kind: 'core' },
  { id: 'remark', label: 'remark-parse', kind: 'peer' },
  { id: 'markdownlint', label: 'markdownlint', kind: 'peer' },
  { id: 'linescan', label: 'line scan', kind: 'floor' },
];
const PEER_NAME = { remark: 'remark-parse', markdownlint: 'markdownlint' };

let sink = null; // results of timed calls land here, so no call can be optimized away

/** The contenders for one text: each can prepare a batch of `inner` calls, returned as a thunk to time. */
function makeContenders(text) {
  const list = [];
  for (const c of CONTENDERS) {
    const entry = { ...c, samples: [], cpuSamples: [], warm: [], inner: 1, runs: RUNS, mode: 'inproc', status: 'ok', note: '' };
    list.push(entry);
    if (c.kind === 'core' && core.status !== 'ok') {
      entry.status = core.status;
      continue;
    }
    switch (c.id) {
      case 'analyze':
        entry.prepare = (inner) => () => {
          for (let i = 0; i < inner; i++) sink = core.analyze(text);
          entry.last = sink;
        };
        break;
      case 'edit': {
        if (!core.NotesAnalyzer) {
          entry.status = 'n/a';
          entry.note = 'no NotesAnalyzer export';
          break;
        }
        const analyzer = new core.NotesAnalyzer();
        analyzer.update(text); // once, outside the timing
        const editor = makeEditor(text);
        entry.editor = editor;
        entry.prepare = (inner) => {
          const edits = Array.from({ length: inner }, () => [editor.next(), [editor.change]]);
          return () => {
            for (const [t, changes] of edits) sink = analyzer.update(t, changes);
            entry.last = sink;
          };
        };
        break;
      }
      case 'editBank': {
        if (!core.NotesAnalyzer || !core.bank?.StoryBankCache) {
          entry.status = 'n/a';
          entry.note = 'no NotesAnalyzer or bank export';
          break;
        }
        const analyzer = new core.NotesAnalyzer();
        const cache = new core.bank.StoryBankCache();
        core.bank.bankStories(text, analyzer.update(text), { cache }); // once, outside the timing
        const editor = makeEditor(text);
        entry.prepare = (inner) => {
          const edits = Array.from({ length: inner }, () => [editor.next(), [editor.change]]);
          return () => {
            for (const [t, changes] of edits) sink = core.bank.bankStories(t, analyzer.update(t, changes), { cache });
          };
        };
        break;
      }
      case 'remark':
        entry.prepare = (inner) => () => {
          for (let i = 0; i < inner; i++) sink = parseWithRemark(text);
        };
        break;
      case 'markdownlint':
        entry.prepare = (inner) => () => {
          for (let i = 0; i < inner; i++) sink = lintWithMarkdownlint(text);
        };
        break;
      case 'linescan':
        entry.prepare = (inner) => () => {
          for (let i = 0; i < inner; i++) sink = lineScan(text);
        };
        break;
    }
  }
  return list;
}

/**
 * One timed run: prepare outside the timing; a full GC, so that no contender pays for another's garbage;
 * for calls under SETTLE_BELOW_MS one untimed call (right after a forced GC the next call runs up to 2–3×
 * slower than in steady state, e.g. ~50 ms instead of ~20 ms for an update of 1 MB: a figure of the GC,
 * not of the code); then time the batch. Returns ms per call.
 */
function timeRun(c, inner) {
  // The settling call is prepared first: edits are cumulative, so the timed batch must hold the later texts.
  const settle = c.predicted === null || c.predicted === undefined || c.predicted < SETTLE_BELOW_MS ? c.prepare(1) : null;
  const batch = c.prepare(inner);
  gc?.();
  settle?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  batch();
  const ms = (performance.now() - t0) / inner;
  const cpu = process.cpuUsage(cpu0);
  c.lastCpuMs = (cpu.user + cpu.system) / 1000 / inner;
  sink = null;
  return ms;
}

/** One run of a slow peer in a worker thread, stopped limitMs after it starts (its warm-up not counted). */
function runPeerInWorker(id, text, warmText, limitMs) {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./peer-worker.mjs', import.meta.url), {
      workerData: { name: PEER_NAME[id], text, warmText },
      resourceLimits: { maxOldGenerationSizeMb: 8192 },
    });
    let settled = false;
    const done = (r) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    let timer = setTimeout(() => done({ error: 'no start within 120 s of warm-up' }), 120_000);
    worker.on('message', (m) => {
      if (m.started) {
        clearTimeout(timer);
        timer = setTimeout(() => done({ timedOut: true, ms: limitMs }), limitMs);
      } else done(m.ms > limitMs ? { timedOut: true, ms: limitMs } : { ms: m.ms });
    });
    worker.on('error', (e) => done({ error: e.message }));
    worker.on('exit', (code) => done({ error: `worker exited with code ${code}` }));
  });
}

const rotate = (arr, k) => arr.map((_, i) => arr[(i + k) % arr.length]);

// ---- Measuring one size -------------------------------------------------------------------------------

const history = {}; // contender id → [{ bytes, ms }] of the sizes measured so far

/** Predicted ms per call at `bytes`, from the two previous sizes (growth exponent clamped to [1, 2.2]). */
function predict(id, bytes) {
  const h = history[id];
  if (!h || h.length === 0) return null;
  const last = h[h.length - 1];
  let exponent = 1.2;
  if (h.length >= 2) {
    const prev = h[h.length - 2];
    exponent = Math.log(last.ms / prev.ms) / Math.log(last.bytes / prev.bytes);
    exponent = Math.min(2.2, Math.max(1, Number.isFinite(exponent) ? exponent : 1.2));
  }
  return last.ms * (bytes / last.bytes) ** exponent;
}

async function measureSize(size) {
  const { text: generated, stats } = generateNotesDetailed(size.bytes, SEED);
  const text = flatten(generated);
  const bytes = Buffer.byteLength(text, 'utf8');
  const contenders = makeContenders(text);
  const active = contenders.filter((c) => c.status === 'ok');
  progress(`${size.label}: ${bytes} bytes, ${stats.categories} categories, ${stats.stories} stories`);

  // Plan: predicted time per call; peers that would take too long run once in a worker.
  for (const c of active) {
    c.predicted = predict(c.id, bytes);
    if (!FULL && size.bytes > MB && c.kind === 'peer' && c.predicted !== null && c.predicted > SLOW_PEER_MS) {
      c.mode = 'worker';
      c.runs = 1;
    }
  }

  // Warm-up rounds of single calls, in rotation, until each contender has had WARM_MIN_CALLS calls and
  // WARM_MIN_MS of them (or WARM_MAX_CALLS calls); none for calls predicted to take seconds: their JIT is
  // warm from the smaller sizes.
  const inproc = active.filter((c) => c.mode === 'inproc');
  const warmed = (c) => (c.predicted !== null && c.predicted > 3_000) || c.warm.length >= WARM_MAX_CALLS ||
    (c.warm.length >= WARM_MIN_CALLS && c.warm.reduce((a, b) => a + b, 0) >= WARM_MIN_MS);
  for (let r = 0; inproc.some((c) => !warmed(c)); r++) {
    for (const c of rotate(inproc, r)) if (!warmed(c)) c.warm.push(timeRun(c, 1));
  }
  for (const c of inproc) {
    const est = c.warm.length ? median(c.warm.slice(-5)) : c.predicted;
    c.predicted = est;
    const isEdit = c.id === 'edit' || c.id === 'editBank';
    const cap = isEdit ? MAX_EDIT_BATCH : MAX_BATCH;
    const minRun = isEdit ? MIN_EDIT_RUN_MS : MIN_RUN_MS;
    c.inner = est !== null && est > 0 ? Math.min(cap, Math.max(1, Math.ceil(minRun / est))) : 1;
  }

  // Interleaved runs. Above 1 MB (not with --full), a contender whose first run shows that RUNS runs would
  // exceed BUDGET_MS gets fewer (at least 3).
  for (let rep = 0; rep < Math.max(0, ...inproc.map((c) => c.runs)); rep++) {
    for (const c of rotate(inproc, rep)) {
      if (rep >= c.runs) continue;
      c.samples.push(timeRun(c, c.inner));
      c.cpuSamples.push(c.lastCpuMs);
    }
    if (rep === 0 && !FULL && size.bytes > MB) {
      for (const c of inproc) {
        if (c.samples[0] * c.runs > BUDGET_MS) {
          c.runs = Math.max(3, Math.floor(BUDGET_MS / c.samples[0]));
          c.note = `${c.runs} runs (time budget)`;
        }
      }
    }
  }

  // Slow peers: one run each, limited; the limit is high enough to decide the "≤ k × peer" targets.
  const analyzeMs = contenders[0].samples.length ? median(contenders[0].samples) : 0;
  const warmText = generateNotes(64 * KB, SEED + 1);
  for (const c of active.filter((x) => x.mode === 'worker')) {
    // Long enough to decide "analysis ≤ k × peer" (k = 1.15 for remark-parse, 0.8 for markdownlint) with 10% to spare.
    const k = c.id === 'remark' ? 1.15 : 0.8;
    const limit = Math.min(600_000, Math.max(PEER_LIMIT_MS, Math.ceil((1.1 * analyzeMs) / k)));
    progress(`${size.label}: ${c.label} once, in a worker, stopped after ${fmtMs(limit)} ms (predicted ${fmtMs(c.predicted)} ms)`);
    const r = await runPeerInWorker(c.id, text, warmText, limit);
    if (r.error) {
      c.status = 'error';
      c.note = r.error;
    } else {
      c.samples.push(r.ms);
      c.lowerBound = Boolean(r.timedOut);
      c.note = r.timedOut ? `stopped after ${fmtMs(limit)} ms (1 run)` : '1 run (slow peer)';
    }
  }

  // Sanity checks of the core: it saw the generated stories, and incremental = full analysis.
  const checks = {};
  const analyzeEntry = contenders.find((c) => c.id === 'analyze');
  if (analyzeEntry.last) {
    const m = analyzeEntry.last;
    const cats = m.categories?.filter((c) => c.title !== null).length;
    const stories = m.categories?.reduce((n, c) => n + c.stories.length, 0);
    checks.isNotes = m.isNotes;
    checks.categories = { model: cats, generated: stats.categories };
    checks.stories = { model: stories, generated: stats.stories };
    if (!m.isNotes || cats !== stats.categories || Math.abs(stories - stats.stories) > 0.1 * stats.stories) {
      progress(`WARNING ${size.label}: the model has ${cats} categories / ${stories} stories, the generator wrote ${stats.categories} / ${stats.stories}`);
    }
  }
  const editEntry = contenders.find((c) => c.id === 'edit');
  if (editEntry.last && analyzeMs >= 5_000 && !FULL) checks.incrementalEqualsFull = 'not checked (one more full analysis)';
  if (editEntry.last && (analyzeMs < 5_000 || FULL)) {
    const same = isDeepStrictEqual(editEntry.last, core.analyze(editEntry.editor.text));
    checks.incrementalEqualsFull = same;
    if (!same) progress(`WARNING ${size.label}: NotesAnalyzer.update(edited) differs from analyze(edited)`);
  }
  for (const c of contenders) {
    delete c.last;
    delete c.editor;
  }

  for (const c of active) if (c.samples.length && !c.lowerBound) (history[c.id] ??= []).push({ bytes, ms: median(c.samples) });
  return { ...size, bytes, chars: text.length, generated: stats, contenders, checks };
}

// ---- Memory, bundle, cold load ------------------------------------------------------------------------

function measureMemory() {
  const r = spawnSync(process.execPath, ['--expose-gc', '--trace-gc', path.join(HERE, 'memory-child.mjs'), CORE_PATH, String(MEMORY_SIZE), String(SEED)], {
    encoding: 'utf8',
    maxBuffer: 256 * MB,
  });
  const line = r.stdout?.split('\n').find((l) => l.startsWith('RESULT '));
  if (r.status !== 0 || !line) return { status: 'failed', note: (r.stderr || r.error?.message || '').trim().split('\n').slice(-3).join(' ') };
  const res = JSON.parse(line.slice(7));
  // --trace-gc: "[pid:0x…]  123 ms: Scavenge 20.1 (35.2) -> 19.8 (36.0) MB, … allocation failure; …"
  const events = [];
  for (const l of r.stdout.split('\n')) {
    const m = /: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Compact|Minor Mark-Sweep)\S*(?: \(reduce\))? ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/.exec(l);
    if (m) events.push({ type: m[1], before: Number(m[2]) * MB, after: Number(m[4]) * MB, forced: /testing/.test(l) });
  }
  const forced = events.map((e, i) => (e.forced ? i : -1)).filter((i) => i >= 0);
  let during = [];
  if (forced.length >= 4) during = events.slice(forced[1] + 1, forced[2]);
  const peak = Math.max(res.atEnd, ...during.map((e) => e.before), forced.length >= 3 ? events[forced[2]].before : 0);
  return {
    status: 'ok',
    bytes: res.textBytes,
    baseline: res.baseline,
    peak,
    peakAboveBaseline: peak - res.baseline,
    retained: res.after - res.baseline,
    gcsDuringAnalysis: during.length,
    analysisMs: res.ms,
    method:
      'fresh process; baseline = heapUsed after 2 forced GCs with text and core loaded; retained = heapUsed after 2 forced GCs with the analyzer (its per-section cache) and its model referenced, as the extension keeps them − baseline; ' +
      'peak = max(heap used before each GC during the analysis, from --trace-gc; heapUsed at its end)',
  };
}

/**
 * The production bundles (`scripts/build.mjs --production`, minified, as `npm run package` ships them),
 * built into a temporary directory whose entries link to the project's, so the project's dist/ stays
 * as `npm run build` left it.
 */
function buildProduction() {
  const script = path.join(ROOT, 'scripts/build.mjs');
  if (!fs.existsSync(script)) return { status: 'n/a', note: 'no scripts/build.mjs' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interview-notes-bench-'));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    for (const e of fs.readdirSync(ROOT)) {
      if (!['dist', '.git', 'bench-results'].includes(e)) fs.symlinkSync(path.join(ROOT, e), path.join(dir, e));
    }
    const r = spawnSync(process.execPath, [script, '--production'], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) {
      cleanup();
      return { status: 'failed', note: (r.stderr || r.stdout).trim().split('\n').slice(-2).join(' ') };
    }
    return { status: 'ok', dir, cleanup };
  } catch (e) {
    cleanup();
    return { status: 'failed', note: e.message };
  }
}

function fileSize(file) {
  if (!fs.existsSync(file)) return null;
  const buf = fs.readFileSync(file);
  return { bytes: buf.length, gzipBytes: zlib.gzipSync(buf, { level: 9 }).length };
}

/** Sizes of the bundles as `npm run build` left them in dist/, and of the production build. */
function measureBundles(production) {
  const files = [
    { name: 'dist/extension.js', target: true },
    { name: 'dist/core.js', target: true },
    { name: 'dist/web/extension.js', target: false },
    { name: 'dist/cli.js', target: false },
  ];
  return files.map((f) => ({
    ...f,
    asBuilt: fileSize(f.name === 'dist/core.js' ? CORE_PATH : path.join(ROOT, f.name)),
    production: production.status === 'ok' ? fileSize(path.join(production.dir, f.name)) : null,
  }));
}

const COLD_CHILD = `
const t0 = performance.now();
const core = require(process.argv[1]);
const t1 = performance.now();
const text = require('fs').readFileSync(process.argv[2], 'utf8');
const model = core.analyze(text);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ start: t0, loaded: t1, ready: t2, requireMs: t1 - t0, analyzeMs: t2 - t1,
  stories: model.categories.reduce((n, c) => n + c.stories.length, 0) }));
`;

function measureColdLoad(corePath) {
  let notes = path.join(ROOT, 'examples/notes.md');
  let source = 'examples/notes.md';
  if (!fs.existsSync(notes)) {
    notes = path.join(os.tmpdir(), `interview-notes-bench-4k-seed${SEED}.md`);
    fs.writeFileSync(notes, generateNotes(4 * KB, SEED));
    source = `generated 4 KB notes (seed ${SEED})`;
  }
  const spawnOnce = () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-e', COLD_CHILD, corePath, notes], { encoding: 'utf8' });
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(r.stderr.trim().split('\n').slice(-2).join(' '));
    return { ...JSON.parse(r.stdout), wallMs };
  };
  try {
    spawnOnce(); // not counted: brings the files into the OS cache, as in normal use
    const samples = Array.from({ length: COLD_SPAWNS }, spawnOnce);
    const med = (k) => median(samples.map((s) => s[k]));
    return {
      status: 'ok',
      source,
      bytes: fs.statSync(notes).size,
      spawns: COLD_SPAWNS,
      readyMs: med('ready'),
      requireMs: med('requireMs'),
      analyzeMs: med('analyzeMs'),
      startMs: med('start'),
      wallMs: med('wallMs'),
      samples,
      method: 'node -e: require(core) + readFileSync + analyze; readyMs = performance.now() at the end (ms since process start), wallMs = spawn to exit, seen by the parent; medians',
    };
  } catch (e) {
    return { status: 'failed', source, note: e.message };
  }
}

// ---- Figures and formatting ---------------------------------------------------------------------------

/** Every Markdown file under node_modules, sorted. */
function nodeModulesMarkdown() {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.(?:md|markdown)$/i.test(e.name)) out.push(p);
    }
  };
  const root = path.join(ROOT, 'node_modules');
  if (fs.existsSync(root)) walk(root);
  return out.sort();
}

function measureNonNotes() {
  const cli = CLI_PATH;
  const files = nodeModulesMarkdown();
  if (!fs.existsSync(cli) || files.length === 0) return { status: 'n/a', note: fs.existsSync(cli) ? 'no node_modules' : 'dist/cli.js not built' };
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  const wall = (args) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * MB });
    return { ms: performance.now() - t0, status: r.status, out: r.stdout };
  };
  const check = [];
  const read = [];
  let lastCheck;
  for (let i = 0; i < COLD_SPAWNS; i++) {
    read.push(wall([path.join(HERE, 'read-files.mjs'), ...files]).ms);
    lastCheck = wall([cli, 'check', '--max-file-size', String(64 * MB), ...files]);
    check.push(lastCheck.ms);
  }
  if (lastCheck.status !== 0 && lastCheck.status !== 1) return { status: 'failed', note: `check exited with ${lastCheck.status}` };
  const summary = lastCheck.out.trim().split('\n').pop();
  return { status: 'ok', files: files.length, bytes, checkMs: median(check), readMs: median(read), ratio: median(check) / median(read), summary };
}

/** Runs of the first analysis in slices per size (each a fresh analyzer): min(--runs, 3), medians reported. */
const SLICE_RUNS = Math.min(RUNS, 3);

async function measureSlices(bytes) {
  const text = flatten(generateNotes(bytes, SEED));
  // The CPU time of each slice too (this process, all its threads): on a busy machine a slice's wall
  // time holds the other processes' turns.
  let sliceCpu = process.cpuUsage();
  const cpuSlices = [];
  const scheduler = {
    now: () => performance.now(),
    yield: () => {
      const used = process.cpuUsage(sliceCpu);
      cpuSlices.push((used.user + used.system) / 1000);
      return new Promise((resolve) => setImmediate(() => {
        sliceCpu = process.cpuUsage();
        resolve();
      }));
    },
  };
  const runs = [];
  let model;
  for (let r = 0; r < SLICE_RUNS; r++) {
    const slices = [];
    cpuSlices.length = 0;
    gc?.();
    const cpu0 = process.cpuUsage();
    sliceCpu = cpu0;
    const t0 = performance.now();
    model = await new core.NotesAnalyzer().updateInSlices(text, scheduler, { onSlice: (ms) => slices.push(ms) });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const lastCpu = process.cpuUsage(sliceCpu);
    cpuSlices.push((lastCpu.user + lastCpu.system) / 1000);
    runs.push({ ms, cpuMs: (cpu.user + cpu.system) / 1000, slices: slices.length, longestMs: Math.max(...slices), longestCpuMs: Math.max(...cpuSlices), lastMs: slices[slices.length - 1] });
  }
  const same = isDeepStrictEqual(model, core.analyze(text));
  const utf8 = Buffer.byteLength(text, 'utf8');
  const med = (k) => median(runs.map((r) => r[k]));
  return {
    size: sizeLabel(bytes), bytes: utf8, runs: runs.length, ms: med('ms'), cpuMs: med('cpuMs'),
    slices: med('slices'), longestMs: med('longestMs'), longestCpuMs: med('longestCpuMs'), longestOfAllMs: Math.max(...runs.map((r) => r.longestMs)), lastMs: med('lastMs'),
    mbPerS: utf8 / MB / (med('ms') / 1000), same, samples: runs,
  };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** `1MB,64KB` → bytes; a size this benchmark does not generate is a usage error. */
function parseSizes(list) {
  const known = { '4KB': 4 * KB, '64KB': 64 * KB, '1MB': MB, '8MB': 8 * MB };
  return list.split(',').map((s) => {
    const bytes = known[s.trim().toUpperCase().replace(/\s+/g, '')];
    if (bytes === undefined) {
      console.error(`bench: unknown size ${s} (use ${Object.keys(known).join(', ')})`);
      process.exit(2);
    }
    return bytes;
  });
}

function sizeLabel(bytes) {
  return bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`;
}

function fmtNum(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a >= 100) return Math.round(x).toLocaleString('en-US');
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  if (a >= 0.01) return x.toFixed(3);
  return x.toPrecision(2);
}
const fmtMs = fmtNum;
const fmtBytes = (b) => (b >= MB ? `${(b / MB).toFixed(1)} MB` : `${(b / KB).toFixed(1)} KB`);

/** Ratio of two figures that may be lower bounds: { value, bound: '<' | '>' | null } or null if unknown. */
function ratio(a, b) {
  if (!a || !b || !a.samples.length || !b.samples.length) return null;
  if (a.lowerBound && b.lowerBound) return null;
  const value = median(a.samples) / median(b.samples);
  return { value, bound: a.lowerBound ? '>' : b.lowerBound ? '<' : null };
}
const fmtRatio = (r) => (r ? `${r.bound ? r.bound + ' ' : ''}${r.value >= 0.095 ? r.value.toFixed(2) : r.value.toPrecision(2)}×` : '–');

function summarize(c, bytes, remark, markdownlint) {
  if (c.status !== 'ok' || !c.samples.length) return { id: c.id, label: c.label, status: c.status, note: c.note };
  const med = median(c.samples);
  return {
    id: c.id,
    label: c.label,
    status: 'ok',
    mode: c.mode,
    runs: c.samples.length,
    batch: c.inner,
    lowerBound: Boolean(c.lowerBound),
    medianMs: med,
    medianCpuMs: c.cpuSamples.length ? median(c.cpuSamples) : null,
    minMs: Math.min(...c.samples),
    maxMs: Math.max(...c.samples),
    mbPerS: bytes / MB / (med / 1000),
    vsRemark: c.id === 'remark' ? null : ratio(c, remark),
    vsMarkdownlint: c.id === 'markdownlint' ? null : ratio(c, markdownlint),
    samplesMs: c.samples,
    cpuSamplesMs: c.cpuSamples,
    note: c.note,
  };
}

/** A Markdown table, padded so that it also reads well in a terminal. align: 'l' | 'r' per column. */
function table(headers, rows, align) {
  const width = (s) => [...s].length;
  const widths = headers.map((h, i) => Math.max(width(h), 3, ...rows.map((r) => width(String(r[i])))));
  const pad = (s, i) => {
    s = String(s);
    const fill = ' '.repeat(widths[i] - width(s));
    return align[i] === 'r' ? fill + s : s + fill;
  };
  const line = (cells) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (align[i] === 'r' ? '-'.repeat(w - 1) + ':' : '-'.repeat(w))).join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

// ---- Main --------------------------------------------------------------------------------------------

const cpus = os.cpus();
const meta = {
  timestamp: new Date().toISOString(),
  node: process.version,
  v8: process.versions.v8,
  cpu: cpus[0]?.model ?? 'unknown',
  cores: cpus.length,
  platform: `${process.platform} ${os.release()} ${process.arch}`,
  memoryGB: Math.round(os.totalmem() / 1e9),
  gitCommit: gitCommit(),
  options: { quick: QUICK, full: FULL, runs: RUNS, seed: SEED, peerLimitS: PEER_LIMIT_MS / 1000, core: path.relative(ROOT, CORE_PATH) },
  core: core.status,
  exposeGc: Boolean(gc),
};

function gitCommit() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) return null;
  const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() !== '';
  return r.stdout.trim() + (dirty ? '-dirty' : '');
}

console.error(`Benchmark: node ${meta.node}, ${meta.cpu} × ${meta.cores}, ${QUICK ? 'quick' : FULL ? 'full' : 'default'} mode, ${RUNS} runs`);
if (!gc) console.error('  · WARNING: global.gc is not exposed (run with node --expose-gc): no full GC between runs');
if (core.status !== 'ok') console.error(`  · core: ${core.status} (${core.note}); measuring the peers only`);

const sizes = [];
for (const size of LARGE_ONLY ? [] : SIZES) {
  const t0 = performance.now();
  const m = await measureSize(size);
  const remark = m.contenders.find((c) => c.id === 'remark');
  const mdl = m.contenders.find((c) => c.id === 'markdownlint');
  sizes.push({
    label: m.label,
    bytes: m.bytes,
    chars: m.chars,
    generated: m.generated,
    checks: m.checks,
    contenders: m.contenders.map((c) => summarize(c, m.bytes, remark, mdl)),
    seconds: (performance.now() - t0) / 1000,
  });
  progress(`${size.label} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

progress('non-notes corpus: check over the node_modules Markdown, against a process that only reads them');
const nonNotes = NO_LARGE ? { status: 'n/a', note: '--no-large' } : measureNonNotes();
const sliced = [];
if (!NO_LARGE && core.status === 'ok' && core.NotesAnalyzer && typeof core.NotesAnalyzer.prototype.updateInSlices === 'function') {
  for (const bytes of [1 * MB, 8 * MB]) {
    progress(`first analysis in slices, ${sizeLabel(bytes)}`);
    sliced.push(await measureSlices(bytes));
  }
}

const skipped = LARGE_ONLY && core.status === 'ok' ? { status: 'n/a', note: '--large-only' } : { status: core.status, note: core.note };
let memory = skipped;
let cold = skipped;
let coldProduction = skipped;
if (!LARGE_ONLY) progress('production build (scripts/build.mjs --production, in a temporary directory)');
const production = LARGE_ONLY ? { status: 'n/a', note: '--large-only' } : buildProduction();
if (production.status !== 'ok') progress(`production build ${production.status}: ${production.note}`);
const bundles = measureBundles(production);
if (core.status === 'ok' && !LARGE_ONLY) {
  progress(`heap of one ${sizeLabel(MEMORY_SIZE)} analysis (fresh process)`);
  memory = { size: sizeLabel(MEMORY_SIZE), ...measureMemory() };
  progress('cold load + first analysis');
  cold = measureColdLoad(CORE_PATH);
  const prodCore = production.status === 'ok' ? path.join(production.dir, 'dist/core.js') : null;
  coldProduction = prodCore && fs.existsSync(prodCore) ? measureColdLoad(prodCore) : { status: 'n/a', note: 'no production build' };
}
production.cleanup?.();

// ---- Targets --------------------------------------------------------------------------------------------

const find = (label, id) => sizes.find((s) => s.label === label)?.contenders.find((c) => c.id === id);
const targets = [];
const target = (name, limit, value, met, why) => targets.push({ name, limit, value, status: met === null ? `n/a${why ? ` (${why})` : ''}` : met ? 'met' : 'NOT met' });
const coreWhy = core.status === 'ok' ? 'not measured' : `core ${core.status}`;
const why = (quickReason) => (core.status !== 'ok' ? coreWhy : QUICK ? quickReason : 'not measured');

/** "a ≤ k × b" where b may be a lower bound: decided only if b's bound suffices. */
function vsPeer(r, k) {
  if (!r) return null;
  if (r.bound === '<') return r.value <= k ? true : null; // a/b < value: met if value ≤ k, else undecided
  if (r.bound === '>') return r.value > k ? false : null;
  return r.value <= k;
}
for (const s of sizes) {
  const a = find(s.label, 'analyze');
  const ok = a?.status === 'ok';
  target(`full analysis ≤ 1.15 × remark-parse (${s.label})`, '≤ 1.15×', ok ? fmtRatio(a.vsRemark) : a?.status ?? '–', ok ? vsPeer(a.vsRemark, 1.15) : null, ok ? 'peer not decisive' : coreWhy);
  target(`full analysis ≤ 0.8 × markdownlint (${s.label})`, '≤ 0.80×', ok ? fmtRatio(a.vsMarkdownlint) : a?.status ?? '–', ok ? vsPeer(a.vsMarkdownlint, 0.8) : null, ok ? 'peer not decisive' : coreWhy);
}
{
  const e = find('1 MB', 'edit');
  const a = find('1 MB', 'analyze');
  const ok = e?.status === 'ok' && a?.status === 'ok';
  target('edit + update ≤ 1/50 of full analysis (1 MB)', '≤ 0.020×', ok ? `${(e.medianMs / a.medianMs).toFixed(4)}×` : '–', ok ? e.medianMs <= a.medianMs / 50 : null, why('--quick'));
  target('edit + update < 10 ms (1 MB)', '< 10 ms', e?.status === 'ok' ? `${fmtMs(e.medianMs)} ms` : '–', e?.status === 'ok' ? e.medianMs < 10 : null, why('--quick'));
  const eb = find('1 MB', 'editBank');
  target('edit + update + bank < 10 ms (1 MB, tags and timing on)', '< 10 ms', eb?.status === 'ok' ? `${fmtMs(eb.medianMs)} ms` : '–', eb?.status === 'ok' ? eb.medianMs < 10 : null, why('--quick'));
  const e8 = find('8 MB', 'edit');
  target('edit + update < 10 ms (8 MB)', '< 10 ms', e8?.status === 'ok' ? `${fmtMs(e8.medianMs)} ms` : '–', e8?.status === 'ok' ? e8.medianMs < 10 : null, why('--quick'));
  const a8 = find('8 MB', 'analyze');
  const a64 = find('64 KB', 'analyze');
  const s8 = sizes.find((s) => s.label === '8 MB');
  const s64 = sizes.find((s) => s.label === '64 KB');
  const okp = a8?.status === 'ok' && a64?.status === 'ok';
  const perByte = okp ? a8.medianMs / s8.bytes / (a64.medianMs / s64.bytes) : null;
  target('full analysis cost per byte, 8 MB ÷ 64 KB', '≤ 1.30×', okp ? `${perByte.toFixed(2)}×` : '–', okp ? perByte <= 1.3 : null, why('--quick'));
  const memOk = memory.status === 'ok' && MEMORY_SIZE === 8 * MB;
  target('retained heap after 8 MB analysis ≤ 10 × file size (analyzer with its cache + model)', '≤ 10×', memory.status === 'ok' ? `${(memory.retained / memory.bytes).toFixed(2)}× (${memory.size})` : '–', memOk ? memory.retained <= 10 * memory.bytes : null, why('--quick: measured at 64 KB'));
  // The size that ships: the production build; the unminified one of `npm run build` when there is none.
  for (const b of bundles.filter((x) => x.target)) {
    const size = b.production ?? b.asBuilt;
    const which = b.production ? 'production build' : 'as built, unminified';
    target(`bundle ${b.name} ≤ 300 KB (${which})`, '≤ 300 KB', size ? fmtBytes(size.bytes) : 'absent', size ? size.bytes <= 300 * KB : null, 'not built');
  }
  // Two readings of "cold load plus first analysis": what loading the bundle and analysing cost in a
  // fresh process (the extension host is already running when the extension loads), and the same
  // counted from the process's start, Node's own boot (~55–70 ms here) included. Both are shown.
  const shipped = coldProduction.status === 'ok' ? [coldProduction, 'core.js, production build'] : [cold, `${path.relative(ROOT, CORE_PATH)} as built`];
  const [c, what] = shipped;
  const cok = c.status === 'ok';
  const cwhy = c.status === 'failed' ? 'failed' : coreWhy;
  target(`cold load + first analysis ≤ 100 ms (${what}: require + analyze in a fresh process)`, '≤ 100 ms', cok ? `${fmtMs(c.requireMs + c.analyzeMs)} ms` : '–', cok ? c.requireMs + c.analyzeMs <= 100 : null, cwhy);
  target(`cold load + first analysis ≤ 100 ms (${what}: from process start, Node's boot included)`, '≤ 100 ms', cok ? `${fmtMs(c.readyMs)} ms` : '–', cok ? c.readyMs <= 100 : null, cwhy);
}

if (nonNotes.status === 'ok') target('non-notes corpus: check ≤ 5 × a process that only reads the files', '≤ 5×', `${nonNotes.ratio.toFixed(2)}×`, nonNotes.ratio <= 5);
else target('non-notes corpus: check ≤ 5 × a process that only reads the files', '≤ 5×', '–', null, nonNotes.note);
for (const s of sliced) target(`longest blocking slice of a first analysis ≤ 50 ms (${s.size})`, '≤ 50 ms', `${fmtMs(s.longestMs)} ms`, s.longestMs <= 50);

// ---- Flat figures (for --compare) ---------------------------------------------------------------------

const figures = {};
for (const s of sizes) {
  for (const c of s.contenders) {
    if (c.status === 'ok') figures[`${s.label} · ${c.label} · median ms`] = { value: c.medianMs, lowerBound: c.lowerBound };
  }
}
if (memory.status === 'ok') {
  figures[`heap ${memory.size} · peak above baseline · bytes`] = { value: memory.peakAboveBaseline };
  figures[`heap ${memory.size} · retained · bytes`] = { value: memory.retained };
}
for (const b of bundles) {
  if (b.asBuilt) figures[`bundle ${b.name} (npm run build) · bytes`] = { value: b.asBuilt.bytes };
  if (b.production) figures[`bundle ${b.name} (production) · bytes`] = { value: b.production.bytes };
}
if (nonNotes.status === 'ok') {
  figures['non-notes corpus · check ms'] = { value: nonNotes.checkMs };
  figures['non-notes corpus · check ÷ read'] = { value: nonNotes.ratio };
}
for (const s of sliced) {
  figures[`first analysis in slices ${s.size} · longest slice ms`] = { value: s.longestMs };
  figures[`first analysis in slices ${s.size} · longest slice CPU ms`] = { value: s.longestCpuMs };
  figures[`first analysis in slices ${s.size} · MB/s`] = { value: s.mbPerS };
}
if (cold.status === 'ok') {
  figures['cold load + first analysis · ms from process start'] = { value: cold.readyMs };
  figures['cold load + first analysis · wall ms'] = { value: cold.wallMs };
}
if (coldProduction.status === 'ok') {
  figures['cold load + first analysis, production core · ms from process start'] = { value: coldProduction.readyMs };
  figures['cold load + first analysis, production core · wall ms'] = { value: coldProduction.wallMs };
}

// ---- Report ---------------------------------------------------------------------------------------------

const out = [];
out.push(`## Benchmark ${meta.timestamp}`, '');
out.push(`node ${meta.node} (V8 ${meta.v8}), ${meta.cpu} × ${meta.cores} cores, ${meta.platform}, ${meta.memoryGB} GB; ` +
  `${QUICK ? '--quick, ' : ''}${FULL ? '--full, ' : ''}${RUNS} runs, seed ${SEED}, core: ${core.status === 'ok' ? meta.options.core : `${core.status} (${core.note})`}` +
  `${meta.gitCommit ? `, commit ${meta.gitCommit}` : ''}.`, '');
out.push('Median ms per call; MB/s with 1 MB = 2^20 bytes of UTF-8; × = ratio of medians to the peer measured in the same run ' +
  '(> and < when the peer or the contender was stopped at a time limit, so its figure is a lower bound).', '');
const rows = [];
for (const s of sizes) {
  for (const c of s.contenders) {
    if (c.status !== 'ok') {
      rows.push([s.label, c.label, c.status, '–', '–', '–', '–', '–', '–', c.note ?? '']);
      continue;
    }
    const lb = c.lowerBound ? '> ' : '';
    rows.push([
      s.label,
      c.label,
      `${lb}${fmtMs(c.medianMs)}`,
      c.lowerBound ? '–' : `${fmtMs(c.minMs)}–${fmtMs(c.maxMs)}`,
      c.medianCpuMs === null ? '–' : fmtMs(c.medianCpuMs),
      c.lowerBound ? `< ${fmtNum(c.mbPerS)}` : fmtNum(c.mbPerS),
      c.id === 'remark' ? '1×' : fmtRatio(c.vsRemark),
      c.id === 'markdownlint' ? '1×' : fmtRatio(c.vsMarkdownlint),
      `${c.runs}${c.batch > 1 ? ` × ${c.batch}` : ''}`,
      c.note ?? '',
    ]);
  }
}
out.push(table(['size', 'contender', 'median ms', 'min–max ms', 'CPU ms', 'MB/s', '× remark-parse', '× markdownlint', 'runs', 'note'], rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']), '');
out.push('runs: timed runs (× calls per run, for small inputs), after warm-up rounds. CPU ms: median CPU time of this process ' +
  '(all its threads, GC helpers included) per call: well above the wall time means parallel GC work, well below it means the ' +
  'machine was busy with something else and the wall figures are inflated.', '');

const checkLines = [];
for (const s of sizes) {
  const c = s.checks;
  if (c.stories) checkLines.push(`${s.label}: model ${c.categories.model} categories / ${c.stories.model} stories, generated ${c.categories.generated} / ${c.stories.generated}${c.isNotes ? '' : ', isNotes = false!'}` +
    `${c.incrementalEqualsFull === undefined ? '' : typeof c.incrementalEqualsFull === 'string' ? `; update() vs analyze(): ${c.incrementalEqualsFull}` : c.incrementalEqualsFull ? '; update() after the edits = analyze() of the same text' : '; update() after the edits DIFFERS from analyze()'}`);
}
if (checkLines.length) out.push('Sanity checks:', '', ...checkLines.map((l) => `- ${l}`), '');

out.push('### Non-notes files and the first analysis of large files', '');
const large = [];
if (nonNotes.status === 'ok') {
  large.push([`non-notes corpus: check over ${nonNotes.files} node_modules Markdown files (${fmtBytes(nonNotes.bytes)})`, `${fmtMs(nonNotes.checkMs)} ms`,
    `${nonNotes.ratio.toFixed(2)} × a process that only reads them (${fmtMs(nonNotes.readMs)} ms); median of ${COLD_SPAWNS}; "${nonNotes.summary}"`]);
} else large.push(['non-notes corpus', nonNotes.status, nonNotes.note ?? '']);
for (const s of sliced) {
  large.push([`first analysis in slices, ${s.size}: longest blocking slice`, `${fmtMs(s.longestMs)} ms`, `median of ${s.runs}; CPU time of the longest-CPU slice ${fmtMs(s.longestCpuMs)} ms; ${s.slices} slices; the longest of all runs ${fmtMs(s.longestOfAllMs)} ms; the last ${fmtMs(s.lastMs)} ms${s.same ? '' : '; model DIFFERS from analyze()!'}`]);
  large.push([`first analysis in slices, ${s.size}: MB/s`, fmtNum(s.mbPerS), `${fmtMs(s.ms)} ms wall, ${fmtMs(s.cpuMs)} ms CPU`]);
}
out.push(table(['figure', 'value', 'detail'], large, ['l', 'r', 'l']), '');

out.push('### Heap, bundle, cold start', '');
const other = [];
if (memory.status === 'ok') {
  other.push([`heap, one ${memory.size} analysis: peak above baseline`, fmtBytes(memory.peakAboveBaseline), `${(memory.peakAboveBaseline / memory.bytes).toFixed(1)} × file; absolute peak ${fmtBytes(memory.peak)}; ${memory.gcsDuringAnalysis} GCs during the analysis`]);
  other.push([`heap, one ${memory.size} analysis: retained (analyzer + model)`, fmtBytes(memory.retained), `${(memory.retained / memory.bytes).toFixed(2)} × file (${fmtBytes(memory.bytes)}); baseline ${fmtBytes(memory.baseline)}`]);
} else other.push(['heap', memory.status, memory.note ?? '']);
for (const b of bundles) {
  other.push([`bundle ${b.name}, production build`, b.production ? fmtBytes(b.production.bytes) : production.status, b.production ? `${fmtBytes(b.production.gzipBytes)} gzipped` : production.note ?? '']);
  other.push([`bundle ${b.name}, as built (npm run build)`, b.asBuilt ? fmtBytes(b.asBuilt.bytes) : 'absent', b.asBuilt ? `${fmtBytes(b.asBuilt.gzipBytes)} gzipped, unminified` : '']);
}
for (const [c, what] of [[cold, `${path.relative(ROOT, CORE_PATH)} as built`], [coldProduction, 'core.js, production build']]) {
  if (c.status === 'ok') {
    other.push([`cold load + first analysis, ${what} (from process start)`, `${fmtMs(c.readyMs)} ms`, `median of ${c.spawns} spawns; ${c.source}; node ready at ${fmtMs(c.startMs)} ms, require ${fmtMs(c.requireMs)} ms, analyze ${fmtMs(c.analyzeMs)} ms`]);
    other.push([`cold load + first analysis, ${what} (wall, spawn to exit)`, `${fmtMs(c.wallMs)} ms`, 'seen by the parent process']);
  } else other.push([`cold load + first analysis, ${what}`, c.status, c.note ?? '']);
}
out.push(table(['figure', 'value', 'detail'], other, ['l', 'r', 'l']), '');
if (memory.status === 'ok') out.push(`Heap method: ${memory.method}.`, '');

out.push('### Targets', '');
out.push(table(['target', 'limit', 'measured', 'status'], targets.map((t) => [t.name, t.limit, t.value, t.status]), ['l', 'r', 'r', 'l']), '');

if (compareWith) {
  const old = compareWith.data.figures ?? {};
  const crow = [];
  for (const [k, v] of Object.entries(figures)) {
    const o = old[k];
    if (!o) continue;
    const bound = v.lowerBound || o.lowerBound ? ' (bound)' : '';
    crow.push([k, fmtNum(o.value), fmtNum(v.value), `${(v.value / o.value).toFixed(2)}×${bound}`]);
  }
  out.push(`### Compared with ${compareWith.file} (${compareWith.data.meta?.timestamp ?? '?'}, node ${compareWith.data.meta?.node ?? '?'}, ${compareWith.data.meta?.cpu ?? '?'})`, '');
  out.push(crow.length ? table(['figure', 'before', 'now', 'now ÷ before'], crow, ['l', 'r', 'r', 'r']) : 'No figure in common.', '');
}

const totalSeconds = (performance.now() - startedAt) / 1000;
out.push(`Total time ${totalSeconds.toFixed(1)} s.`);

const result = { meta, sizes, nonNotes, sliced, memory, bundles, coldLoad: cold, coldLoadProduction: coldProduction, targets, figures, totalSeconds };
const dir = path.join(ROOT, 'bench-results');
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${meta.timestamp.replace(/:/g, '-')}.json`);
const json = JSON.stringify(result, null, 2) + '\n';
fs.writeFileSync(file, json);
fs.writeFileSync(path.join(dir, 'latest.json'), json);
out.push(`Figures written to ${path.relative(ROOT, file)} and bench-results/latest.json.`);
console.log(out.join('\n'));
