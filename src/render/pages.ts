// Planning: the collected site becomes the list of pages to make, each a plain record saying what
// it shows. Rendering (render.ts) turns a plan into text; the dependency record (incremental.ts)
// reads `pageInputs` to decide which plans need it.
import type { Article } from '../content/article.js';
import type { PublishedAt } from '../content/dates.js';
import type { SiteConfig } from '../config.js';
import { pageCount, pagerAt, pageUrl, type Pager } from '../collect/pagination.js';
import { otherNews, type Site } from '../collect/site.js';
import type { ArchiveMonth, ArchiveYear, Term } from '../collect/taxonomies.js';
import { BantinError } from '../errors.js';
import type { Locale } from '../locales.js';
import { FEED_FORMATS, type FeedFormat } from './feeds.js';
import { manifestPath, searchParts } from './search.js';
import { CARD_PARTIALS } from './templates.js';
import { msg } from '../messages/index.js';

/** A list of articles with pages of its own: the home page, a section, a tag, an author, an archive year or month. */
export interface Listing {
  /** Site-relative URL of its first page: `''`, `chuyen-muc/thoi-su/`. */
  base: string;
  heading: string;
  /** Newest first. */
  articles: readonly Article[];
  isHome?: boolean;
  term?: Term;
  /** Sections have feeds of their own. */
  section?: boolean;
  year?: ArchiveYear;
  month?: ArchiveMonth;
}

/** One file of the site to make, and what it shows. */
export type PagePlan = { outputPath: string; lastmod?: PublishedAt } & (
  | { kind: 'article'; article: Article }
  | { kind: 'list'; listing: Listing; number: number }
  | { kind: 'terms'; terms: readonly Term[]; heading: string }
  | { kind: 'archive' }
  | { kind: 'search' | 'searchManifest' }
  | { kind: 'searchShard'; articles: readonly Article[] }
  | { kind: 'feed'; format: FeedFormat; title: string; url: string; articles: readonly Article[] }
  | { kind: 'notFound' | 'robots' | 'sitemap' }
);

/**
 * What a page reads: the articles it shows whole, those it shows as cards, and everything else
 * it shows (`structure`), as text. Equal inputs, equal pages.
 */
export interface PageInputs {
  full: readonly Article[];
  cards: readonly Article[];
  structure: string;
}

export const TEMPLATE_NAMES = [
  'article.njk', 'list.njk', 'terms.njk', 'archive.njk', 'search.njk', '404.njk',
  'feeds/rss.njk', 'feeds/atom.njk', 'sitemap.njk', 'robots.njk', ...CARD_PARTIALS,
] as const;

/** Two pages for one file: an article whose URL is a listing's. */
export function collisionProblem(outputPath: string, article: Article | undefined, contentDir: string): BantinError {
  return new BantinError(
    msg('url.listing', { output: outputPath }),
    article ? { file: article.sourcePath, ...article.urlAt } : { file: contentDir },
  );
}

/** Every page of the site, in the order they are made: articles, listings, indexes, feeds, the rest. */
export function planPages(site: Site, config: SiteConfig, locale: Locale): PagePlan[] {
  const { routes, strings: t } = locale;
  const hasFeeds = config.baseUrl !== undefined;
  const newest = dateOf(site.articles[0]);
  const plans: PagePlan[] = site.articles.map((article) => ({ kind: 'article', outputPath: article.outputPath, article, lastmod: dateOf(article)! }));
  const add = (plan: PagePlan) => plans.push(plan);
  const feeds = (title: string, url: string, articles: readonly Article[]) => {
    if (!hasFeeds) return;
    const latest = articles.slice(0, config.feeds.items);
    for (const format of FEED_FORMATS) add({ kind: 'feed', outputPath: url + format.file, format, title, url, articles: latest });
  };
  const list = (listing: Listing) => {
    for (let number = 1; number <= pageCount(listing.articles.length, config.perPage); number++) {
      const outputPath = `${pageUrl(listing.base, routes.page, number)}index.html`;
      add({ kind: 'list', outputPath, listing, number, ...lastmodOf(listing.articles[(number - 1) * config.perPage]) });
    }
    if (listing.section) feeds(`${config.title}: ${listing.term!.name}`, listing.base, listing.articles);
  };

  list({ base: '', heading: config.title, articles: site.articles, isHome: true });
  const taxonomies: [Term[], string, string, string][] = [
    [site.sections, routes.category, t.allSections!, t.bulletinsIn!],
    [site.tags, routes.tag, t.allTags!, t.bulletinsTagged!],
    [site.authors, routes.author, t.authors!, t.bulletinsBy!],
  ];
  for (const [terms, route, heading, prefix] of taxonomies) {
    add({ kind: 'terms', outputPath: `${route}/index.html`, terms, heading, ...lastmodOf(site.articles[0]) });
    const section = terms === site.sections;
    for (const term of terms) list({ base: term.url, heading: `${prefix} ${term.name}`, articles: term.articles, term, section });
  }
  add({ kind: 'archive', outputPath: `${routes.archive}/index.html`, ...(newest && { lastmod: newest }) });
  for (const year of site.years) {
    list({ base: year.url, heading: `${t.archive} ${year.year}`, articles: year.articles, year });
    for (const month of year.months) {
      list({ base: month.url, heading: `${t.archive} ${locale.formatMonth(month.year, month.month)}`, articles: month.articles, year, month });
    }
  }
  feeds(config.title, '', site.articles);
  add({ kind: 'search', outputPath: `${routes.search}/index.html` });
  add({ kind: 'searchManifest', outputPath: manifestPath(routes.search) });
  for (const part of searchParts(site)) add({ kind: 'searchShard', outputPath: `${routes.search}/${part.file}`, articles: part.articles });
  add({ kind: 'notFound', outputPath: '404.html' });
  add({ kind: 'robots', outputPath: 'robots.txt' });
  if (hasFeeds) add({ kind: 'sitemap', outputPath: 'sitemap.xml' });
  return plans;
}

