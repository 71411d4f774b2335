// Collecting: the parsed articles become a site: ordered, checked for collisions, cross-linked.
import type { Article } from './content/article.js';
import { BantinError } from './errors.js';

export interface Site {
  /** Published articles, newest first. */
  articles: Article[];
}

export interface CollectOptions {
  /** Keep articles marked `draft: true`. */
  drafts: boolean;
}

/** Newest first; same moment: by title, then by source path, so the order never depends on the disk. */
export function byNewest(a: Article, b: Article): number {
  return (
    b.publishedAt.epochMs - a.publishedAt.epochMs ||
    a.title.localeCompare(b.title, 'vi') ||
    (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0)
  );
}

export function collect(parsed: readonly Article[], options: CollectOptions, problems: BantinError[]): Site {
  const articles = parsed.filter((article) => options.drafts || !article.draft).sort(byNewest);

  const bySlug = new Map<string, Article>();
  for (const article of articles) {
    const first = bySlug.get(article.slug);
    if (first) {
      problems.push(
        new BantinError(
          `This article has the slug "${article.slug}", like ${first.sourcePath}; both would be written to ${article.outputPath}. Give one of them another title or a "slug:" of its own.`,
          { file: article.sourcePath },
        ),
      );
    } else {
      bySlug.set(article.slug, article);
    }
  }
  return { articles };
}

/** The latest articles other than `current`, for "Các tin khác". */
export function otherNews(site: Site, current: Article, count: number): Article[] {
  const others: Article[] = [];
  for (const article of site.articles) {
    if (others.length === count) break;
    if (article !== current) others.push(article);
  }
  return others;
}
