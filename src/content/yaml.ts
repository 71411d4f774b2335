// YAML adapter: js-yaml 3, the parser gray-matter itself loads, so bantin loads one YAML parser for
// front-matter and `bantin.yaml` alike. Plain data only (the core schema: no dates, no tags that
// build objects), every problem told at its line and column in the file.
import yaml from 'js-yaml';
import { BantinError } from '../errors.js';
import { msg, type Message } from '../messages/index.js';

/** Aliases beyond this many are an attack ("billion laughs"), not a bulletin. */
const MAX_ALIASES = 50;

export interface YamlSource {
  /** The file, as shown to the user. */
  file: string;
  /** The file's line on which `text` starts (its first line is that line, from its first column). */
  line: number;
  /** What the text is, for messages: the front-matter, the configuration. */
  what: Message;
}

/** Parses YAML text into plain data, or throws a BantinError where the text is wrong. */
export function parseYaml(text: string, source: YamlSource): unknown {
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: source.file });
  } catch (error) {
    // The parser recurses into nested lists: a thousand levels run it out of stack.
    if (error instanceof RangeError) {
      throw new BantinError(msg('yaml.tooDeep', { what: source.what }), { file: source.file, line: source.line + 1, column: 1 });
    }
    if (!(error instanceof yaml.YAMLException)) throw error;
    throw yamlProblem(error, text, source);
  }
  if (aliasesIn(data) > MAX_ALIASES) {
    throw new BantinError(msg('yaml.aliases', { what: source.what, max: MAX_ALIASES }), {
      file: source.file,
      line: source.line + 1,
      column: 1,
    });
  }
  return data;
}

/** A syntax error where it is: an unknown tag at its "!", whose value the parser has read by then. */
function yamlProblem(error: yaml.YAMLException, text: string, source: YamlSource): BantinError {
  const { mark, reason = error.message } = error as { mark?: { line: number; column: number }; reason?: string };
  let column = mark && mark.column + 1;
  if (mark && reason.startsWith('unknown tag')) column = (text.split('\n')[mark.line] ?? '').indexOf('!') + 1 || column;
  return new BantinError(msg('yaml.invalid', { what: source.what, reason: reasonMessage(reason) }), {
    file: source.file,
    ...(mark && { line: source.line + mark.line, column }),
  });
}

/**
 * How many times a list or mapping is met again: each is an alias. Counted without walking into
 * what was met before, so an alias bomb is counted in the time its text takes to read.
 */
function aliasesIn(data: unknown): number {
  const seen = new Set<object>();
  let aliases = 0;
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (seen.has(value)) {
      aliases++;
      return;
    }
    seen.add(value);
    for (const item of Object.values(value)) walk(item);
  };
  walk(data);
  return aliases;
}

/** Data as YAML that `parseYaml` reads back the same, on lines of any length: what `bantin import` writes. */
export function toYaml(data: Record<string, unknown>): string {
  return yaml.dump(data, { schema: yaml.CORE_SCHEMA, lineWidth: -1 });
}

/**
 * Where the key at `path` (a mapping's keys and lists' places, from the top) is written in block
 * YAML, or its value: 1-based line and column in `text`. Found from the lines' indentation, as a
 * person reads them; undefined for what is not written in block style.
 */
export function locateYaml(text: string, path: readonly string[], part: 'key' | 'value'): { line: number; column: number } | undefined {
  const lines = text.split('\n');
  let block: Block = { from: 0, to: lines.length, indent: -1 };
  let found: Found | undefined;
  for (const segment of path) {
    found = /^\d+$/.test(segment) ? listItem(lines, block, Number(segment)) : mappingKey(lines, block, segment);
    if (!found) return undefined;
    block = found.holds;
  }
  if (!found) return undefined;
  if (part === 'key' || found.valueColumn > 0) return { line: found.line + 1, column: part === 'key' ? found.keyColumn : found.valueColumn };
  const next = contentLines(lines, found.line + 1, found.holds.to)[0];
  return next === undefined ? { line: found.line + 1, column: found.keyColumn } : { line: next + 1, column: indentOf(lines[next]!) + 1 };
}

