// `interview-notes sheet FILES… [--format md|html] [-o FILE]`: the one-page cheat sheet of the stories
// of every file (src/core/sheet), as Markdown or as one self-contained HTML page to print. The sheet
// goes to standard output, or with -o to a file written through a temporary file and a rename (never
// over one of the notes it was made from); what was written, or why nothing was, goes to standard error.

import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { analyze, bank, sheet } from '../core/index.js';
import type { FileArgs, Io, WalkFiles } from './main.js';
import { printable } from './report.js';

export const SHEET_USAGE = `Usage: interview-notes sheet [options] FILES…

Writes a one-page cheat sheet of the stories of all FILES: per story its title, tags, speaking time,
the first sentence of its Situation and Task, up to three Action points and its Result sentence (or
its own \`**Cue**:\` line), grouped by category or competency. HTML is one self-contained page with
print CSS (A4 or Letter, two columns): open it in a browser and print it.

FILES are files, folders or globs, as for \`interview-notes check\`; \`-\` reads standard input.

  --format FORMAT      md or html (default: from the -o file's extension, else md)
  -o, --output FILE    write the sheet to FILE (default: standard output)
  --group-by BY        category (default) or competency
  --framework NAME     for --group-by competency: generic (default) or amazon
  --all                every story (default: complete stories only)
  --paper SIZE         a4 (default) or letter (HTML)
  --title TEXT         the sheet's title (default: "${sheet.DEFAULT_SHEET_TITLE}")
  --config FILE        use this configuration file for every file (no search)
  --stdin-filename P   the name standard input is read under (and whose configuration applies)
  -h, --help           show this help

Exit status: 0 a sheet was written, 1 no story to put on it, 2 bad usage, an unreadable file, a
problem in a configuration file, or an output file that cannot be written.`;

const FORMATS = ['md', 'html'] as const;
type SheetFormat = (typeof FORMATS)[number];
const GROUPINGS: readonly sheet.SheetGrouping[] = ['category', 'competency'];
const PAPERS = ['a4', 'letter'] as const;

const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'group-by': { type: 'string' },
  framework: { type: 'string' },
  all: { type: 'boolean' },
  paper: { type: 'string' },
  title: { type: 'string' },
  config: { type: 'string' },
  'stdin-filename': { type: 'string' },
  'max-file-size': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

export interface SheetArgs extends FileArgs {
  format: SheetFormat;
  output: string | undefined;
  groupBy: sheet.SheetGrouping;
  framework: bank.Framework;
  include: 'complete' | 'all';
  paper: (typeof PAPERS)[number];
  title: string | undefined;
}

class SheetUsageError extends Error {}

const FRAMEWORKS: Record<string, bank.Framework> = Object.fromEntries(bank.DEFAULT_FRAMEWORKS.map((f) => [f.id, f]));

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new SheetUsageError(`--${flag} takes one of ${allowed.join(', ')}`);
  return value as T;
}

/** The format the user asked for, or the one the output file's extension names. */
function formatOf(format: string | undefined, output: string | undefined): SheetFormat {
  if (format !== undefined) return oneOf(format, FORMATS, 'format', 'md');
  return output !== undefined && /^\.html?$/i.test(extname(output)) ? 'html' : 'md';
}

function parseSheet(argv: string[], maxFileSize: (raw: string | undefined) => number): SheetArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new SheetUsageError((e as Error).message.replace(/\.?\s*To specify a positional argument.*$/s, ''));
  }
  const { values, positionals: files } = parsed;
  if (values.help) return 'help';
  const framework = FRAMEWORKS[values.framework ?? 'generic'];
  if (!framework) throw new SheetUsageError(`--framework takes one of ${Object.keys(FRAMEWORKS).join(', ')}`);
  if (files.length === 0) throw new SheetUsageError('no files given');
  if (values['stdin-filename'] !== undefined && !files.includes('-')) throw new SheetUsageError('--stdin-filename needs - among the files');
  if (values.output === '') throw new SheetUsageError('--output needs a file name');
  return {
    format: formatOf(values.format, values.output),
    output: values.output,
    groupBy: oneOf(values['group-by'], GROUPINGS, 'group-by', 'category'),
    framework,
    include: values.all ? 'all' : 'complete',
    paper: oneOf(values.paper, PAPERS, 'paper', 'a4'),
    title: values.title,
    config: values.config,
    stdinFilename: values['stdin-filename'],
    files,
    maxBytes: maxFileSize(values['max-file-size']),
    flags: {},
  };
}

