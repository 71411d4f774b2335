// Rendering: a planned page becomes its text, through the site's templates. Every page gets the
// same shared context (the site, the menu); each kind of page adds what it shows.
import type { Article, FullArticle } from '../content/article.js';
import { toIsoString } from '../content/dates.js';
import type { MenuItem, SiteConfig } from '../config.js';
import { otherNews, type Site } from '../collect/site.js';
import type { Term } from '../collect/taxonomies.js';
import type { Locale } from '../locales.js';
import { feedLinks, renderFeed, type FeedEntries, type FeedLink } from './feeds.js';
import { pagerOf, type PagePlan } from './pages.js';
import { manifestPath, renderManifest, renderShard, renderTerms, type SearchWords } from './search.js';
import { absoluteUrl, describe, newsArticle, scriptJson, shareImage, type ShareImage } from './seo.js';
import { relativeUrl, type Templates } from './templates.js';
import type { SitePhotos } from '../images/site-photos.js';
import { renderOpenData } from './open-data.js';
import { footerView, portalView } from './portal.js';

/** Text sizes the reader can step through, in percent of their browser's own size. */
export const TEXT_SIZES = [90, 100, 110, 125, 150, 175, 200] as const;

/** Everything a page is rendered with besides its plan. */
export interface RenderContext {
  site: Site;
  config: SiteConfig;
  locale: Locale;
  templates: Templates;
  /** Every page of the site, for the sitemap. */
  plans: readonly PagePlan[];
  /** An article with its body rendered (once per build: see `bodies` in build.ts). */
  full: (article: Article) => FullArticle;
  /** An article's body as its Markdown, unrendered: the search index reads its words. */
  body: (article: Article) => string;
  /** The words of the index files, kept and made (see `SearchWords`): the directory is made of them. */
  searchWords: SearchWords;
  /** Each article's feed entry, made once per build. */
  feedEntries: FeedEntries;
  /** The photos of the site (see src/images/). */
  photos: SitePhotos;
  /** What every page shows of the site (see `sharedView`). */
  shared: Record<string, unknown>;
}

/** A link of the site's navigation bar. */
export interface NavItem {
  title: string;
  /** As the editor wrote it, or a section's site-relative URL: for the `href` filter. */
  url: string;
  /** The site-relative path it leads to, when it stays on the site: marks the current page. */
  path?: string;
}

interface PageMeta {
  outputPath: string;
  title: string;
  description?: string;
  type?: 'article' | 'website';
  previous?: string;
  next?: string;
  feeds?: FeedLink[];
  jsonLd?: string;
  /** Links from the site root (with basePath) instead of relative: for 404.html, served at any URL. */
  fromRoot?: boolean;
  /** The picture a shared link to the page shows. */
  image?: ShareImage | undefined;
  /** Not for search engines: no canonical address, and `noindex` (404.html, served at addresses that do not exist). */
  noindex?: boolean;
}

/** Renders one planned page. */
export function renderPage(plan: PagePlan, context: RenderContext): string {
  const { templates, config } = context;
  if (plan.kind === 'feed') return renderFeed(plan, templates, config, context.feedEntries);
  if (plan.kind === 'robots') return templates.render('robots.njk', { ...context.shared, ...robotsView(config) });
  if (plan.kind === 'sitemap') return templates.render('sitemap.njk', { entries: sitemapEntries(context) });
  if (plan.kind === 'searchManifest') return renderManifest(context.site, context.locale);
  if (plan.kind === 'searchShard') return renderShard(plan.part, context.body, context.searchWords);
  if (plan.kind === 'searchTerms') return renderTerms(context.site, plan.file, context.body, context.searchWords);
  if (plan.kind === 'redirects') return plan.lines.join('\n') + '\n';
  if (plan.kind === 'redirect') return templates.render('redirect.njk', redirectView(plan, config));
  if (plan.kind === 'openData') return renderOpenData(plan, { site: context.site, config, html: (article) => context.full(article).html });
  const [template, view] = pageView(plan, context, shareImage(context.photos.fallback, config));
  return templates.render(template, { ...context.shared, ...view });
}

