// Errors a person can act on: where in their file, and what to do about it.
import { isAbsolute, relative } from 'node:path';
import type { Language } from './locales.js';
import { msg, say, type Message } from './messages/index.js';

export interface SourceLocation {
  /** Path as the user knows it, relative to the working folder where possible. */
  file: string;
  line?: number;
  column?: number;
}

/**
 * A problem with the user's content, templates or options: printed without a stack trace. It
 * carries a message of the catalogue (`detail`), said in the editor's language by `format`;
 * `message` is the English sentence, for logs and programs.
 */
export class BantinError extends Error {
  readonly detail: Message;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(detail: Message, where?: SourceLocation, options?: ErrorOptions) {
    super(say(detail, 'en'), options);
    this.name = 'BantinError';
    this.detail = detail;
    this.file = where?.file;
    this.line = where?.line;
    this.column = where?.column;
  }

  /** The message in `language`. */
  text(language: Language = 'en'): string {
    return say(this.detail, language);
  }

  /** `path:line:column  message`, the shape editors and terminals link to: the same place in every language. */
  format(language: Language = 'en'): string {
    const where = formatWhere(this);
    return where ? `${where}  ${this.text(language)}` : this.text(language);
  }
}

/** A problem as a warning of the build says it: `path:line:column  message`, in any language. */
export function located(error: BantinError): Message {
  const where = formatWhere(error);
  return where ? msg('cli.at', { where, text: error.detail }) : error.detail;
}

/** `path:line:column`, or an empty string when there is no file. */
export function formatWhere(at: { file?: string | undefined; line?: number | undefined; column?: number | undefined }): string {
  if (at.file === undefined) return '';
  let where = at.file;
  if (at.line !== undefined) {
    where += `:${at.line}`;
    if (at.column !== undefined) where += `:${at.column}`;
  }
  return where;
}

/** Several problems found together: every one of them is reported, not just the first. */
export class BuildFailure extends Error {
  readonly problems: readonly BantinError[];

  constructor(problems: readonly BantinError[]) {
    super(`${say(msg('cli.problems', { count: problems.length }), 'en')}; ${say(msg('cli.unchanged'), 'en')}`);
    this.name = 'BuildFailure';
    this.problems = problems;
  }
}

/** Runs `work` for each item, keeping every user problem instead of stopping at the first. */
export function collectProblems<T, R>(
  items: readonly T[],
  work: (item: T) => R,
  problems: BantinError[],
): R[] {
  const results: R[] = [];
  for (const item of items) {
    try {
      results.push(work(item));
    } catch (error) {
      if (error instanceof BantinError) problems.push(error);
      else if (error instanceof BuildFailure) problems.push(...error.problems);
      else throw error;
    }
  }
  return results;
}

/**
 * How to show a path to the person running the build: relative to their working folder when
 * the file is below it (terminals make that clickable), else relative to the site folder.
 */
export function pathShower(cwd: string, root: string): (path: string) => string {
  return (path) => {
    for (const base of [cwd, root]) {
      const shown = relative(base, path);
      if (!shown.startsWith('..') && !isAbsolute(shown)) return shown || '.';
    }
    return path;
  };
}

/** The result of `work`, or undefined with its problems added to `problems`. */
export function attempt<T>(work: () => T, problems: BantinError[]): T | undefined {
  return collectProblems([undefined], work, problems)[0];
}

/** Characters of a value a message shows before it cuts it short. */
const SHOWN_LENGTH = 60;

/**
 * A value as a message shows it (text in double quotes, anything else as JSON), cut short with its
 * length when it is long: a 200 KB value pasted by mistake is not printed back whole.
 */
export function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  if (text.length <= SHOWN_LENGTH + 20) return text;
  const length = typeof value === 'string' ? value.length : text.length;
  return `${cut(text)}…${typeof value === 'string' ? '"' : ''} (${length.toLocaleString('en')} characters)`;
}

/** Text a message shows as it is (a title), cut short like `quoted` when it is long. */
export function shortened(text: string): string {
  return text.length <= SHOWN_LENGTH + 20 ? text : `${cut(text)}… (${text.length.toLocaleString('en')} characters)`;
}

/** The start of `text`, not ending in half a character. */
function cut(text: string): string {
  return text.slice(0, /[\uD800-\uDBFF]/.test(text[SHOWN_LENGTH - 1]!) ? SHOWN_LENGTH - 1 : SHOWN_LENGTH);
}

/** A size in whole megabytes, as people read them: "1,024 MB". */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MB`;
}
