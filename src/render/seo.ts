// What search engines and sharing previews read: descriptions, canonical URLs, JSON-LD.
import type { Article } from '../content/article.js';
import { toIsoString } from '../content/dates.js';
import type { SiteConfig } from '../config.js';
import type { ArticleLinks } from '../collect/site.js';
import type { Cover } from '../images/site-photos.js';

/**
 * The picture a shared link shows (Open Graph, JSON-LD, feeds): a photo's widest JPEG or PNG, or
 * a cover on another site, of which bantin knows what the front-matter says.
 */
export interface ShareImage {
  url: string;
  width?: number;
  height?: number;
  type?: string;
  /** In bytes; 0 when not known (a cover on another site: RSS asks for a length all the same). */
  size: number;
  alt: string;
}

/** The types of pictures sharing previews show, by the extension of their address. */
const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', avif: 'image/avif' };

/**
 * An article's cover, or the site's default picture, as sharing previews take it: a photo of the
 * site needs the baseUrl for its full address; one on another site has it (a malformed one, none).
 */
export function shareImage(cover: Cover | undefined, config: SiteConfig): ShareImage | undefined {
  if (cover?.remote) {
    const { url, width, height } = cover.remote;
    const parsed = URL.parse(url);
    if (!parsed) return undefined;
    const type = IMAGE_TYPES[parsed.pathname.replace(/^.*\./, '').toLowerCase()];
    return { url: parsed.href, ...(width !== undefined && height !== undefined && { width, height }), ...(type && { type }), size: 0, alt: cover.alt };
  }
  const file = cover?.photo.fallback.at(-1);
  // Sharing previews take no SVG, and need the picture's full address.
  if (!cover || !file || file.type === 'image/svg+xml' || config.baseUrl === undefined) return undefined;
  return { url: absoluteUrl(config, encodeURI(file.path))!, width: file.width, height: file.height, type: file.type, size: file.size, alt: cover.alt };
}

const DESCRIPTION_LENGTH = 160;

/** The lead, or the first ~160 characters of the text, cut at a word. */
export function describe(article: Article): string {
  if (article.summary) return article.summary;
  return truncate(article.text, DESCRIPTION_LENGTH);
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '') + '…';
}

/** The absolute URL of a site-relative path, or undefined when the site has no baseUrl. */
export function absoluteUrl(config: SiteConfig, path: string): string | undefined {
  return config.baseUrl === undefined ? undefined : new URL(path, config.baseUrl).href;
}

/** schema.org NewsArticle for an article page. */
export function newsArticle(article: Article, links: ArticleLinks, config: SiteConfig, image?: ShareImage): Record<string, unknown> {
  const url = absoluteUrl(config, article.url);
  const publisherName = config.publisher?.name ?? config.title;
  const logo = config.publisher?.logo && absoluteUrl(config, config.publisher.logo);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: describe(article),
    datePublished: toIsoString(article.publishedAt),
    ...(article.updatedAt && { dateModified: toIsoString(article.updatedAt) }),
    author: article.authors.map((name, i) => ({ '@type': 'Person', name, ...(links.authors[i] && url && { url: absoluteUrl(config, links.authors[i].url) }) })),
    publisher: {
      '@type': 'Organization',
      name: publisherName,
      ...(logo && { logo: { '@type': 'ImageObject', url: logo } }),
    },
    ...(url && { mainEntityOfPage: { '@type': 'WebPage', '@id': url }, url }),
    ...(image && { image: [{ '@type': 'ImageObject', url: image.url, ...(image.width !== undefined && { width: image.width, height: image.height }) }] }),
    ...(links.section && { articleSection: links.section.name }),
    ...(article.tags.length > 0 && { keywords: article.tags.join(', ') }),
    inLanguage: config.language,
  };
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` escaped so that no
 * value, however hostile, can close the script element or open a comment.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Text as HTML shows it: for the few fragments made outside the templates. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
