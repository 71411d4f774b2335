// Parsing: one source file becomes one Article, its front-matter checked field by field.
import { createHash } from 'node:crypto';
import type { SiteConfig } from '../config.js';
import { BantinError, BuildFailure } from '../errors.js';
import { DateError, parseDate, type PublishedAt } from './dates.js';
import { describeValue, parseFrontMatter, type FrontMatter } from './frontmatter.js';
import type { SourceFile } from './load.js';
import type { MarkdownRenderer } from './markdown.js';
import { bodyPhotoUses, coverUse, type PhotoUse } from '../images/photos.js';
import type { Reference } from './references.js';
import { readAliases, type Alias } from './aliases.js';
import { permalink } from './permalink.js';
import { readTags } from './tags.js';
import { slugFromFile, slugFromTitle, slugProblem } from './slug.js';
import { msg, type Message } from '../messages/index.js';
import type { Language } from '../locales.js';

/** One bulletin, as every later stage sees it. */
export interface Article {
  /** Path of the source file, as shown to the user. */
  sourcePath: string;
  /** Path of the source file inside the content folder, `/`-separated: where the body is read from. */
  relativePath: string;
  /** Where the Markdown body starts in the decoded file, and on which line (for errors). */
  body: { offset: number; line: number };
  /** A hash of the source file: changes whenever anything a page shows of the article may change. */
  version: string;
  /**
   * A hash of what lists show of the article (title, date, lead, section, start of the text...):
   * an edit further down the body leaves it, and so every listing, as it was.
   */
  cardVersion: string;
  /** A hash of the path and text as read (line endings, BOM undone): the same on every system. */
  textVersion: string;
  slug: string;
  /** Where the URL comes from (the `slug:`, the `title:`, or the file itself), for a problem with the URL. */
  urlAt?: { line: number; column: number };
  /** Site-relative URL with a trailing slash: `bac-kan-tiep-tuc/`. */
  url: string;
  /** Output file, relative to the output folder: `bac-kan-tiep-tuc/index.html`. */
  outputPath: string;
  title: string;
  publishedAt: PublishedAt;
  /** When the article was last corrected, if the editor said so (`updated:`). */
  updatedAt?: PublishedAt;
  /** Every author's name, joined by commas: the signature as one text (feeds, old templates). */
  author: string;
  /** The authors, in the order the front-matter names them (`author:` as a text or a list, or `authors:`). */
  authors: string[];
  /** `pinned: true`, or `pinned: <date>`: a notice kept at the top of the home page and its section. */
  pinned: boolean;
  /** With `pinned: <date>`: the moment the notice comes down (the end of that day, for a date alone). */
  pinnedUntil?: PublishedAt;
  /** `featured: true`: the lead story of the home page. */
  featured: boolean;
  /** The lead paragraph, or an empty string. */
  summary: string;
  category?: string;
  tags: string[];
  draft: boolean;
  /** Every front-matter field, known or not, for templates. */
  data: Record<string, unknown>;
  /** The start of the body as plain text, for descriptions, when the article has no lead. */
  text: string;
  /** The pictures it shows: its cover (`image:`) first, then those of its body, with where each is written. */
  images: PhotoUse[];
  /** Old addresses that send readers here (`aliases:`). */
  aliases: Alias[];
  /** The links and images of the body, where they are written. */
  references: Reference[];
  /** The ids the body gives its page (headings, footnotes), for links with a `#`; undefined until a link asks (see `LinkFacts.anchorsOf`). */
  anchors?: string[];
}

/** An article with its body rendered to HTML: what its own page and full-text feeds show. */
export interface FullArticle extends Article {
  html: string;
}

export interface ParseContext {
  config: SiteConfig;
  markdown: MarkdownRenderer;
}

/** What each field holds, as the messages say it. */
const KNOWN_TYPES = {
  title: msg('expected.text'),
  date: msg('expected.date'),
  author: msg('expected.author'),
  authors: msg('expected.authors'),
  pinned: msg('expected.pinned'),
  featured: msg('expected.flag'),
  summary: msg('expected.text'),
  slug: msg('expected.text'),
  category: msg('expected.text'),
  tags: msg('expected.tags'),
  draft: msg('expected.flag'),
  updated: msg('expected.date'),
  image: msg('expected.image'),
  image_alt: msg('expected.text'),
  image_width: msg('expected.pixels', { example: 1200 }),
  image_height: msg('expected.pixels', { example: 800 }),
  aliases: msg('expected.aliases'),
} as const;

type Field = keyof typeof KNOWN_TYPES;

