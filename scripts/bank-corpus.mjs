// Figures of the story-bank functions on ../shared/corpus: how many stories got tags, the speaking-time
// distribution, how many stories each coach rule flags, and the flagged texts to read by hand.
// Run: node --import tsx scripts/bank-corpus.mjs [--show RULE] [--dir DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// The package is CommonJS, so tsx hands the TypeScript modules to an .mjs as one default export.
const load = async (path) => { const m = await import(path); return m.default ?? m; };
const { analyze } = await load('../src/core/index.ts');
const { bankStories, COACH_RULES, coachStory, formatDuration } = await load('../src/core/bank/index.ts');

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dir = option('--dir') ?? '../shared/corpus';
const show = option('--show');

const all = [];
const flagged = Object.fromEntries(COACH_RULES.map((r) => [r.id, []]));
const enabled = Object.fromEntries(COACH_RULES.map((r) => [r.id, true]));
for (const name of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
  const text = readFileSync(join(dir, name), 'utf8');
  const model = analyze(text);
  if (!model.isNotes) continue;
  const bank = bankStories(text, model, { file: name });
  const models = [];
  const walk = (s) => { models.push(s); s.stories.forEach(walk); };
  model.categories.forEach((c) => c.stories.forEach(walk));
  bank.forEach((story, i) => {
    all.push(story);
    for (const f of coachStory({ text, story: models[i], time: story.time, tags: story.tags, options: {} }, enabled)) {
      flagged[f.rule].push({ file: name, title: story.title, message: f.message, text, story: models[i], f });
    }
  });
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] ?? 0;
const scripts = all.filter((s) => s.time.words >= 60).map((s) => s.time.seconds).sort((a, b) => a - b);
const seconds = all.map((s) => s.time.seconds).sort((a, b) => a - b);
console.log(`stories: ${all.length}, with tags: ${all.filter((s) => s.tags.tags.length).length}, with suggested tags: ${all.filter((s) => s.tags.suggested.length).length}`);
console.log(`tag sources: ${JSON.stringify(all.flatMap((s) => s.tags.tags.map((t) => t.source)).reduce((m, k) => ((m[k] = (m[k] ?? 0) + 1), m), {}))}`);
console.log(`time, all stories: median ${formatDuration(quantile(seconds, 0.5))}, p75 ${formatDuration(quantile(seconds, 0.75))}, max ${formatDuration(seconds.at(-1) ?? 0)}`);
console.log(`time, stories of 60+ words (${scripts.length}): median ${formatDuration(quantile(scripts, 0.5))}, p75 ${formatDuration(quantile(scripts, 0.75))}, max ${formatDuration(scripts.at(-1) ?? 0)}`);
for (const [rule, list] of Object.entries(flagged)) console.log(`${rule}: ${list.length} stories`);

if (show) {
  for (const { file, title, message, text, story, f } of flagged[show] ?? []) {
    const part = show === 'first-person-action' ? 'action' : show === 'unquantified-result' ? 'result' : undefined;
    const body = part ? story.sections.filter((s) => s.part === part).map((s) => text.slice(s.span.start, s.span.end)).join('\n') : text.slice(f.span.start, Math.min(f.span.end + 200, text.length));
    console.log(`\n=== ${file} — ${title}\n${message}\n${body.slice(0, 700)}`);
  }
}
