// The dependency record on disk: what `bantin build` leaves in `.bantin-cache/` for the next build
// of the same site and output folder. Two blobs: what the build was made with, then the record,
// read only when the next build is made with the same.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Article } from './content/article.js';
import { BuildCache } from './incremental.js';

const FORMAT = 12;

interface Head {
  format: number;
  environment: string;
}

/**
 * The record as lists side by side: each article file's path, stamp and card; each page's path
 * and key, how many reads it has and, one after another, its reads as places in the article list
 * (twice the place, plus one for a whole text, which come first).
 */
interface Saved {
  shape: string;
  paths: string[];
  stamps: (string | null)[];
  articles: Article[];
  pages: string[];
  keys: string[];
  readCounts: number[];
  reads: Int32Array;
  statics: string[];
  staticStamps: string[];
  /** Files of the output as the build left them. */
  files: string[];
}

/** Where the record of an output folder lives: `.bantin-cache/` in the site folder. */
export function diskCachePath(root: string, outDir: string): string {
  const name = createHash('sha1').update(outDir).digest('hex').slice(0, 12);
  return join(root, '.bantin-cache', `build-${name}.bin`);
}

/**
 * Reads the record a build of this environment left, with the files of its output; undefined
 * when there is none, it is damaged, or it was made with something else.
 */
export function loadRecord(path: string, environment: string): { record: BuildCache; files: Set<string> } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const [head, next] = readBlob(fd, 0);
    const { format, environment: madeWith } = deserialize(head) as Head;
    if (format !== FORMAT || madeWith !== environment) return undefined;
    return restore(deserialize(readBlob(fd, next)[0]) as Saved, environment);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function restore(saved: Saved, environment: string): { record: BuildCache; files: Set<string> } {
  const { paths, stamps, articles, pages, keys, readCounts, reads } = saved;
  if (stamps.length !== paths.length || articles.length !== paths.length || keys.length !== pages.length || readCounts.length !== pages.length) {
    throw new Error('a damaged record');
  }
  const record = new BuildCache();
  record.environment = environment;
  record.shape = saved.shape;
  paths.forEach((path, i) => record.articles.set(path, { ...(stamps[i] !== null && { stamp: stamps[i]! }), article: articles[i]! }));
  for (let i = 0, at = 0; i < pages.length; at += readCounts[i]!, i++) {
    const page = { key: keys[i]!, full: [] as string[], cards: [] as string[] };
    for (const place of reads.subarray(at, at + readCounts[i]!)) (place & 1 ? page.full : page.cards).push(articles[place >> 1]!.relativePath);
    record.pages.set(pages[i]!, page);
  }
  saved.statics.forEach((path, i) => record.statics.set(path, saved.staticStamps[i]!));
  return { record, files: new Set(saved.files) };
}

/** Writes the record beside the site; a failure to write it only costs the next build time. */
export async function saveRecord(path: string, record: BuildCache, files: Iterable<string>): Promise<void> {
  const paths = [...record.articles.keys()];
  const place = new Map(paths.map((file, i) => [file, i]));
  const entries = [...record.pages];
  const reads = entries.flatMap(([, page]) => [...page.full.map((file) => place.get(file)! * 2 + 1), ...page.cards.map((file) => place.get(file)! * 2)]);
  const saved: Saved = {
    shape: record.shape ?? '',
    paths,
    stamps: paths.map((file) => record.articles.get(file)!.stamp ?? null),
    articles: paths.map((file) => record.articles.get(file)!.article),
    pages: entries.map(([page]) => page),
    keys: entries.map(([, page]) => page.key),
    readCounts: entries.map(([, page]) => page.full.length + page.cards.length),
    reads: Int32Array.from(reads),
    statics: [...record.statics.keys()],
    staticStamps: [...record.statics.values()],
    files: [...files],
  };
  try {
    await mkdir(dirname(path), { recursive: true });
    const fd = openSync(`${path}.tmp`, 'w');
    try {
      writeBlob(fd, serialize({ format: FORMAT, environment: record.environment ?? '' } satisfies Head));
      writeBlob(fd, serialize(saved));
    } finally {
      closeSync(fd);
    }
    await rename(`${path}.tmp`, path);
  } catch {
    // A read-only site folder: builds stay correct, only slower.
  }
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
