// Collecting: the parsed articles become a site: ordered, checked, grouped and cross-linked.
import { createHash, hash } from 'node:crypto';
import type { Article } from '../content/article.js';
import type { PublishedAt } from '../content/dates.js';
import type { StandalonePage } from '../content/pages.js';
import { BantinError } from '../errors.js';
import type { Routes } from '../locales.js';
import { relatedArticles } from './related.js';
import { isPublished, type Visibility } from './schedule.js';
import { groupArchive, groupTerms, termIndex, vietnameseOrder, type ArchiveYear, type Term } from './taxonomies.js';
import { msg } from '../messages/index.js';
import type { Language } from '../locales.js';

/** What an article page links to besides itself. */
export interface ArticleLinks {
  section?: Term;
  tags: Term[];
  /** The first author's page (for templates written before articles had several). */
  author: Term;
  /** Every author's page, in the article's order. */
  authors: Term[];
  /** The next older article. */
  previous?: Article;
  /** The next newer article. */
  next?: Article;
  related: Article[];
}

export interface Site {
  /** Published articles, newest first. */
  articles: Article[];
  /**
   * A hash of what decides where each article is listed (see `articleShape`), in order: two
   * sites of one shape have the same pages, each listing the same articles, related news
   * and sitemap; only what the pages show of each article may differ.
   */
  shape: string;
  sections: Term[];
  tags: Term[];
  authors: Term[];
  years: ArchiveYear[];
  links: SiteLinks;
  /** Published articles by their file in the content folder: links written to a file lead to them. */
  bySource: Map<string, Article>;
  /** Articles pinned at the moment of the build, newest first: notices on the home page and their section's. */
  pinned: Article[];
  /** When the first pinned notice with a date comes down, in milliseconds. */
  noticesEnd?: number;
  /** The newest article marked `featured: true`: the home page's lead story. */
  featured?: Article;
  /** Standalone pages (`pages/`), in menu order. */
  pages: readonly StandalonePage[];
}

export interface CollectOptions extends Visibility {
  routes: Routes;
  relatedCount: number;
  /** The site's language: the words of the addresses made from names. */
  language?: Language;
  /** The standalone pages, read beside the articles. */
  pages?: readonly StandalonePage[];
}

/** Newest first; same moment: by title, then by source path, so the order never depends on the disk. */
export function byNewest(a: Article, b: Article): number {
  return (
    b.publishedAt.epochMs - a.publishedAt.epochMs ||
    vietnameseOrder(a.title, b.title) ||
    (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0)
  );
}

export function collect(parsed: readonly Article[], options: CollectOptions, problems: BantinError[]): Site {
  const articles = parsed.filter((article) => isPublished(article, options)).sort(byNewest);
  checkCollisions(articles, problems);

  const { routes, language = 'vi' } = options;
  const sections = groupTerms(articles, (a) => (a.category ? [a.category] : []), routes.category, language);
  const tags = groupTerms(articles, (a) => a.tags, routes.tag, language);
  const authors = groupTerms(articles, (a) => a.authors, routes.author, language);

  const terms = { section: termIndex(sections, language), tag: termIndex(tags, language), author: termIndex(authors, language) };
  const links = new SiteLinks(articles, terms, options.relatedCount);
  const shape = createHash('sha1');
  for (const article of articles) shape.update(articleShape(article)).update('\0');
  const bySource = new Map(articles.map((article) => [article.relativePath.normalize('NFC'), article]));
  // A page edited changes the shape: every page's inputs are then worked out again (pages are few).
  const pages = options.pages ?? [];
  for (const page of pages) shape.update(`P${page.version}\0`);
  // Which notices are up depends on the moment of the build, not on the articles alone.
  const pinned = articles.filter((article) => isPinned(article, options.now ?? Date.now()));
  for (const article of pinned) shape.update(`N${article.relativePath}\0`);
  const noticesEnd = Math.min(...pinned.map((article) => (article.pinnedUntil ? pinEnd(article.pinnedUntil) : Infinity)));
  const featured = articles.find((article) => article.featured);
  return { articles, shape: shape.digest('base64url'), sections, tags, authors, years: groupArchive(articles, routes.archive), links, bySource, pinned, ...(noticesEnd !== Infinity && { noticesEnd }), ...(featured && { featured }), pages };
}

