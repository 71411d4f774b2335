// The dependency record on disk: what `bantin build` leaves in `.bantin-cache/` for the next build
// of the same site and output folder. Blobs one after another: a head (what the build was made
// with, the stamps of what it read, the files it wrote), then the page records, then the cards in
// runs, read only when the head shows that something changed.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Article } from './content/article.js';
import type { Photo } from './images/photos.js';
import type { Remembered } from './content/load.js';
import { BuildCache, type BuildSummary, type RecordHead } from './incremental.js';

const FORMAT = 19;

/**
 * What the build was made with, and what it read and wrote: enough for the next build to see
 * that nothing changed without reading the cards and page records that follow.
 */
interface Head {
  format: number;
  environment: string;
  /** Each article file's path, stamp and digest. */
  paths: string[];
  stamps: (string | null)[];
  digests: string[];
  statics: string[];
  staticStamps: string[];
  /** Each picture's key and stamp (see `BuildCache.images`). */
  imageKeys: string[];
  imageStamps: (string | null)[];
  summary: BuildSummary | null;
  /** Files of the output as the build left them. */
  files: string[];
}

/**
 * The rest, as lists side by side: each article's card, in the order of the head's paths; each
 * page's path and key, how many reads it has and, one after another, its reads as places in the
 * article list (twice the place, plus one for a whole text, which come first).
 */
interface Body {
  shape: string;
  /** How many blobs of cards follow this one: `CARDS_PER_BLOB` cards each, serialized on their own (see `cardBlobs`). */
  cardBlobs: number;
  pages: string[];
  keys: string[];
  readCounts: number[];
  reads: Int32Array;
  /** Each picture's photo, in the order of the head's keys; each page's pictures, as places in that list. */
  photos: Photo[];
  imageReadCounts: number[];
  imageReads: Int32Array;
  /** The places of the pages that read every text (see `PageRecord.everyText`). */
  everyText: number[];
  /** Each search index file's name and words (see `SearchWords`): the directory is made of them. */
  searchFiles: string[];
  searchWords: string[];
}

/** A record read from disk as far as its head; `body()` reads the rest. */
export interface RecordOnDisk {
  environment: string;
  head: RecordHead;
  /** The files of the output the last build left. */
  files: Set<string>;
  /** The whole record; undefined when its body is damaged. */
  body(): BuildCache | undefined;
}

/** Where the record of an output folder lives: `.bantin-cache/` in the site folder. */
export function diskCachePath(root: string, outDir: string): string {
  const name = createHash('sha1').update(outDir).digest('hex').slice(0, 12);
  return join(root, '.bantin-cache', `build-${name}.bin`);
}

/**
 * Reads the head of the record a build of this environment left; undefined when there is none,
 * it is damaged, or it was made with something else.
 */
export function loadRecord(path: string, environment: string): RecordOnDisk | undefined {
  try {
    return withFile(path, (fd) => {
      const [blob, next] = readBlob(fd, 0);
      const head = deserialize(blob) as Head;
      if (head.format !== FORMAT || head.environment !== environment || head.stamps.length !== head.paths.length || head.digests.length !== head.paths.length) return undefined;
      const remembered = new Map<string, Remembered>();
      head.paths.forEach((file, i) => head.stamps[i] !== null && remembered.set(file, { stamp: head.stamps[i]!, digest: head.digests[i]! }));
      const statics = new Map(head.statics.map((file, i) => [file, head.staticStamps[i]!]));
      const pictures = new Map(head.imageKeys.map((key, i) => [key, head.imageStamps[i] ?? undefined]));
      const summary = head.summary ?? undefined;
      return {
        environment,
        head: { remembered: () => remembered, statics, summary, pictureStamps: () => pictures },
        files: new Set(head.files),
        body: () => {
          try {
            return withFile(path, (again) => {
              const [blob, after] = readBlob(again, next);
              const body = deserialize(blob) as Body;
              return restore(head, body, readBlobs(again, after, body.cardBlobs));
            });
          } catch {
            return undefined;
          }
        },
      };
    });
  } catch {
    return undefined;
  }
}

