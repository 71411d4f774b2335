// Standalone pages: `pages/**/*.md` beside `content/` (Giới thiệu, Liên hệ...). Each is a page at
// its own address, in the site's layout, with no date and in no listing. They are few, so they are
// read, parsed and rendered whole on every build; their digests go into the site's shape.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BantinError, BuildFailure, collectProblems, quoted } from '../errors.js';
import { parseFrontMatter, type FrontMatter } from './frontmatter.js';
import { decodeSource, isArticleName, readSource, sourceDigest } from './load.js';
import { walkFolder } from '../walk.js';
import type { MarkdownRenderer } from './markdown.js';
import { SLUG_WORDS, slugFromTitle, slugProblem } from './slug.js';
import { msg, type Message } from '../messages/index.js';
import type { Language } from '../locales.js';

/** One standalone page, rendered. */
export interface StandalonePage {
  /** Path of the source file, as shown to the user. */
  sourcePath: string;
  title: string;
  /** For the page's meta description; may be empty. */
  description: string;
  /** Site-relative URL with a trailing slash: `gioi-thieu/`. */
  url: string;
  /** `gioi-thieu/index.html`. */
  outputPath: string;
  /** Listed in the navigation bar, after the configured menu. */
  menu: boolean;
  /** Listed in the footer of every page. */
  footer: boolean;
  /** Where it stands among the pages in the menu, the footer and the site map: lower first. */
  order: number;
  html: string;
  /** A hash of the file's path and bytes. */
  version: string;
  /** Where its address comes from: the `slug:`, or else the file's name (its first line), for a collision. */
  urlAt: { line: number; column: number };
  /** Every front-matter field, for templates. */
  data: Record<string, unknown>;
}

/** Every page under `pagesDir` (none when the folder does not exist), in menu order. */
export function loadPages(
  pagesDir: string,
  { show, markdown, language }: { show: (path: string) => string; markdown: MarkdownRenderer; language: Language },
  problems: BantinError[],
): StandalonePage[] {
  if (!existsSync(pagesDir)) return [];
  const files = walkFolder(pagesDir, false).filter((entry) => entry.file && isArticleName(entry.path)).map((entry) => entry.path).sort();
  const pages = collectProblems(files, (relativePath) => {
    const path = join(pagesDir, ...relativePath.split('/'));
    const displayPath = show(path);
    const bytes = readSource({ path, displayPath });
    const text = decodeSource(bytes, displayPath);
    return parsePage(text, { relativePath, displayPath, version: sourceDigest(relativePath, bytes), language }, markdown);
  }, problems);
  return pages.sort(byOrder);
}

/**
 * The names and stamps of the files in `pagesDir`, as one text: equal while no page was added,
 * removed or written, so a build that finds nothing else changed can stop without reading them.
 */
export function pageFilesStamp(pagesDir: string): string {
  if (!existsSync(pagesDir)) return '';
  const files = walkFolder(pagesDir, true).filter((entry) => entry.file && isArticleName(entry.path));
  return createHash('sha1').update(files.map((entry) => `${entry.path}\0${entry.stamp}`).sort().join('\0')).digest('base64url');
}

function byOrder(a: StandalonePage, b: StandalonePage): number {
  return a.order - b.order || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

interface PageSource {
  relativePath: string;
  displayPath: string;
  version: string;
  /** The site's language: the words of an address made from a file name. */
  language?: Language;
}

/** One page file's text, parsed and rendered; every problem in it thrown at once. */
export function parsePage(text: string, source: PageSource, markdown: MarkdownRenderer): StandalonePage {
  const file = source.displayPath;
  const front = parseFrontMatter(text, file);
  const problems: BantinError[] = [];
  const fail = (key: string, message: Message) => problems.push(new BantinError(message, { file, ...(front.locate(key) ?? { line: 1, column: 1 }) }));
  const field = fieldOf(front, fail);
  const title = field('title', 'string')?.trim();
  if (!title && !problems.length) fail('title', msg('page.noTitle'));
  const slug = field('slug', 'string');
  const slugTrouble = slug === undefined ? undefined : slugProblem(slug);
  if (slugTrouble) fail('slug', slugTrouble);
  const data = { order: field('order', 'number') ?? 0, menu: field('menu', 'boolean') ?? false, footer: field('footer', 'boolean') ?? false };
  const description = field('description', 'string')?.trim() ?? '';
  if (problems.length > 0) throw problems.length === 1 ? problems[0]! : new BuildFailure(problems);
  const url = pageUrl(source.relativePath, slug, source.language);
  return {
    sourcePath: file, title: title!, description, url, outputPath: `${url}index.html`, ...data,
    html: markdown.render(front.body, { file, line: front.bodyLine }),
    version: source.version, urlAt: (slug !== undefined && front.locate('slug')) || { line: 1, column: 1 }, data: front.data,
  };
}

interface Kinds { string: string; boolean: boolean; number: number }
const KIND_NAMES: Record<keyof Kinds, Message> = { string: msg('expected.text'), boolean: msg('expected.flag'), number: msg('expected.number') };

/** Reads one front-matter field of the given kind; a value of another kind is a problem at its line. */
function fieldOf(front: FrontMatter, fail: (key: string, message: Message) => void) {
  return <K extends keyof Kinds>(key: string, kind: K): Kinds[K] | undefined => {
    const value = front.data[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === kind) return value as Kinds[K];
    fail(key, msg('field.type', { field: key, expected: KIND_NAMES[kind], actual: quoted(value) }));
    return undefined;
  };
}

/**
 * A page's address from its path in `pages/`: `gioi-thieu.md` -> `gioi-thieu/`,
 * `en/about.md` -> `en/about/`, `lien-he/index.md` -> `lien-he/`. A file or folder name that is
 * not already an address word is made one as titles are (`Giới thiệu.md` -> `gioi-thieu/`);
 * `slug:` replaces the last word.
 */
export function pageUrl(relativePath: string, slug?: string, language: Language = 'vi'): string {
  const parts = relativePath.replace(/\.md$/i, '').split(/[/\\]/);
  if (parts.length > 1 && parts.at(-1) === 'index') parts.pop();
  if (slug !== undefined) parts[parts.length - 1] = slug;
  const words = parts.map((part) => (slugProblem(part) === undefined ? part : slugFromTitle(part, language) || SLUG_WORDS[language].page));
  return words.join('/') + '/';
}
