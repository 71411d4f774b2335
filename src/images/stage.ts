// The photos stage, between collect and plan: every picture the published articles show is found,
// checked and made in the sizes the site serves, once per distinct picture, and its files go to
// the writer. A picture the record knows unchanged is not read; one made before (same bytes and
// settings) is not made again.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Site } from '../collect/site.js';
import { fileStamp } from '../walk.js';
import { BantinError, located } from '../errors.js';
import type { SiteSetup } from '../load-site.js';
import type { Writer } from '../output/writer.js';
import { CONFIG_FILE } from '../site-paths.js';
import { PictureCache, storedOf, type StoredPicture } from './cache.js';
import { encodePicture, inspectPicture, PictureProblem } from './encode.js';
import { photoPath, settingsKey, type Photo } from './photos.js';
import { asBuildProblem, oversized, pathOf, readPicture, resolvePhotos, type PictureFile } from './resolve.js';
import { SitePhotos } from './site-photos.js';
import { msg } from '../messages/index.js';
import type { Language } from '../locales.js';

/** A picture as the dependency record keeps it: the stamp of its file, and the photo made of it. */
export interface RecordedPhoto {
  stamp?: string;
  photo: Photo;
}

export interface PhotoWork {
  writer: Writer;
  /** The last build's pictures (see `BuildCache.images`). */
  recorded?: ReadonlyMap<string, RecordedPhoto>;
  /** Pictures made at once; sharp spreads each over the cores as well. */
  threads: number;
  signal?: AbortSignal | undefined;
}

export interface PhotoResult {
  photos: SitePhotos;
  /** Every picture of this build, for the next record. */
  recorded: Map<string, RecordedPhoto>;
  /** Distinct pictures made by this build; the others came from the record or the cache. */
  encoded: number;
  /** Output files of the photos, for collisions with static files. */
  outputs: string[];
}

/** Where made pictures are kept between builds. */
export function pictureCacheDir(root: string): string {
  return join(root, '.bantin-cache', 'images');
}

/** A picture's stamp now, by its key (see `nothingChanged`); undefined when it is gone. */
export function pictureStamps(folders: { contentDir: string; staticDir: string }): (key: string) => string | undefined {
  return (key) => {
    try {
      return fileStamp(statSync(pathOf(key, folders)));
    } catch {
      return undefined;
    }
  };
}

export async function photoStage(setup: SiteSetup, site: Site, work: PhotoWork): Promise<PhotoResult> {
  const config = setup.config!;
  const { contentDir, staticDir, root } = setup.paths;
  const resolved = resolvePhotos(site.articles, config, { contentDir, staticDir, show: setup.show, configFile: setup.show(join(root, CONFIG_FILE)) });
  for (const problem of resolved.problems) {
    const told = asBuildProblem(problem);
    if (told instanceof BantinError) setup.problems.push(told);
    else setup.warnings.push(told);
  }
  if (config.brokenLinks === 'warn') setup.brokenLinks += resolved.missing;
  const maker = new PhotoMaker(setup, work);
  const files = [...resolved.files.values()];
  // A few at a time: each holds a decoded photo, and sharp uses every core for each.
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(work.threads, files.length)) }, async () => {
    while (next < files.length) {
      work.signal?.throwIfAborted();
      await maker.make(files[next++]!);
    }
  });
  await Promise.all(lanes);
  const photos = new Map([...maker.recorded].map(([key, { photo }]) => [key, photo]));
  const defaults = { key: resolved.defaultKey, alt: config.images.defaultAlt ?? config.title };
  return { photos: SitePhotos.from(resolved.byArticle, photos, defaults), recorded: maker.recorded, encoded: maker.encoded, outputs: [...maker.outputs] };
}

/** Makes each picture once, and hands its files to the writer. */
class PhotoMaker {
  readonly recorded = new Map<string, RecordedPhoto>();
  readonly outputs = new Set<string>();
  encoded = 0;
  private readonly cache: PictureCache;
  private readonly making = new Map<string, Promise<StoredPicture | undefined>>();
  private readonly settings: string;

  constructor(private readonly setup: SiteSetup, private readonly work: PhotoWork) {
    this.cache = new PictureCache(pictureCacheDir(setup.paths.root));
    this.settings = settingsKey(setup.config!.images);
  }

  async make(file: PictureFile): Promise<void> {
    const stats = await stat(file.path).catch(() => undefined);
    const stamp = stats && fileStamp(stats);
    const known = this.work.recorded?.get(file.key);
    if (known && stamp !== undefined && known.stamp === stamp && this.keepAll(known.photo)) return this.done(file, known.photo, stamp);
    const bytes = await readPicture(file, this.setup.config!.limits.photoMB);
    if (bytes instanceof BantinError) return void this.setup.problems.push(bytes);
    const digest = createHash('sha1').update(this.settings).update('\0').update(bytes).digest('base64url');
    let making = this.making.get(digest);
    if (!making) this.making.set(digest, (making = this.stored(digest, bytes, file)));
    const stored = await making;
    if (!stored) return;
    const photo = photoOf(file.key, digest, stored, this.setup.config!.language);
    for (const made of [...stored.modern, ...stored.fallback]) {
      const path = photoPath(file.key, digest, made.name, this.setup.config!.language);
      this.outputs.add(path);
      if (this.work.writer.keep(path)) continue;
      const content = this.cache.bytes(digest, made.name) ?? this.fresh.get(`${digest}/${made.name}`);
      if (content) await this.work.writer.write(path, content);
    }
    this.done(file, photo, stamp);
  }

  /** Files just made, when the cache could not keep them. Let go when the build ends. */
  private readonly fresh = new Map<string, Uint8Array>();

  /** What was made of these bytes before, or made now. */
  private async stored(digest: string, bytes: Buffer, file: PictureFile): Promise<StoredPicture | undefined> {
    const cached = this.cache.load(digest);
    if (cached) return cached;
    try {
      const facts = await inspectPicture(bytes);
      const encoded = await encodePicture(bytes, facts, this.setup.config!.images);
      this.encoded++;
      const stored = storedOf(encoded);
      if (!this.cache.save(digest, encoded, stored)) for (const made of [...encoded.modern, ...encoded.fallback]) this.fresh.set(`${digest}/${made.name}`, made.bytes);
      return stored;
    } catch (error) {
      if (!(error instanceof PictureProblem)) throw error;
      this.setup.problems.push(new BantinError(msg('photo.problem', { file: file.displayPath, problem: error.detail }), file.at));
      return undefined;
    }
  }

  /** Keeps the files of a picture the last build wrote, if they are all still there. */
  private keepAll(photo: Photo): boolean {
    const paths = [...photo.modern, ...photo.fallback].map((made) => made.path);
    if (!paths.every((path) => this.work.writer.keep(path))) return false;
    for (const path of paths) this.outputs.add(path);
    return true;
  }

  private done(file: PictureFile, photo: Photo, stamp: string | undefined): void {
    this.recorded.set(file.key, stamp === undefined ? { photo } : { stamp, photo });
    const warning = photo.modern.length > 0 && oversized(file, photo, Math.max(...this.setup.config!.images.widths));
    if (warning) this.setup.warnings.push(located(warning));
  }
}

function photoOf(key: string, digest: string, stored: StoredPicture, language: Language): Photo {
  const files = (list: StoredPicture['modern']) => list.map((made) => ({ path: photoPath(key, digest, made.name, language), type: made.type, width: made.width, height: made.height, size: made.size }));
  return { key, digest, width: stored.width, height: stored.height, modern: files(stored.modern), fallback: files(stored.fallback) };
}
