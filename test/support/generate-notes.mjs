// Deterministic generator of behavioral-interview notes in the user's style, for the benchmark.
//
//   generateNotes(targetBytes, seed) -> string     (UTF-8 size within ±5% of targetBytes, usually within 1%)
//   generateNotesDetailed(targetBytes, seed) -> { text, stats }
//
// The same (targetBytes, seed) always gives the same text: all randomness comes from a seeded
// mulberry32 PRNG, never Math.random. The document grows by appending categories of 5–10 stories;
// the last category is cut where the next story would overshoot the target, and a short story of
// TODO lines fills the remainder.
//
// What the text contains (the mix the analyzer must cope with):
//   - categories `## ✅ A. Title`, `## B. Title`, `## Title`, now and then a mis-encoded `## ‚úÖ C. Title`
//   - stories `### 1 title`, `### 4. title`, `### title`
//   - complete STAR stories (`- **Situation**: …` … `- **Result**: …`, Action spread over continuation
//     lines and nested bullets), sometimes with a Learning part or another label style
//   - incomplete stories (no Result, or another part missing), empty parts (`- **Task**:` and nothing)
//   - empty stories (a heading alone, or one `- **Decision taken …** ? ❓` line)
//   - sub-stories (`- **story-1**` with nested bullets, sometimes a nested STAR)
//   - ❓ and 🔸 marks, TODO lines, links, accents and CJK text
//   - mis-encoded emoji (`‚úÖ`, `‚ùì`, `üî∏`: UTF-8 bytes read as Mac Roman)
//   - fenced code blocks, some containing `### headings` and `- **Situation**:` lines that are code,
//     not stories
//   - a YAML front matter block and `---` thematic breaks between categories

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. Returns a function giving floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The mis-encoded forms: the UTF-8 bytes of the emoji read as Mac Roman.
// ✅ = E2 9C 85 → ‚úÖ; ❓ = E2 9D 93 → ‚ùì; 🔸 = F0 9F 94 B8 → üî∏ (F0 is the Apple logo, U+F8FF in Mac
// Roman, which is invisible in most fonts and usually lost on copy-paste, so it is left out as in the user's notes).
export const MOJIBAKE = { done: '\u201A\u00FA\u00D6', question: '\u201A\u00F9\u00EC', diamond: '\uF8FF\u00FC\u00EE\u220F' };

const CATEGORY_TITLES = [
  'Handling Disagreements', 'Leadership', 'Dealing with Failure', 'Ownership', 'Conflict with a Manager',
  'Tight Deadlines', 'Mentoring', 'Ambiguity', 'Customer Obsession', 'Influence without Authority',
  'Biggest Mistake', 'Cross-team Collaboration', 'Prioritization', 'Delivering Results', 'Learning Something New',
  'Giving Difficult Feedback', 'Disagree and Commit', 'Bias for Action', 'Dive Deep', 'Frugality',
  'Earning Trust', 'Hiring and Developing', 'Innovation', 'Handling Pressure', 'Working with Offshore Teams',
];

const STORY_TITLES = [
  'disagreement on system design', 'convince senior', 'Convince junior', 'missed deadline on the billing release',
  'pushed back on scope', 'took over a failing project', 'on-call incident at 3 am', 'migrated the ETL to Spark',
  'mentored a new hire', 'conflict about code review', 'stakeholder wanted a shortcut', 'reduced cloud cost',
  'rewrote the inbound module', 'unclear requirements from product', 'data loss in staging',
  'négociation with the vendor', 'launch in Japan (日本チーム)', 'performance regression', 'security finding in prod',
  'hiring loop redesign', 'offshore hand-over', 'postmortem culture', 'deprecated the legacy API',
  'customer escalation', 'flaky test suite', 'introduced feature flags', 'schema change gone wrong',
  'volunteered for the rewrite', 'café-app onboarding flow', 'weekend deployment',
];

const SYSTEMS = [
  'the inbound ETL process', 'app-6\'s inbound module', 'the billing pipeline', 'the order service',
  'our Kafka consumers', 'the reporting warehouse', 'the mobile checkout', 'the search indexer',
  'the payments gateway', 'the CI pipeline', 'the notification service', 'the 数据迁移 (data migration) job',
  'the partner API', 'the résumé-parsing service', 'the Postgres cluster', 'the feature-flag service',
];