/**
 * robots.txt names the sitemap. Search engines read it only at the root of a host: a site in a
 * sub-folder gets the host's root (`hostRoot`), for the file to say where its lines belong.
 */
function robotsView(config: SiteConfig): Record<string, unknown> {
  const sitemap = absoluteUrl(config, 'sitemap.xml');
  const inFolder = config.basePath !== '/';
  const hostRoot = inFolder && config.baseUrl !== undefined ? new URL('/', config.baseUrl).href : inFolder ? '/' : undefined;
  return { sitemap, ...(hostRoot && { hostRoot }) };
}

/** An old address's page: where the article is now, for browsers, search engines and readers. */
function redirectView(plan: Extract<PagePlan, { kind: 'redirect' }>, config: SiteConfig): Record<string, unknown> {
  const { article } = plan;
  const target = relativeUrl(plan.outputPath, article.url);
  return { article, target, canonical: absoluteUrl(config, article.url) ?? target };
}

/** What every page shows of the site: made once per build. */
export function sharedView(site: Site, config: SiteConfig, locale: Locale, photos: SitePhotos): Record<string, unknown> {
  const menu = config.menu ?? [{ title: locale.strings.home!, url: '/' }];
  const hasFeeds = config.baseUrl !== undefined;
  const { title, description, basePath } = config;
  const search = { page: `${locale.routes.search}/`, manifest: manifestPath(locale.routes.search) };
  // `site.cover(item)`: a card's thumbnail (see partials/article-item.njk and the `picture` filter).
  const cover = (article: Article) => photos.cover(article);
  // Pages marked `menu: true` follow the configured menu, before the sections.
  const withPages = [...menu, ...site.pages.filter((page) => page.menu).map((page) => ({ title: page.title, url: `/${page.url}` }))];
  const nav = navigation(withPages, site.sections, config);
  return { site: { title, description, menu, nav, sections: site.sections, basePath, hasFeeds, cover, ...footerView(site, config) }, textSizes: TEXT_SIZES, search };
}

/** The template and context of an HTML page. */
function pageView(plan: PagePlan, context: RenderContext, image: ShareImage | undefined): [string, Record<string, unknown>] {
  const { site, config, locale } = context;
  const t = locale.strings;
  const description = config.description || t.siteDescription!;
  const page = (meta: Omit<PageMeta, 'outputPath'>) => pageMeta({ image, ...meta, outputPath: plan.outputPath }, config);
  switch (plan.kind) {
    case 'article':
      return ['article.njk', articleView(plan.article, context, description)];
    case 'list':
      return ['list.njk', listView(plan, context, { description, image })];
    case 'terms':
      return ['terms.njk', { heading: plan.heading, terms: plan.terms, page: page({ title: plan.heading, description }) }];
    case 'archive':
      return ['archive.njk', { heading: t.archive, years: site.years, page: page({ title: t.archive!, description }) }];
    case 'search':
      return ['search.njk', { heading: t.search, years: site.years, page: page({ title: t.search!, description }) }];
    case 'page':
    case 'siteMap':
    case 'accessibility': {
      const [template, heading, view] = portalView(plan, site, config, locale);
      const own = plan.kind === 'page' ? plan.page.description : '';
      return [template, { ...view, heading, page: page({ title: heading, description: own || description }) }];
    }
    default: {
      const latest = site.articles.slice(0, config.otherNewsCount);
      return ['404.njk', { page: page({ title: t.notFoundTitle!, description, fromRoot: true, noindex: true }), latest }];
    }
  }
}

function pageMeta(meta: PageMeta, config: SiteConfig) {
  const url = meta.outputPath.replace(/index\.html$/, '');
  const siteFeeds = config.baseUrl === undefined ? [] : feedLinks({ title: config.title, url: '' });
  return { ...meta, url, canonical: meta.noindex ? undefined : absoluteUrl(config, url), feeds: meta.feeds ?? siteFeeds };
}

