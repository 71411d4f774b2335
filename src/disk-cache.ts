// The build cache on disk: what `bantin build` leaves in `.bantin-cache/` for the next build of
// the same site and output folder, written and read one blob at a time.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Article } from './content/article.js';
import { BuildCache } from './incremental.js';

/**
 * What a build leaves on disk for the next `bantin build` of the same site and output folder,
 * first: what the build was made with. The index and the articles follow, read only when the
 * next build is made with the same.
 */
interface Saved {
  format: number;
  environment: string;
  /** How many chunks of articles follow the index: each an array of `StoredCard`s. */
  chunks: number;
}

/**
 * The second blob of the file. Lists side by side rather than pairs: reading back 53,000 pairs
 * for 20,000 articles made as many small arrays, and took twice as long.
 */
interface SavedIndex {
  /** Every page's path, and its fingerprint at the same place in `prints`. */
  pages: string[];
  prints: string[];
  site: string;
  /** Every article file's relative path, with its stamp and digest at the same place in the next two. */
  sources: string[];
  stamps: string[];
  digests: string[];
  /** The files of the output folder as the build left it, but the pages (those are in `pages`). */
  otherFiles: string[];
  /** The shape of the site (see `siteShape`), or `''`. */
  shape: string;
  /**
   * The pages that show each article: its source path, how many pages at the same place in
   * `readerCounts`, and that many places in `pages`, one after another, in `readerPages`.
   */
  readerPaths: string[];
  readerCounts: number[];
  readerPages: number[];
}

const FORMAT = 11;

/** Where the build cache of an output folder lives: `.bantin-cache/` in the site folder. */
export function diskCachePath(root: string, outDir: string): string {
  const name = createHash('sha1').update(outDir).digest('hex').slice(0, 12);
  return join(root, '.bantin-cache', `build-${name}.bin`);
}

/** A cache read back from disk: articles come without HTML until a page needs it again. */
export class DiskCache extends BuildCache {
  /** Versions whose article must get its HTML back from its source before a page shows it. */
  readonly bodiless = new Set<string>();
  /** Files the previous build left in the output folder. */
  files = new Set<string>();

  /** Where the rest of the file is: read once the build knows it is made with the same environment. */
  private rest: { path: string; offset: number; chunks: number } | undefined;

  /**
   * The chunks of articles as read, where they are in the file and the versions each holds: a
   * chunk whose articles are all still there, in the same order, is copied as it was when saving.
   */
  private chunksRead: { offset: number; length: number; versions: string[] }[] = [];

  /** The file read was moved aside by `retire`, where `save` finds it. */
  private retired = false;

  /** The notes of which page shows which article, as read: made into `readers` only if asked. */
  private notes: Pick<SavedIndex, 'pages' | 'readerPaths' | 'readerCounts' | 'readerPages'> | undefined;

  override takeNotes(readers: Map<string, string[]> | undefined, shape: string | undefined): void {
    this.notes = undefined;
    super.takeNotes(readers, shape);
  }

  override notedReaders(): Map<string, string[]> | undefined {
    if (!this.readers && this.notes) {
      const { pages, readerPaths, readerCounts, readerPages } = this.notes;
      this.readers = new Map();
      for (let i = 0, at = 0; i < readerPaths.length; at += readerCounts[i]!, i++) {
        this.readers.set(readerPaths[i]!, readerPages.slice(at, at + readerCounts[i]!).map((page) => pages[page]!));
      }
    }
    return this.readers;
  }

  /**
   * Reads what the cached build was made with. The rest (hundreds of megabytes for a large site)
   * is read by `useEnvironment`, and only if this build is made with the same templates, settings
   * and bantin: a cache for others is never deserialized.
   */
  static async load(path: string): Promise<DiskCache> {
    const cache = new DiskCache();
    try {
      for (const [blob, next] of readBlobs(path)) {
        const head = deserialize(blob) as Saved;
        if (head.format === FORMAT) {
          cache.environment = head.environment;
          cache.rest = { path, offset: next, chunks: head.chunks };
        }
        break;
      }
    } catch {
      // No cache, or one from another version of bantin: the build starts afresh.
      return new DiskCache();
    }
    return cache;
  }

  /** Removes a saved cache: the next build starts afresh. */
  static async forget(path: string): Promise<void> {
    await Promise.all([rm(path, { force: true }), rm(retiredPath(path), { force: true })]);
  }

  /**
   * Moves the cache file aside while the output is being replaced: no build takes it for the
   * cache of the output any more, and `save` copies the chunks it still holds from there.
   */
  async retire(path: string): Promise<void> {
    try {
      await rename(path, retiredPath(path));
      this.retired = true;
    } catch {
      await rm(path, { force: true });
    }
  }

