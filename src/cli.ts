// The command line: parses argv into options and calls the same build() the tests call.
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { relative } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { BuildResult } from './build.js';
import { commandLanguage, generalHelp, parseCommand } from './commands/usage.js';
import { BantinError, BuildFailure } from './errors.js';
import type { Language } from './locales.js';
import { msg, say, type Message } from './messages/index.js';
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
  // the checker (30 ms of loading), `bantin new` and the help without the build.
  if (argv[0] === 'dev') return (await import('./commands/dev.js')).devCommand(argv.slice(1), io);
  if (argv[0] === 'new') return (await import('./commands/new.js')).newCommand(argv.slice(1), io);
  if (argv[0] === 'check') return (await import('./commands/check.js')).checkCommand(argv.slice(1), io);
  if (argv[0] === 'import') return (await import('./commands/import.js')).importCommand(argv.slice(1), io);
  const parsed = buildArguments(argv, io);
  if (typeof parsed === 'number') return parsed;
  const { values, threads, language } = parsed;
  const tell = (message: Message) => say(message, language);

  const { build } = await import('./build.js');
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
      ...(progress && { onProgress: (step) => progress.update(describeProgress(step, language)) }),
      signal: interrupt.signal,
    }).finally(() => progress?.done());
    if (!values.quiet) reportBuilt(result, io, { color, language });
    return EXIT.ok;
  } catch (error) {
    if (interrupt.signal.aborted) {
      const signal = interrupt.signal.reason as NodeJS.Signals;
      io.err(tell(msg('cli.stopped', { signal })));
      return 128 + constants.signals[signal];
    }
    if (error instanceof BuildFailure || error instanceof BantinError) {
      const problems = error instanceof BuildFailure ? error.problems : [error];
      for (const problem of problems) io.err(problem.format(language));
      const found = paint(color, 'red', tell(msg('cli.problems', { count: problems.length })));
      io.err(`\n${found}; ${tell(msg('cli.unchanged'))}`);
      return EXIT.content;
    }
    throw error;
  } finally {
    stopListening();
  }
}

/** What a finished build says: its warnings, what it built, and when to build again. */
function reportBuilt(result: BuildResult, io: Output, { color, language }: { color: boolean; language: Language }): void {
  const tell = (message: Message) => say(message, language);
  const fromHere = relative(process.cwd(), result.outDir);
  const where = fromHere.startsWith('..') ? result.outDir : fromHere || '.';
  for (const warning of result.warnings) io.err(`${paint(color, 'yellow', tell(msg('cli.warning')))} ${tell(warning)}`);
  const { articles, pages, files } = result;
  // A rebuild with nothing to do says so in one line.
  if (result.kept >= files) {
    io.out(tell(msg('cli.keptAll', { files, where })));
  } else {
    io.out(tell(msg('cli.built', { articles, pages, files, where, duration: formatDuration(result.durationMs) })));
    if (result.kept > 0) io.out(tell(msg('cli.keptSome', { again: files - result.kept, files })));
  }
  if (result.photosMade > 0) io.out(tell(msg('cli.photosMade', { count: result.photosMade })));
  if (result.nextScheduled) io.out(tell(msg('cli.scheduled', { count: result.scheduled, next: result.nextScheduled })));
  // Last, where it is seen: a build that only warned of them leaves the links broken.
  if (result.brokenLinks > 0) {
    const left = tell(msg('cli.brokenLeftCount', { count: result.brokenLinks }));
    io.err(`${paint(color, 'yellow', left)} ${tell(msg('cli.brokenLeft'))}`);
  }
}

/** The arguments of `bantin build` (the command also when left out), or the exit status after help or a mistake. */
function buildArguments(argv: string[], io: Output) {
  const [first] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    io.out(generalHelp(commandLanguage(argv).language));
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.out(version());
    return EXIT.ok;
  }
  return buildCommand(argv, io);
}

function buildCommand(argv: string[], io: Output) {
  const [first, ...rest] = argv;
  // Options may come before the command too: `bantin --drafts build`.
  const named = first === 'build';
  const parsed = parseCommand('build', named ? rest : argv, io, {
    options: BUILD_OPTIONS,
    positionals: true,
    ...(!named && { command: 'bantin' }),
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, language } = parsed;
  const command = named ? ['build', ...positionals] : positionals;
  if (command.length === 0) {
    io.out(generalHelp(language));
    return EXIT.usage;
  }
  if (command[0] !== 'build' || command.length > 1) {
    io.err(say(msg('cli.unknownCommand', { command: command.join(' ') }), language));
    return EXIT.usage;
  }
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 64)) {
    io.err(say(msg('cli.threads', { value: values.threads ?? '' }), language));
    return EXIT.usage;
  }

  return { values, threads, language };
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
