// Scheduling: an article dated in the future stays out of the site until its time comes.
import type { Article } from '../content/article.js';

export interface Visibility {
  /** Keep articles marked `draft: true`. */
  drafts: boolean;
  /** Keep articles dated after `now`. */
  future?: boolean;
  /** The moment the site is built for, in milliseconds since the epoch. Default: the clock. */
  now?: number;
}

/** Whether the article belongs in a site built with these options. */
export function isPublished(article: Article, options: Visibility): boolean {
  if (article.draft && !options.drafts) return false;
  return options.future === true || !isScheduled(article, options.now ?? Date.now());
}

/** Whether the article's date is still to come. */
export function isScheduled(article: Article, now: number): boolean {
  return article.publishedAt.epochMs > now;
}

/**
 * The articles left out only because their date is still to come, soonest first: what a timed
 * rebuild will publish. Empty when the build includes the future anyway.
 */
export function scheduledArticles(articles: readonly Article[], options: Visibility): Article[] {
  if (options.future) return [];
  const now = options.now ?? Date.now();
  return articles
    .filter((article) => (options.drafts || !article.draft) && isScheduled(article, now))
    .sort((a, b) => a.publishedAt.epochMs - b.publishedAt.epochMs);
}