const PEOPLE = [
  'my team', 'the tech lead', 'a senior engineer', 'a junior developer', 'the product manager',
  'the offshore team', 'my manager', 'the SRE on call', 'the architect', 'two other teams', 'the QA lead',
  'Zoë from data science', 'the director', 'the 한국 partner team',
];

const VERBS = [
  'proposed', 'designed', 'reviewed', 'benchmarked', 'documented', 'prototyped', 'refactored', 'measured',
  'split', 'rolled out', 'rolled back', 'automated', 'estimated', 'negotiated', 'escalated', 'paired on',
];

const OUTCOMES = [
  'latency dropped by 40%', 'we shipped two weeks early', 'the error rate fell below 0.1%',
  'the team adopted the design', 'we saved about $12k a month', 'on-call pages went from 30 to 4 a week',
  'the customer renewed', 'the junior dev now owns the module', 'the release slipped by one sprint',
  'the migration finished with zero downtime', 'we agreed on a naïve but safe first version',
  'throughput doubled', 'the postmortem became a template',
];

const LEARNINGS = [
  'Bring data, not opinions.', 'Write the decision down early.', 'Disagree in private, commit in public.',
  'Ask what success looks like before starting.', 'Small reversible steps beat big plans.',
  'Over-communicate with remote teams.',
];

const LINKS = [
  '[design doc](https://example.com/docs/etl-v2)', '[RFC-42](https://wiki.example.org/rfc/42)',
  '<https://jira.example.com/browse/OPS-1234>', '[dashboard](https://grafana.example.net/d/abc?orgId=1)',
  '[postmortem](./postmortems/2023-04-outage.md)',
];

const TODOS = [
  'TODO: add numbers', 'TODO: check dates with the PM', 'TODO add the outcome', 'TODO: shorten this',
  'TODO: find a better example', 'TODO: what was my role exactly?', 'TODO: metrics from the dashboard',
];

// [info string, ...lines]
const CODE_SNIPPETS = [
  ['sql', 'SELECT order_id, status', 'FROM inbound_orders', "WHERE created_at > now() - interval '1 day';"],
  ['python', 'def retry(fn, attempts=3):', '    for i in range(attempts):', '        try:', '            return fn()',
    '        except TimeoutError:', '            continue'],
  ['yaml', 'etl:', '  batch_size: 500', '  schedule: "*/5 * * * *"'],
  ['', 'kubectl rollout undo deployment/inbound', 'kubectl get pods -l app=inbound'],
];

// A code block that looks like notes: none of this may count as a story or a STAR part.
const FAKE_NOTES_SNIPPETS = [
  ['md', '### 9. not a real story', '- **Situation**: this is inside a code block', '- **Task**:', '- **Result**: ❓'],
  ['markdown', '## ✅ Z. Not a category', '### copied template', '- **Situation**:', '- **Task**:', '- **Action**:', '- **Result**:'],
  ['', '- **Situation**: template line from the interview prep doc', '- **Action**: TODO'],
];

/** Generate notes of about `targetBytes` UTF-8 bytes. */
export function generateNotes(targetBytes, seed = 1) {
  return generateNotesDetailed(targetBytes, seed).text;
}

/**
 * Generate notes and report what was written (counts of the generated structures, outside code blocks),
 * so a benchmark can check that an analyzer saw the same document.
 */
