// Planning: the collected site becomes the list of pages to make, each a plain record saying what
// it shows. Rendering (render.ts) turns a plan into text; the dependency record (incremental.ts)
// reads `pageInputs` to decide which plans need it.
import type { Article } from '../content/article.js';
import type { Alias } from '../content/aliases.js';
import { linkedArticles } from '../content/by-file.js';
import type { PublishedAt } from '../content/dates.js';
import type { SiteConfig } from '../config.js';
import { pageCount, pagerAt, pageUrl, type Pager } from '../collect/pagination.js';
import { otherNews, type Site } from '../collect/site.js';
import { termSlug, type ArchiveMonth, type ArchiveYear, type Term } from '../collect/taxonomies.js';
import { BantinError } from '../errors.js';
import type { Locale } from '../locales.js';
import { FEED_FORMATS, type FeedFormat } from './feeds.js';
import { manifestPath, searchParts, searchVersion, type SearchPart } from './search.js';
import { directoryNames, directorySize } from '../search/directory.js';
import type { Photo } from '../images/photos.js';
import type { SitePhotos } from '../images/site-photos.js';
import { CARD_PARTIALS } from './templates.js';
import type { StandalonePage } from '../content/pages.js';
import { articleDataPlan, openDataInputs, planOpenData, type OpenDataPlan } from './open-data.js';
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
  /** Notices shown above the list on its first page (home and sections). */
  pinned?: readonly Article[];
  /** The home page's lead story: the first of `articles`, shown large on the first page. */
  lead?: Article;
}

/** One file of the site to make, and what it shows. */
export type PagePlan = { outputPath: string; lastmod?: PublishedAt } & (
  | { kind: 'article'; article: Article }
  | { kind: 'list'; listing: Listing; number: number }
  | { kind: 'terms'; terms: readonly Term[]; heading: string }
  | { kind: 'archive' }
  | { kind: 'search' | 'searchManifest' }
  | { kind: 'searchShard'; part: SearchPart }
  | { kind: 'searchTerms'; file: number }
  | { kind: 'feed'; format: FeedFormat; title: string; url: string; articles: readonly Article[] }
  | { kind: 'redirect'; alias: Alias; article: Article }
  | { kind: 'redirects'; lines: readonly string[] }
  | { kind: 'page'; page: StandalonePage }
  | OpenDataPlan
  | { kind: 'siteMap' | 'accessibility' }
  | { kind: 'notFound' | 'robots' | 'sitemap' }
);

/** The file Netlify and Cloudflare Pages read redirects from. */
export const REDIRECTS_FILE = '_redirects';

/**
 * What a page reads: the articles it shows whole, those it shows as cards, and everything else
 * it shows (`structure`), as text. Equal inputs, equal pages.
 */
export interface PageInputs {
  full: readonly Article[];
  cards: readonly Article[];
  /** The photos it shows or points to (a listing's thumbnails, a page's share picture). */
  images: readonly Photo[];
  structure: string;
  /** It reads every article's text (the search index's list and directory): any edit may change it. */
  everyText?: boolean;
}

export const TEMPLATE_NAMES = [
  'article.njk', 'list.njk', 'terms.njk', 'archive.njk', 'search.njk', '404.njk',
  'feeds/rss.njk', 'feeds/atom.njk', 'sitemap.njk', 'robots.njk', 'redirect.njk', 'page.njk', 'site-map.njk', 'accessibility.njk', ...CARD_PARTIALS,
] as const;

/**
 * Two plans for one file where one of them is a standalone page: names the page's file, and the
 * article's file or the address of the page bantin makes there. Undefined when neither is a page.
 */
export function pageCollision(first: PagePlan, second: PagePlan): BantinError | undefined {
  const [page, other] = second.kind === 'page' ? [second.page, first] : first.kind === 'page' ? [first.page, second] : [];
  if (!page || !other) return undefined;
  const what = other.kind === 'article' ? msg('clash.theArticle', { file: other.article.sourcePath })
    : other.kind === 'page' ? msg('clash.thePage', { file: other.page.sourcePath }) : msg('clash.madePage', { url: other.outputPath.replace(/index\.html$/, '') || '/' });
  return new BantinError(
    msg('clash.pageThere', { output: page.outputPath, what }),
    { file: page.sourcePath, ...page.urlAt },
  );
}

/**
 * Each article's page, and its JSON file right after it: the thread that renders one renders the
 * other from the same body (see `planGroups` in write-site.ts).
 */
