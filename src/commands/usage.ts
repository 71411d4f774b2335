// What each command accepts: its help text, the general help made of them all, and argv parsing with one-line mistakes.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Output } from '../cli.js';

/** Where `bantin dev` listens unless told otherwise (the next free port when it is taken). */
export const DEFAULT_PORT = 8080;

export type CommandName = 'build' | 'new' | 'check' | 'import' | 'dev';

interface CommandHelp {
  usage: string;
  /** One line, for the general help's list of commands. */
  summary: string;
  /** More on what the command does, before its options. */
  about?: string;
  options: string;
  notes?: string;
}

const SITE_OPTIONS = `  --content <dir>     Folder of Markdown articles (default: content)
  --templates <dir>   Folder of Nunjucks templates (default: templates, or bantin's own)
  --root <dir>        Site folder the other paths are relative to (default: the current folder)`;

const COMMANDS: Record<CommandName, CommandHelp> = {
  build: {
    usage: 'bantin build [options]',
    summary: 'Build the site from content/ into dist/',
    options: `${SITE_OPTIONS}
  --out <dir>         Folder for the built site (default: dist); never a folder of other files
  --drafts            Include articles marked "draft: true"
  --future            Include articles dated in the future (left out until their time comes)
  --quiet, -q         Print only errors
  --threads <n>       Render on n threads when there are many pages to render (default: every
                      core, up to 2; 1 renders on the build's own thread)
  --no-cache          Build everything afresh, without .bantin-cache/ (which makes rebuilds
                      render only what changed)`,
    notes: `Exit status: 0 built, 1 problems in the content, configuration or templates, 2 wrong usage,
130 stopped by Ctrl-C (the previous site is unchanged).`,
  },
  new: {
    usage: 'bantin new "Tiêu đề" [options]',
    summary: 'Start an article: content/<year>/<month>/<slug>.md, dated now',
    options: `  --author <name>     Author (default: defaultAuthor in bantin.yaml)
  --category <name>   Section, such as "Thời sự"
  --draft             Mark the article "draft: true"
  --page              Start a standalone page instead: pages/<slug>.md (Giới thiệu, Liên hệ)
  --content <dir>, --root <dir>   As for bantin build
  --quiet, -q         Print nothing (the path of the new file is printed otherwise)`,
    notes: 'Never replaces an existing file.',
  },
  check: {
    usage: 'bantin check [options]',
    summary: 'Check the content, links, images and configuration; writes nothing',
    options: `${SITE_OPTIONS}
  --out <dir>         The built site whose addresses to compare with (default: dist)
  --format json       Problems as JSON, for other tools (default: text)
  --quiet, -q         Print only the errors`,
    notes: 'Exit status: 1 when there is an error, else 0 (warnings alone do not fail); 2 wrong usage.',
  },
  import: {
    usage: 'bantin import FILE|DIR... [options]',
    summary: "Bring the old portal's bulletins (text dumps, saved pages) into content/",
    about: `Turns bulletins of the old portal into articles: text dumps of its pages (.txt) and pages saved
from a browser (.html, .htm), or folders of them. Each bulletin becomes
content/<year>/<month>/<slug>.md with its title, date, author, lead and text; one that is
already there (imported before, or with the same title and date) is left as it is.`,
    options: `  --dry-run           List what would be written; write nothing
  --content <dir>, --root <dir>   As for bantin build`,
    notes: `Exit status: 0 every bulletin is in the content folder, 1 some were skipped (the report says
why, with the file and line), 2 wrong usage.`,
  },
  dev: {
    usage: 'bantin dev [options]',
    summary: `Preview the site at http://127.0.0.1:${DEFAULT_PORT}/, reloading on every change`,
    options: `  --port <n>          Port to listen on (default ${DEFAULT_PORT}, or the next free one)
  --host <address>    Address to listen on (default 127.0.0.1; 0.0.0.0 lets other devices on
                      your network see it)
  --content <dir>, --templates <dir>, --root <dir>   As for bantin build`,
    notes: `Drafts (marked "Bản nháp") and scheduled articles are shown. Nothing is written to disk. Stop
with Ctrl-C. It answers only to its own address (with 0.0.0.0: this computer's addresses and
name), so a web page elsewhere cannot read the drafts; --host <name> makes it answer to a name
of your own.`,
  },
};

/** `bantin <command> --help`. */
export function commandHelp(name: CommandName): string {
  const { usage, summary, about, options, notes } = COMMANDS[name];
  return [
    `Usage: ${usage}`,
    about ?? `${summary}.`,
    `Options:\n${options}\n  --help, -h          Show this help`,
    ...(notes ? [notes] : []),
  ].join('\n\n');
}

/** `bantin --help`: every command, and every command's options. */
export function generalHelp(): string {
  const names = Object.keys(COMMANDS) as CommandName[];
  const lines = names.map((name) => `  ${COMMANDS[name].usage.padEnd(32)}${COMMANDS[name].summary}`);
  const sections = names.map((name) => `Options for ${name}:\n${COMMANDS[name].options}`);
  return `bantin: static site generator for news bulletins (bản tin)

Usage:
${lines.join('\n')}
  ${'bantin <command> --help'.padEnd(32)}Show one command's help
  ${'bantin --version'.padEnd(32)}Show the version

${sections.join('\n\n')}

${COMMANDS.build.notes}`;
}

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/**
 * Parses a command's argv, `--help` included. Returns the values, or the exit status when the
 * command should stop there: 0 after printing the help, 2 after a one-line mistake.
 */
export function parseCommand<O extends Options>(
  name: CommandName,
  argv: string[],
  io: Output,
  { options, positionals = false, command = `bantin ${name}` }: { options: O; positionals?: boolean; command?: string },
): Parsed<O> | number {
  const all = { ...options, help: { type: 'boolean', short: 'h' } } as const;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: all, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`${command}: ${mistake(error as Error & { code?: string }, argv)} Run "${command} --help" for the options.`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.out(commandHelp(name));
    return 0;
  }
  if (!positionals && parsed.positionals.length > 0) {
    io.err(`${command}: unexpected "${parsed.positionals[0]}": this command takes options only. Run "${command} --help" for the options.`);
    return 2;
  }
  return parsed as unknown as Parsed<O>;
}

/** Node's parseArgs message, said in one short sentence. */
function mistake(error: Error & { code?: string }, argv: string[]): string {
  // "Unknown option '--x'", "Option '-p, --port <value>' argument missing": the long name.
  const option = /'(?:-\w, )?(--?[^' ,]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `there is no option ${option ?? argv.find((arg) => arg.startsWith('-'))}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(error.message)
        ? `${option} needs a value.`
        : `${option} takes no value.`;
    default:
      return `${error.message.split('\n')[0]}`;
  }
}
