// What each command accepts: its help text, the general help made of them all, and argv parsing with one-line mistakes.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Output } from '../cli.js';
import type { Language } from '../locales.js';
import { editorLanguage, isLanguage, msg, say, type Message, type MessageId } from '../messages/index.js';

/** Where `bantin dev` listens unless told otherwise (the next free port when it is taken). */
export const DEFAULT_PORT = 8080;

export type CommandName = 'build' | 'new' | 'check' | 'import' | 'dev';

/** The catalogue's ids of a command's help: usage line, one-line summary, more about it, options, notes. */
const HELP = {
  build: { usage: 'help.build.usage', summary: 'help.build.summary', options: 'help.build.options', notes: 'help.build.notes' },
  new: { usage: 'help.new.usage', summary: 'help.new.summary', options: 'help.new.options', notes: 'help.new.notes' },
  check: { usage: 'help.check.usage', summary: 'help.check.summary', options: 'help.check.options', notes: 'help.check.notes' },
  import: {
    usage: 'help.import.usage', summary: 'help.import.summary', about: 'help.import.about',
    options: 'help.import.options', notes: 'help.import.notes',
  },
  dev: { usage: 'help.dev.usage', summary: 'help.dev.summary', options: 'help.dev.options', notes: 'help.dev.notes' },
} as const satisfies Record<CommandName, { usage: MessageId; summary: MessageId; about?: MessageId; options: MessageId; notes: MessageId }>;

/** One part of a command's help, in `language`. */
function part(name: CommandName, key: 'usage' | 'summary' | 'about' | 'options' | 'notes', language: Language): string {
  const help: { [K in typeof key]?: MessageId } = HELP[name];
  const id = help[key];
  return id === undefined ? '' : say({ id, params: { port: DEFAULT_PORT } }, language);
}

/** `bantin <command> --help`. */
export function commandHelp(name: CommandName, language: Language = 'en'): string {
  const say_ = (key: Parameters<typeof part>[1]) => part(name, key, language);
  return [
    `${say(msg('help.usage'), language)} ${say_('usage')}`,
    say_('about') || `${say_('summary')}.`,
    `${say(msg('help.options'), language)}\n${say_('options')}\n${say(msg('help.help'), language)}`,
    say_('notes'),
  ].join('\n\n');
}

/** `bantin --help`: every command, and every command's options. */
export function generalHelp(language: Language = 'en'): string {
  const names = Object.keys(HELP) as CommandName[];
  const lines = names.map((name) => `  ${part(name, 'usage', language).padEnd(32)}${part(name, 'summary', language)}`);
  const sections = names.map((name) => `${say(msg('help.optionsFor', { command: name }), language)}\n${part(name, 'options', language)}`);
  return `${say(msg('help.title'), language)}

${say(msg('help.usage'), language)}
${lines.join('\n')}
  ${'bantin <command> --help'.padEnd(32)}${say(msg('help.commandHelp'), language)}
  ${'bantin --version'.padEnd(32)}${say(msg('help.version'), language)}

${sections.join('\n\n')}

${part('build', 'notes', language)}`;
}

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/** The value of `--name` in argv, written as `--name value` or `--name=value`. */
function optionValue(argv: readonly string[], name: string): string | undefined {
  for (let i = argv.length - 1; i >= 0; i--) {
    const arg = argv[i]!;
    if (arg === `--${name}`) return argv[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

/**
 * The language a command speaks: `--lang`, else the site's language (in `--root`, or the working
 * folder). Read before the options are parsed, so that a mistake in them is told in it too; a
 * `--lang` that is neither vi nor en is a mistake, told in the site's language.
 */
export function commandLanguage(argv: readonly string[]): { language: Language; wrong?: string } {
  const site = editorLanguage(optionValue(argv, 'root') ?? process.cwd());
  const chosen = optionValue(argv, 'lang');
  if (chosen === undefined) return { language: site };
  return isLanguage(chosen) ? { language: chosen } : { language: site, wrong: chosen };
}

/**
 * Parses a command's argv, `--help` and `--lang` included. Returns the values and the language
 * to speak in, or the exit status when the command should stop there: 0 after printing the
 * help, 2 after a one-line mistake.
 */
export function parseCommand<O extends Options>(
  name: CommandName,
  argv: string[],
  io: Output,
  { options, positionals = false, command = `bantin ${name}` }: { options: O; positionals?: boolean; command?: string },
): (Parsed<O> & { language: Language }) | number {
  const all = { ...options, help: { type: 'boolean', short: 'h' }, lang: { type: 'string' } } as const;
  const { language, wrong } = commandLanguage(argv);
  const tell = (message: Message) => io.err(say(message, language));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: all, allowPositionals: true, strict: true });
  } catch (error) {
    tell(msg('usage.mistake', { command, mistake: mistake(error as Error & { code?: string }, argv) }));
    return 2;
  }
  if (wrong !== undefined) {
    tell(msg('cli.lang', { command, value: wrong }));
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.out(commandHelp(name, language));
    return 0;
  }
  if (!positionals && parsed.positionals.length > 0) {
    tell(msg('usage.unexpected', { command, argument: parsed.positionals[0]! }));
    return 2;
  }
  return { ...(parsed as unknown as Parsed<O>), language };
}

/** Node's parseArgs message, said in one short sentence. */
function mistake(error: Error & { code?: string }, argv: string[]): Message {
  // "Unknown option '--x'", "Option '-p, --port <value>' argument missing": the long name.
  const option = /'(?:-\w, )?(--?[^' ,]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return msg('usage.unknownOption', { option: option ?? argv.find((arg) => arg.startsWith('-')) ?? '' });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(error.message)
        ? msg('usage.needsValue', { option: option ?? '' })
        : msg('usage.takesNoValue', { option: option ?? '' });
    default:
      return msg('usage.other', { detail: error.message.split('\n')[0]! });
  }
}