/**
 * What of an article decides where the site lists it, what is related to it and what the sitemap
 * says of it: its file, address, dates, section, tags, authors, draft state and lead-story mark,
 * and which old addresses send readers to it (each one a page of the site).
 */
export function articleShape(article: Article): string {
  let shape = shapes.get(article);
  if (shape === undefined) {
    const { relativePath, outputPath, publishedAt, updatedAt, category, tags, authors, draft, featured, aliases } = article;
    const old = aliases.map((alias) => alias.path);
    shape = hash('sha1', JSON.stringify([relativePath, outputPath, publishedAt, updatedAt ?? null, category ?? null, tags, authors, draft, featured, old]), 'base64url');
    shapes.set(article, shape);
  }
  return shape;
}

/** Each article's shape, worked out once: a rebuild reuses the articles of files that did not change. */
const shapes = new WeakMap<Article, string>();

/** Looks a section, tag or author up by the name an article gives it. */
interface TermLookup {
  section: (name: string) => Term | undefined;
  tag: (name: string) => Term | undefined;
  author: (name: string) => Term | undefined;
}

/**
 * The links of each article page, made when its page asks for them rather than held for every
 * article: held, with the related news worked out lazily, they were about 900 bytes an article.
 */
export class SiteLinks {
  readonly #position = new Map<Article, number>();
  readonly #related: (article: Article) => Article[];
  /** Related news, worked out once per article: a page's inputs and its rendering both ask. */
  readonly #relatedOf = new Map<Article, Article[]>();

  constructor(
    private readonly articles: readonly Article[],
    private readonly terms: TermLookup,
    relatedCount: number,
  ) {
    articles.forEach((article, i) => this.#position.set(article, i));
    this.#related = relatedArticles({ ...terms, position: (article) => this.#position.get(article)! }, relatedCount);
  }

  /** Whether the article is one of the site's. */
  has(article: Article): boolean {
    return this.#position.has(article);
  }

  /** Where the article stands in the site's order (newest first), if it is one of the site's. */
  position(article: Article): number | undefined {
    return this.#position.get(article);
  }

  #remember(article: Article): Article[] {
    const related = this.#related(article);
    this.#relatedOf.set(article, related);
    return related;
  }

  get(article: Article): ArticleLinks | undefined {
    const i = this.#position.get(article);
    if (i === undefined) return undefined;
    const { articles, terms } = this;
    const section = article.category ? terms.section(article.category) : undefined;
    return {
      ...(section && { section }),
      tags: article.tags.map((tag) => terms.tag(tag)!),
      author: terms.author(article.authors[0]!)!,
      authors: article.authors.map((name) => terms.author(name)!),
      ...(i + 1 < articles.length && { previous: articles[i + 1] }),
      ...(i > 0 && { next: articles[i - 1] }),
      related: this.#relatedOf.get(article) ?? this.#remember(article),
    };
  }
}

function checkCollisions(articles: readonly Article[], problems: BantinError[]): void {
  const byPath = new Map<string, Article>();
  for (const article of articles) {
    const first = byPath.get(article.outputPath);
    if (first) {
      problems.push(
        new BantinError(
          msg('url.duplicate', {
            url: article.url,
            other: [first.sourcePath, first.urlAt?.line, first.urlAt?.column].filter((part) => part !== undefined).join(':'),
            output: article.outputPath,
          }),
          { file: article.sourcePath, ...article.urlAt },
        ),
      );
    } else {
      byPath.set(article.outputPath, article);
    }
  }
}

/**
 * Whether an article's notice is up at `now`: `pinned: true`, or a `pinned:` date not yet past
 * (a date without a time keeps it up to the end of that day).
 */
export function isPinned(article: Article, now: number): boolean {
  if (!article.pinned) return false;
  return article.pinnedUntil === undefined || now < pinEnd(article.pinnedUntil);
}

/** The moment a notice pinned until `until` comes down: then, or the end of that day for a date alone. */
function pinEnd(until: PublishedAt): number {
  return until.epochMs + (until.hasTime ? 0 : DAY_MS);
}

const DAY_MS = 86_400_000;

/** The latest articles other than `current` and those in `besides`, for "Các tin khác". */
export function otherNews(site: Site, current: Article, count: number, besides: readonly Article[] = []): Article[] {
  const others: Article[] = [];
  for (const article of site.articles) {
    if (others.length === count) break;
    if (article !== current && !besides.includes(article)) others.push(article);
  }
  return others;
}