function dateOf(article: Article | undefined): PublishedAt | undefined {
  return article && (article.updatedAt ?? article.publishedAt);
}

function lastmodOf(article: Article | undefined): { lastmod?: PublishedAt } {
  const date = dateOf(article);
  return date ? { lastmod: date } : {};
}

/** Page `number` of a listing. */
export function pagerOf(plan: Extract<PagePlan, { kind: 'list' }>, config: SiteConfig, locale: Locale): Pager<Article> {
  const layout = { perPage: config.perPage, base: plan.listing.base, segment: locale.routes.page };
  return pagerAt(plan.listing.articles, layout, plan.number);
}

/**
 * What each page reads (see `PageInputs`): what it shows of its own, and what every page shows
 * of the site (the sections in the menu). The site's shape stands for what the sitemap lists.
 */
export function pageInputs(site: Site, config: SiteConfig, locale: Locale): (plan: PagePlan) => PageInputs {
  const common = JSON.stringify(site.sections.map((section) => [section.name, section.url]));
  return (plan) => {
    const own = ownInputs(plan, site, config, locale);
    return { ...own, structure: `${common}\0${own.structure}` };
  };
}

function ownInputs(plan: PagePlan, site: Site, config: SiteConfig, locale: Locale): PageInputs {
  const none: readonly Article[] = [];
  switch (plan.kind) {
    case 'article': {
      const links = site.links.get(plan.article)!;
      const neighbours = [links.previous, links.next].filter((article) => article !== undefined);
      const cards = [...neighbours, ...links.related, ...otherNews(site, plan.article, config.otherNewsCount, links.related)];
      const terms = [links.section, ...links.tags, links.author].map((term) => term && [term.name, term.url]);
      return { full: [plan.article], cards, structure: JSON.stringify([terms, neighbours.map((article) => article === links.next)]) };
    }
    case 'list': {
      const pager = pagerOf(plan, config, locale);
      const { listing } = plan;
      const about = [listing.heading, listing.term?.name, listing.year?.year, listing.month?.month, pager.count, pager.number];
      return { full: none, cards: pager.items, structure: JSON.stringify(about) };
    }
    case 'terms':
      return { full: none, cards: none, structure: JSON.stringify(plan.terms.map((term) => [term.name, term.url, term.articles.length])) };
    case 'archive':
    case 'searchManifest':
      return { full: none, cards: none, structure: JSON.stringify(site.years.map((year) => [year.year, year.months.map((month) => [month.month, month.articles.length])])) };
    case 'search':
      return { full: none, cards: none, structure: JSON.stringify(site.years.map((year) => year.year)) };
    case 'searchShard':
      return { full: plan.articles, cards: none, structure: '' };
    case 'feed': {
      const full = config.feeds.content === 'full';
      return { full: full ? plan.articles : none, cards: full ? none : plan.articles, structure: JSON.stringify([plan.title, plan.format.file]) };
    }
    case 'notFound':
      return { full: none, cards: site.articles.slice(0, config.otherNewsCount), structure: '' };
    case 'robots':
      return { full: none, cards: none, structure: '' };
    case 'sitemap':
      return { full: none, cards: none, structure: site.shape };
  }
}
