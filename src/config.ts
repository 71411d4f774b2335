// Site configuration: `bantin.yaml` at the site root, validated against schema/bantin.schema.json.
import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { locateYaml, parseYaml } from './content/yaml.js';
import { validate as compiledValidate } from './config-validate.js';
import { isValidTimeZone } from './content/dates.js';
import { permalinkProblem } from './content/permalink.js';
import { findForbiddenCharacter, type ForbiddenCharacter } from './content/characters.js';
import { BantinError, BuildFailure, quoted } from './errors.js';
import { locales, type Language } from './locales.js';
import { CONFIG_FILE } from './site-paths.js';
import { msg, type Message } from './messages/index.js';

export interface MenuItem {
  title: string;
  url: string;
}

export interface SiteConfig {
  title: string;
  description: string;
  /** Absolute address with trailing slash, e.g. `https://backan.gov.vn/bantin/`; feeds need it. */
  baseUrl?: string;
  /** Sub-folder the site is served from, with slashes: `/bantin/`. */
  basePath: string;
  language: Language;
  timeZone: string;
  defaultAuthor?: string;
  perPage: number;
  permalink: string;
  /** Where a slug comes from without `slug:`: the file's name (stable), or its title (bantin before 0.2). */
  slugFrom: 'file' | 'title';
  /** Links to pages the site does not have, missing images and photos without alt text: stop the build, or only warn. */
  brokenLinks: 'error' | 'warn';
  menu?: MenuItem[];
  feeds: { items: number; content: 'summary' | 'full' };
  publisher?: { name?: string; logo?: string };
  otherNewsCount: number;
  relatedCount: number;
  markdown: {
    html: boolean;
    /** Clean raw HTML through an allow-list (only with `html`). Filled in from the schema's default. */
    sanitize?: boolean;
    /** Hosts an <iframe> may load from, when `sanitize` is on. Filled in from the schema's default. */
    iframeHosts?: string[];
  };
  /** How photos are made (see src/images/). Filled in from the schema's defaults. */
  images: ImageSettings;
  /** Who runs the site: the footer of every page shows what is set. */
  agency?: Agency;
  /** What the accessibility statement says. Filled in from the schema's defaults. */
  accessibility: { standard: string; conformance: 'full' | 'partial'; limits: string[]; contact?: string; reviewed?: string };
  /** The static JSON API under `api/`. Filled in from the schema's defaults. */
  openData: { enabled: boolean; perPage: number; licence?: string };
  /** The largest static file and photo a build reads, in MB. Filled in from the schema's defaults. */
  limits: { staticFileMB: number; photoMB: number };
}

export interface ImageSettings {
  widths: number[];
  format: 'webp' | 'avif';
  quality: number;
  /** A picture under static/, for shared links of articles without their own `image:`. */
  default?: string;
  defaultAlt?: string;
}

/** The agency that owns the site (Nghị định 42/2022/NĐ-CP, Điều 4). */
export interface Agency {
  name?: string;
  address?: string;
  phone?: string;
  fax?: string;
  email?: string;
  /** The person responsible for the content. */
  responsible?: string;
  licence?: string;
  links?: MenuItem[];
}

export { CONFIG_FILE };

// schema/bantin.schema.json as Ajv compiled it beforehand (`npm run schema`): no schema is
// compiled at run time.
const validate = compiledValidate as ValidateFunction<SiteConfig>;

/** The configuration a site gets with no config file. */
export function defaultConfig(overrides: Partial<SiteConfig> = {}): SiteConfig {
  return checkConfig({ ...overrides }, CONFIG_FILE);
}

/**
 * Reads `bantin.yaml` text into a checked configuration. A missing file means defaults;
 * every mistake is reported with its key, its value and what was expected.
 */
export function parseConfig(text: string, file: string): SiteConfig {
  const odd = findForbiddenCharacter(text);
  if (odd) {
    const before = text.slice(0, odd.index);
    throw new BantinError(
      msg('config.invisible', { name: odd.name }),
      { file, line: before.split('\n').length, column: odd.index - before.lastIndexOf('\n') },
    );
  }
  const data = parseYaml(text, { file, line: 1, what: msg('word.configuration') }) ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new BantinError(msg('config.notSettings'), { file, line: 1, column: 1 });
  }
  return checkConfig(data as Record<string, unknown>, file, (path, part) => ({ file, ...locateYaml(text, path, part) }));
}

/** Reads the config file of a site folder, or the defaults when there is none. */
export function loadConfig(path: string, displayPath: string): SiteConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaultConfig();
    throw new BantinError(msg('config.unreadable', { reason: (error as Error).message }), { file: displayPath });
  }
  return parseConfig(text, displayPath);
}

type Locate = (path: string[], part: 'key' | 'value') => { file: string; line?: number; column?: number };

