// Times the floods of issue 17, items 6–10, each in a fresh process with a time limit, against the
// core built from source (tsx) or a bundle (`--core dist/core.js`). A small probe, not the benchmark
// (bench/run.mjs): it prints one Markdown table of wall-clock times, first analysis and, where the
// item is about typing, one keystroke after it (NotesAnalyzer.update with the change event).
//
//   node bench/probe-floods.mjs [--limit SECONDS] [--only SUBSTRING] [--core FILE]
//
// Wall time on a loaded machine varies by 2x or more; CPU time (user + system of the child) much less.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');

const story = (i) => `### ${i} Story ${i}\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: r\n\n`;
const HEAD = '## ✅ A. Category\n### 1 A story\n- **Situation**: s\n- **Task**: t\n- **Action**: a\n- **Result**: r\n\n';
const TAIL = '\n\n### 2 After the payload\n- **Situation**: s\n- **Task**: ❓\n';

/** Each case: the text, and where a keystroke goes (an offset and the inserted text), if it is typed into. */
const CASES = {
  'item 6: 2 500 disable/enable pairs': () => directives(2500),
  'item 6: 5 000 disable/enable pairs': () => directives(5000),
  'item 7: 20 000 stories in one category': () => {
    const text = '## A. Category\n' + Array.from({ length: 20_000 }, (_, i) => story(i + 1)).join('');
    // Adding a label: a new line in the last story.
    return { text, at: text.length - 1, insert: '\n- **Learning**: l' };
  },
  'item 8: 64 KB line of "<?"': () => ({ text: HEAD + 'x ' + '<?'.repeat(32 * 1024) + TAIL }),
  'item 8: 128 KB line of "<?"': () => ({ text: HEAD + 'x ' + '<?'.repeat(64 * 1024) + TAIL }),
  'item 9: <br> + 1 400 stories': () => {
    const text = '## A. Category\nSome paragraph\n<br>\n\n' + Array.from({ length: 1400 }, (_, i) => story(i + 1)).join('');
    return { text, at: text.length - 3, insert: 'x' };
  },
  'item 10: 200 000 list items': () => {
    const text = HEAD + Array.from({ length: 200_000 }, (_, i) => `- item ${i}`).join('\n') + TAIL;
    return { text, at: text.length - 2, insert: 'x' };
  },
  'item 10: 40 000-line log under a bullet': () => {
    const text = HEAD + '- log:\n' + Array.from({ length: 40_000 }, (_, i) => `12:00:${i} INFO request id=${i} done`).join('\n') + TAIL;
    return { text, at: text.length - 2, insert: 'x' };
  },
};

function directives(pairs) {
  const pair = (i) =>
    `<!-- interview-notes-disable placeholder -->\n### ${i} Story ${i}\n- **Situation**: s\n- **Task**: ❓\n- **Action**: a\n- **Result**: r\n<!-- interview-notes-enable placeholder -->\n\n`;
  const text = '## A. Category\n' + Array.from({ length: pairs }, (_, i) => pair(i + 1)).join('');
  return { text, at: text.indexOf('- **Action**: a') + 15, insert: 'x' };
}

/** Milliseconds of CPU (user + system) since `from`: less swayed by other processes than wall time. */
function cpuSince(from) {
  const { user, system } = process.cpuUsage(from);
  return (user + system) / 1000;
}

async function child(name, corePath) {
  const core = corePath.endsWith('.ts') ? await import(pathToFileURL(corePath).href) : (await import('node:module')).createRequire(import.meta.url)(corePath);
  const { text, at, insert } = CASES[name]();
  let started = performance.now();
  let cpu = process.cpuUsage();
  const analyzer = new core.NotesAnalyzer();
  const model = analyzer.update(text);
  const first = performance.now() - started;
  const firstCpu = cpuSince(cpu);
  const result = { first, firstCpu, chars: text.length, stories: [...core.eachStory(model.categories)].length, findings: model.findings.length };
  if (at !== undefined) {
    const edited = text.slice(0, at) + insert + text.slice(at);
    started = performance.now();
    cpu = process.cpuUsage();
    analyzer.update(edited, [{ rangeOffset: at, rangeLength: 0, text: insert }]);
    result.keystroke = performance.now() - started;
    result.keystrokeCpu = cpuSince(cpu);
  }
  process.stdout.write(JSON.stringify(result));
}

const { values: opts } = parseArgs({
  options: { limit: { type: 'string', default: '300' }, only: { type: 'string' }, core: { type: 'string' }, child: { type: 'string' } },
});
const corePath = path.resolve(ROOT, opts.core ?? 'src/core/index.ts');
if (opts.child) {
  await child(opts.child, corePath);
} else {
  const seconds = (ms) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`);
  console.log('| case | size | first analysis (wall / CPU) | keystroke (wall / CPU) | stories, findings |');
  console.log('|---|---:|---:|---:|---|');
  for (const name of Object.keys(CASES)) {
    if (opts.only && !name.includes(opts.only)) continue;
    const args = [...(corePath.endsWith('.ts') ? ['--import', 'tsx'] : []), fileURLToPath(import.meta.url), '--child', name, '--core', corePath];
    const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: Number(opts.limit) * 1000, maxBuffer: 1 << 24 });
    if (run.status !== 0) {
      console.log(`| ${name} | | ${run.signal ? `> ${opts.limit} s (stopped)` : `failed: ${(run.stderr || '').split('\n')[0]}`} | | |`);
      continue;
    }
    const r = JSON.parse(run.stdout);
    console.log(`| ${name} | ${(r.chars / 1024).toFixed(0)} KB | ${seconds(r.first)} / ${seconds(r.firstCpu)} | ${r.keystroke === undefined ? '—' : `${seconds(r.keystroke)} / ${seconds(r.keystrokeCpu)}`} | ${r.stories}, ${r.findings} |`);
  }
}
