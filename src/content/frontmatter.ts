// Front-matter adapter: gray-matter splits the file; js-yaml parses the plain cases quickly, and the
// `yaml` library parses everything else safely, with positions for error messages.
import matter from 'gray-matter';
import jsYaml from 'js-yaml';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { BantinError } from '../errors.js';
import { findForbiddenCharacter, type ForbiddenCharacter } from './characters.js';

export interface FrontMatter {
  /** The front-matter mapping, as plain data. */
  data: Record<string, unknown>;
  /** The Markdown after the front-matter. */
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
  /** 1-based line and column of a top-level key (or of its value), for error messages. */
  locate(key: string, part?: 'key' | 'value'): { line: number; column: number } | undefined;
  /**
   * Where the value of a top-level key written in block style (`title: ...` at the start of a
   * line) starts, found without parsing the YAML again: cheap enough for every article.
   */
  quickLocate(key: string): { line: number; column: number } | undefined;
}

/** Aliases beyond this many are an attack ("billion laughs"), not a bulletin. */
const MAX_ALIASES = 50;
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
      'The article has no front-matter. Start the file with a line "---", then "title:", "date:" and the other fields, then another "---".',
      { file, line: 1, column: 1 },
    );
  }
  const language = firstLine.slice(3).trim();
  if (REFUSED_LANGUAGES.test(language)) {
    throw new BantinError(
      `Front-matter in ${language} is code, and bantin never runs code from an article. Write the front-matter in YAML ("---" alone on the first line).`,
      { file, line: 1, column: 4 },
    );
  }
  if (language !== '' && !/^ya?ml$/i.test(language)) {
    throw new BantinError(
      `bantin reads front-matter in YAML only, not "${language}". Write "---" alone on the first line.`,
      { file, line: 1, column: 4 },
    );
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(firstLine.length))) {
    throw new BantinError(
      'The front-matter is not closed: add a line "---" after the last field, before the article text.',
      { file, line: 1, column: 1 },
    );
  }

  let yamlSource: string | undefined;
  let fast: Record<string, unknown> | undefined;
  // gray-matter is given the front-matter and its closing "---" only (found above to be there):
  // it looks its whole input up in a cache first, which hashes all of it, and an article is
  // thousands of characters (2% of a large build). What follows "---" is the body, as
  // gray-matter would cut it: less one line break.
  const close = text.indexOf('\n---', 3);
  let body = text.slice(close + 4);
  if (body.startsWith('\r')) body = body.slice(1);
  if (body.startsWith('\n')) body = body.slice(1);
  matter(text.slice(0, close + 4), {
    engines: {
      yaml: (source: string) => {
        yamlSource = source;
        fast = quickParse(source);
        return {};
      },
      javascript: refuse,
      js: refuse,
      coffee: refuse,
      json: refuse,
    },
  });

  // The reference parser, with positions: run when the quick one could not vouch for the text,
  // and for the line and column of a problem found later.
  const lines = new LineCounter();
  let document: Document | undefined;
  const fullParse = () =>
    (document ??= parseDocument(yamlSource ?? '', { schema: 'core', lineCounter: lines, uniqueKeys: true, prettyErrors: false, merge: false }));
  // The YAML starts right after "---" on line 1, so the YAML's line numbers are the file's.
  const position = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };

  let data: Record<string, unknown> = {};
  if (fast) {
    data = fast;
  } else if (yamlSource !== undefined) {
    const document = fullParse();
    const problem = document.errors[0] ?? document.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
    if (problem) {
      throw new BantinError(`The front-matter is not valid YAML: ${yamlMessage(problem.message)}`, {
        file,
        ...position(problem.pos[0]),
      });
    }
    if (document.contents !== null && !isMap(document.contents)) {
      throw new BantinError(
        'The front-matter must be a list of fields ("title: ...", "date: ..."), one per line.',
        { file, ...position(document.contents.range?.[0] ?? 0) },
      );
    }
    try {
      data = (document.toJS({ maxAliasCount: MAX_ALIASES }) as Record<string, unknown> | null) ?? {};
    } catch (error) {
      throw new BantinError(
        `The front-matter uses too many YAML aliases (*name): ${(error as Error).message}`,
        { file, line: 2, column: 1 },
      );
    }
    // An escape in a quoted YAML string ("\0", "\e", "\u0001") can make what the file itself may not contain.
    for (const pair of isMap(document.contents) ? document.contents.items : []) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const odd = findForbiddenCharacter(key) ?? forbiddenIn(data[key]);
      if (odd) {
        const node = pair.value as { range?: [number, number, number] } | null;
        throw new BantinError(
          `The value of ${key} contains the invisible character ${odd.name} (written as an escape such as "\\u0001"), which a web page may not contain. Remove it.`,
          { file, ...position(node?.range?.[0] ?? 0) },
        );
      }
    }
  }

  const bodyStart = text.length - body.length;
  const bodyLine = countLines(text, bodyStart);

  return {
    data: ownStrings(data),
    body,
    bodyLine,
    quickLocate(key) {
      // The YAML starts right after "---" on line 1, so its lines are the file's.
      const lines = (yamlSource ?? '').split('\n');
      for (const [index, line] of lines.entries()) {
        const match = line.startsWith(key) ? /^\s*:\s*/.exec(line.slice(key.length)) : null;
        if (match) return { line: index + 1, column: key.length + match[0].length + 1 };
      }
      return undefined;
    },
    locate(key, part = 'value') {
      const contents = yamlSource === undefined ? undefined : fullParse().contents;
      if (!contents || !isMap(contents)) return undefined;
      const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) return undefined;
      const node = part === 'value' && pair.value ? pair.value : pair.key;
      const offset = (node as { range?: [number, number, number] } | null)?.range?.[0];
      return offset === undefined ? undefined : position(offset);
    },
  };
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

/** Anchors, aliases and tags: the reference parser's limits and checks apply to them. */
const NEEDS_FULL_PARSE = /[&*!]/;

/**
 * Front-matter as plain data by js-yaml, several times faster than the reference parser, for the
 * common case: a mapping of plain values with no anchors, aliases or tags and nothing odd in it.
 * Anything else (or anything js-yaml refuses) returns undefined, and the reference parser decides.
 */
function quickParse(source: string): Record<string, unknown> | undefined {
  if (NEEDS_FULL_PARSE.test(source)) return undefined;
  let value: unknown;
  try {
    value = jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const data = value as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (findForbiddenCharacter(key) ?? forbiddenIn(data[key])) return undefined;
  }
  return data;
}

/**
 * The same values with strings of their own. YAML parsers return slices of the front-matter's
 * text, and in V8 a slice keeps all of that text alive: for every card a large site holds until
 * its pages are written, that was the whole front-matter again. Arrays and mappings are fresh
 * from the parser, so they are mended in place.
 */
function ownStrings<T>(value: T): T {
  if (typeof value === 'string') {
    // Shorter substrings are copies already. The concatenation is flattened into a new string
    // of its own, and the slice of it leaves one character unused.
    return (value.length < 13 ? value : (' ' + value).slice(1)) as T;
  }
  if (value === null || typeof value !== 'object') return value;
  // Only strings are assigned back: a mapping or list is mended where it is.
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (typeof item === 'string') record[key] = ownStrings(item);
    else ownStrings(item);
  }
  return value;
}

/** 1-based line number of a character offset. */
function countLines(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function yamlMessage(message: string): string {
  // The yaml library appends "at line L, column C"; we print the position ourselves.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}
