// Article HTML a whole build keeps until it renders the page (on one thread, or in each worker of
// `--threads`): in a temporary file, not in memory, so a large site's texts never sit in the heap
// all at once (and the collector has less to walk).
import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SpoolSlot {
  offset: number;
  length: number;
}

/**
 * Opens a temporary file for a spool and returns its descriptor. The file is unnamed at once: it
 * lives while the descriptor is open and vanishes when it is closed or the process ends, even
 * killed. Descriptors belong to the process, not to a thread: whoever opens one closes it.
 */
export function openSpoolFile(): number {
  const dir = mkdtempSync(join(tmpdir(), 'bantin-spool-'));
  const path = join(dir, 'html');
  const fd = openSync(path, 'w+');
  unlinkSync(path);
  rmdirSync(dir);
  return fd;
}

/** Where a held article keeps its place in the spool: hidden from spreads, keys and the cache. */
const SLOT = Symbol('spool slot');

export class Spool {
  private end = 0;
  /** Reused for every text, so that no buffer is made per article. */
  private scratch = Buffer.allocUnsafe(1 << 16);

  /**
   * One getter for every held article: objects that share it keep one shape and V8's fast
   * properties (a getter of its own per object, or a data property redefined as a getter, puts
   * each object in dictionary mode: twice the memory, and slower for every template to read).
   */
  private readonly read: (this: object) => string;

  /** Whether this spool opened its file itself, and so closes it. */
  private owned = false;

  /** `fd`: a file from `openSpoolFile` that someone else closes; else the spool opens one when first used. */
  constructor(private fd?: number) {
    const spool = this;
    this.read = function (this: object) {
      return spool.get((this as Record<typeof SLOT, SpoolSlot>)[SLOT]);
    };
  }

  /** A copy of the article whose HTML is in this spool, read back whenever a page shows it. */
  hold<T extends { html: string }>(article: T): T {
    const { html, ...card } = article;
    Object.defineProperty(card, SLOT, { value: this.put(html), enumerable: false });
    Object.defineProperty(card, 'html', { get: this.read, enumerable: false, configurable: true });
    return card as unknown as T;
  }

  /** Appends a text; returns where it is. */
  put(text: string): SpoolSlot {
    // UTF-16 as V8 holds the text: copied both ways, not transcoded (ten times as fast as UTF-8).
    if (this.scratch.length < text.length * 2) this.scratch = Buffer.allocUnsafe(text.length * 4);
    const length = this.scratch.write(text, 'utf16le');
    if (this.fd === undefined) {
      this.fd = openSpoolFile();
      this.owned = true;
    }
    writeSync(this.fd, this.scratch, 0, length, this.end);
    const slot = { offset: this.end, length };
    this.end += length;
    return slot;
  }

  /** Closes the file if the spool opened it (a worker's belongs to the pool). */
  close(): void {
    if (this.owned && this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.owned = false;
  }

  get(slot: SpoolSlot): string {
    const bytes = Buffer.allocUnsafe(slot.length);
    let read = 0;
    while (read < slot.length) read += readSync(this.fd!, bytes, read, slot.length - read, slot.offset + read);
    return bytes.toString('utf16le');
  }
}
