// Rendering: the collected site becomes pages, articles first, then the listings built from them.
import type { Article } from '../content/article.js';
import { toIsoString, type PublishedAt } from '../content/dates.js';
import type { MenuItem, SiteConfig } from '../config.js';
import { pageCount, pagerAt, pageUrl } from '../collect/pagination.js';
import { otherNews, type Site } from '../collect/site.js';
import type { Term } from '../collect/taxonomies.js';
import { BantinError } from '../errors.js';
import type { Locale } from '../locales.js';
import { feedLinks, renderFeeds, type FeedLink } from './feeds.js';
import { fingerprint, type Seen } from './fingerprint.js';
import { absoluteUrl, describe, newsArticle, scriptJson } from './seo.js';
import type { Templates } from './templates.js';

/** One output file, rendered only when the build asks for it. */
export interface PageJob {
  /** Relative to the output folder, `/`-separated. */
  outputPath: string;
  /**
   * A hash of the template and everything the page shows: equal hashes, equal pages. `seen` is
   * told of every article the page shows, its card or its text.
   */
  fingerprint(seen?: Seen): string;
  render(): string;
  /** The article whose whole text the page shows, if any. */
  article?: Article;
}

/** Text sizes the reader can step through, in percent of their browser's own size. */
export const TEXT_SIZES = [90, 100, 110, 125, 150, 175, 200] as const;

/** Two pages for one file: an article whose URL is a listing's. */
export function collisionProblem(outputPath: string, contentDir: string, show: (path: string) => string): BantinError {
  return new BantinError(
    `Two pages would be written to ${outputPath}; an article's URL collides with a listing page. Give the article a "slug:" of its own.`,
    { file: show(contentDir) },
  );
}

export const TEMPLATE_NAMES = [
  'article.njk', 'list.njk', 'terms.njk', 'archive.njk', '404.njk',
  'feeds/rss.njk', 'feeds/atom.njk', 'sitemap.njk', 'robots.njk',
] as const;

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
}

/** A link of the site's navigation bar. */
export interface NavItem {
  title: string;
  /** As the editor wrote it, or a section's site-relative URL: for the `href` filter. */
  url: string;
  /** The site-relative path it leads to, when it stays on the site: marks the current page. */
  path?: string;
}

interface SitemapEntry {
  loc: string;
  lastmod: string;
}

/**
 * Every page of the site, articles first. `only`: the articles whose text alone changed since a
 * build of this same site; then only the pages that show their text are made. `wanted`: the
 * output paths of the only pages to make (the sitemap, if wanted, still lists every page).
 */
