// `interview-notes check [options] FILES…` — the analysis core on the command line and in CI.
// Files are read, checked and written out one at a time (nothing of a file is kept after its record
// is written), with the options of the nearest configuration file (src/cli/config-files.ts).
// Exit codes: 0 no findings at warning or above, 1 some, 2 bad usage, an unreadable file or a
// configuration problem.

import { readFileSync } from 'node:fs';
import { isatty } from 'node:tty';
import { relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { analyze, decodeFile, encodeFile, type AnalyzeOptions, type NotesModel } from '../core/index.js';
import { resolveOptions, type ConfigLayer, type ConfigProblem } from '../core/config/index.js';
import { applyCertainFixes } from '../core/fixes.js';
import { wantsColour } from './colour.js';
import { ConfigFinder, loadConfigFile, posixPath, type FoundConfig } from './config-files.js';
import { DEFAULT_MAX_FILE_BYTES, guessEncoding, readNotesFile, writeFixedFile, type NotesFile, type ReadNotes } from './files.js';
import { FORMATS, type Format } from './formats/index.js';
import { expandInputs, NoFilesError, STDIN } from './inputs.js';
import { BrokenPipe, writeAll } from './output.js';
import { addToSummary, isFailing, toJsonFile, type FileReport, type Summary } from './report.js';

const USAGE = `Usage: interview-notes <command> [options]

Commands:
  check FILES…     check Markdown interview notes (a STAR story bank); see \`interview-notes check --help\`

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

class UsageError extends Error {}

const OPTIONS = {
  format: { type: 'string' },
  json: { type: 'boolean' },
  fix: { type: 'boolean' },
  config: { type: 'string' },
  'stdin-filename': { type: 'string' },
  'category-level': { type: 'string' },
  'story-level': { type: 'string' },
  'max-file-size': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies ParseArgsConfig['options'];

interface CheckArgs {
  format: string;
  fix: boolean;
  config: string | undefined;
  stdinFilename: string | undefined;
  files: string[];
  /** Files larger than this many bytes are refused with a message. */
  maxBytes: number;
  /** The command-line flags, above the configuration file. */
  flags: ConfigLayer;
}

type Parsed = { kind: 'help' | 'check-help' | 'version' } | { kind: 'check'; args: CheckArgs };

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
  if (values.help) return { kind: command === 'check' ? 'check-help' : 'help' };
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}" (expected "check")` : 'no command given');
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
  const maxBytes = values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_BYTES : Number(values['max-file-size']);
  if (!/^\d+$/.test(values['max-file-size'] ?? '0') || !Number.isSafeInteger(maxBytes)) throw new UsageError('--max-file-size takes a number of bytes');
  return {
    kind: 'check',
    args: { format, fix: values.fix ?? false, config: values.config, stdinFilename: values['stdin-filename'], files, maxBytes, flags: { levels } },
  };
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
    parsed = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`interview-notes: ${e.message}. Try --help.`);
    return 2;
  }
  if (parsed.kind === 'help' || parsed.kind === 'check-help') {
    io.out((parsed.kind === 'help' ? USAGE : CHECK_USAGE) + '\n');
    return 0;
  }
  if (parsed.kind === 'check') return check(parsed.args, io);
  io.out(version() + '\n');
  return 0;
}

function check(args: CheckArgs, io: Io): number {
  let failed = false;
  let serious = false;
  const reported = new Set<string>();
  const reportProblems = (found: FoundConfig | undefined) => {
    if (!found || reported.has(found.path)) return;
    reported.add(found.path);
    for (const p of found.problems) io.err(configProblemLine(relative(io.cwd, found.path) || found.path, p));
    if (found.problems.length > 0) failed = true;
  };
  const fixed = args.config !== undefined ? loadConfigFile(resolve(io.cwd, args.config)) : undefined;
  reportProblems(fixed);
  if (fixed && !fixed.located && fixed.problems.some((p) => p.kind === 'syntax')) return 2;
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

  const format: Format = FORMATS[args.format]!({ colour: io.colour, version: version(), cwd: io.cwd });
  const summary: Summary = { stories: 0, complete: 0 };
  const write = (report: FileReport) => {
    const record = toJsonFile(report);
    addToSummary(summary, report.model);
    if (record.findings.some((f) => isFailing(f.severity))) serious = true;
    io.out(format.file(record));
  };
  io.out(format.begin());
  try {
    for (const input of expandInputs(args.files, keep)) {
      const name = input.path === STDIN ? (args.stdinFilename ?? '<stdin>') : input.path;
      const resolved = optionsFor(input.path === STDIN ? (args.stdinFilename ?? 'stdin.md') : input.path);
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
      if (resolved.notes === false) {
        write({ path: name, file, model: NOT_NOTES, fixed: 0, excluded: true });
        continue;
      }
      const result = checkOne(input.path, read, file, resolved.analyze, args.fix, io);
      if (result.failed) failed = true;
      write({ path: name, file: result.file, model: result.model, fixed: result.fixed });
    }
  } catch (e) {
    if (!(e instanceof NoFilesError)) throw e;
    io.err(`interview-notes: ${e.message}`);
    failed = true;
  }
  io.out(format.end(summary));
  if (failed) return 2;
  return serious ? 1 : 0;
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
  const io: Io = {
    out: (text) => writeAll(1, text),
    err: (line) => {
      try {
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
  } catch (e) {
    if (e instanceof BrokenPipe) {
      // The reader went away (`| head -1`): what it read is what it wanted. Quietly, and as a
      // finished run would: 0 (`head` has what it needs).
      process.exitCode = 0;
    } else {
      // The analysis never throws on any Markdown; anything here is a bug, said in one line.
      process.stderr.write(`interview-notes: internal error: ${(e as Error).message}\n`);
      process.exitCode = 2;
    }
  }
}
