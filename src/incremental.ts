// What one build remembers for the next: parsed articles and page fingerprints, so a rebuild
// after one edit parses one file and renders only the pages that show it. `bantin dev` keeps it
// in memory; `bantin build` saves it beside the site (see disk-cache.ts).
import { createHash } from 'node:crypto';
import type { Article } from './content/article.js';
import type { Remembered, SourceFile } from './content/load.js';
import type { Site } from './collect/site.js';
import type { Visibility } from './collect/schedule.js';
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
   * The pages that show each article, its card or its text, by the article's source path: kept
   * by a warm process from a build that fingerprinted every page, so that an edit to what lists
   * show of an article, which leaves the site's order and groups as they were, renders those
   * pages alone (see `BuildOptions.edited`).
   */
  readers: Map<string, string[]> | undefined;
  /** The templates compiled for the current environment, by a warm process. */
  templates: Templates | undefined;
  /** The article files as the last build found them: unchanged ones are not read again. */
  articleFiles = new Map<string, Remembered>();

  /** Forgets everything when the configuration, templates or bantin itself changed. */
  useEnvironment(environment: string): void {
    if (environment === this.environment) return;
    this.environment = environment;
    this.articles.clear();
    this.pages.clear();
    this.site = undefined;
    this.last = undefined;
    this.readers = undefined;
    this.templates = undefined;
    this.articleFiles.clear();
  }
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