function restore(head: Head, body: Body, cards: readonly Buffer[]): BuildCache {
  const { paths, stamps } = head;
  const { pages, keys, readCounts, reads, imageReadCounts, imageReads } = body;
  const runs = cards.map((bytes) => ({ bytes, articles: deserialize(bytes) as Article[] }));
  const articles = runs.flatMap((run) => run.articles);
  if (articles.length !== paths.length || keys.length !== pages.length || readCounts.length !== pages.length || imageReadCounts.length !== pages.length || body.photos.length !== head.imageKeys.length || body.searchWords.length !== body.searchFiles.length) throw new Error('a damaged record');
  const record = new BuildCache();
  record.environment = head.environment;
  record.shape = body.shape;
  record.summary = head.summary ?? undefined;
  paths.forEach((path, i) => record.articles.set(path, { ...(stamps[i] !== null && { stamp: stamps[i]! }), article: articles[i]! }));
  for (let i = 0, at = 0, imageAt = 0; i < pages.length; at += readCounts[i]!, imageAt += imageReadCounts[i]!, i++) {
    const page = { key: keys[i]!, full: [] as string[], cards: [] as string[], images: [] as string[] };
    for (const place of reads.subarray(at, at + readCounts[i]!)) (place & 1 ? page.full : page.cards).push(articles[place >> 1]!.relativePath);
    for (const place of imageReads.subarray(imageAt, imageAt + imageReadCounts[i]!)) page.images.push(head.imageKeys[place]!);
    record.pages.set(pages[i]!, page);
  }
  for (const i of body.everyText) record.pages.get(pages[i]!)!.everyText = true;
  record.searchWords = new Map(body.searchFiles.map((file, i) => [file, body.searchWords[i]!]));
  savedCards.set(record, runs);
  head.statics.forEach((path, i) => record.statics.set(path, head.staticStamps[i]!));
  head.imageKeys.forEach((key, i) => record.images.set(key, { ...(head.imageStamps[i] !== null && { stamp: head.imageStamps[i]! }), photo: body.photos[i]! }));
  return record;
}

function withFile<T>(path: string, use: (fd: number) => T): T {
  const fd = openSync(path, 'r');
  try {
    return use(fd);
  } finally {
    closeSync(fd);
  }
}

/** Where the last build published an article file: its address and the slug that made it. */
export interface PublishedAddress {
  url: string;
  slug: string;
  /** The file as the user knows it. */
  sourcePath: string;
}

/**
 * The address of every article the last build of this output published, by file, whatever it was
 * built with: after an upgrade of bantin or a change of bantin.yaml too. Empty without a record.
 */
export function lastAddresses(path: string): Map<string, PublishedAddress> {
  const addresses = new Map<string, PublishedAddress>();
  try {
    withFile(path, (fd) => {
      const [blob, next] = readBlob(fd, 0);
      const head = deserialize(blob) as Partial<Head>;
      // The files' paths are in the head, or (in records before format 13) beside the cards.
      const [bodyBlob, after] = readBlob(fd, next);
      const body = deserialize(bodyBlob) as Partial<Body> & { paths?: string[]; articles?: Article[] };
      const pages = new Set(body.pages ?? []);
      // The cards in blobs of their own, or (in records before format 19) in the body.
      const articles = body.articles ?? readBlobs(fd, after, body.cardBlobs ?? 0).flatMap((bytes) => deserialize(bytes) as Article[]);
      (head.paths ?? body.paths ?? []).forEach((file, i) => {
        const article = articles?.[i];
        if (typeof article?.url === 'string' && pages.has(article.outputPath)) addresses.set(file, { url: article.url, slug: article.slug, sourcePath: article.sourcePath });
      });
    });
  } catch {
    // No record, or one this bantin cannot read: nothing to compare with.
  }
  return addresses;
}