function articlePlans(articles: readonly Article[], openData: boolean): PagePlan[] {
  return articles.flatMap((article): PagePlan[] => [
    { kind: 'article', outputPath: article.outputPath, article, lastmod: dateOf(article)! },
    ...(openData ? [articleDataPlan(article)] : []),
  ]);
}

/** Every page of the site, in the order they are made: articles, listings, indexes, feeds, the rest. */
export function planPages(site: Site, config: SiteConfig, locale: Locale): PagePlan[] {
  const { routes, strings: t } = locale;
  const hasFeeds = config.baseUrl !== undefined;
  const newest = dateOf(site.articles[0]);
  const openData = hasFeeds && config.openData.enabled;
  const plans = articlePlans(site.articles, openData);
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

  // The lead story opens the home page; the others follow, newest first.
  const { featured: lead, pinned } = site;
  const home = lead ? [lead, ...site.articles.filter((article) => article !== lead)] : site.articles;
  list({ base: '', heading: config.title, articles: home, isHome: true, pinned, ...(lead && { lead }) });
  const taxonomies: [Term[], string, string, string][] = [
    [site.sections, routes.category, t.allSections!, t.bulletinsIn!],
    [site.tags, routes.tag, t.allTags!, t.bulletinsTagged!],
    [site.authors, routes.author, t.authors!, t.bulletinsBy!],
  ];
  for (const [terms, route, heading, prefix] of taxonomies) {
    add({ kind: 'terms', outputPath: `${route}/index.html`, terms, heading, ...lastmodOf(site.articles[0]) });
    const section = terms === site.sections;
    for (const term of terms) {
      const notices = section ? pinned.filter((article) => article.category !== undefined && termSlug(article.category, config.language) === term.slug) : [];
      list({ base: term.url, heading: `${prefix} ${term.name}`, articles: term.articles, term, section, ...(notices.length > 0 && { pinned: notices }) });
    }
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
  for (const part of searchParts(site)) add({ kind: 'searchShard', outputPath: `${routes.search}/${part.file}`, part });
  directoryNames(directorySize(site.articles.length)).forEach((name, file) => add({ kind: 'searchTerms', outputPath: `${routes.search}/${name}`, file }));
  plans.push(...redirectPlans(site.articles, config.basePath));
  for (const page of site.pages) add({ kind: 'page', outputPath: page.outputPath, page });
  add({ kind: 'siteMap', outputPath: `${routes.siteMap}/index.html` });
  add({ kind: 'accessibility', outputPath: `${routes.accessibility}/index.html` });
  if (openData) plans.push(...planOpenData(site, config));
  add({ kind: 'notFound', outputPath: '404.html' });
  add({ kind: 'robots', outputPath: 'robots.txt' });
  if (hasFeeds) add({ kind: 'sitemap', outputPath: 'sitemap.xml' });
  return plans;
}

/**
 * A page at each old address of an article that a file can answer, and the `_redirects` file
 * that sends every old address on (with the site's folder: hosts read it from their root).
 */
function redirectPlans(articles: readonly Article[], basePath: string): PagePlan[] {
  const plans: PagePlan[] = [];
  const lines: string[] = [];
  for (const article of articles) {
    for (const alias of article.aliases) {
      if (alias.outputPath !== undefined) plans.push({ kind: 'redirect', outputPath: alias.outputPath, alias, article });
      lines.push(`${encodeURI(basePath + alias.path)} ${encodeURI(basePath + article.url)} 301`);
    }
  }
  if (lines.length > 0) plans.push({ kind: 'redirects', outputPath: REDIRECTS_FILE, lines });
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
export function pageInputs(site: Site, config: SiteConfig, locale: Locale, photos: SitePhotos): (plan: PagePlan) => PageInputs {
  const linked = site.pages.filter((page) => page.menu || page.footer).map((page) => [page.title, page.url, page.menu, page.footer]);
  const common = JSON.stringify([site.sections.map((section) => [section.name, section.url]), linked]);
  const fallback = photos.fallback ? [photos.fallback.photo] : [];
  return (plan) => {
    const own = ownInputs(plan, site, config, locale);
    return { ...own, images: photosOf(plan, own, photos, fallback), structure: `${common}\0${own.structure}` };
  };
}

/** An article page's photos; a listing's or a feed's covers; the default picture pages are shared with. */
function photosOf(plan: PagePlan, own: Omit<PageInputs, 'images'>, photos: SitePhotos, fallback: readonly Photo[]): readonly Photo[] {
  if (plan.kind === 'article') return photos.shownBy(plan.article);
  // An article's JSON file carries its text, with the addresses of the photos in it (not its cover).
  if (plan.kind === 'openData' && plan.shows === 'article') {
    const { article } = plan;
    return article.images.flatMap((use) => (use.cover ? [] : photos.at(article, use.target) ?? []));
  }
  const covers = plan.kind === 'list' || plan.kind === 'feed' ? own.cards.concat(own.full).flatMap((article) => photos.cover(article)?.photo ?? []) : [];
  // Every HTML page shares the default picture; feeds, the sitemap and index files show none.
  const shared = plan.outputPath.endsWith('.html') ? fallback : [];
  return covers.length === 0 ? shared : [...covers, ...shared];
}

function ownInputs(plan: PagePlan, site: Site, config: SiteConfig, locale: Locale): Omit<PageInputs, 'images'> {
  const none: readonly Article[] = [];
  switch (plan.kind) {
    case 'article': {
      const links = site.links.get(plan.article)!;
      const neighbours = [links.previous, links.next].filter((article) => article !== undefined);
      // The articles it links to by their files: their addresses are in its text.
      const linked = linkedArticles(plan.article, site.bySource);
      const cards = [...neighbours, ...links.related, ...otherNews(site, plan.article, config.otherNewsCount, links.related), ...linked];
      const terms = [links.section, ...links.tags, ...links.authors].map((term) => term && [term.name, term.url]);
      return { full: [plan.article], cards, structure: JSON.stringify([terms, neighbours.map((article) => article === links.next)]) };
    }
    case 'list': {
      const pager = pagerOf(plan, config, locale);
      const { listing } = plan;
      const about = [listing.heading, listing.term?.name, listing.year?.year, listing.month?.month, pager.count, pager.number];
      // Notices and the lead story are shown on the first page only.
      const notices = pager.number === 1 ? (listing.pinned ?? none) : none;
      const structure = JSON.stringify([...about, notices.length, pager.number === 1 && listing.lead !== undefined]);
      return { full: none, cards: notices.length > 0 ? [...pager.items, ...notices] : pager.items, structure };
    }
    case 'terms':
      return { full: none, cards: none, structure: JSON.stringify(plan.terms.map((term) => [term.name, term.url, term.articles.length])) };
    case 'archive':
      return { full: none, cards: none, structure: JSON.stringify(site.years.map((year) => [year.year, year.months.map((month) => [month.month, month.articles.length])])) };
    case 'searchManifest':
    case 'searchTerms': // The index files' names and words: every text, summed up in one hash.
      return { full: none, cards: none, structure: searchVersion(site), everyText: true };
    case 'search':
      return { full: none, cards: none, structure: JSON.stringify(site.years.map((year) => year.year)) };
    case 'searchShard':
      return { full: plan.part.articles, cards: none, structure: '' };
    case 'feed': {
      const full = config.feeds.content === 'full';
      // Full texts show the addresses of the articles they link to by their files.
      const linked = full ? plan.articles.flatMap((article) => linkedArticles(article, site.bySource)) : none;
      return { full: full ? plan.articles : none, cards: full ? linked : plan.articles, structure: JSON.stringify([plan.title, plan.format.file]) };
    }
    case 'redirect':
      return { full: none, cards: [plan.article], structure: plan.alias.path };
    case 'redirects':
      return { full: none, cards: none, structure: plan.lines.join('\n') };
    case 'notFound':
      return { full: none, cards: site.articles.slice(0, config.otherNewsCount), structure: '' };
    case 'robots':
    case 'accessibility':
      return { full: none, cards: none, structure: '' };
    case 'page':
      return { full: none, cards: none, structure: JSON.stringify([plan.page.version, plan.page.url]) };
    case 'siteMap': {
      // It shows how many articles each section and each year has.
      const counts = [site.sections.map((section) => section.articles.length), site.years.map((year) => [year.year, year.articles.length])];
      return { full: none, cards: none, structure: JSON.stringify([site.pages.map((page) => [page.title, page.url]), counts]) };
    }
    case 'openData':
      return openDataInputs(plan, site);
    case 'sitemap':
      return { full: none, cards: none, structure: site.shape };
  }
}
