// Photos as the later stages see them: where an article's pictures live, and the files the site
// serves for each. Plain records: they cross to the render threads and into the dependency record.
import { posix } from 'node:path';
import type { ImageSettings } from '../config.js';
import { SLUG_WORDS, slugFromTitle } from '../content/slug.js';
import { locales, type Language } from '../locales.js';
import type { Reference } from '../content/references.js';

/** A picture an article shows: in its body (`![alt](anh.jpg)`) or as its cover (`image:`). */
export interface PhotoUse {
  /** The address as written. */
  target: string;
  alt: string;
  /** Where the address is written in the article's file. */
  line: number;
  column: number;
  cover?: boolean;
  /** A cover on another site: its size, as the front-matter gives it (`image_width`, `image_height`). */
  width?: number;
  height?: number;
}

/** One file the site serves for a photo. */
export interface PhotoFile {
  /** Output path: `anh/anh-cau-Xy12ab34Cd-800.webp`. */
  path: string;
  type: string;
  width: number;
  height: number;
  /** In bytes, for feed enclosures. */
  size: number;
}

/** A picture of the site, made ready for readers (see `encodePicture`). */
export interface Photo {
  /** Where it lives: `content/2020/09/anh-cau.jpg` or `static/anh/cau.jpg`. */
  key: string;
  /** A hash of its bytes and of the settings it was made with. */
  digest: string;
  /** Upright, as the editor's file has it. */
  width: number;
  height: number;
  /** Modern-format files, narrowest first; empty for a picture passed through. */
  modern: PhotoFile[];
  /** JPEG or PNG files, narrowest first; or the one SVG or GIF. */
  fallback: PhotoFile[];
}


/** A photo is made in sizes this many times narrower than the widest served, at most: more is a warning. */
export const OVERSIZE_FACTOR = 3;

/** What the files made from a picture depend on besides its bytes (bump `ENCODING` when encodePicture changes). */
const ENCODING = 2;
export function settingsKey(settings: ImageSettings): string {
  return JSON.stringify([ENCODING, [...settings.widths].sort((a, b) => a - b), settings.format, settings.quality]);
}

/**
 * The output path of one file made from a picture: in the site's photo folder (`anh/`, `photos/`
 * on an English site), its name, a part of its digest, its width.
 */
export function photoPath(key: string, digest: string, name: string, language: Language = 'vi'): string {
  const stem = posix.basename(key).replace(/\.[^.]*$/, '');
  return `${locales[language].routes.photos}/${slugFromTitle(stem, language) || SLUG_WORDS[language].photo}-${digest.slice(0, 10)}-${name}`;
}

/** An address on another site (or a data: URL): shown as written, never fetched. */
export function isRemote(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target);
}

/** A picture's address on the web (`https://...`): the only remote picture a cover can be. */
export function isWebAddress(target: string): boolean {
  return /^https?:\/\/[^/]/i.test(target);
}

/** What the front-matter says of the cover: `image:`, `image_alt:`, and for a remote one its size. */
export interface CoverFields {
  image: string | undefined;
  alt: string | undefined;
  width?: number | undefined;
  height?: number | undefined;
}

/** The cover as an article's front-matter writes it, at `at`. */
export function coverUse(fields: CoverFields, at: { line: number; column: number } | undefined): PhotoUse[] {
  const { image, alt, width, height } = fields;
  if (!image) return [];
  const size = width !== undefined && height !== undefined && isWebAddress(image) ? { width, height } : {};
  return [{ target: image, alt: alt ?? '', ...(at ?? { line: 1, column: 1 }), cover: true, ...size }];
}

/** The pictures of an article's body, from the links and images its parse found. */
export function bodyPhotoUses(references: readonly Reference[]): PhotoUse[] {
  return references.flatMap((reference) => reference.kind === 'image' ? [{ target: reference.target, alt: reference.alt, line: reference.line, column: reference.column }] : []);
}

/**
 * Where a picture written in an article may be: beside the article in the content folder, then
 * in static/ at the address the browser would resolve from the article's page. Paths inside
 * their folder, `/`-separated; undefined where the address cannot lead.
 * Written from the article's file into static/ (`../../../static/anh/cau.jpg`), that file only.
 */
export function photoCandidates(target: string, from: { relativePath: string; url: string }, basePath: string, staticFolder?: string): string[] {
  const address = target.replace(/[?#].*$/, '');
  if (address === '' || isRemote(address)) return [];
  let decoded = address;
  try {
    decoded = decodeURIComponent(address);
  } catch {
    // A malformed escape: the name as written.
  }
  const candidates: string[] = [];
  if (!decoded.startsWith('/')) {
    const beside = posix.normalize(posix.join(posix.dirname(from.relativePath), decoded));
    if (!beside.startsWith('..')) candidates.push(`content/${beside.normalize('NFC')}`);
    // Written from the article's file to a file of static/ (`../../../static/anh/cau.jpg`): that file only.
    else if (staticFolder !== undefined && beside.startsWith(`${staticFolder}/`)) return [`static/${beside.slice(staticFolder.length + 1).normalize('NFC')}`];
  }
  const page = new URL(basePath + from.url, 'https://bantin.invalid');
  const url = new URL(decoded.startsWith('/') ? basePath + decoded.slice(1) : decoded, page);
  if (url.pathname.startsWith(basePath)) {
    let path = url.pathname.slice(basePath.length);
    try {
      path = decodeURIComponent(path);
    } catch {
      // As written.
    }
    if (path !== '' && !path.endsWith('/')) candidates.push(`static/${path.normalize('NFC')}`);
  }
  return candidates;
}

/** The `<img>` a photo's fallback gives: its widest file, and the widths of all of them. */
export function photoSrcset(files: readonly PhotoFile[], root: string): string {
  return files.map((file) => `${root}${encodeURI(file.path)} ${file.width}w`).join(', ');
}
