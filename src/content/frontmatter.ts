// Front-matter adapter: gray-matter splits the file, and its YAML goes to bantin's one YAML parser
// (yaml.ts), with positions for error messages.
import matter from 'gray-matter';
import { BantinError, quoted } from '../errors.js';
import { findForbiddenCharacter, type ForbiddenCharacter } from './characters.js';
import { locateYaml, parseYaml } from './yaml.js';
import { msg, type Message } from '../messages/index.js';

export interface FrontMatter {
  /** The front-matter mapping, as plain data. */
  data: Record<string, unknown>;
  /** The Markdown after the front-matter. */
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
  /** 1-based line and column of a top-level key (or of its value), for error messages. */
  locate(key: string | readonly string[], part?: 'key' | 'value'): { line: number; column: number } | undefined;
}

const REFUSED_LANGUAGES = /^(js|javascript|coffee|coffeescript|cson)$/i;

function refuse(): never {
  throw new Error('unreachable: executable front-matter is refused before parsing');
}

/**
 * Splits and parses one article's text (already decoded, with LF line endings).
 * Front-matter is YAML only: a `---js` block is an error and is never run.
 */
export function parseFrontMatter(text: string, file: string): FrontMatter {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  if (!firstLine.startsWith('---')) {
    throw new BantinError(
      msg('frontMatter.missing'),
      { file, line: 1, column: 1 },
    );
  }
  const language = firstLine.slice(3).trim();
  if (REFUSED_LANGUAGES.test(language)) {
    throw new BantinError(
      msg('frontMatter.code', { language }),
      { file, line: 1, column: 4 },
    );
  }
  if (language !== '' && !/^ya?ml$/i.test(language)) {
    throw new BantinError(
      msg('frontMatter.notYaml', { language: quoted(language) }),
      { file, line: 1, column: 4 },
    );
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(firstLine.length))) {
    throw new BantinError(
      msg('frontMatter.unclosed'),
      { file, line: 1, column: 1 },
    );
  }

  let yaml = '';
  const { content: body } = matter(text, {
    engines: {
      yaml: (source: string) => {
        yaml = source;
        return {};
      },
      javascript: refuse,
      js: refuse,
      coffee: refuse,
      json: refuse,
    },
  });
  // The YAML starts right after "---" on line 1, so its lines are the file's.
  const data = parseYaml(yaml, { file, line: 1, what: msg('word.frontMatter') }) ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new BantinError(msg('frontMatter.notFields'), { file, line: 2, column: 1 });
  }
  const locate = (key: string | readonly string[], part: 'key' | 'value' = 'value') => locateYaml(yaml, typeof key === 'string' ? [key] : key, part);
  checkCharacters(data as Record<string, unknown>, file, locate);
  return {
    data: data as Record<string, unknown>,
    body,
    bodyLine: countLines(text, text.length - body.length),
    locate,
  };
}

/** An escape in a quoted YAML string ("\0", "\e", "\u0001") can make what the file itself may not contain. */
function checkCharacters(data: Record<string, unknown>, file: string, locate: FrontMatter['locate']): void {
  for (const [key, value] of Object.entries(data)) {
    const odd = findForbiddenCharacter(key) ?? forbiddenIn(value);
    if (!odd) continue;
    throw new BantinError(
      msg('frontMatter.invisibleEscape', { key, name: odd.name }),
      { file, ...(locate(key) ?? { line: 2, column: 1 }) },
    );
  }
}

/** The first forbidden character in a front-matter value or in the text inside it. */
function forbiddenIn(value: unknown): ForbiddenCharacter | undefined {
  if (typeof value === 'string') return findForbiddenCharacter(value);
  if (Array.isArray(value)) return value.map(forbiddenIn).find((found) => found !== undefined);
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findForbiddenCharacter(key) ?? forbiddenIn(inner);
      if (found) return found;
    }
  }
  return undefined;
}

/** 1-based line number of a character offset. */
function countLines(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** A front-matter value as an editor's message names it: "a list", "the number 3", "\u201cabc\u201d". */
export function describeValue(value: unknown): Message {
  if (Array.isArray(value)) return msg('value.list');
  if (typeof value === 'object' && value !== null) return msg('value.group');
  if (typeof value === 'boolean') return msg('value.flag', { value: String(value) });
  if (typeof value === 'number') return msg('value.number', { value: String(value) });
  return msg('value.text', { value: quoted(value) });
}