/** Lines `from` to `to` (not included), whose keys are indented more than `indent`. */
interface Block {
  from: number;
  to: number;
  indent: number;
}

interface Found {
  /** 0-based. */
  line: number;
  keyColumn: number;
  /** Where a value on the key's own line starts, or 0. */
  valueColumn: number;
  /** The lines of what it holds. */
  holds: Block;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** The lines that say something (not blank, not comments), by index. */
function contentLines(lines: readonly string[], from: number, to: number): number[] {
  const found: number[] = [];
  for (let i = from; i < to; i++) if (lines[i]!.trim() !== '' && !lines[i]!.trimStart().startsWith('#')) found.push(i);
  return found;
}

/** A key's value ends where a line is indented as little as the key (a list may sit at the key's own indentation). */
function mappingKey(lines: readonly string[], block: Block, key: string): Found | undefined {
  for (const i of contentLines(lines, block.from, block.to)) {
    const match = keyOnLine(lines[i]!, key);
    if (!match || match.indent <= block.indent) continue;
    const { indent: keyIndent, rest } = match;
    const end = contentLines(lines, i + 1, block.to).find((j) => {
      const indent = indentOf(lines[j]!);
      return indent < keyIndent || (indent === keyIndent && !lines[j]!.trimStart().startsWith('- '));
    });
    const valueColumn = rest === '' || rest.startsWith('#') ? 0 : lines[i]!.length - rest.length + 1;
    return { line: i, keyColumn: keyIndent + 1, valueColumn, holds: { from: valueColumn > 0 ? i : i + 1, to: end ?? block.to, indent: keyIndent - 1 } };
  }
  return undefined;
}

/** The item at `place` of a list: its keys may start on the dash's own line. */
function listItem(lines: readonly string[], block: Block, place: number): Found | undefined {
  let count = -1;
  let dashIndent: number | undefined;
  const dashes = contentLines(lines, block.from, block.to).filter((i) => {
    const indent = indentOf(lines[i]!);
    if (!lines[i]!.trimStart().startsWith('-') || indent <= block.indent - 1 || (dashIndent !== undefined && indent !== dashIndent)) return false;
    dashIndent = indent;
    return true;
  });
  const i = dashes[place];
  if (i === undefined) return undefined;
  count = place;
  const content = /^(\s*-\s*)/.exec(lines[i]!)![1]!.length;
  const end = dashes[count + 1] ?? contentLines(lines, i + 1, block.to).find((j) => indentOf(lines[j]!) <= dashIndent!) ?? block.to;
  return { line: i, keyColumn: content + 1, valueColumn: content + 1, holds: { from: i, to: end, indent: content - 1 } };
}

/**
 * `key:` written on `line` (bare or quoted, maybe after a list's dash): where the key starts, and
 * what follows the colon. Compared as text: a key may be any length.
 */
function keyOnLine(line: string, key: string): { indent: number; rest: string } | undefined {
  const indent = /^\s*(?:- )?/.exec(line)![0].length;
  const spelling = [key, `"${key}"`, `'${key}'`].find((written) => line.startsWith(written, indent));
  if (spelling === undefined) return undefined;
  const colon = skipSpaces(line, indent + spelling.length);
  return line[colon] === ':' ? { indent, rest: line.slice(skipSpaces(line, colon + 1)) } : undefined;
}

function skipSpaces(line: string, from: number): number {
  let at = from;
  while (at < line.length && /\s/.test(line[at]!)) at++;
  return at;
}

/** js-yaml's reason, as one of the mistakes the catalogue explains in the editor's words when it is one. */
function reasonMessage(reason: string): Message {
  const known = [
    [/^bad indentation/, 'yamlReason.indentation'],
    [/^duplicated mapping key/, 'yamlReason.duplicateKey'],
    [/within a (double|single) quoted scalar/, 'yamlReason.unclosedQuote'],
    [/flow collection/, 'yamlReason.unclosedList'],
    [/implicit key|mapping pair|end of the stream or a document separator/, 'yamlReason.missingColon'],
    [/^unknown tag/, 'yamlReason.unknownTag'],
  ] as const;
  const id = known.find(([pattern]) => pattern.test(reason))?.[1] ?? 'yamlReason.other';
  return msg(id, { reason });
}
