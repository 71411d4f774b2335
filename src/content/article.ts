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

const KNOWN_TYPES = {
  title: 'text',
  date: 'a date such as 2020-09-08 or 08/09/2020',
  author: 'a name, or a list of names such as [Minh Hiệp, Thu Hà]',
  authors: 'a list of names such as [Minh Hiệp, Thu Hà]',
  pinned: 'true, false, or the date until which the notice stays, such as 2020-10-01',
  featured: 'true or false',
  summary: 'text',
  slug: 'text',
  category: 'text',
  tags: 'a list such as [kinh tế, nông nghiệp] or a comma-separated text',
  draft: 'true or false',
  updated: 'a date such as 2020-09-08 or 08/09/2020',
  image: 'the address of a picture, such as anh-cau.jpg (beside the article) or /anh/cau.jpg (in static/)',
  image_alt: 'text',
  image_width: 'a number of pixels, such as 1200',
  image_height: 'a number of pixels, such as 800',
  aliases: 'a list of old addresses such as [/tin-cu/]',
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
    throw new BantinError('The file is empty. An article needs front-matter (title, date, author) and text.', {
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
  const tags = readTags(data.tags, () => read.fail('tags', `tags must be ${KNOWN_TYPES.tags}, but it is ${describeValue(data.tags)}.`));
  const draft = read.flag('draft');
  const cover = readCover(read, front);
  const featured = read.flag('featured');
  const pinnedUntil = typeof data.pinned === 'boolean' ? undefined : read.date('pinned', false);
  const pinned = typeof data.pinned === 'boolean' ? data.pinned : pinnedUntil !== undefined;
  const slug = chooseSlug(read, { title, relativePath: source.relativePath, from: context.config.slugFrom });
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
    slug: slug!,
    ...located(data.slug !== undefined || context.config.slugFrom === 'title' ? front.locate(data.slug !== undefined ? 'slug' : 'title') : { line: 1, column: 1 }),
    ...permalink(context.config.permalink, { slug: slug!, publishedAt: publishedAt!, category }),
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
  const fail = (field: Field, message: string, part: 'key' | 'value' = 'value') => {
    problems.push(new BantinError(message, { file, ...(front.locate(field, part) ?? { line: 2, column: 1 }) }));
  };
  const text = (field: Field, required: boolean): string | undefined => {
    const value = data[field];
    if (value === undefined || value === null) {
      if (required) fail(field, `The article has no ${field}. Add a line "${field}: ..." to the front-matter.`, 'key');
      return undefined;
    }
    if (typeof value !== 'string') {
      fail(field, `${field} must be ${KNOWN_TYPES[field]}, but it is ${describeValue(value)}. Put the value in quotes if it is meant as text.`);
      return undefined;
    }
    const trimmed = value.trim();
    if (required && trimmed === '') fail(field, `${field} is empty.`);
    return trimmed;
  };
  const date = (field: 'date' | 'updated' | 'pinned', required: boolean): PublishedAt | undefined => {
    const value = data[field];
    if (value === undefined || value === null) {
      if (required) fail(field, `The article has no ${field}. Add a line such as "${field}: 2020-09-08".`, 'key');
      return undefined;
    }
    // Text without a single digit ("yes", "hôm nay") is the wrong kind of value, not a bad date.
    if (typeof value !== 'string' || !/\d/.test(value)) {
      fail(field, `${field} must be ${KNOWN_TYPES[field]}, but it is ${describeValue(value)}.`);
      return undefined;
    }
    try {
      return parseDate(value, timeZone);
    } catch (error) {
      if (!(error instanceof DateError)) throw error;
      fail(field, error.message);
      return undefined;
    }
  };
  const flag = (field: 'draft' | 'featured'): boolean => {
    const value = data[field];
    if (value === undefined || value === null) return false;
    if (typeof value === 'boolean') return value;
    fail(field, `${field} must be ${KNOWN_TYPES[field]}, but it is ${describeValue(value)}.`);
    return false;
  };
  const pixels = (field: 'image_width' | 'image_height'): number | undefined => {
    const value = data[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
    fail(field, `${field} must be ${KNOWN_TYPES[field]}, but it is ${describeValue(value)}.`);
    return undefined;
  };
  return { problems, fail, text, date, flag, pixels, file };
}

/** The cover: `image:` and `image_alt:`, and the size of a picture on another site, both or neither. */
function readCover(read: FieldReader, front: FrontMatter): PhotoUse[] {
  const [width, height] = [read.pixels('image_width'), read.pixels('image_height')];
  if ((width === undefined) !== (height === undefined)) {
    read.fail(width === undefined ? 'image_height' : 'image_width', 'image_width and image_height go together: give the other one as well, or neither.', 'key');
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
    read.fail('authors', 'The article has both author: and authors:. Keep one of them, with every name in it.', 'key');
    return [];
  }
  const value = data[field];
  if (value === undefined || value === null) {
    if (defaultAuthor !== undefined) return [defaultAuthor];
    read.fail('author', 'The article has no author. Add a line "author: ..." to the front-matter.', 'key');
    return [];
  }
  const list = Array.isArray(value) ? value : field === 'author' ? [value] : undefined;
  if (!list || !list.every((name) => typeof name === 'string')) {
    read.fail(field, `${field} must be ${KNOWN_TYPES[field]}, but it is ${describeValue(value)}.`);
    return [];
  }
  const names = [...new Set(list.map((name: string) => name.trim()).filter((name) => name !== ''))];
  if (names.length === 0) read.fail(field, `${field} is empty.`);
  return names;
}

/**
 * The `slug:` as written, checked; without one, the file's name (or, on a site that asks for it,
 * the title's words).
 */
function chooseSlug(read: FieldReader, made: { title: string | undefined; relativePath: string; from: SiteConfig['slugFrom'] }): string | undefined {
  const slug = read.text('slug', false);
  if (slug) {
    const problem = slugProblem(slug);
    if (problem) read.fail('slug', problem);
    return slug;
  }
  if (made.from === 'file') return slugFromFile(made.relativePath);
  // No title is already a problem; the slug it would give does not matter then.
  return made.title === undefined ? slug : slugFromTitle(made.title) || slugFromFile(made.relativePath);
}

function located(urlAt: { line: number; column: number } | undefined): Pick<Article, 'urlAt'> {
  return urlAt === undefined ? {} : { urlAt };
}