export function generateNotesDetailed(targetBytes, seed = 1) {
  if (!Number.isFinite(targetBytes) || targetBytes <= 0) throw new RangeError('targetBytes must be a positive number');
  const rnd = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1)); // inclusive
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const chance = (p) => rnd() < p;

  const stats = {
    bytes: 0, categories: 0, doneCategories: 0, stories: 0, completeStories: 0, incompleteStories: 0,
    emptyStories: 0, storiesWithSubstories: 0, substories: 0, emptyParts: 0, codeBlocks: 0, fakeNotesCodeBlocks: 0,
    questionMarks: 0, diamonds: 0, mojibake: 0, todos: 0, links: 0,
  };

  const parts = [];
  let bytes = 0;
  const push = (s) => { parts.push(s); bytes += Buffer.byteLength(s, 'utf8'); };

  // ---- Pieces of text --------------------------------------------------------------------------

  const question = () => { stats.questionMarks++; if (chance(0.12)) { stats.mojibake++; return MOJIBAKE.question; } return '❓'; };
  const diamond = () => { stats.diamonds++; if (chance(0.12)) { stats.mojibake++; return MOJIBAKE.diamond; } return '🔸'; };
  const link = () => { stats.links++; return pick(LINKS); };
  const todo = () => { stats.todos++; return pick(TODOS); };

  const sentence = () => {
    const kind = int(0, 5);
    let s;
    switch (kind) {
      case 0: s = `I ${pick(VERBS)} a new approach for ${pick(SYSTEMS)}`; break;
      case 1: s = `${capitalize(pick(PEOPLE))} wanted to change ${pick(SYSTEMS)} before the release`; break;
      case 2: s = `We ${pick(VERBS)} ${pick(SYSTEMS)} with ${pick(PEOPLE)}`; break;
      case 3: s = `I ${pick(VERBS)} the plan and shared it with ${pick(PEOPLE)}`; break;
      case 4: s = `The deadline was ${int(2, 6)} weeks and ${pick(PEOPLE)} was on leave`; break;
      default: s = `${capitalize(pick(PEOPLE))} and I ${pick(VERBS)} ${pick(SYSTEMS)} together`; break;
    }
    if (chance(0.12)) s += ` (see ${link()})`;
    if (chance(0.06)) s += ` ${diamond()}`;
    if (chance(0.05)) s += ` ? ${question()}`;
    return s + '.';
  };
  const sentences = (lo, hi) => Array.from({ length: int(lo, hi) }, sentence).join(' ');

  const codeBlock = (indent) => {
    stats.codeBlocks++;
    let body;
    if (chance(0.45)) { stats.fakeNotesCodeBlocks++; body = pick(FAKE_NOTES_SNIPPETS); } else body = pick(CODE_SNIPPETS);
    const fence = chance(0.15) ? '~~~' : '```';
    const [lang, ...code] = body;
    const lines = [fence + lang, ...code, fence];
    return lines.map((l) => (l ? indent + l : l)).join('\n') + '\n';
  };

  // The label of a STAR part in the user's usual style, or (rarely) another one.
  const PART_NAMES = { situation: 'Situation', task: 'Task', action: 'Action', result: 'Result', learning: 'Learning' };

  // One STAR part as `- **Label**: text` (indent for nested STAR under a sub-story).
  const starPart = (part, indent, empty, code) => {
    const name = PART_NAMES[part];
    if (empty) { stats.emptyParts++; return `${indent}- **${name}**:${chance(0.3) ? ' ' + (chance(0.5) ? 'TODO' : '…') : ''}\n`; }
    let text = `${indent}- **${name}**: ${sentences(1, 2)}\n`;
    if (part === 'action') {
      // Multi-line: continuation lines, sometimes nested bullets, sometimes a code block.
      const cont = int(1, 3);
      for (let i = 0; i < cont; i++) text += `${indent}  ${sentences(1, 2)}\n`;
      if (chance(0.35)) {
        const n = int(2, 4);
        for (let i = 0; i < n; i++) text += `${indent}    - ${sentence()}${chance(0.1) ? ' ' + diamond() : ''}\n`;
      }
      if (chance(0.08)) text += `${indent}    - ${todo()}\n`;
      if (code) text += codeBlock(indent + '  ');
    }
    if (part === 'result' && chance(0.7)) text = `${indent}- **${name}**: ${`${capitalize(pick(OUTCOMES))}. ${sentences(0, 1)}`.trimEnd()}\n`;
    return text;
  };

  // A full or partial STAR block, in list-bold style (the user's), sometimes bold or plain paragraphs.
  const starBlock = (indent, missing, emptyParts, code = false) => {
    const style = indent ? 'list-bold' : chance(0.93) ? 'list-bold' : chance(0.6) ? 'bold' : 'plain';
    let out = '';
    const order = ['situation', 'task', 'action', 'result'];
    if (chance(0.15)) order.push('learning');
    for (const part of order) {
      if (missing.includes(part)) continue;
      const empty = emptyParts.includes(part);
      if (style === 'list-bold' || part === 'learning') {
        if (part === 'learning') out += empty ? starPart(part, indent, true) : `${indent}- **${PART_NAMES[part]}**: ${pick(LEARNINGS)}\n`;
        else out += starPart(part, indent, empty, code && part === 'action');
      } else {
        // `**Situation:** text` or `Situation: text`, each its own paragraph.
        const label = style === 'bold' ? `**${PART_NAMES[part]}:**` : `${PART_NAMES[part]}:`;
        if (empty) { stats.emptyParts++; out += `${label}\n\n`; } else out += `${label} ${sentences(1, 3)}\n\n`;
      }
    }
    return out;
  };

  // ---- Stories ---------------------------------------------------------------------------------

  let storyNumber = 0;
  const storyHeading = () => {
    storyNumber++;
    const title = pick(STORY_TITLES);
    const r = rnd();
    if (r < 0.6) return `### ${storyNumber}. ${title}\n`;
    if (r < 0.9) return `### ${storyNumber} ${title}\n`;
    return `### ${capitalize(title)}\n`;
  };

  // Returns the text of one story and the stats it would add (applied only if the story is kept).
  const story = () => {
    const s = { stories: 1, completeStories: 0, incompleteStories: 0, emptyStories: 0, storiesWithSubstories: 0, substories: 0 };
    let out = storyHeading();
    const r = rnd();
    if (r < 0.42) {
      // Complete STAR, sometimes a code block in the Action, sometimes an empty part (→ incomplete).
      const empty = chance(0.12) ? [pick(['task', 'situation', 'result'])] : [];
      out += starBlock('', [], empty, chance(0.12));
      if (empty.length) s.incompleteStories++; else s.completeStories++;
    } else if (r < 0.6) {
      // Incomplete: usually no Result, sometimes another part missing too.
      const missing = ['result'];
      if (chance(0.25)) missing.push(pick(['situation', 'task']));
      out += starBlock('', missing, chance(0.2) ? ['action'] : []);
      if (chance(0.4)) out += `- ${todo()}\n`;
      s.incompleteStories++;
    } else if (r < 0.7) {
      // Empty story: a heading alone, or a single open question.
      if (chance(0.5)) out += `- **Decision taken for ${pick(['offshore', 'the vendor', 'the rewrite', 'hiring'])}** ? ${question()}\n`;
      s.emptyStories++;
    } else if (r < 0.84) {
      // Sub-stories: `- **story-1**` with nested bullets or a nested STAR.
      const n = int(2, 3);
      s.storiesWithSubstories++;
      s.substories += n;
      let allComplete = true;
      for (let i = 1; i <= n; i++) {
        out += chance(0.5) ? `- **story-${i}**\n` : `- **story-${i}**: ${pick(SYSTEMS)}\n`;
        const k = rnd();
        if (k < 0.4) {
          const missing = chance(0.3) ? ['result'] : [];
          if (missing.length) allComplete = false;
          out += starBlock('    ', missing, []);
        } else {
          allComplete = false;
          if (k < 0.85) {
            const m = int(1, 3);
            for (let j = 0; j < m; j++) out += `    - ${pick(SYSTEMS)}${chance(0.5) ? ' ' + diamond() : ''}\n`;
          } // else: a bare sub-story
        }
      }
      // Complete only if every sub-story has a full STAR; counted loosely (the benchmark does not assert it).
      if (allComplete) s.completeStories++; else s.incompleteStories++;
    } else if (r < 0.92) {
      // Notes in a code block that look like a story (must not count) plus a partial STAR.
      out += `- **Situation**: ${sentences(1, 2)}\n`;
      out += codeBlock('');
      out += `- **Action**: ${sentences(1, 2)}\n  ${sentences(1, 1)}\n`;
      if (chance(0.3)) out += `- ${todo()}\n`;
      s.incompleteStories++;
    } else {
      // Complete STAR plus loose notes: a TODO line, a question, a link.
      out += starBlock('', [], []);
      out += `\nNotes: ${sentence()} ${chance(0.5) ? question() : link()}\n`;
      if (chance(0.5)) out += `- ${todo()}\n`;
      s.completeStories++;
    }
    if (chance(0.1)) out += '\n'; // the user sometimes leaves a blank line after a story
    return { text: out, s };
  };

  // ---- Document --------------------------------------------------------------------------------

  push(`---\ntitle: Behavioral interview notes\nupdated: 2024-0${(seed % 9) + 1}-15\ntags: [interview, star]\n---\n\n`);
  push(`# Behavioral Interview Notes\n\nStories for the loop, in STAR form. ✅ = ready to tell, ${'❓'} = open question, ${'🔸'} = needs detail.\nSee ${'[the prep guide](https://example.com/prep)'} and ${'<https://example.com/lp>'}.\n\n`);
  stats.links += 2;

  const fits = (s) => bytes + Buffer.byteLength(s, 'utf8') <= targetBytes;
  const keepStory = (st) => {
    push(st.text);
    for (const k of Object.keys(st.s)) stats[k] += st.s[k];
  };

  let categoryIndex = 0;
  let full = false;
  while (!full) {
    const title = CATEGORY_TITLES[categoryIndex % CATEGORY_TITLES.length];
    const label = categoryLabel(categoryIndex);
    const round = Math.floor(categoryIndex / CATEGORY_TITLES.length);
    const fullTitle = round ? `${title} (${round + 1})` : title;
    categoryIndex++;
    let heading;
    // The first categories show each heading form once (`## ✅ A.`, `## B.`, mis-encoded, no label); then random.
    const r = categoryIndex <= 4 ? [0.1, 0.5, 0.45, 0.9][categoryIndex - 1] : rnd();
    let done = false;
    if (r < 0.4) { heading = `## ✅ ${label}. ${fullTitle}\n`; done = true; }
    else if (r < 0.47) { heading = `## ${MOJIBAKE.done} ${label}. ${fullTitle}\n`; done = true; stats.mojibake++; }
    else if (r < 0.85) heading = `## ${label}. ${fullTitle}\n`;
    else heading = `## ${fullTitle}\n`;
    const separator = categoryIndex > 1 && chance(0.7) ? '---\n\n' : '';
    // A category is only started if its heading and a first story fit.
    const first = story();
    if (!fits(separator + heading + first.text)) break;
    push(separator + heading);
    stats.categories++;
    if (done) stats.doneCategories++;
    if (chance(0.2)) push(`${sentences(1, 1)}\n\n`);
    keepStory(first);
    const n = int(5, 10);
    for (let i = 1; i < n; i++) {
      const st = story();
      if (!fits(st.text)) { full = true; break; }
      keepStory(st);
    }
    if (!full) push('\n');
  }

  // Top up with whatever stories still fit (a few tries), then fill the remainder with a short story of
  // TODO lines, so that small targets land close too.
  for (let tries = 0; tries < 12; tries++) {
    const st = story();
    if (fits(st.text)) keepStory(st);
  }
  const fillHeading = `### ${++storyNumber}. follow-ups\n`;
  if (fits(fillHeading + '- TODO: x\n')) {
    push(fillHeading);
    stats.stories++;
    stats.emptyStories++;
    for (;;) {
      const line = `- ${pick(TODOS)}${chance(0.3) ? ' ' + pick(['🔸', '❓']) : ''}\n`;
      if (fits(line)) { push(line); stats.todos++; if (line.includes('🔸')) stats.diamonds++; if (line.includes('❓')) stats.questionMarks++; continue; }
      const short = '- TODO\n';
      while (fits(short)) { push(short); stats.todos++; }
      break;
    }
  }

  const text = parts.join('');
  stats.bytes = bytes;
  return { text, stats };
}

function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A, B, …, Z, AA, AB, … */
function categoryLabel(i) {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

// `node test/support/generate-notes.mjs 65536 [seed] > notes.md` writes a sample.
if (import.meta.url === `file://${process.argv[1]}`) {
  const target = Number(process.argv[2] ?? 4096);
  const seed = Number(process.argv[3] ?? 1);
  process.stdout.write(generateNotes(target, seed));
}