function checkConfig(data: Record<string, unknown>, file: string, locate: Locate = () => ({ file })): SiteConfig {
  const problems: BantinError[] = [];
  const valid = validate(data);
  // Read after the schema filled in the default; a pattern it did not refuse is checked all the same.
  const permalink = typeof data.permalink === 'string' ? permalinkProblem(data.permalink) : undefined;
  if (permalink) problems.push(new BantinError(permalink, locate(['permalink'], 'key')));
  const baseUrl = typeof data.baseUrl === 'string' ? baseUrlProblem(data.baseUrl) : undefined;
  if (baseUrl) problems.push(new BantinError(baseUrl, locate(['baseUrl'], 'value')));
  // An escape in a quoted string ("\f", "\uD800") can make what the file itself may not hold.
  // (The permalink has its own sentence, above.)
  const escaped = forbiddenValue(permalink ? { ...data, permalink: undefined } : data, []);
  if (escaped) {
    problems.push(new BantinError(
      msg('config.invisibleEscape', { key: escaped.path.join('.'), name: escaped.found.name }),
      locateNearest(locate, escaped.path),
    ));
  }
  for (const error of valid ? [] : validate.errors ?? []) {
    // Our own sentence about a permalink says more than "must match pattern".
    if ((permalink && error.instancePath === '/permalink') || (baseUrl && error.instancePath === '/baseUrl')) continue;
    const path = error.instancePath.split('/').slice(1);
    const unknownKey = error.keyword === 'additionalProperties';
    if (unknownKey) path.push((error.params as { additionalProperty: string }).additionalProperty);
    problems.push(new BantinError(describe(error, data), locate(path, unknownKey ? 'key' : 'value')));
  }
  if (problems.length > 0 || !valid) {
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw problems.length === 1 ? problems[0]! : new BuildFailure(problems);
  }
  const config: SiteConfig = data;
  // The schema has no default title: it depends on the language.
  config.title ??= locales[config.language].strings.siteTitle!;
  if (config.baseUrl !== undefined && !config.baseUrl.endsWith('/')) config.baseUrl += '/';
  config.basePath ??= config.baseUrl === undefined ? '/' : new URL(config.baseUrl).pathname;
  if (!isValidTimeZone(config.timeZone)) {
    throw new BantinError(
      msg('config.timeZone', { value: quoted(config.timeZone) }),
      locate(['timeZone'], 'value'),
    );
  }
  return config;
}

/** What is wrong with the site's address, or undefined: feeds, the sitemap and canonical links are made from it. */
function baseUrlProblem(value: string): Message | undefined {
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) return msg('config.baseUrlNotWeb', { value: quoted(value) });
  if (/[?#]/.test(value)) return msg('config.baseUrlQuery', { value: quoted(value) });
  return undefined;
}

function describe(error: ErrorObject, data: Record<string, unknown>): Message {
  const path = error.instancePath.split('/').slice(1);
  const key = path.join('.');
  let value: unknown = data;
  for (const part of path) value = (value as Record<string, unknown> | undefined)?.[part];
  const shown = quoted(value);
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      return msg('config.unknownKey', { key: quoted(`${key ? key + '.' : ''}${extra}`) });
    }
    case 'type':
      return msg('config.type', { key, value: shown, expected: typeName((error.params as { type: string }).type) });
    case 'enum':
      return msg('config.enum', { key, value: shown, allowed: (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ') });
    case 'minimum':
      return msg('config.minimum', { key, value: shown, limit: (error.params as { limit: number }).limit });
    case 'minLength':
      return msg('config.emptyText', { key });
    case 'pattern':
    case 'format':
      return msg('config.pattern', { key, value: shown });
    default:
      return msg('config.other', { key, value: shown, reason: error.message ?? msg('config.notAllowed') });
  }
}

function typeName(type: string): Message | string {
  const names: Record<string, Message> = {
    string: msg('type.string'), boolean: msg('type.boolean'), integer: msg('type.integer'), number: msg('type.number'),
    object: msg('type.object'), array: msg('type.array'),
  };
  return names[type] ?? type;
}

/** Where a value is, or the nearest group around it that can be found (an item of a list written inline). */
function locateNearest(locate: Locate, path: string[]): ReturnType<Locate> {
  for (let length = path.length; length > 1; length--) {
    const where = locate(path.slice(0, length), 'value');
    if (where.line !== undefined) return where;
  }
  return locate(path.slice(0, 1), 'value');
}

/** The first string in the configuration, key or value, holding a character pages and feeds may not contain. */
function forbiddenValue(value: unknown, path: string[]): { path: string[]; found: ForbiddenCharacter } | undefined {
  if (typeof value === 'string') {
    const found = findForbiddenCharacter(value);
    return found && { path, found };
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = findForbiddenCharacter(key);
    if (found) return { path: [...path, key], found };
    const within = forbiddenValue(inner, [...path, key]);
    if (within) return within;
  }
  return undefined;
}