const sameFile = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
};

/** Writes `text` to `path` through a temporary file beside it and a rename: a crash leaves the old file whole. */
function writeAtomically(path: string, text: string): string | undefined {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, path);
    return undefined;
  } catch (e) {
    rmSync(temp, { force: true });
    return (e as Error).message;
  }
}

/**
 * `interview-notes sheet`: reads the files with `walk` (main.ts's file walk, with each file's
 * configuration), and writes the sheet of their stories.
 */
export function sheetCommand(argv: string[], io: Io, walkFiles: WalkFiles, maxFileSize: (raw: string | undefined) => number): number {
  let args: SheetArgs | 'help';
  try {
    args = parseSheet(argv, maxFileSize);
  } catch (e) {
    if (!(e instanceof SheetUsageError)) throw e;
    io.err(`interview-notes sheet: ${e.message}. Try --help.`);
    return 2;
  }
  if (args === 'help') {
    io.out(SHEET_USAGE + '\n');
    return 0;
  }
  const output = args.output === undefined ? undefined : resolve(io.cwd, args.output);
  const inputs: string[] = [];
  const stories: sheet.SheetStory[] = [];
  const files = walkFiles(args, io);
  if (files === 'usage') return 2;
  const failed = files.walk(({ input, name, file, options }) => {
    inputs.push(input);
    if (options.notes === false) return;
    const model = analyze(file.text, options.analyze);
    if (model.isNotes) stories.push(...sheet.sheetStories(file.text, model, { file: name, frameworks: [args.framework, ...bank.DEFAULT_FRAMEWORKS.filter((f) => f !== args.framework)] }));
  });
  if (failed) return 2;
  // The sheet never replaces the notes it was made from.
  const overwritten = output === undefined ? undefined : inputs.find((input) => input !== '-' && existsSync(input) && sameFile(resolve(io.cwd, input), output));
  if (overwritten !== undefined) {
    io.err(`interview-notes sheet: --output ${printable(args.output!)} is one of the notes files; choose another file name`);
    return 2;
  }
  const groups = sheet.groupSheet(stories, { groupBy: args.groupBy, include: args.include, framework: args.framework });
  const shown = groups.reduce((n, g) => n + g.stories.length, 0);
  if (shown === 0) {
    const unfinished = stories.filter((s) => s.status !== 'complete').length;
    io.err(
      stories.length === 0
        ? `interview-notes sheet: no stories in ${inputs.length === 1 ? printable(inputs[0]!) : `${inputs.length} files`}: nothing to put on the sheet`
        : `interview-notes sheet: none of the ${stories.length} stories is complete (${unfinished} unfinished); --all puts every story on the sheet`,
    );
    return 1;
  }
  const render = args.format === 'html' ? sheet.sheetHtml : sheet.sheetMarkdown;
  const text = render(groups, { ...(args.title !== undefined ? { title: args.title } : {}), paper: args.paper });
  if (output === undefined) {
    io.out(text);
    return 0;
  }
  const error = writeAtomically(output, text);
  if (error !== undefined) {
    io.err(`interview-notes sheet: cannot write ${printable(args.output!)}: ${error}`);
    return 2;
  }
  const left = stories.length - shown;
  const note = left > 0 && args.include === 'complete' ? ` (${left} unfinished left out; --all includes them)` : '';
  io.err(`wrote ${printable(relative(io.cwd, output) || output)}: ${shown} ${shown === 1 ? 'story' : 'stories'} in ${groups.length} ${groups.length === 1 ? 'group' : 'groups'}${note}`);
  return 0;
}
