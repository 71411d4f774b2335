// Feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the whole site and for each section.
import type { Article } from '../content/article.js';
import { toIsoString } from '../content/dates.js';
import type { SiteConfig } from '../config.js';
import { fingerprint, type Seen } from './fingerprint.js';
import type { PageJob } from './pages.js';
import { absoluteUrl, describe } from './seo.js';
import type { Templates } from './templates.js';

export interface FeedLink {
  type: string;
  title: string;
  /** Site-relative. */
  url: string;
}

export interface FeedSource {
  title: string;
  /** Site-relative URL of the listing the feed follows: `''` for the home page. */
  url: string;
  /** Newest first. */
  articles: readonly Article[];
}

const FORMATS = [
  { file: 'rss.xml', type: 'application/rss+xml', label: 'RSS' },
  { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' },
  { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
] as const;

/** The feeds of a listing, for `<link rel="alternate">`. */
export function feedLinks(source: Pick<FeedSource, 'title' | 'url'>): FeedLink[] {
  return FORMATS.map((format) => ({ type: format.type, title: `${source.title} (${format.label})`, url: source.url + format.file }));
}

/** The three feeds of a listing. Needs the site's baseUrl: feeds carry absolute links. */
export function* renderFeeds(source: FeedSource, templates: Templates, config: SiteConfig): Generator<PageJob> {
  const latest = source.articles.slice(0, config.feeds.items);
  const bodies = config.feeds.content === 'full' ? latest.map((article) => article.version) : [];
  const print = fingerprint('feeds', { title: source.title, url: source.url, latest, bodies });
  const printed = (file: string) => (seen?: Seen) => {
    if (seen) latest.forEach((article) => seen(article));
    return `${file}:${print}`;
  };
  const [rss, atom, json] = FORMATS;
  let rendered: ReturnType<typeof feedData> | undefined;
  const data = () => (rendered ??= feedData(source, latest, config));
  yield {
    outputPath: source.url + rss.file,
    fingerprint: printed(rss.file),
    render: () => templates.render('feeds/rss.njk', { feed: data(), feedUrl: absoluteUrl(config, source.url + rss.file) }),
  };
  yield {
    outputPath: source.url + atom.file,
    fingerprint: printed(atom.file),
    render: () => templates.render('feeds/atom.njk', { feed: data(), feedUrl: absoluteUrl(config, source.url + atom.file) }),
  };
  yield {
    outputPath: source.url + json.file,
    fingerprint: printed(json.file),
    render: () => jsonFeed(data(), absoluteUrl(config, source.url + json.file)!),
  };
}

function feedData(source: FeedSource, latest: readonly Article[], config: SiteConfig) {
  const items = latest.map((article) => {
    const url = absoluteUrl(config, article.url)!;
    return {
      article,
      url,
      description: describe(article),
      content: config.feeds.content === 'full' ? absolutize(article.html, url) : undefined,
    };
  });
  return {
    title: source.title,
    description: config.description,
    homeUrl: absoluteUrl(config, source.url)!,
    language: config.language,
    updated: source.articles[0] ? toIsoString(source.articles[0].publishedAt) : undefined,
    items,
  };
}

function jsonFeed(feed: ReturnType<typeof feedData>, feedUrl: string): string {
  return (
    JSON.stringify(
      {
        version: 'https://jsonfeed.org/version/1.1',
        title: feed.title,
        home_page_url: feed.homeUrl,
        feed_url: feedUrl,
        ...(feed.description && { description: feed.description }),
        language: feed.language,
        items: feed.items.map((item) => ({
          id: item.url,
          url: item.url,
          title: item.article.title,
          ...(item.content === undefined ? { content_text: item.description } : { content_html: item.content }),
          summary: item.description,
          date_published: toIsoString(item.article.publishedAt),
          ...(item.article.updatedAt && { date_modified: toIsoString(item.article.updatedAt) }),
          authors: [{ name: item.article.author }],
          ...(item.article.tags.length > 0 && { tags: item.article.tags }),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

/** Makes the relative links of an article's HTML absolute: a feed reader has no page to resolve them from. */
function absolutize(html: string, base: string): string {
  return html.replace(/\b(href|src)="([^"]*)"/g, (whole, attribute: string, value: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('#')) return whole;
    try {
      return `${attribute}="${new URL(value.replace(/&amp;/g, '&'), base).href.replace(/&/g, '&amp;')}"`;
    } catch {
      return whole;
    }
  });
}