export function* renderPages(
  site: Site,
  templates: Templates,
  config: SiteConfig,
  locale: Locale,
  only?: ReadonlySet<Article>,
  wanted?: ReadonlySet<string>,
): Generator<PageJob> {
  const { routes, strings: t } = locale;
  const hasFeeds = config.baseUrl !== undefined;
  const siteFeeds = hasFeeds ? feedLinks({ title: config.title, url: '' }) : [];
  // The sitemap's pages, as paths and dates the site holds anyway: its addresses and dates are
  // written out when the sitemap is made (held as text, they were 130 bytes a page).
  const sitemap = { paths: [] as string[], dates: [] as PublishedAt[] };
  // Every page has a description: the site's own, or the language's sentence when it has none.
  const siteDescription = config.description || t.siteDescription!;
  const menu = config.menu ?? [{ title: t.home!, url: '/' }];
  const shared = {
    site: {
      title: config.title,
      description: config.description,
      menu,
      nav: navigation(menu, site.sections, config),
      sections: site.sections,
      basePath: config.basePath,
      hasFeeds,
    },
    textSizes: TEXT_SIZES,
  };

  const page = (meta: PageMeta) => {
    const url = meta.outputPath.replace(/index\.html$/, '');
    return { ...meta, url, canonical: absoluteUrl(config, url), feeds: meta.feeds ?? siteFeeds };
  };
  /** Whether the page at `outputPath` is to be made. */
  const wants = (outputPath: string) => !wanted || wanted.has(outputPath);
  // What every page shows of the site (menu, sections): fingerprinted once, not once per page.
  const sharedPrint = fingerprint('shared', shared);
  /**
   * `view` makes the page's context only when the page is fingerprinted or rendered, and its meta
   * (title, description, JSON-LD...) only when it is rendered: the meta is made from the context
   * and the configuration, so the fingerprint leaves it out, and a rebuild never makes the meta
   * of a page it keeps.
   */
  function* emit(
    template: string,
    outputPath: string,
    view: () => { meta: () => Omit<PageMeta, 'outputPath'>; context: Record<string, unknown> },
    lastmod?: PublishedAt,
    body?: Article,
  ): Generator<PageJob> {
    if (hasFeeds && lastmod) {
      sitemap.paths.push(outputPath);
      sitemap.dates.push(lastmod);
    }
    if (!wants(outputPath)) return;
    let made: ReturnType<typeof view> | undefined;
    const once = () => (made ??= view());
    yield job(outputPath, template, () => ({ ...once().context, page: page({ ...once().meta(), outputPath }) }), body, () => once().context);
  }
  /**
   * `body`: the article whose whole text the page shows, beyond what its card says. `printed`:
   * what the fingerprint is made of, when not the whole context.
   */
  function job(
    outputPath: string,
    template: string,
    view: () => Record<string, unknown>,
    body?: Article,
    printed?: () => Record<string, unknown>,
  ): PageJob {
    let context: Record<string, unknown> | undefined;
    const made = () => (context ??= view());
    return {
      outputPath,
      fingerprint: (seen) => {
        if (body) seen?.(body);
        return sharedPrint + fingerprint(template, printed ? printed() : made(), seen) + (body?.version ?? '');
      },
      render: () => templates.render(template, { ...shared, ...made() }),
      ...(body && { article: body }),
    };
  }
  /** The feeds of a section, or of the whole site. */
  function* feedsOf(section?: Term): Generator<PageJob> {
    if (!feedLinks({ title: '', url: section?.url ?? '' }).some((link) => wants(link.url))) return;
    yield* renderFeeds(
      section ? { title: `${config.title}: ${section.name}`, url: section.url, articles: section.articles } : { title: config.title, url: '', articles: site.articles },
      templates,
      config,
    );
  }
  const dateOf = (article: Article | undefined) => article && (article.updatedAt ?? article.publishedAt);
  const newest = (articles: readonly Article[]) => dateOf(articles[0]);

  for (const article of only ?? site.articles) {
    // The links (related news above all) are worked out only for a page fingerprinted or rendered.
    const view = () => {
      const links = site.links.get(article)!;
      return {
        meta: () => ({
          title: article.title,
          description: describe(article) || siteDescription,
          type: 'article' as const,
          jsonLd: scriptJson(newsArticle(article, links, config)),
          ...(hasFeeds && links.section && { feeds: [...siteFeeds, ...feedLinks({ title: `${config.title}: ${links.section.name}`, url: links.section.url })] }),
        }),
        context: {
          article,
          links,
          otherNews: otherNews(site, article, config.otherNewsCount, links.related),
          published: toIsoString(article.publishedAt),
          updated: article.updatedAt && toIsoString(article.updatedAt),
        },
      };
    };
    yield* emit('article.njk', article.outputPath, view, article.updatedAt ?? article.publishedAt, article);
  }
  if (only) {
    // Besides their own pages, only full-text feeds show the texts.
    if (hasFeeds && config.feeds.content === 'full') {
      for (const section of site.sections) yield* feedsOf(section);
      yield* feedsOf();
    }
    return;
  }

  /** The pages of a list of articles at `base`; each page's pager is made only when the page is. */
  function* listing(articles: readonly Article[], base: string, heading: string, context: Record<string, unknown> = {}, feeds?: FeedLink[]) {
    const { perPage } = config;
    for (let number = 1; number <= pageCount(articles.length, perPage); number++) {
      const title = number === 1 ? heading : `${heading} – ${t.pageNumber} ${number}`;
      const view = () => {
        const pager = pagerAt(articles, perPage, base, routes.page, number);
        return {
          meta: () => ({
            title,
            description: siteDescription,
            ...(pager.previous && { previous: pager.previous.url }),
            ...(pager.next && { next: pager.next.url }),
            ...(feeds && { feeds }),
          }),
          context: { heading: title, pager, items: pager.items, ...context },
        };
      };
      yield* emit('list.njk', `${pageUrl(base, routes.page, number)}index.html`, view, dateOf(articles[(number - 1) * perPage]));
    }
  }

  yield* listing(site.articles, '', config.title, { isHome: true });

  const taxonomies: [Term[], string, string, string][] = [
    [site.sections, routes.category, t.allSections!, t.bulletinsIn!],
    [site.tags, routes.tag, t.allTags!, t.bulletinsTagged!],
    [site.authors, routes.author, t.authors!, t.bulletinsBy!],
  ];
  for (const [terms, route, indexTitle, prefix] of taxonomies) {
    const view = () => ({ meta: () => ({ title: indexTitle, description: siteDescription }), context: { heading: indexTitle, terms } });
    yield* emit('terms.njk', `${route}/index.html`, view, newest(site.articles));
    for (const term of terms) {
      const isSection = terms === site.sections;
      const feeds = isSection && hasFeeds ? [...siteFeeds, ...feedLinks({ title: `${config.title}: ${term.name}`, url: term.url })] : undefined;
      yield* listing(term.articles, term.url, `${prefix} ${term.name}`, { term }, feeds);
      if (isSection && hasFeeds) yield* feedsOf(term);
    }
  }

  const archive = () => ({ meta: () => ({ title: t.archive!, description: siteDescription }), context: { heading: t.archive, years: site.years } });
  yield* emit('archive.njk', `${routes.archive}/index.html`, archive, newest(site.articles));
  for (const year of site.years) {
    yield* listing(year.articles, year.url, `${t.archive} ${year.year}`, { year });
    for (const month of year.months) {
      yield* listing(month.articles, month.url, `${t.archive} ${locale.formatMonth(month.year, month.month)}`, { year, month });
    }
  }

  if (hasFeeds) yield* feedsOf();

  // The last pages list no page of their own in the sitemap.
  if (wants('404.html')) {
    yield job('404.html', '404.njk', () => ({
      page: page({ outputPath: '404.html', title: t.notFoundTitle!, description: siteDescription, fromRoot: true }),
      latest: site.articles.slice(0, config.otherNewsCount),
    }));
  }
  if (wants('robots.txt')) yield job('robots.txt', 'robots.njk', () => ({ sitemap: absoluteUrl(config, 'sitemap.xml') }));
  if (hasFeeds && wants('sitemap.xml')) {
    const entries = (): SitemapEntry[] =>
      sitemap.paths.map((path, i) => ({ loc: absoluteUrl(config, path.replace(/index\.html$/, ''))!, lastmod: toIsoString(sitemap.dates[i]!) }));
    yield job('sitemap.xml', 'sitemap.njk', () => ({ entries: entries() }));
  }
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
