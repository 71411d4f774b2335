// Feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the whole site and for each section.
import type { Article, FullArticle } from '../content/article.js';
import { toIsoString } from '../content/dates.js';
import type { SiteConfig } from '../config.js';
import { absoluteUrl, describe, escapeHtml, shareImage, type ShareImage } from './seo.js';
import type { SitePhotos } from '../images/site-photos.js';
import type { Templates } from './templates.js';

export interface FeedLink {
  type: string;
  title: string;
  /** Site-relative. */
  url: string;
}

export const FEED_FORMATS = [
  { file: 'rss.xml', type: 'application/rss+xml', label: 'RSS', template: 'feeds/rss.njk' },
  { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom', template: 'feeds/atom.njk' },
  { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed', template: undefined },
] as const;

export type FeedFormat = (typeof FEED_FORMATS)[number];

/** A feed as a planned page: a listing's latest articles in one format. */
export interface FeedPlan {
  format: FeedFormat;
  title: string;
  /** Site-relative URL of the listing the feed follows: `''` for the home page. */
  url: string;
  /** The latest articles, newest first. */
  articles: readonly Article[];
}

/** What a feed says of one article. */
export interface FeedEntry {
  article: Article;
  url: string;
  description: string;
  content: string | undefined;
  /** Its cover: an enclosure in RSS and Atom, `image` in JSON Feed. */
  image: ShareImage | undefined;
}

/** Each article's entry, made once per build and shared by every feed that carries it. */
export class FeedEntries {
  private readonly made = new WeakMap<Article, FeedEntry>();

  constructor(
    private readonly config: SiteConfig,
    /** The article with its body, for full-text feeds. */
    private readonly full: (article: Article) => FullArticle,
    private readonly photos: SitePhotos,
  ) {}

  of(article: Article): FeedEntry {
    let entry = this.made.get(article);
    if (!entry) {
      const url = absoluteUrl(this.config, article.url)!;
      const content = this.config.feeds.content === 'full' ? lead(article) + absolutize(this.full(article).html, url) : undefined;
      entry = { article, url, description: describe(article), content, image: shareImage(this.photos.cover(article), this.config) };
      this.made.set(article, entry);
    }
    return entry;
  }
}

/** The feeds of a listing, for `<link rel="alternate">`. */
export function feedLinks(source: { title: string; url: string }): FeedLink[] {
  return FEED_FORMATS.map((format) => ({ type: format.type, title: `${source.title} (${format.label})`, url: source.url + format.file }));
}

/** One feed. Needs the site's baseUrl: feeds carry absolute links. */
export function renderFeed(plan: FeedPlan, templates: Templates, config: SiteConfig, entries: FeedEntries): string {
  const feed = {
    title: plan.title,
    description: config.description,
    homeUrl: absoluteUrl(config, plan.url)!,
    language: config.language,
    updated: plan.articles[0] ? toIsoString(plan.articles[0].publishedAt) : undefined,
    items: plan.articles.map((article) => entries.of(article)),
  };
  const feedUrl = absoluteUrl(config, plan.url + plan.format.file)!;
  return plan.format.template ? templates.render(plan.format.template, { feed, feedUrl }) : jsonFeed(feed, feedUrl);
}

function jsonFeed(feed: { title: string; homeUrl: string; description: string | undefined; language: string; items: FeedEntry[] }, feedUrl: string): string {
  const items = feed.items.map((item) => ({
    id: item.url,
    url: item.url,
    title: item.article.title,
    ...(item.content === undefined ? { content_text: item.description } : { content_html: item.content }),
    summary: item.description,
    date_published: toIsoString(item.article.publishedAt),
    ...(item.article.updatedAt && { date_modified: toIsoString(item.article.updatedAt) }),
    authors: item.article.authors.map((name) => ({ name })),
    ...(item.article.tags.length > 0 && { tags: item.article.tags }),
    ...(item.image && { image: item.image.url }),
  }));
  const json = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feedUrl,
    ...(feed.description && { description: feed.description }),
    language: feed.language,
    items,
  };
  return JSON.stringify(json, null, 2) + '\n';
}

/** The lead as the article's page shows it, in bold above the text: a full-text feed carries the whole article. */
function lead(article: Article): string {
  return article.summary ? `<p><strong>${escapeHtml(article.summary)}</strong></p>\n` : '';
}

/** Makes the relative links of an article's HTML absolute: a feed reader has no page to resolve them from. */
export function absolutize(html: string, base: string): string {
  const absolute = (value: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('#')) return value;
    try {
      return new URL(value.replace(/&amp;/g, '&'), base).href.replace(/&/g, '&amp;');
    } catch {
      return value;
    }
  };
  return html.replace(/\b(href|src|srcset)="([^"]*)"/g, (_whole, attribute: string, value: string) => {
    // A srcset is a list of "address width" pairs (bantin writes no comma inside an address).
    const made = attribute === 'srcset' ? value.split(', ').map((item) => item.replace(/^\S+/, absolute)).join(', ') : absolute(value);
    return `${attribute}="${made}"`;
  });
}
