// Article HTML a worker thread keeps until it renders the page: in a temporary file, not in memory,
// so a large site's texts never sit in the heap all at once (and the collector has less to walk).
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

export class Spool {
  /** The article, its HTML moved to this spool and read back whenever a page shows it. */
  hold<T extends { html: string }>(article: T): T {
    const slot = this.put(article.html);
    Object.defineProperty(article, 'html', { get: () => this.get(slot), enumerable: false, configurable: true });
    return article;
  }

  private end = 0;
  /** Reused for every text, so that no buffer is made per article. */
  private scratch = Buffer.allocUnsafe(1 << 16);

  /** `fd`: a file from `openSpoolFile`. */
  constructor(private readonly fd: number) {}

  /** Appends a text; returns where it is. */
  put(text: string): SpoolSlot {
    // UTF-16 as V8 holds the text: copied both ways, not transcoded (ten times as fast as UTF-8).
    if (this.scratch.length < text.length * 2) this.scratch = Buffer.allocUnsafe(text.length * 4);
    const length = this.scratch.write(text, 'utf16le');
    writeSync(this.fd, this.scratch, 0, length, this.end);
    const slot = { offset: this.end, length };
    this.end += length;
    return slot;
  }

  /** Closes the file, for a spool that owns it (a worker's belongs to the pool). */
  close(): void {
    closeSync(this.fd);
  }

  get(slot: SpoolSlot): string {
    const bytes = Buffer.allocUnsafe(slot.length);
    let read = 0;
    while (read < slot.length) read += readSync(this.fd, bytes, read, slot.length - read, slot.offset + read);
    return bytes.toString('utf16le');
  }
}
