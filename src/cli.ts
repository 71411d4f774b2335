// The command line: parses argv into options and calls the same build() the tests call.
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { relative } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { build } from './build.js';
import { generalHelp, parseCommand } from './commands/usage.js';
import { BantinError, BuildFailure } from './errors.js';
import { describeProgress, paint, Progress, wantsColor, type TextStream } from './progress.js';

/** Exit codes: what a CI script can rely on. */
export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

const BUILD_OPTIONS = {
  content: { type: 'string' },
  out: { type: 'string' },
  templates: { type: 'string' },
  root: { type: 'string' },
  drafts: { type: 'boolean' },
  future: { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  threads: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} satisfies ParseArgsConfig['options'];

export interface Output {
  out(line: string): void;
  err(line: string): void;
  /** The streams behind `out` and `err`, for colours and a progress counter on a terminal. */
  stdout?: TextStream;
  stderr?: TextStream;
}

const console_: Output = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  stdout: process.stdout,
  stderr: process.stderr,
};

export async function main(argv: string[], io: Output = console_): Promise<number> {
  // Each command loads what it needs: `bantin build` starts without the watcher, the server and
  // the checker (30 ms of loading).
  if (argv[0] === 'dev') return (await import('./commands/dev.js')).devCommand(argv.slice(1), io);
  if (argv[0] === 'new') return (await import('./commands/new.js')).newCommand(argv.slice(1), io);
  if (argv[0] === 'check') return (await import('./commands/check.js')).checkCommand(argv.slice(1), io);
  if (argv[0] === 'import') return (await import('./commands/import.js')).importCommand(argv.slice(1), io);
  const parsed = buildArguments(argv, io);
  if (typeof parsed === 'number') return parsed;
  const { values, threads } = parsed;

  const interrupt = new AbortController();
  const stopListening = listenForInterrupt(interrupt);
  const color = io.stderr ? wantsColor(io.stderr) : false;
  const progress = io.stderr && !values.quiet ? new Progress(io.stderr) : undefined;
  try {
    const result = await build({
      ...(values.root !== undefined && { root: values.root }),
      ...(values.content !== undefined && { contentDir: values.content }),
      ...(values.out !== undefined && { outDir: values.out }),
      ...(values.templates !== undefined && { templatesDir: values.templates }),
      drafts: values.drafts ?? false,
      future: values.future ?? false,
      incremental: !values['no-cache'],
      ...(threads !== undefined && { threads }),
      ...(progress && { onProgress: (step) => progress.update(describeProgress(step)) }),
      signal: interrupt.signal,
    }).finally(() => progress?.done());
    if (!values.quiet) reportBuilt(result, io, color);
    return EXIT.ok;
  } catch (error) {
    if (interrupt.signal.aborted) {
      const signal = interrupt.signal.reason as NodeJS.Signals;
      io.err(`bantin: stopped by ${signal}; nothing was written, the previous site is unchanged.`);
      return 128 + constants.signals[signal];
    }
    if (error instanceof BuildFailure || error instanceof BantinError) {
      const problems = error instanceof BuildFailure ? error.problems : [error];
      for (const problem of problems) io.err(problem.format());
      const found = paint(color, 'red', `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} found`);
      io.err(`\n${found}; nothing was written, the previous site is unchanged.`);
      return EXIT.content;
    }
    throw error;
  } finally {
    stopListening();
  }
}

/** What a finished build says: its warnings, what it built, and when to build again. */
function reportBuilt(result: Awaited<ReturnType<typeof build>>, io: Output, color: boolean): void {
  const fromHere = relative(process.cwd(), result.outDir);
  const where = fromHere.startsWith('..') ? result.outDir : fromHere || '.';
  for (const warning of result.warnings) io.err(`${paint(color, 'yellow', 'warning:')} ${warning}`);
  // A rebuild with nothing to do says so in one line.
  if (result.kept >= result.files) {
    io.out(`Nothing had changed since the last build: the ${result.files} files in ${where}/ were kept as they were.`);
  } else {
    io.out(
      `Built ${result.articles} ${result.articles === 1 ? 'article' : 'articles'} into ${result.pages} pages ` +
        `(${result.files} files) in ${where}/ in ${formatDuration(result.durationMs)}.`,
    );
    if (result.kept > 0) io.out(keptLine(result.files, result.kept));
  }
  if (result.photosMade > 0) io.out(`Made ${result.photosMade} ${result.photosMade === 1 ? 'photo' : 'photos'} in the sizes the site serves; .bantin-cache/images/ keeps them for the next build.`);
  if (result.nextScheduled) {
    io.out(
      `${result.scheduled} scheduled ${result.scheduled === 1 ? 'article was' : 'articles were'} left out; ` +
        `the next is due at ${result.nextScheduled}. Build again then to publish it.`,
    );
  }
  // Last, where it is seen: a build that only warned of them leaves the links broken.
  if (result.brokenLinks > 0) {
    const count = `${result.brokenLinks} ${result.brokenLinks === 1 ? 'broken link or missing image' : 'broken links or missing images'}`;
    io.err(`${paint(color, 'yellow', count)} left in the site (brokenLinks: warn): "bantin check" lists each, with what to do.`);
  }
}

/** The arguments of `bantin build` (the command also when left out), or the exit status after help or a mistake. */
function buildArguments(argv: string[], io: Output) {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    io.out(generalHelp());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.out(version());
    return EXIT.ok;
  }
  // Options may come before the command too: `bantin --drafts build`.
  const named = first === 'build';
  const parsed = parseCommand('build', named ? rest : argv, io, {
    options: BUILD_OPTIONS,
    positionals: true,
    ...(!named && { command: 'bantin' }),
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const command = named ? ['build', ...positionals] : positionals;
  if (command.length === 0) {
    io.out(generalHelp());
    return EXIT.usage;
  }
  if (command[0] !== 'build' || command.length > 1) {
    io.err(`bantin: unknown command "${command.join(' ')}". Run "bantin --help" for the commands.`);
    return EXIT.usage;
  }
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 64)) {
    io.err(`bantin: --threads takes a whole number from 1 to 64, not "${values.threads}".`);
    return EXIT.usage;
  }

  return { values, threads };
}

/**
 * Ctrl-C (SIGINT), or a CI job being cancelled (SIGTERM), stops the build between two files:
 * the build throws its staging folder away and the previous site stays. A second Ctrl-C
 * leaves at once; the next build cleans up what is left.
 */
function listenForInterrupt(controller: AbortController): () => void {
  const stops = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      if (controller.signal.aborted) process.exit(128 + constants.signals[signal]);
      controller.abort(signal);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => stops.forEach((stop) => stop());
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** What a rebuild from the cache kept of the last build's files. */
function keptLine(files: number, kept: number): string {
  const again = files - kept;
  return `${again} of ${files} files ${again === 1 ? 'was' : 'were'} written again; the others were kept as they were.`;
}