  /**
   * Writes the cache beside the site; a failure to write it only costs the next build time. The
   * articles go in chunks, each serialized and written in turn: the whole cache of a large site
   * is never one buffer in memory.
   */
  async save(path: string, files: Iterable<string>): Promise<void> {
    const articles = [...this.articles];
    const chunks = Math.ceil(articles.length / CHUNK);
    const head: Saved = { format: FORMAT, environment: this.environment ?? '', chunks };
    const otherFiles = [...files].filter((file) => !this.pages.has(file));
    const sources = [...this.articleFiles];
    const pages = [...this.pages.keys()];
    const index: SavedIndex = {
      pages,
      prints: [...this.pages.values()],
      site: this.site ?? '',
      sources: sources.map(([path]) => path),
      stamps: sources.map(([, { stamp }]) => stamp),
      digests: sources.map(([, { digest }]) => digest),
      otherFiles,
      shape: this.shape ?? '',
      ...this.savedNotes(pages),
    };
    let fd: number | undefined;
    // After one edit, all chunks but one hold the articles they held: their bytes are copied.
    const old = this.retired && this.chunksRead.length > 0 ? openRetired(path) : undefined;
    try {
      await mkdir(dirname(path), { recursive: true });
      fd = openSync(`${path}.tmp`, 'w');
      writeBlob(fd, serialize(head));
      writeBlob(fd, serialize(index));
      for (let i = 0; i < chunks; i++) {
        const chunk = articles.slice(i * CHUNK, (i + 1) * CHUNK);
        const read = this.chunksRead[i];
        const kept = old !== undefined && read && sameVersions(read.versions, chunk) ? readBytes(old, read.offset, read.length) : undefined;
        writeBlob(fd, kept ?? serialize(chunk.map(([, article]) => stored(article))));
      }
      closeSync(fd);
      fd = undefined;
      await rename(`${path}.tmp`, path);
    } catch {
      // Read-only site folder: builds stay correct, only slower.
      if (fd !== undefined) closeSync(fd);
    } finally {
      if (old !== undefined) closeSync(old);
      // Also one a killed build left: a build that read no cache moved none aside.
      await rm(retiredPath(path), { force: true });
    }
  }

  /**
   * The notes of which page shows which article, as lists of places in `pages`: the notes read,
   * as they were, when the pages are those read, in the same order (a rebuild that kept them).
   */
  private savedNotes(pages: readonly string[]): Pick<SavedIndex, 'readerPaths' | 'readerCounts' | 'readerPages'> {
    const notes = this.notes;
    if (!this.readers && notes && notes.pages.length === pages.length && notes.pages.every((page, i) => page === pages[i])) {
      const { readerPaths, readerCounts, readerPages } = notes;
      return { readerPaths, readerCounts, readerPages };
    }
    const readers = this.notedReaders();
    const place = new Map(pages.map((page, i) => [page, i]));
    const saved = { readerPaths: [] as string[], readerCounts: [] as number[], readerPages: [] as number[] };
    for (const [path, shown] of readers ?? []) {
      const places = shown.map((page) => place.get(page));
      // Notes of pages the cache does not hold (a build that did not finish) are not kept.
      if (places.some((at) => at === undefined)) return { readerPaths: [], readerCounts: [], readerPages: [] };
      saved.readerPaths.push(path);
      saved.readerCounts.push(places.length);
      for (const at of places) saved.readerPages.push(at!);
    }
    return saved;
  }

  override useEnvironment(environment: string): void {
    const rest = this.rest;
    this.rest = undefined;
    // A file cut off, or gone: the build starts afresh.
    if (rest && environment === this.environment && !this.readRest(rest)) this.environment = undefined;
    if (environment !== this.environment) {
      this.bodiless.clear();
      this.files.clear();
      this.chunksRead = [];
      this.notes = undefined;
    }
    super.useEnvironment(environment);
  }

  /** Reads the index and the articles; false if the file cannot be read whole. */
  private readRest({ path, offset, chunks }: NonNullable<DiskCache['rest']>): boolean {
    try {
      let index: SavedIndex | undefined;
      // One blob at a time: the whole file is never in memory.
      for (const [blob, next] of readBlobs(path, offset)) {
        if (!index) {
          index = deserialize(blob) as SavedIndex;
          continue;
        }
        const versions: string[] = [];
        for (const entry of deserialize(blob) as StoredCard[]) {
          const article = restored(entry);
          const version = article.version;
          this.articles.set(version, article);
          this.bodiless.add(version);
          versions.push(version);
        }
        this.chunksRead.push({ offset: next - blob.length, length: blob.length, versions });
      }
      if (!index || this.chunksRead.length !== chunks) throw new Error('a cut-off cache file');
      const { pages, prints, sources, stamps, digests, readerPaths, readerCounts, readerPages } = index;
      if (prints.length !== pages.length || stamps.length !== sources.length || digests.length !== sources.length) throw new Error('a damaged cache file');
      const noted = readerCounts.reduce((sum, count) => sum + count, 0);
      if (readerCounts.length !== readerPaths.length || noted !== readerPages.length || readerPages.some((at) => !(at >= 0 && at < pages.length))) {
        throw new Error('a damaged cache file');
      }
      this.pages = new Map();
      for (let i = 0; i < pages.length; i++) this.pages.set(pages[i]!, prints[i]!);
      this.site = index.site;
      // A cache without notes (a build on threads) has no shape either: its next edit takes the long way.
      if (index.shape !== '' && readerPaths.length > 0) {
        this.shape = index.shape;
        this.notes = { pages, readerPaths, readerCounts, readerPages };
      }
      this.articleFiles = new Map();
      for (let i = 0; i < sources.length; i++) this.articleFiles.set(sources[i]!, { stamp: stamps[i]!, digest: digests[i]! });
      // A page's path is one string, shared by the two.
      this.files = new Set(this.pages.keys());
      for (const file of index.otherFiles) this.files.add(file);
      return true;
    } catch {
      // What was read so far goes with the rest: `useEnvironment` starts the cache afresh.
      return false;
    }
  }
}

