// Collecting: the parsed articles become a site: ordered, checked, grouped and cross-linked.
import type { Article } from '../content/article.js';
import { BantinError } from '../errors.js';
import type { Routes } from '../locales.js';
import { relatedArticles } from './related.js';
import { isPublished, type Visibility } from './schedule.js';
import { groupArchive, groupTerms, termIndex, type ArchiveYear, type Term } from './taxonomies.js';

/** What an article page links to besides itself. */
export interface ArticleLinks {
  section?: Term;
  tags: Term[];
  author: Term;
  /** The next older article. */
  previous?: Article;
  /** The next newer article. */
  next?: Article;
  related: Article[];
}

export interface Site {
  /** Published articles, newest first. */
  articles: Article[];
  sections: Term[];
  tags: Term[];
  authors: Term[];
  years: ArchiveYear[];
  links: Map<Article, ArticleLinks>;
}

export interface CollectOptions extends Visibility {
  routes: Routes;
  relatedCount: number;
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
  const articles = parsed.filter((article) => isPublished(article, options)).sort(byNewest);
  checkCollisions(articles, problems);

  const { routes } = options;
  const sections = groupTerms(articles, (a) => (a.category ? [a.category] : []), routes.category);
  const tags = groupTerms(articles, (a) => a.tags, routes.tag);
  const authors = groupTerms(articles, (a) => [a.author], routes.author);
  const relatedOf = relatedArticles(sections, tags, options.relatedCount);

  const sectionOf = termIndex(sections);
  const tagOf = termIndex(tags);
  const authorOf = termIndex(authors);
  const links = new Map<Article, ArticleLinks>();
  articles.forEach((article, i) => {
    const section = article.category ? sectionOf(article.category) : undefined;
    let related: Article[] | undefined;
    links.set(article, {
      ...(section && { section }),
      tags: article.tags.map((tag) => tagOf(tag)!),
      author: authorOf(article.author)!,
      ...(i + 1 < articles.length && { previous: articles[i + 1] }),
      ...(i > 0 && { next: articles[i - 1] }),
      get related() {
        return (related ??= relatedOf(article));
      },
    });
  });

  return { articles, sections, tags, authors, years: groupArchive(articles, routes.archive), links };
}

function checkCollisions(articles: readonly Article[], problems: BantinError[]): void {
  const byPath = new Map<string, Article>();
  for (const article of articles) {
    const first = byPath.get(article.outputPath);
    if (first) {
      problems.push(
        new BantinError(
          `This article has the URL "${article.url}", like ${first.sourcePath}; both would be written to ${article.outputPath}. Give one of them another title or a "slug:" of its own.`,
          { file: article.sourcePath, ...article.urlAt },
        ),
      );
    } else {
      byPath.set(article.outputPath, article);
    }
  }
}

/** The latest articles other than `current` and those in `besides`, for "Các tin khác". */
export function otherNews(site: Site, current: Article, count: number, besides: readonly Article[] = []): Article[] {
  const others: Article[] = [];
  for (const article of site.articles) {
    if (others.length === count) break;
    if (article !== current && !besides.includes(article)) others.push(article);
  }
  return others;
}