/** Writes the record beside the site; a failure to write it only costs the next build time. */
export async function saveRecord(path: string, record: BuildCache, files: Iterable<string>): Promise<void> {
  const paths = [...record.articles.keys()];
  const place = new Map(paths.map((file, i) => [file, i]));
  const entries = [...record.pages];
  const reads = entries.flatMap(([, page]) => [...page.full.map((file) => place.get(file)! * 2 + 1), ...page.cards.map((file) => place.get(file)! * 2)]);
  const imageKeys = [...record.images.keys()];
  const imagePlace = new Map(imageKeys.map((key, i) => [key, i]));
  const imagePlaces = entries.map(([, page]) => page.images.map((key) => imagePlace.get(key)).filter((at) => at !== undefined));
  const head: Head = {
    format: FORMAT,
    environment: record.environment ?? '',
    paths,
    stamps: paths.map((file) => record.articles.get(file)!.stamp ?? null),
    digests: paths.map((file) => record.articles.get(file)!.article.version),
    statics: [...record.statics.keys()],
    staticStamps: [...record.statics.values()],
    imageKeys,
    imageStamps: imageKeys.map((key) => record.images.get(key)!.stamp ?? null),
    summary: record.summary ?? null,
    files: [...files],
  };
  const cards = cardBlobs(record, paths.map((file) => record.articles.get(file)!.article));
  const body: Body = {
    shape: record.shape ?? '',
    cardBlobs: cards.length,
    pages: entries.map(([page]) => page),
    keys: entries.map(([, page]) => page.key),
    readCounts: entries.map(([, page]) => page.full.length + page.cards.length),
    reads: Int32Array.from(reads),
    photos: imageKeys.map((key) => record.images.get(key)!.photo),
    imageReadCounts: imagePlaces.map((places) => places.length),
    imageReads: Int32Array.from(imagePlaces.flat()),
    everyText: entries.flatMap(([, page], i) => (page.everyText ? [i] : [])),
    searchFiles: [...record.searchWords.keys()],
    searchWords: [...record.searchWords.values()],
  };
  try {
    await mkdir(dirname(path), { recursive: true });
    const fd = openSync(`${path}.tmp`, 'w');
    try {
      writeBlob(fd, serialize(head));
      writeBlob(fd, serialize(body));
      for (const blob of cards) writeBlob(fd, blob);
    } finally {
      closeSync(fd);
    }
    await rename(`${path}.tmp`, path);
  } catch {
    // A read-only site folder: builds stay correct, only slower.
  }
}

/** Cards a blob holds: an edit serializes its article's run again, the other runs are written as they were read. */
const CARDS_PER_BLOB = 500;

/** The runs of cards each record was read from, with their bytes. */
const savedCards = new WeakMap<BuildCache, CardRun[]>();

interface CardRun {
  articles: readonly Article[];
  bytes: Buffer;
}

/** The record's cards in runs, each serialized, or its bytes as read when it holds the very cards it held then. */
function cardBlobs(record: BuildCache, articles: readonly Article[]): Buffer[] {
  const read = savedCards.get(record) ?? [];
  const runs: CardRun[] = [];
  for (let from = 0, i = 0; from < articles.length; from += CARDS_PER_BLOB, i++) {
    const run = articles.slice(from, from + CARDS_PER_BLOB);
    const before = read[i];
    const same = before !== undefined && before.articles.length === run.length && run.every((article, at) => article === before.articles[at]);
    runs.push(same ? before : { articles: run, bytes: serialize(run) });
  }
  savedCards.set(record, runs);
  return runs.map((run) => run.bytes);
}

/** Removes a saved record: the next build starts afresh. */
export async function forgetRecord(path: string): Promise<void> {
  await rm(path, { force: true });
}

/** A length (4 bytes) and the blob. */
function writeBlob(fd: number, blob: Buffer): void {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(blob.length);
  writeSync(fd, length);
  writeSync(fd, blob);
}

/** The `count` blobs from `at` on. */
function readBlobs(fd: number, at: number, count: number): Buffer[] {
  const blobs: Buffer[] = [];
  for (let i = 0, next = at; i < count; i++) [blobs[i], next] = readBlob(fd, next);
  return blobs;
}

/** The blob at `at`, and where the next starts; throws on a file cut off (a build killed while saving, a full disk). */
function readBlob(fd: number, at: number): [Buffer, number] {
  const length = Buffer.alloc(4);
  if (readSync(fd, length, 0, 4, at) < 4) throw new Error('a cut-off record');
  const blob = Buffer.allocUnsafe(length.readUInt32LE(0));
  for (let read = 0; read < blob.length; ) {
    const more = readSync(fd, blob, read, blob.length - read, at + 4 + read);
    if (more === 0) throw new Error('a cut-off record');
    read += more;
  }
  return [blob, at + 4 + blob.length];
}