/** Articles per serialized chunk of the cache file. */
const CHUNK = 1000;

/** Where `retire` moves a cache file. */
function retiredPath(path: string): string {
  return `${path}.old`;
}

/** The retired cache file, opened; undefined if it is gone. */
function openRetired(path: string): number | undefined {
  try {
    return openSync(retiredPath(path), 'r');
  } catch {
    return undefined;
  }
}

function sameVersions(versions: readonly string[], chunk: readonly [string, Article][]): boolean {
  return versions.length === chunk.length && chunk.every(([version], i) => versions[i] === version);
}

/** `length` bytes at `offset`, or undefined if the file has fewer (then the chunk is serialized). */
function readBytes(fd: number, offset: number, length: number): Buffer | undefined {
  const bytes = Buffer.allocUnsafe(length);
  return fill(fd, bytes, offset) ? bytes : undefined;
}

/** Fills `buffer` from the file at `offset`; false if the file ends first. */
function fill(fd: number, buffer: Buffer, offset: number): boolean {
  for (let read = 0; read < buffer.length; ) {
    const more = readSync(fd, buffer, read, buffer.length - read, offset + read);
    if (more === 0) return false;
    read += more;
  }
  return true;
}

/** A length (4 bytes) and the blob. */
function writeBlob(fd: number, blob: Buffer): void {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(blob.length);
  writeSync(fd, length);
  writeSync(fd, blob);
}

/**
 * The blobs of a cache file from `offset`, in order, read one at a time, each with the offset of
 * the next. Throws on a file cut off in a blob (a build killed while saving, a full disk).
 */
export function* readBlobs(path: string, offset = 0): Generator<[blob: Buffer, next: number]> {
  const fd = openSync(path, 'r');
  try {
    const length = Buffer.alloc(4);
    for (let at = offset; ; ) {
      const got = readSync(fd, length, 0, 4, at);
      if (got === 0) return;
      if (got < 4) throw new Error('a cut-off cache file');
      const blob = Buffer.allocUnsafe(length.readUInt32LE(0));
      if (!fill(fd, blob, at + 4)) throw new Error('a cut-off cache file');
      at += 4 + blob.length;
      yield [blob, at];
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * An article as a chunk holds it: its fields but its HTML, and, as a bit each, which of its
 * front-matter values are the card's own (`SHARED`). The serializer would write those twice and
 * read them back as two strings: a third of the cards' memory and a quarter of the file.
 */
type StoredCard = [card: Article, shared: number];

/** Card fields that hold the front-matter value of the same name, unchanged, in most articles. */
const SHARED = ['title', 'author', 'summary', 'category', 'tags'] as const;

function stored(article: Article): StoredCard {
  const card = {} as Record<string, unknown>;
  // Read without computing a lazy HTML (a card read back from the cache has one).
  for (const key of Object.keys(article)) if (key !== 'html') card[key] = (article as unknown as Record<string, unknown>)[key];
  card.html = '';
  const data = { ...article.data };
  let shared = 0;
  SHARED.forEach((field, bit) => {
    if (Object.hasOwn(data, field) && same(data[field], article[field])) {
      // Left in place, so the front-matter keeps its order.
      data[field] = undefined;
      shared |= 1 << bit;
    }
  });
  card.data = data;
  return [card as unknown as Article, shared];
}

function restored([card, shared]: StoredCard): Article {
  SHARED.forEach((field, bit) => {
    if (shared & (1 << bit)) card.data[field] = card[field];
  });
  return card;
}

/** Equal texts, or lists of the same texts. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * Gives an article read back from the cache its HTML again, computed from its source the first
 * time a page needs it: most pages of an incremental build are never rendered, so most bodies
 * are never parsed.
 */
export function restoreBody(article: Article, body: () => string): void {
  let html: string | undefined;
  Object.defineProperty(article, 'html', {
    get: () => (html ??= body()),
    enumerable: false,
    configurable: true,
  });
}