/** The Article's `version`: the digest of the file's path and bytes, or failing that of its text. */
export function sourceVersion(source: SourceFile): string {
  return source.digest ?? createHash('sha1').update(source.relativePath).update('\0').update(source.text).digest('base64url');
}

/**
 * Turns one decoded source file into an Article, or throws every problem found in it. The body
 * is rendered later, by the page that shows it (see `body.ts`): a card is all lists need.
 */
export function parseArticle(source: SourceFile, context: ParseContext): Article {
  const file = source.displayPath;
  if (source.text.trim() === '') {
    throw new BantinError(msg('file.empty'), {
      file, line: 1, column: 1,
    });
  }
  const front = parseFrontMatter(source.text, file);
  const { data } = front;
  const read = fieldReader(front, file, context.config.timeZone);
  const title = read.text('title', true);
  const publishedAt = read.date('date', true);
  const updatedAt = read.date('updated', false);
  const authors = readAuthors(data, context.config.defaultAuthor, read);
  const summary = read.text('summary', false) ?? '';
  const category = read.text('category', false) || undefined;
  const tags = readTags(data.tags, () => read.fail('tags', msg('field.type', { field: 'tags', expected: KNOWN_TYPES.tags, actual: describeValue(data.tags) })));
  const draft = read.flag('draft');
  const cover = readCover(read, front);
  const featured = read.flag('featured');
  const pinnedUntil = typeof data.pinned === 'boolean' ? undefined : read.date('pinned', false);
  const pinned = typeof data.pinned === 'boolean' ? data.pinned : pinnedUntil !== undefined;
  const slug = chooseSlug(read, { title, relativePath: source.relativePath, from: context.config.slugFrom, language: context.config.language });
  const aliases = aliasesOf(front, context.config.baseUrl, read);
  if (read.problems.length > 0) throw read.problems.length === 1 ? read.problems[0] : new BuildFailure(read.problems);

  // Lists describe an article by its lead, or by the start of its text when it has none.
  const facts = context.markdown.inspect(front.body, front.bodyLine, file, !summary);
  const excerpt = summary ? '' : facts.text;
  const card = { slug, title, publishedAt, updatedAt, authors, summary, category, tags, draft, data, text: excerpt };
  return {
    sourcePath: file,
    relativePath: source.relativePath,
    body: { offset: source.text.length - front.body.length, line: front.bodyLine },
    version: sourceVersion(source),
    cardVersion: createHash('sha1').update(JSON.stringify(card)).digest('base64url'),
    textVersion: createHash('sha1').update(source.relativePath).update('\0').update(source.text).digest('base64url'),
    slug: slug!,
    ...located(data.slug !== undefined || context.config.slugFrom === 'title' ? front.locate(data.slug !== undefined ? 'slug' : 'title') : { line: 1, column: 1 }),
    ...permalink(context.config.permalink, { slug: slug!, publishedAt: publishedAt!, category, language: context.config.language }),
    title: title!,
    publishedAt: publishedAt!,
    ...(updatedAt !== undefined && { updatedAt }),
    author: authors.join(', '),
    authors,
    pinned,
    ...(pinnedUntil !== undefined && { pinnedUntil }),
    featured,
    summary,
    ...(category !== undefined && { category }),
    tags,
    draft,
    data,
    text: excerpt,
    images: [...cover, ...bodyPhotoUses(facts.references)],
    aliases,
    references: facts.references,
    ...(facts.anchors && { anchors: facts.anchors }),
  };
}

/** The old addresses (`aliases:`), each problem at the line of its item. */
function aliasesOf(front: FrontMatter, baseUrl: string | undefined, read: FieldReader): Alias[] {
  // An item of a list written on one line is found by its list.
  const locate = (index?: number) => (index !== undefined && front.locate(['aliases', String(index)])) || (front.locate('aliases') ?? { line: 2, column: 1 });
  return readAliases(front.data.aliases, { baseUrl, locate }, (message, at) => read.problems.push(new BantinError(message, { file: read.file, ...at })));
}

type FieldReader = ReturnType<typeof fieldReader>;

/**
 * Reads the front-matter's fields one at a time. A bad field is kept in `problems`, at the line
 * where it is written, so one build names every problem of the file, not just the first.
 */
