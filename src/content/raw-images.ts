// Part of the Markdown adapter: pictures written as raw HTML (`<img src="anh.jpg" alt="...">`, on
// sites with `markdown.html`), found as Markdown images are and shown as bantin's own photos.
import { unescapeAll } from 'markdown-it/lib/common/utils.mjs';
import { BODY_SIZES, pictureHtml } from '../images/html.js';
import { isRemote, type Photo } from '../images/photos.js';

/** An `<img>` tag in raw HTML. */
export interface RawImage {
  /** The tag as written, and where it starts in the HTML. */
  tag: string;
  index: number;
  /** The address with its entities decoded: what the photos are found by. */
  src: string;
  /** The address as the file spells it, to find where it is written. */
  writtenSrc: string;
  /** The alt text, entities decoded and trimmed; empty when it has none. */
  alt: string;
  title: string;
}

// A quoted value may hold ">" (`alt="a > b"`); one unclosed is read at most 2,000 characters on.
const IMG = /<img\b(?:[^<>"']|"[^"]{0,2000}"|'[^']{0,2000}')*>/gi;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The `<img>` tags of a piece of raw HTML that have an address, those in comments left out. */
export function rawImages(html: string): RawImage[] {
  if (!/<img/i.test(html)) return [];
  const seen = html.includes('<!--') ? html.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => ' '.repeat(comment.length)) : html;
  const images: RawImage[] = [];
  for (const match of seen.matchAll(IMG)) {
    const attributes = new Map<string, string>();
    for (const found of match[0].slice(4).matchAll(ATTRIBUTE)) {
      const name = found[1]!.toLowerCase();
      if (!attributes.has(name)) attributes.set(name, found[2] ?? found[3] ?? found[4] ?? '');
    }
    const writtenSrc = attributes.get('src')?.trim() ?? '';
    if (writtenSrc === '') continue;
    const text = (name: string) => unescapeAll(attributes.get(name) ?? '').trim();
    images.push({ tag: match[0], index: match.index, src: unescapeAll(writtenSrc), writtenSrc, alt: text('alt'), title: text('title') });
  }
  return images;
}

/** How the body's render shows photos (see `BodyPhotos` in markdown.ts), and how many it has shown. */
export interface RawImageEnv {
  photos?: { find(target: string): Photo | undefined; root: string; firstEager: boolean };
  shown?: number;
}

/**
 * Raw HTML with each `<img>` of a photo of the site as the `<picture>` made for it, as a Markdown
 * image is; a picture on another site keeps its tag and loads lazily.
 */
export function withPhotos(html: string, env: RawImageEnv): string {
  const images = rawImages(html);
  if (images.length === 0) return html;
  let out = '';
  let at = 0;
  for (const image of images) {
    const eager = env.photos?.firstEager === true && (env.shown ?? 0) === 0;
    env.shown = (env.shown ?? 0) + 1;
    const photo = env.photos?.find(image.src);
    let shown = image.tag;
    if (photo) shown = pictureHtml(photo, { alt: image.alt, root: env.photos!.root, sizes: BODY_SIZES, eager, ...(image.title && { title: image.title }) });
    else if (isRemote(image.src)) shown = lazily(image.tag);
    out += html.slice(at, image.index) + shown;
    at = image.index + image.tag.length;
  }
  return out + html.slice(at);
}

/** A tag with `loading="lazy"` and `decoding="async"`, unless it says otherwise. */
function lazily(tag: string): string {
  const closed = tag.endsWith('/>');
  const added = [/\sloading\s*=/i.test(tag) ? '' : ' loading="lazy"', /\sdecoding\s*=/i.test(tag) ? '' : ' decoding="async"'].join('');
  return tag.slice(0, closed ? -2 : -1).trimEnd() + added + (closed ? ' />' : '>');
}
