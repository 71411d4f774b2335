// The search index: one file per month of the archive (a MiniSearch index of its articles, folded
// for Vietnamese), and a list of those files newest first. A month's file reads its articles'
// texts, so an edited article renders again only its month (see `pageInputs`).
import MiniSearch from 'minisearch';
import type { Article, FullArticle } from '../content/article.js';
import type { ArchiveMonth } from '../collect/taxonomies.js';
import type { Site } from '../collect/site.js';
import type { Locale } from '../locales.js';
import { fold, SEARCH_FIELDS, STORED_FIELDS } from '../search/fold.js';

/** Characters of the lead kept for the excerpt under a result. */
const EXCERPT_LENGTH = 240;

/** A month's index file, by the folder of the search page: `tim-kiem/2020-09.json`. */
export function shardPath(route: string, month: Pick<ArchiveMonth, 'year' | 'month'>): string {
  return `${route}/${month.year}-${String(month.month).padStart(2, '0')}.json`;
}

/** The list of index files, read first by the reader's browser. */
export function manifestPath(route: string): string {
  return `${route}/index.json`;
}

/** The words search.js shows, in the site's language. */
const CLIENT_STRINGS = ['search', 'searchResults', 'searchNoResults', 'searchLoading', 'searchSeeAll', 'searchOlder', 'searchSince', 'searchFailed'];

/** The list of the index files, newest first, with how many articles each holds, and the words search.js shows. */
export function renderManifest(site: Site, locale: Locale): string {
  const route = locale.routes.search;
  const strings = Object.fromEntries(CLIENT_STRINGS.map((name) => [name, locale.strings[name]]));
  const shards = site.years.flatMap((year) =>
    year.months.map((month) => ({ file: shardPath(route, month).slice(route.length + 1), year: month.year, month: month.month, count: month.articles.length })),
  );
  return JSON.stringify({ version: 1, language: locale.language, strings, shards });
}

/** One month's index: its articles' titles and texts, folded; each result's title, address, date, section and lead kept. */
export function renderShard(articles: readonly Article[], full: (article: Article) => FullArticle): string {
  const index = new MiniSearch({ fields: [...SEARCH_FIELDS], storeFields: [...STORED_FIELDS], processTerm: fold });
  index.addAll(articles.map((card, id) => {
    const article = full(card);
    const lead = article.summary || article.text;
    return {
      id,
      title: article.title,
      text: [article.summary, plainText(article.html), article.category ?? '', ...article.tags].join(' '),
      url: article.url,
      date: isoDay(article),
      section: article.category ?? '',
      excerpt: lead.length > EXCERPT_LENGTH ? `${lead.slice(0, lead.lastIndexOf(' ', EXCERPT_LENGTH))} …` : lead,
    };
  }));
  return JSON.stringify(index);
}

function isoDay({ publishedAt: { year, month, day } }: Article): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The words of rendered HTML: tags dropped, the entities markdown-it writes decoded. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/\s+/g, ' ')
    .trim();
}
