// `interview-notes check [--json] [--fix] FILES…` — the analysis core on the command line.
// Exit codes: 0 no findings at warning or above, 1 some, 2 bad usage or an unreadable file.

import { readFileSync } from 'node:fs';
import { analyze, encodeFile, type AnalyzeOptions } from '../core/index.js';
import { applyCertainFixes } from '../core/fixes.js';
import { DEFAULT_MAX_FILE_BYTES, readNotesFile, writeFixedFile, type NotesFile } from './files.js';
import { renderText, toJson, type FileReport } from './report.js';

const USAGE = `Usage: interview-notes check [--json] [--fix] [--category-level N] [--story-level N] FILES…

Checks Markdown interview notes (a STAR story bank): prints the story tree with a completeness mark per
story, then the findings as path:line:column: severity rule-id message.

  --json               print the tree and findings as JSON
  --fix                apply the fixes that are certain (repair mis-encoded text, insert missing STAR
                       labels); writes each file atomically and keeps its encoding, BOM and line endings
  --category-level N   heading level of categories (default: detected per file; 0 for none)
  --story-level N      heading level of stories (default: detected per file)
  --max-file-size N    skip files larger than N bytes, with a message (default: 2000000)
  -h, --help           show this help
  -v, --version        show the version

Exit status: 0 no findings at warning or above, 1 some findings, 2 bad usage or an unreadable file.`;

class UsageError extends Error {}

interface Args {
  json: boolean;
  fix: boolean;
  files: string[];
  options: AnalyzeOptions;
  maxBytes: number;
}

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  if (argv.includes('-h') || argv.includes('--help')) return 'help';
  if (argv.includes('-v') || argv.includes('--version')) return 'version';
  const [command, ...rest] = argv;
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}" (expected "check")` : 'no command given');
  const args: Args = { json: false, fix: false, files: [], options: {}, maxBytes: DEFAULT_MAX_FILE_BYTES };
  const levels: { category?: number; story?: number } = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--fix') args.fix = true;
    else if (a === '--max-file-size') {
      const n = Number(rest[++i]);
      if (!Number.isSafeInteger(n) || n < 0) throw new UsageError('--max-file-size takes a number of bytes');
      args.maxBytes = n;
    } else if (a === '--category-level' || a === '--story-level') {
      const n = Number(rest[++i]);
      const min = a === '--category-level' ? 0 : 1;
      if (!Number.isInteger(n) || n < min || n > 6) throw new UsageError(`${a} takes a heading level from ${min} to 6`);
      if (a === '--category-level') levels.category = n;
      else levels.story = n;
    } else if (a === '--') {
      args.files.push(...rest.slice(i + 1));
      break;
    }
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else args.files.push(a);
  }
  if (args.files.length === 0) throw new UsageError('no files given');
  if (levels.category !== undefined || levels.story !== undefined) args.options.levels = levels;
  return args;
}

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`interview-notes: ${e.message}. Try --help.`);
    return 2;
  }
  if (args === 'help') {
    out(USAGE);
    return 0;
  }
  if (args === 'version') {
    out(version());
    return 0;
  }
  const reports: FileReport[] = [];
  let failed = false;
  for (const path of args.files) {
    const read = readNotesFile(path, { maxBytes: args.maxBytes });
    if ('error' in read) {
      err(`interview-notes: cannot read ${path}: ${read.error}`);
      failed = true;
      continue;
    }
    let file: NotesFile = read.file;
    if (file.invalidBytes) err(`interview-notes: ${path}: ${file.notWritable}`);
    let model = analyze(file.text, args.options);
    let fixed = 0;
    if (args.fix && model.isNotes && file.notWritable) {
      // Read in an encoding we do not write, or not sure of: leave it, and say so if it needed fixes.
      if (applyCertainFixes(file.text, model, args.options).applied > 0) {
        err(`interview-notes: not fixed ${path}: ${file.notWritable}`);
        failed = true;
      }
    } else if (args.fix && model.isNotes) {
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
      const result = applyCertainFixes(file.text, model, args.options, encodable);
      if (result.applied > 0) {
        const written = writeFixedFile(path, read, result.text);
        if ('error' in written) {
          err(`interview-notes: not fixed ${path}: ${written.error}`);
          failed = true;
          reports.push({ path, file, model, fixed: 0 });
          continue;
        }
        file = { ...file, text: result.text };
        model = result.model;
        fixed = result.applied;
      }
    }
    reports.push({ path, file, model, fixed });
  }
  if (args.json) out(JSON.stringify(toJson(reports), null, 2));
  else out(renderText(reports));
  if (failed) return 2;
  const serious = reports.some((r) => r.model.findings.some((f) => f.severity === 'error' || f.severity === 'warning'));
  return serious ? 1 : 0;
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(`${__dirname}/../package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n'));
  } catch (e) {
    // The analysis never throws on any Markdown; anything here is a bug, said in one line.
    process.stderr.write(`interview-notes: internal error: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
