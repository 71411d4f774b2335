// What one build remembers for the next: parsed articles and page fingerprints, so a rebuild
// after one edit parses one file and renders only the pages that show it. `bantin dev` keeps it
// in memory; `bantin build` saves it beside the site (see disk-cache.ts).
import { createHash } from 'node:crypto';
import type { Article } from './content/article.js';
import type { Remembered, SourceFile } from './content/load.js';
import type { Site } from './collect/site.js';
import type { Visibility } from './collect/schedule.js';
import type { Seen } from './render/fingerprint.js';
import type { Templates } from './render/templates.js';

export class BuildCache {
  /** Hash of everything outside the content that shapes every page. */
  environment: string | undefined;
  /** Parsed articles by source version. */
  articles = new Map<string, Article>();
  /** Fingerprint of each page as last written. */
  pages = new Map<string, string>();
  /** What the last build's site was made of (see `siteKey`). */
  site: string | undefined;
  /**
   * The last build's sources, articles and collected site, kept by a warm process (`bantin dev`)
   * so that a rebuild told which files were edited reads only those (see `BuildOptions.edited`).
   */
  last:
    | {
        sources: SourceFile[];
        /** The articles of `sources`, one each, in the same order. */
        parsed: Article[];
        site: Site;
        visibility: Visibility;
        /** Where each source file (by its path) is in `sources`, once a rebuild asked. */
        positions?: Map<string, number>;
      }
    | undefined;
  /**
   * The pages that show each article, its card or its text, by the article's source path, noted
   * by a build that fingerprinted every page: an edit to what lists show of an article, which
   * leaves the site's order and groups as they were, renders those pages alone.
   */
  readers: Map<string, string[]> | undefined;
  /** The shape of the last build's site (see `siteShape`), when known. */
  shape: string | undefined;
  /** The templates compiled for the current environment, by a warm process. */
  templates: Templates | undefined;
  /** The article files as the last build found them: unchanged ones are not read again. */
  articleFiles = new Map<string, Remembered>();

  /** Takes the notes of a build that fingerprinted every page: none from a build on threads. */
  takeNotes(readers: Map<string, string[]> | undefined, shape: string | undefined): void {
    this.readers = readers;
    this.shape = shape;
  }

  /** The pages that show each article (see `readers`), if noted. */
  notedReaders(): Map<string, string[]> | undefined {
    return this.readers;
  }

  /** Forgets everything when the configuration, templates or bantin itself changed. */
  useEnvironment(environment: string): void {
    if (environment === this.environment) return;
    this.environment = environment;
    this.articles.clear();
    this.pages.clear();
    this.site = undefined;
    this.last = undefined;
    this.readers = undefined;
    this.shape = undefined;
    this.templates = undefined;
    this.articleFiles.clear();
  }
}

/** Notes in `readers`, for the page at `path`, each article it shows (see `BuildCache.readers`). */
export function noteReader(readers: Map<string, string[]>, path: string): Seen {
  return (article) => {
    const pages = readers.get(article.sourcePath);
    if (!pages) readers.set(article.sourcePath, [path]);
    else if (pages.at(-1) !== path) pages.push(path);
  };
}

/**
 * The pages that show any of `articles`, as noted by the last build that fingerprinted every
 * page; undefined when no build noted them.
 */
export function pagesShowing(cache: BuildCache, articles: Iterable<Article>): Set<string> | undefined {
  const readers = cache.notedReaders();
  if (!readers) return undefined;
  const pages = new Set<string>();
  for (const article of articles) for (const path of readers.get(article.sourcePath) ?? []) pages.add(path);
  return pages;
}

/**
 * What of an article decides where the site lists it, what is related to it and what the sitemap
 * says of it: its address, dates, section, tags, author and draft state. (Its title decides only
 * its order among articles of the same moment.)
 */
export function articleShape(article: Article): string {
  const { outputPath, url, publishedAt, updatedAt, category, tags, author, draft } = article;
  return JSON.stringify([outputPath, url, publishedAt, updatedAt ?? null, category ?? null, tags, author, draft]);
}

/**
 * The shape of a site: its published articles, in order, each by its source path and shape. Two
 * sites of one shape have the same pages, listings, groups, related news and sitemap; only what
 * their pages show of each article may differ.
 */
export function siteShape(articles: readonly Article[]): string {
  const hash = createHash('sha1');
  for (const article of articles) hash.update(`${article.sourcePath}\0${articleShape(article)}\0`);
  return hash.digest('base64url');
}

/**
 * What a site is made of: its published articles' cards, in order. Collecting is a function of
 * them (and of the configuration, which the environment covers), so an equal key means equal
 * sections, tags, archives, related news and listings.
 */
export function siteKey(articles: readonly Article[]): string {
  const hash = createHash('sha1');
  for (const article of articles) hash.update(`${article.sourcePath}\0${article.cardVersion}\0`);
  return hash.digest('base64url');
}
