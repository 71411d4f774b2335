// A photo as HTML: a <picture> offering the modern format first, every size with its width, and
// the box's width and height so the page does not jump while it loads.
import { photoSrcset, type Photo } from './photos.js';
import type { Cover, RemoteCover } from './site-photos.js';

/** How wide a photo in an article's text is shown: the whole column, at most 44rem (see bantin.css). */
export const BODY_SIZES = '(min-width: 46rem) 44rem, calc(100vw - 2rem)';
/** A listing's thumbnail (see .article-item__thumb in bantin.css). */
export const THUMB_SIZES = '8rem';

export interface PictureOptions {
  alt: string;
  /** The way from the page to the site's root (`../../`). */
  root: string;
  sizes: string;
  /** Seen before scrolling: loaded at once and first. */
  eager?: boolean;
  title?: string;
  className?: string;
}

export function pictureHtml(photo: Photo, options: PictureOptions): string {
  const { fallback, modern } = photo;
  // The <img>'s own file, for what reads no srcset: a middle size, sharp enough on most screens.
  const main = fallback[Math.min(1, fallback.length - 1)]!;
  const widest = fallback.at(-1)!;
  const sized = fallback.length > 1 || modern.length > 0;
  const attributes = [
    `src="${options.root}${escapeAttribute(encodeURI(main.path))}"`,
    ...(sized ? [`srcset="${escapeAttribute(photoSrcset(fallback, options.root))}"`, `sizes="${options.sizes}"`] : []),
    `width="${widest.width}"`,
    `height="${widest.height}"`,
    `alt="${escapeAttribute(options.alt)}"`,
    ...(options.title ? [`title="${escapeAttribute(options.title)}"`] : []),
    options.eager ? 'fetchpriority="high"' : 'loading="lazy"',
    'decoding="async"',
    ...(options.className ? [`class="${options.className}"`] : []),
  ];
  const img = `<img ${attributes.join(' ')}>`;
  if (modern.length === 0) return img;
  const source = `<source type="${modern[0]!.type}" srcset="${escapeAttribute(photoSrcset(modern, options.root))}" sizes="${options.sizes}">`;
  return `<picture>${source}${img}</picture>`;
}

/** A cover: the photo bantin made, or the picture on another site as its address says. */
export function coverHtml(cover: Cover, options: PictureOptions): string {
  return cover.photo ? pictureHtml(cover.photo, options) : remoteHtml(cover.remote, options);
}

/** A picture on another site: one file, its box only when the editor gave its size. */
export function remoteHtml(remote: RemoteCover, options: Omit<PictureOptions, 'root' | 'sizes'>): string {
  const attributes = [
    `src="${escapeAttribute(remote.url)}"`,
    ...(remote.width !== undefined && remote.height !== undefined ? [`width="${remote.width}"`, `height="${remote.height}"`] : []),
    `alt="${escapeAttribute(options.alt)}"`,
    options.eager ? 'fetchpriority="high"' : 'loading="lazy"',
    'decoding="async"',
    ...(options.className ? [`class="${options.className}"`] : []),
  ];
  return `<img ${attributes.join(' ')}>`;
}

/**
 * A caption and, after " | ", a credit line: `"Cầu mới nối hai bờ | Ảnh: Hà Linh"` becomes the
 * caption "Cầu mới nối hai bờ" and the credit "Ảnh: Hà Linh".
 */
export function captionHtml(title: string): string {
  const at = title.lastIndexOf(' | ');
  if (at === -1) return `<figcaption>${escapeText(title)}</figcaption>`;
  const caption = title.slice(0, at).trim();
  const credit = title.slice(at + 3).trim();
  return `<figcaption>${escapeText(caption)}${credit ? ` <span class="credit">${escapeText(credit)}</span>` : ''}</figcaption>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
