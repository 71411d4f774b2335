// The photos made by earlier builds, in `.bantin-cache/images/<digest>/`: a picture whose bytes
// and settings were made once is never made again, whichever build, output folder or process.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Encoded, EncodedFile } from './encode.js';

/** What the cache keeps of a picture besides its files' bytes. */
export interface StoredPicture {
  width: number;
  height: number;
  modern: StoredFile[];
  fallback: StoredFile[];
}

export type StoredFile = Omit<EncodedFile, 'bytes'> & { size: number };

const INDEX = 'picture.json';

export class PictureCache {
  constructor(private readonly dir: string) {}

  /** What was made of these bytes and settings, if it is all still there. */
  load(digest: string): StoredPicture | undefined {
    try {
      return JSON.parse(readFileSync(join(this.folder(digest), INDEX), 'utf8')) as StoredPicture;
    } catch {
      return undefined;
    }
  }

  /** The bytes of one file made earlier; undefined when it was removed since. */
  bytes(digest: string, name: string): Buffer | undefined {
    try {
      return readFileSync(join(this.folder(digest), name));
    } catch {
      return undefined;
    }
  }

  /**
   * Keeps what was made; false when it could not (a read-only site folder), which costs the next
   * build time, nothing else.
   */
  save(digest: string, encoded: Encoded, stored: StoredPicture): boolean {
    const folder = this.folder(digest);
    try {
      mkdirSync(folder, { recursive: true });
      for (const file of [...encoded.modern, ...encoded.fallback]) writeFileSync(join(folder, file.name), file.bytes);
      // The index last, by a rename: a cache entry with an index has all its files.
      writeFileSync(join(folder, `${INDEX}.tmp`), JSON.stringify(stored));
      renameSync(join(folder, `${INDEX}.tmp`), join(folder, INDEX));
    } catch {
      return false;
    }
    return true;
  }

  private folder(digest: string): string {
    return join(this.dir, digest);
  }
}

/** What the cache keeps of what was made, besides the bytes. */
export function storedOf(encoded: Encoded): StoredPicture {
  return { width: encoded.width, height: encoded.height, modern: encoded.modern.map(withoutBytes), fallback: encoded.fallback.map(withoutBytes) };
}

function withoutBytes({ bytes, ...file }: EncodedFile): StoredFile {
  return { ...file, size: bytes.length };
}
