// Fidelity of the reading: scores the checker (dist/core.js) against the hand labels of the shared
// corpus (../shared/corpus/labels/labels.json), following the scoring rules of its README exactly.
//
//   npm run eval                       build, then this script
//   node scripts/eval.mjs [--core dist/core.js] [--labels <dir>] [--json-only]
//
// Scoring (../shared/corpus/labels/README.md):
// - Only `confidence: high` stories count. A predicted story (sub-stories included) matches a label
//   when its line is the label's `line`, one of its `line_alternatives`, or its `parent`'s line.
// - Recall: matched high-confidence labels / all high-confidence labels.
// - Precision: matched predicted stories / all predicted stories. A predicted story that matches only
//   a low-confidence label is a judgement call either way: it counts neither for nor against.
// - Status agreement: among matched labels, the predicted status equals `status` (or `alt.status`).
// - Part agreement: among matched labels, the set of parts predicted present (the four minus
//   `missing`) equals `parts`.
// - Files of kind guide, questions or empty must get no findings (of any severity).
// Files are decoded as the labels were: UTF-8, else Windows-1252; lines split at CRLF, CR or LF.
//
// Prints a per-file table and the totals against the targets, and writes eval-results/<ISO>.json and
// eval-results/latest.json. Exits 0 when the corpus is missing (machines without ../shared).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const { values: opts } = parseArgs({
  options: {
    core: { type: 'string', default: 'dist/core.js' },
    labels: { type: 'string', default: path.join(ROOT, '..', 'shared', 'corpus', 'labels') },
    'json-only': { type: 'boolean', default: false },
  },
});

const TARGETS = { recall: 0.97, precision: 0.97, status: 0.95, parts: 0.9 };
const REQUIRED = ['situation', 'task', 'action', 'result'];
const NO_FINDINGS_KINDS = new Set(['guide', 'questions', 'empty']);

const labelsDir = path.resolve(opts.labels);
const labelsFile = path.join(labelsDir, 'labels.json');
if (!fs.existsSync(labelsFile)) {
  console.log(`eval: no corpus labels at ${labelsFile} (the shared corpus is not on this machine); nothing to score.`);
  process.exit(0);
}
const corpusDir = path.dirname(labelsDir);
const labels = JSON.parse(fs.readFileSync(labelsFile, 'utf8'));
const { analyze } = createRequire(import.meta.url)(path.resolve(ROOT, opts.core));

