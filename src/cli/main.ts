// `interview-notes check [options] FILES…` — the analysis core on the command line and in CI.
// Files are read, checked and written out one at a time (nothing of a file is kept after its record
// is written), with the options of the nearest configuration file (src/cli/config-files.ts).
// Exit codes: 0 no findings at warning or above, 1 some, 2 bad usage, an unreadable file or a
// configuration problem.

import { readFileSync } from 'node:fs';
import { isatty } from 'node:tty';
import { relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { analyze, bank, decodeFile, encodeFile, LineIndex, type AnalyzeOptions, type NotesModel } from '../core/index.js';
import { resolveOptions, type ConfigLayer, type ConfigProblem } from '../core/config/index.js';
import { applyCertainFixes } from '../core/fixes.js';
import { wantsColour } from './colour.js';
import { ConfigFinder, loadConfigFile, posixPath, type FoundConfig } from './config-files.js';
import { DEFAULT_MAX_FILE_BYTES, guessEncoding, readNotesFile, writeFixedFile, type NotesFile, type ReadNotes } from './files.js';
import { FORMATS, type Format } from './formats/index.js';
import { expandInputs, STDIN } from './inputs.js';
import { BrokenPipe, BufferedOutput, writeAll } from './output.js';
import { addToSummary, isFailing, printable, toJsonFile, type FileReport, type Summary } from './report.js';
import { sheetCommand } from './sheet.js';

const USAGE = `Usage: interview-notes <command> [options]

Commands:
  check FILES…     check Markdown interview notes (a STAR story bank); see \`interview-notes check --help\`
  coverage FILES…  which competencies the stories show, as a Markdown table or JSON; see
                   \`interview-notes coverage --help\`
  sheet FILES…     a one-page cheat sheet of the stories, as Markdown or printable HTML; see
                   \`interview-notes sheet --help\`

  -h, --help       show this help
  -v, --version    show the version`;

const CHECK_USAGE = `Usage: interview-notes check [options] FILES…

Checks Markdown interview notes (a STAR story bank): prints the story tree with a completeness mark per
story, then the findings as path:line:column: severity rule-id message.

FILES are files, folders (their **/*.md and **/*.markdown files; node_modules, .git and hidden
folders left out) or globs ("notes/**/*.md"); \`-\` reads standard input. Each file is checked with
the nearest .interview-notes.jsonc, .interview-notes.json or package.json "interview-notes" key,
found from its folder upwards.

  --format FORMAT      text (default), json, sarif (SARIF 2.1.0), github (workflow annotations) or
                       junit (JUnit XML)
  --json               the same as --format json
  --fix                apply the fixes that are certain (repair mis-encoded text, insert missing STAR
                       labels); writes each file atomically and keeps its encoding, BOM and line endings
  --check-generated    also fail (exit 1) when a coverage table between
                       <!-- interview-notes:coverage --> markers is out of date
  --config FILE        use this configuration file for every file (no search)
  --stdin-filename P   the name standard input is reported under (and whose configuration applies)
  --category-level N   heading level of categories (default: detected per file; 0 for none)
  --story-level N      heading level of stories (default: detected per file)
  --max-file-size N    skip files larger than N bytes, with a message (default: 2000000)
  -h, --help           show this help
  -v, --version        show the version

Use \`--\` before file names that start with a dash.
Colour: on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on.
Exit status: 0 no findings at warning or above, 1 some findings, 2 bad usage, an unreadable file or a
problem in a configuration file.`;

const COVERAGE_USAGE = `Usage: interview-notes coverage [options] FILES…

Prints which competencies the stories of all FILES show (their tags: a \`- **Tags**:\` line,
#hashtags, front matter \`tags:\`, or a category titled with a competency), as the Markdown table that
goes between <!-- interview-notes:coverage --> and <!-- /interview-notes:coverage --> in a notes file,
or as JSON. A competency with fewer than 2 complete stories (the configuration's coverage.minStories)
is marked (gap).

FILES are files, folders or globs, as for \`interview-notes check\`; \`-\` reads standard input.

  --framework NAME     generic or amazon (Amazon's Leadership Principles); default: the first of the
                       configuration's frameworks, else generic
  --format FORMAT      md (default) or json
  --config FILE        use this configuration file for every file (no search)
  --stdin-filename P   the name standard input is reported under (and whose configuration applies)
  -h, --help           show this help

Exit status: 0, or 2 for bad usage, an unreadable file or a problem in a configuration file.`;

const COVERAGE_FORMATS = ['md', 'json'] as const;

class UsageError extends Error {}

const OPTIONS = {
  format: { type: 'string' },
  json: { type: 'boolean' },
  fix: { type: 'boolean' },
  'check-generated': { type: 'boolean' },
  framework: { type: 'string' },
  config: { type: 'string' },
  'stdin-filename': { type: 'string' },
  'category-level': { type: 'string' },
  'story-level': { type: 'string' },
  'max-file-size': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies ParseArgsConfig['options'];

/** What every command reads: the files and where their configuration comes from. */
export interface FileArgs {
  config: string | undefined;
  stdinFilename: string | undefined;
  files: string[];
  /** Files larger than this many bytes are refused with a message. */
  maxBytes: number;
  /** The command-line flags, above the configuration file. */
  flags: ConfigLayer;
}

interface CoverageArgs extends FileArgs {
  format: (typeof COVERAGE_FORMATS)[number];
  /** From --framework; else the first framework of the (first file's) configuration, else the generic set. */
  framework: bank.Framework | undefined;
}

interface CheckArgs {
  format: string;
  fix: boolean;
  checkGenerated: boolean;
  config: string | undefined;
  stdinFilename: string | undefined;
  files: string[];
  /** Files larger than this many bytes are refused with a message. */
  maxBytes: number;
  /** The command-line flags, above the configuration file. */
  flags: ConfigLayer;
}

type Parsed =
  | { kind: 'help' | 'check-help' | 'coverage-help' | 'version' }
  | { kind: 'check'; args: CheckArgs }
  | { kind: 'coverage'; args: CoverageArgs };

const HELP: Record<string, 'check-help' | 'coverage-help'> = { check: 'check-help', coverage: 'coverage-help' };

/** The options only one command takes, so the other refuses them. */
const ONLY: Record<string, readonly string[]> = { check: ['framework'], coverage: ['json', 'fix', 'check-generated', 'category-level', 'story-level'] };

function parseOrThrow(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    // parseArgs's messages are one sentence; keep them, without Node's "Use `--` …" advice twice.
    throw new UsageError((e as Error).message.replace(/\.?\s*To specify a positional argument.*$/s, ''));
  }
}

function parse(argv: string[]): Parsed {
  const { values, positionals } = parseOrThrow(argv);
  const [command, ...files] = positionals;
  if (values.version) return { kind: 'version' };
  if (values.help) return { kind: (command !== undefined && HELP[command]) || 'help' };
  if (command !== 'check' && command !== 'coverage') throw new UsageError(command ? `unknown command "${command}" (expected "check", "coverage" or "sheet")` : 'no command given');
  for (const option of ONLY[command]!) if (values[option as keyof typeof values] !== undefined) throw new UsageError(`${command} does not take --${option}`);
  if (command === 'coverage') return { kind: 'coverage', args: parseCoverage(values, files) };
  const format = values.json ? 'json' : (values.format ?? 'text');
  if (values.json && values.format && values.format !== 'json') throw new UsageError(`--json and --format ${values.format} contradict each other`);
  if (!(format in FORMATS)) throw new UsageError(`--format takes one of ${Object.keys(FORMATS).join(', ')}`);
  if (files.length === 0) throw new UsageError('no files given');
  if (values.fix && files.includes(STDIN)) throw new UsageError('--fix cannot write to standard input');
  if (values['stdin-filename'] !== undefined && !files.includes(STDIN)) throw new UsageError('--stdin-filename needs - among the files');
  const levels: { category?: number; story?: number } = {};
  for (const [flag, key, min] of [['category-level', 'category', 0], ['story-level', 'story', 1]] as const) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > 6) throw new UsageError(`--${flag} takes a heading level from ${min} to 6`);
    levels[key] = n;
  }
  return {
    kind: 'check',
    args: { format, fix: values.fix ?? false, checkGenerated: values['check-generated'] ?? false, config: values.config, stdinFilename: values['stdin-filename'], files, maxBytes: maxFileSize(values), flags: { levels } },
  };
}