function articleView(card: Article, context: RenderContext, siteDescription: string): Record<string, unknown> {
  const { site, config } = context;
  const article = context.full(card);
  const links = site.links.get(card)!;
  const hasFeeds = config.baseUrl !== undefined;
  const cover = context.photos.cover(card);
  const image = shareImage(cover ?? context.photos.fallback, config);
  const meta = {
    outputPath: card.outputPath,
    title: article.title,
    description: describe(article) || siteDescription,
    type: 'article' as const,
    image,
    jsonLd: scriptJson(newsArticle(article, links, config, image)),
    ...(hasFeeds && links.section && { feeds: sectionFeeds(config, links.section) }),
  };
  return {
    article,
    cover,
    links,
    otherNews: otherNews(site, card, config.otherNewsCount, links.related),
    published: toIsoString(article.publishedAt),
    updated: article.updatedAt && toIsoString(article.updatedAt),
    page: pageMeta(meta, config),
  };
}

function listView(plan: Extract<PagePlan, { kind: 'list' }>, context: RenderContext, { description, image }: { description: string; image: ShareImage | undefined }): Record<string, unknown> {
  const { config, locale } = context;
  const { listing, number } = plan;
  const pager = pagerOf(plan, config, locale);
  const title = number === 1 ? listing.heading : `${listing.heading} – ${locale.strings.pageNumber} ${number}`;
  const feeds = listing.section && config.baseUrl !== undefined ? sectionFeeds(config, listing.term!) : undefined;
  const meta = {
    outputPath: plan.outputPath,
    title,
    description,
    image,
    ...(pager.previous && { previous: pager.previous.url }),
    ...(pager.next && { next: pager.next.url }),
    ...(feeds && { feeds }),
  };
  const { isHome, term, year, month } = listing;
  const about = { ...(isHome && { isHome }), ...(term && { term }), ...(year && { year }), ...(month && { month }) };
  const shown = { ...(listing.pinned && { pinned: listing.pinned }), ...(listing.lead && { lead: true }) };
  return { heading: title, pager, items: pager.items, ...about, listing: shown, page: pageMeta(meta, config) };
}

function sectionFeeds(config: SiteConfig, section: Term): FeedLink[] {
  return [...feedLinks({ title: config.title, url: '' }), ...feedLinks({ title: `${config.title}: ${section.name}`, url: section.url })];
}

/** Every page with a date, and the standalone pages, site map and accessibility statement, by absolute address. */
function sitemapEntries({ plans, config }: RenderContext): { loc: string; lastmod?: string }[] {
  return plans.flatMap((plan) => {
    const loc = absoluteUrl(config, plan.outputPath.replace(/index\.html$/, ''))!;
    if (plan.lastmod) return [{ loc, lastmod: toIsoString(plan.lastmod) }];
    return plan.kind === 'page' || plan.kind === 'siteMap' || plan.kind === 'accessibility' ? [{ loc }] : [];
  });
}

/** The menu, then every section it does not already link to: a reader finds both in one row. */
export function navigation(menu: readonly MenuItem[], sections: readonly Term[], config: SiteConfig): NavItem[] {
  const items: NavItem[] = menu.map((item) => {
    const path = sitePath(item.url, config);
    return path === undefined ? { title: item.title, url: item.url } : { title: item.title, url: item.url, path };
  });
  const linked = new Set(items.map((item) => item.path));
  for (const section of sections) {
    if (!linked.has(section.url)) items.push({ title: section.name, url: section.url, path: section.url });
  }
  return items;
}

/** The site-relative folder a menu link leads to (`chuyen-muc/thoi-su/`), or undefined when it leaves the site. */
function sitePath(link: string, config: SiteConfig): string | undefined {
  let path = link;
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
    if (config.baseUrl === undefined || !path.startsWith(config.baseUrl)) return undefined;
    path = path.slice(config.baseUrl.length);
  } else if (path.startsWith('#')) {
    return undefined;
  }
  path = path.replace(/[?#].*$/, '').replace(/^\/+/, '').replace(/(^|\/)index\.html$/, '$1');
  // `/chuyen-muc/thoi-su` is the folder; `/gioi-thieu.pdf` is a file.
  if (path !== '' && !path.endsWith('/') && !/\.[^/]*$/.test(path)) path += '/';
  return path;
}