/** Where a labelled file lives: the corpus, or (the seed notes) the shared examples. */
function locate(name) {
  for (const dir of [corpusDir, path.join(corpusDir, '..', 'examples')]) {
    const p = path.join(dir, name);
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

function decode(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // `stream: true`: Node's windows-1252 fast path decodes 0x80–0x9F as Latin-1 (nodejs/node#56542),
    // which turns `–` into U+0096; the labels were made with real Windows-1252.
    return new TextDecoder('windows-1252').decode(bytes, { stream: true });
  }
}

function lineOf(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function lineStarts(text) {
  const starts = [0];
  const re = /\r\n?|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

function predictedStories(model, starts) {
  const out = [];
  const walk = (s) => {
    out.push({
      line: lineOf(starts, s.heading.start),
      title: s.title,
      status: s.status,
      parts: REQUIRED.filter((p) => !s.missing.includes(p)),
    });
    for (const sub of s.stories) walk(sub);
  };
  for (const c of model.categories) for (const s of c.stories) walk(s);
  return out;
}

/** How well a prediction's line fits a label: 0 its line, 1 an alternative, 2 its parent's; -1 none. */
function fit(label, line) {
  if (label.line === line) return 0;
  if ((label.line_alternatives ?? []).includes(line)) return 1;
  if (label.parent?.line === line) return 2;
  return -1;
}

const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));

const files = [];
for (const [name, record] of Object.entries(labels)) {
  const file = locate(name);
  if (!file) {
    files.push({ name, missing: true });
    continue;
  }
  const text = decode(fs.readFileSync(file));
  const starts = lineStarts(text);
  const model = analyze(text);
  const predicted = predictedStories(model, starts);
  const high = record.stories.filter((s) => s.confidence === 'high');
  const low = record.stories.filter((s) => s.confidence !== 'high');

  let matched = 0;
  let statusAgree = 0;
  let partsAgree = 0;
  const misses = [];
  const disagreements = [];
  for (const label of high) {
    let best;
    let bestFit = 3;
    for (const p of predicted) {
      const f = fit(label, p.line);
      if (f >= 0 && f < bestFit) [best, bestFit] = [p, f];
    }
    if (!best) {
      misses.push({ line: label.line, title: label.title });
      continue;
    }
    matched++;
    const statusOk = best.status === label.status || best.status === label.alt?.status;
    const labelParts = label.parts.filter((p) => REQUIRED.includes(p));
    const partsOk = sameSet(best.parts, labelParts);
    if (statusOk) statusAgree++;
    if (partsOk) partsAgree++;
    if (!statusOk || !partsOk) {
      disagreements.push({ line: label.line, title: label.title, expected: { status: label.status, parts: labelParts }, predicted: { line: best.line, status: best.status, parts: best.parts } });
    }
  }
  let predictedMatched = 0;
  let predictedNeutral = 0;
  const extras = [];
  for (const p of predicted) {
    if (high.some((l) => fit(l, p.line) >= 0)) predictedMatched++;
    else if (low.some((l) => fit(l, p.line) >= 0)) predictedNeutral++;
    else extras.push({ line: p.line, title: p.title });
  }
  const mustBeClean = NO_FINDINGS_KINDS.has(record.kind);
  files.push({
    name,
    kind: record.kind,
    isNotes: model.isNotes,
    labelled: high.length,
    matched,
    predicted: predicted.length - predictedNeutral,
    predictedMatched,
    statusAgree,
    partsAgree,
    findings: model.findings.length,
    mustBeClean,
    misses,
    extras,
    disagreements,
  });
}

const scored = files.filter((f) => !f.missing);
const sum = (key) => scored.reduce((n, f) => n + f[key], 0);
const ratio = (a, b) => (b === 0 ? 1 : a / b);
const totals = {
  labelled: sum('labelled'),
  matched: sum('matched'),
  predicted: sum('predicted'),
  predictedMatched: sum('predictedMatched'),
  statusAgree: sum('statusAgree'),
  partsAgree: sum('partsAgree'),
  findingsOnNonNotes: scored.filter((f) => f.mustBeClean).reduce((n, f) => n + f.findings, 0),
};
totals.recall = ratio(totals.matched, totals.labelled);
totals.precision = ratio(totals.predictedMatched, totals.predicted);
totals.status = ratio(totals.statusAgree, totals.matched);
totals.parts = ratio(totals.partsAgree, totals.matched);
const met = {
  recall: totals.recall >= TARGETS.recall,
  precision: totals.precision >= TARGETS.precision,
  status: totals.status >= TARGETS.status,
  parts: totals.parts >= TARGETS.parts,
  findingsOnNonNotes: totals.findingsOnNonNotes === 0,
};

const pct = (x) => `${(100 * x).toFixed(1)} %`;
const frac = (a, b) => (b === 0 ? '—' : `${a}/${b}`);
if (!opts['json-only']) {
  const rows = [['file', 'kind', 'recall', 'precision', 'status', 'parts', 'findings']];
  for (const f of files) {
    if (f.missing) {
      rows.push([f.name, 'missing', '', '', '', '', '']);
      continue;
    }
    rows.push([
      f.name.length > 60 ? `${f.name.slice(0, 57)}…` : f.name,
      f.kind,
      frac(f.matched, f.labelled),
      frac(f.predictedMatched, f.predicted),
      frac(f.statusAgree, f.matched),
      frac(f.partsAgree, f.matched),
      f.mustBeClean ? `${f.findings} (must be 0)` : String(f.findings),
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
  console.log('');
  const mark = (ok) => (ok ? 'met' : 'NOT met');
  console.log(`story recall      ${pct(totals.recall)} (${totals.matched}/${totals.labelled})  target ≥ ${pct(TARGETS.recall)}  ${mark(met.recall)}`);
  console.log(`story precision   ${pct(totals.precision)} (${totals.predictedMatched}/${totals.predicted})  target ≥ ${pct(TARGETS.precision)}  ${mark(met.precision)}`);
  console.log(`status agreement  ${pct(totals.status)} (${totals.statusAgree}/${totals.matched})  target ≥ ${pct(TARGETS.status)}  ${mark(met.status)}`);
  console.log(`part agreement    ${pct(totals.parts)} (${totals.partsAgree}/${totals.matched})  target ≥ ${pct(TARGETS.parts)}  ${mark(met.parts)}`);
  console.log(`findings on guide/questions/empty files  ${totals.findingsOnNonNotes}  target 0  ${mark(met.findingsOnNonNotes)}`);
  if (process.env.EVAL_VERBOSE) {
    for (const f of scored) {
      if (!f.misses.length && !f.extras.length && !f.disagreements.length) continue;
      console.log(`\n${f.name}`);
      for (const m of f.misses) console.log(`  missed   ${m.line}: ${m.title}`);
      for (const x of f.extras) console.log(`  extra    ${x.line}: ${x.title}`);
      for (const d of f.disagreements) console.log(`  differs  ${d.line}: ${d.title} — expected ${d.expected.status} [${d.expected.parts}], got ${d.predicted.status} [${d.predicted.parts}] at ${d.predicted.line}`);
    }
  }
}

const outDir = path.join(ROOT, 'eval-results');
fs.mkdirSync(outDir, { recursive: true });
const result = { date: new Date().toISOString(), core: opts.core, targets: TARGETS, totals, met, files };
const json = `${JSON.stringify(result, null, 2)}\n`;
fs.writeFileSync(path.join(outDir, `${result.date.replace(/[:.]/g, '-')}.json`), json);
fs.writeFileSync(path.join(outDir, 'latest.json'), json);
if (!opts['json-only']) console.log(`\nfigures written to eval-results/latest.json (set EVAL_VERBOSE=1 for each miss, extra and disagreement)`);