const FRAMEWORKS: Record<string, bank.Framework> = Object.fromEntries(bank.DEFAULT_FRAMEWORKS.map((f) => [f.id, f]));

function maxFileSize(values: { 'max-file-size'?: string | undefined }): number {
  const raw = values['max-file-size'];
  if (raw === undefined) return DEFAULT_MAX_FILE_BYTES;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new UsageError('--max-file-size takes a number of bytes');
  return Number(raw);
}

function parseCoverage(values: ReturnType<typeof parseOrThrow>['values'], files: string[]): CoverageArgs {
  const format = values.format ?? 'md';
  if (!(COVERAGE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format takes one of ${COVERAGE_FORMATS.join(', ')}`);
  const framework = values.framework === undefined ? undefined : FRAMEWORKS[values.framework];
  if (values.framework !== undefined && !framework) throw new UsageError(`--framework takes one of ${Object.keys(FRAMEWORKS).join(', ')}`);
  if (files.length === 0) throw new UsageError('no files given');
  if (values['stdin-filename'] !== undefined && !files.includes(STDIN)) throw new UsageError('--stdin-filename needs - among the files');
  return { format: format as CoverageArgs['format'], framework, config: values.config, stdinFilename: values['stdin-filename'], files, maxBytes: maxFileSize(values), flags: {} };
}

/** Where the run writes: standard output (findings) and standard error (problems, one line each). */
export interface Io {
  out(text: string): void;
  err(line: string): void;
  colour: boolean;
  readStdin(): Uint8Array;
  cwd: string;
}

const NOT_NOTES: NotesModel = { isNotes: false, categories: [], findings: [], levels: { category: 0, story: 0 } };

export function main(argv: string[], io: Io): number {
  let parsed: Parsed;
  try {
    // The sheet takes options of its own (src/cli/sheet.ts) and shares the file walk.
    if (argv[0] === 'sheet') return sheetCommand(argv.slice(1), io, openFiles, (raw) => maxFileSize({ 'max-file-size': raw }));
    parsed = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`interview-notes: ${e.message}. Try --help.`);
    return 2;
  }
  if (parsed.kind === 'help' || parsed.kind === 'check-help' || parsed.kind === 'coverage-help') {
    io.out({ help: USAGE, 'check-help': CHECK_USAGE, 'coverage-help': COVERAGE_USAGE }[parsed.kind] + '\n');
    return 0;
  }
  if (parsed.kind === 'check') return check(parsed.args, io);
  if (parsed.kind === 'coverage') return coverageCommand(parsed.args, io);
  io.out(version() + '\n');
  return 0;
}

/** One file as the walk hands it over: read, with the options that apply to it. */
interface WalkedFile {
  /** The path as given (or `-`). */
  input: string;
  /** The name it is reported under. */
  name: string;
  file: NotesFile;
  /** How it was read (for a safe write back); none for standard input. */
  read: ReadNotes | undefined;
  options: ReturnType<typeof resolveOptions>;
}

/**
 * The files of `args`, read one at a time, each with its configuration (problems said once per
 * configuration file): `walk` hands each to `visit` and says whether something failed (an
 * unreadable file, a configuration problem, no files). 'usage' when the configuration given by
 * --config cannot be read at all (nothing is walked then).
 */
export type WalkFiles = typeof openFiles;

function openFiles(args: FileArgs, io: Io): { walk: (visit: (walked: WalkedFile) => void) => boolean } | 'usage' {
  let failed = false;
  const reported = new Set<string>();
  const reportProblems = (found: FoundConfig | undefined) => {
    if (!found || reported.has(found.path)) return;
    reported.add(found.path);
    for (const p of found.problems) io.err(configProblemLine(relative(io.cwd, found.path) || found.path, p));
    if (found.problems.length > 0) failed = true;
  };
  const fixed = args.config !== undefined ? loadConfigFile(resolve(io.cwd, args.config)) : undefined;
  reportProblems(fixed);
  if (fixed && !fixed.located && fixed.problems.some((p) => p.kind === 'syntax')) return 'usage';
  return { walk: (visit) => walkFiles(args, io, fixed, reportProblems, visit) || failed };
}

function walkFiles(
  args: FileArgs,
  io: Io,
  fixed: FoundConfig | undefined,
  reportProblems: (found: FoundConfig | undefined) => void,
  visit: (walked: WalkedFile) => void,
): boolean {
  let failed = false;
  const finder = new ConfigFinder();
  const configFor = (path: string): FoundConfig | undefined => {
    const found = fixed ?? finder.forFile(resolve(io.cwd, path));
    reportProblems(found);
    return found;
  };
  const optionsFor = (path: string) => resolveOptions(posixPath(resolve(io.cwd, path)), [], configFor(path)?.located, [args.flags]);
  const keep = (path: string, fromFolder: boolean): boolean => {
    const { notes } = optionsFor(path);
    if (notes === false) return false;
    // A configuration that names its notes files narrows a folder to them.
    const hasInclude = configFor(path)?.located?.matcher?.hasInclude ?? false;
    return !(fromFolder && hasInclude && notes !== true);
  };
  const none = (message: string) => {
    io.err(`interview-notes: ${message}`);
    failed = true;
  };
  for (const input of expandInputs(args.files, keep, none)) {
    const name = input.path === STDIN ? (args.stdinFilename ?? '<stdin>') : input.path;
    const options = optionsFor(input.path === STDIN ? (args.stdinFilename ?? 'stdin.md') : input.path);
    let read: ReadNotes | undefined;
    let file: NotesFile;
    if (input.path === STDIN) {
      file = decodeFile(io.readStdin(), { guessEncoding });
    } else {
      const got = readNotesFile(input.path, { maxBytes: args.maxBytes });
      if ('error' in got) {
        io.err(`interview-notes: cannot read ${input.path}: ${got.error}`);
        failed = true;
        continue;
      }
      read = got;
      file = got.file;
    }
    if (file.invalidBytes) io.err(`interview-notes: ${input.path}: ${file.notWritable}`);
    visit({ input: input.path, name, file, read, options });
  }
  return failed;
}

function check(args: CheckArgs, io: Io): number {
  let failed = false;
  let serious = false;
  const format: Format = FORMATS[args.format]!({ colour: io.colour, version: version(), cwd: io.cwd });
  const summary: Summary = { stories: 0, complete: 0 };
  const stale: string[] = [];
  const write = (report: FileReport) => {
    const record = toJsonFile(report, format.readsFixable === true);
    addToSummary(summary, report.model);
    if (record.findings.some((f) => isFailing(f.severity))) serious = true;
    if (args.checkGenerated && report.model.isNotes && hasStaleCoverageTable(report.file.text, report.model, report.bank)) stale.push(report.path);
    io.out(format.file(record));
  };
  const files = openFiles(args, io);
  if (files === 'usage') return 2;
  io.out(format.begin());
  const walked = files.walk(({ input, name, file, read, options }) => {
    if (options.notes === false) {
      write({ path: name, file, model: NOT_NOTES, fixed: 0, excluded: true });
      return;
    }
    const result = checkOne(input, read, file, options.analyze, args.fix, io);
    if (result.failed) failed = true;
    write({ path: name, file: result.file, model: result.model, fixed: result.fixed, ...(options.analyze.bank ? { bank: options.analyze.bank } : {}) });
  });
  io.out(format.end(summary));
  // On standard error, so a --json or SARIF report on standard output stays what its schema says.
  for (const path of stale) io.err(`${printable(path)}: the coverage table is out of date; regenerate it with \`interview-notes coverage ${printable(path)}\` (or the editor's Update Coverage Table)`);
  if (walked || failed) return 2;
  return serious || stale.length > 0 ? 1 : 0;
}

/**
 * Whether a notes file holds a coverage table that no framework's table of its stories matches. A
 * table is written for one framework; any framework it is current for makes it current.
 */
function hasStaleCoverageTable(text: string, model: NotesModel, options: bank.StoryBankOptions = {}): boolean {
  if (!bank.findCoverageTable(text)) return false;
  const stories = bank.bankStories(text, model, options);
  const frameworks = options.frameworks ?? bank.DEFAULT_FRAMEWORKS;
  return frameworks.every((framework) => bank.coverageTableState(text, bank.coverage(stories, framework, options.minStories)) === 'stale');
}

/** `interview-notes coverage`: the coverage of the stories of every file, one table. */
function coverageCommand(args: CoverageArgs, io: Io): number {
  const stories: bank.BankStory[] = [];
  const lines = new Map<bank.BankStory, number>();
  const files = openFiles(args, io);
  if (files === 'usage') return 2;
  // One table over every file: the first file's configuration says the framework and the gap's limit.
  let configured: bank.StoryBankOptions | undefined;
  const walked = files.walk(({ name, file, options }) => {
    if (options.notes === false) return;
    configured ??= options.analyze.bank ?? {};
    const model = analyze(file.text, options.analyze);
    if (!model.isNotes) return;
    const index = new LineIndex(file.text);
    // --framework names a built-in the configuration may not list: its tags are read too.
    const listed = options.analyze.bank?.frameworks;
    const frameworks = listed && args.framework && !listed.includes(args.framework) ? [...listed, args.framework] : listed;
    for (const story of bank.bankStories(file.text, model, { ...options.analyze.bank, ...(frameworks ? { frameworks } : {}), file: name })) {
      stories.push(story);
      lines.set(story, index.lineColumnAt(story.heading.start).line);
    }
  });
  const framework = args.framework ?? configured?.frameworks?.[0] ?? bank.GENERIC;
  const rows = bank.coverage(stories, framework, configured?.minStories);
  if (args.format === 'md') io.out(bank.coverageTable(rows).split('\n').map(printable).join('\n') + '\n');
  else io.out(JSON.stringify(coverageJson(framework, rows, lines), null, 2) + '\n');
  return walked ? 2 : 0;
}

function coverageJson(framework: bank.Framework, rows: readonly bank.CoverageRow[], lines: ReadonlyMap<bank.BankStory, number>) {
  return {
    framework: { id: framework.id, name: framework.name, ...(framework.link ? { link: framework.link } : {}) },
    ...bank.coverageCount(rows),
    competencies: rows.map((row) => ({
      id: row.competency.id,
      name: row.competency.name,
      count: row.stories.length,
      complete: row.complete,
      gap: row.gap,
      stories: row.stories.map((s) => ({ path: s.file ?? '', title: s.title, line: lines.get(s) ?? 1, status: s.status })),
    })),
  };
}

/** Analyses one file and, with --fix, applies its certain fixes and writes it back. */
function checkOne(path: string, read: ReadNotes | undefined, file: NotesFile, options: AnalyzeOptions, fix: boolean, io: Io): { file: NotesFile; model: NotesModel; fixed: number; failed: boolean } {
  const model = analyze(file.text, options);
  if (!fix || !read || !model.isNotes) return { file, model, fixed: 0, failed: false };
  if (file.notWritable) {
    // Read in an encoding we do not write, or are not sure of: leave it, and say so if it needed fixes.
    if (applyCertainFixes(file.text, model, options).applied === 0) return { file, model, fixed: 0, failed: false };
    io.err(`interview-notes: not fixed ${path}: ${file.notWritable}`);
    return { file, model, fixed: 0, failed: true };
  }
  // A Windows-1252 file keeps its encoding: fixes whose text it cannot hold (✅ repaired from
  // `‚úÖ`) are left out, and the others applied.
  const encodable = (edit: { newText: string }) => {
    try {
      encodeFile(edit.newText, { encoding: file.encoding, bom: false });
      return true;
    } catch {
      return false;
    }
  };
  const result = applyCertainFixes(file.text, model, options, encodable);
  if (result.applied === 0) return { file, model, fixed: 0, failed: false };
  const written = writeFixedFile(path, read, result.text);
  if ('error' in written) {
    io.err(`interview-notes: not fixed ${path}: ${written.error}`);
    return { file, model, fixed: 0, failed: true };
  }
  return { file: { ...file, text: result.text }, model: result.model, fixed: result.applied, failed: false };
}

function configProblemLine(path: string, p: ConfigProblem): string {
  return `${path}:${p.line}:${p.column}: error config ${p.message}`;
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(`${__dirname}/../package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

if (require.main === module) {
  const stdout = new BufferedOutput(1, isatty(1));
  const io: Io = {
    out: (text) => stdout.write(text),
    err: (line) => {
      try {
        // What was said before it comes first, as on a terminal that shows both.
        stdout.flush();
        writeAll(2, line + '\n');
      } catch {
        // Nowhere left to say it.
      }
    },
    // isatty, not process.stdout: the stream object would put a pipe into non-blocking mode.
    colour: wantsColour(process.env, isatty(1)),
    readStdin: () => readFileSync(0),
    cwd: process.cwd(),
  };
  try {
    process.exitCode = main(process.argv.slice(2), io);
    stdout.flush();
  } catch (e) {
    if (e instanceof BrokenPipe) {
      // The reader went away (`| head -1`): what it read is what it wanted. Quietly, and as a
      // finished run would: 0 (`head` has what it needs).
      process.exitCode = 0;
    } else {
      // The analysis never throws on any Markdown; anything here is a bug, said in one line, after
      // what was checked before it.
      try {
        stdout.flush();
      } catch {
        // The error below is what matters.
      }
      process.stderr.write(`interview-notes: internal error: ${(e as Error).message}\n`);
      process.exitCode = 2;
    }
  }
}