function fieldReader(front: FrontMatter, file: string, timeZone: SiteConfig['timeZone']) {
  const { data } = front;
  const problems: BantinError[] = [];
  const fail = (field: Field, message: Message, part: 'key' | 'value' = 'value') => {
    problems.push(new BantinError(message, { file, ...(front.locate(field, part) ?? { line: 2, column: 1 }) }));
  };
  const text = (field: Field, required: boolean): string | undefined => {
    const value = data[field];
    if (value === undefined || value === null) {
      if (required) fail(field, msg('field.missing', { field }), 'key');
      return undefined;
    }
    if (typeof value !== 'string') {
      fail(field, msg('field.typeText', { field, expected: KNOWN_TYPES[field], actual: describeValue(value) }));
      return undefined;
    }
    const trimmed = value.trim();
    if (required && trimmed === '') fail(field, msg('field.empty', { field }));
    return trimmed;
  };
  const date = (field: 'date' | 'updated' | 'pinned', required: boolean): PublishedAt | undefined => {
    const value = data[field];
    if (value === undefined || value === null) {
      if (required) fail(field, msg('field.missingDate', { field }), 'key');
      return undefined;
    }
    // Text without a single digit ("yes", "hôm nay") is the wrong kind of value, not a bad date.
    if (typeof value !== 'string' || !/\d/.test(value)) {
      fail(field, msg('field.type', { field, expected: KNOWN_TYPES[field], actual: describeValue(value) }));
      return undefined;
    }
    try {
      return parseDate(value, timeZone);
    } catch (error) {
      if (!(error instanceof DateError)) throw error;
      fail(field, error.detail);
      return undefined;
    }
  };
  const flag = (field: 'draft' | 'featured'): boolean => {
    const value = data[field];
    if (value === undefined || value === null) return false;
    if (typeof value === 'boolean') return value;
    fail(field, msg('field.type', { field, expected: KNOWN_TYPES[field], actual: describeValue(value) }));
    return false;
  };
  const pixels = (field: 'image_width' | 'image_height'): number | undefined => {
    const value = data[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
    fail(field, msg('field.type', { field, expected: KNOWN_TYPES[field], actual: describeValue(value) }));
    return undefined;
  };
  return { problems, fail, text, date, flag, pixels, file };
}

/** The cover: `image:` and `image_alt:`, and the size of a picture on another site, both or neither. */
function readCover(read: FieldReader, front: FrontMatter): PhotoUse[] {
  const [width, height] = [read.pixels('image_width'), read.pixels('image_height')];
  if ((width === undefined) !== (height === undefined)) {
    read.fail(width === undefined ? 'image_height' : 'image_width', msg('field.sizeTogether'), 'key');
  }
  return coverUse({ image: read.text('image', false), alt: read.text('image_alt', false), width, height }, front.locate('image'));
}

/**
 * The authors: `author:` as a text or a list, or `authors:` as a list; without either, the
 * site's `defaultAuthor`. A list is the signature in its order; a name twice is kept once.
 */
function readAuthors(data: Record<string, unknown>, defaultAuthor: string | undefined, read: FieldReader): string[] {
  const field: Field = data.authors !== undefined && data.authors !== null ? 'authors' : 'author';
  if (field === 'authors' && data.author !== undefined && data.author !== null) {
    read.fail('authors', msg('field.bothAuthors'), 'key');
    return [];
  }
  const value = data[field];
  if (value === undefined || value === null) {
    if (defaultAuthor !== undefined) return [defaultAuthor];
    read.fail('author', msg('field.missing', { field: 'author' }), 'key');
    return [];
  }
  const list = Array.isArray(value) ? value : field === 'author' ? [value] : undefined;
  if (!list || !list.every((name) => typeof name === 'string')) {
    read.fail(field, msg('field.type', { field, expected: KNOWN_TYPES[field], actual: describeValue(value) }));
    return [];
  }
  const names = [...new Set(list.map((name: string) => name.trim()).filter((name) => name !== ''))];
  if (names.length === 0) read.fail(field, msg('field.empty', { field }));
  return names;
}

/**
 * The `slug:` as written, checked; without one, the file's name (or, on a site that asks for it,
 * the title's words).
 */
function chooseSlug(read: FieldReader, made: { title: string | undefined; relativePath: string; from: SiteConfig['slugFrom']; language: Language }): string | undefined {
  const slug = read.text('slug', false);
  if (slug) {
    const problem = slugProblem(slug);
    if (problem) read.fail('slug', problem);
    return slug;
  }
  if (made.from === 'file') return slugFromFile(made.relativePath, made.language);
  // No title is already a problem; the slug it would give does not matter then.
  return made.title === undefined ? slug : slugFromTitle(made.title, made.language) || slugFromFile(made.relativePath, made.language);
}

function located(urlAt: { line: number; column: number } | undefined): Pick<Article, 'urlAt'> {
  return urlAt === undefined ? {} : { urlAt };
}
