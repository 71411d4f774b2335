// The site's photos as pages ask for them: the picture at an address an article wrote, an
// article's cover, the site's default picture. Plain data inside, so render threads get the same.
import type { Article } from '../content/article.js';
import { isWebAddress, type Photo } from './photos.js';

/** A cover on another site (`image: https://...`): shown as written, never fetched nor made. */
export interface RemoteCover {
  url: string;
  /** Known only when the front-matter gives them (`image_width`, `image_height`). */
  width?: number;
  height?: number;
}

/** A picture shown as an article's cover (or the site's default picture), with its words. */
export type Cover = PhotoCover | { remote: RemoteCover; photo?: undefined; alt: string };
export interface PhotoCover {
  photo: Photo;
  remote?: undefined;
  alt: string;
}

export interface SitePhotosData {
  /** For each article's file, the key of each picture by the address written. */
  keys: [string, [string, string][]][];
  photos: [string, Photo][];
  defaultKey?: string;
  defaultAlt: string;
}

export class SitePhotos {
  private readonly keys: Map<string, Map<string, string>>;
  private readonly photos: Map<string, Photo>;

  constructor(private readonly data: SitePhotosData) {
    this.keys = new Map(data.keys.map(([file, pairs]) => [file, new Map(pairs)]));
    this.photos = new Map(data.photos);
  }

  static from(keys: ReadonlyMap<string, ReadonlyMap<string, string>>, photos: ReadonlyMap<string, Photo>, defaults: { key?: string | undefined; alt: string }): SitePhotos {
    return new SitePhotos({
      keys: [...keys].map(([file, pairs]) => [file, [...pairs]]),
      photos: [...photos],
      ...(defaults.key !== undefined && { defaultKey: defaults.key }),
      defaultAlt: defaults.alt,
    });
  }

  /** What crosses to a render thread. */
  toData(): SitePhotosData {
    return this.data;
  }

  /** The photo made of the picture an article wrote as `target`, if bantin made one. */
  at(article: Article, target: string): Photo | undefined {
    const key = this.keys.get(article.relativePath)?.get(target);
    return key === undefined ? undefined : this.photos.get(key);
  }

  /** The article's own cover, if it has one. */
  cover(article: Article): Cover | undefined {
    const use = article.images[0];
    if (!use?.cover) return undefined;
    if (isWebAddress(use.target)) {
      const size = use.width !== undefined && use.height !== undefined ? { width: use.width, height: use.height } : {};
      return { remote: { url: use.target, ...size }, alt: use.alt };
    }
    const photo = this.at(article, use.target);
    return photo && { photo, alt: use.alt };
  }

  /** The site's default picture, for sharing pages without a picture of their own. */
  get fallback(): PhotoCover | undefined {
    const photo = this.data.defaultKey === undefined ? undefined : this.photos.get(this.data.defaultKey);
    return photo && { photo, alt: this.data.defaultAlt };
  }

  /** Every photo an article's page shows, its cover or the default picture included. */
  shownBy(article: Article): Photo[] {
    const shown = article.images.map((use) => this.at(article, use.target)).filter((photo) => photo !== undefined);
    const fallback = this.cover(article) ? undefined : this.fallback;
    return fallback ? [...shown, fallback.photo] : shown;
  }
}

/** No photos: for sites and tests that have none. */
export const NO_PHOTOS = new SitePhotos({ keys: [], photos: [], defaultAlt: '' });
