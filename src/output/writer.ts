// Writing: the only stage that changes the disk. A build goes to a staging folder that replaces
// the output folder only when every page is written, so a failed build leaves the old site whole.
import { mkdir, rename, rm, writeFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export interface Writer {
  /** Writes one file, `path` relative to the output root with `/` separators. */
  write(path: string, content: string | Uint8Array): Promise<void>;
  /** Makes everything written visible at once. */
  commit(): Promise<void>;
  /** Throws away everything written. */
  abort(): Promise<void>;
  /** Number of files written so far. */
  readonly count: number;
}

/** Keeps the output in memory: for tests and for tools that post-process pages. */
export class MemoryWriter implements Writer {
  readonly files = new Map<string, string | Uint8Array>();
  committed = false;

  get count(): number {
    return this.files.size;
  }

  async write(path: string, content: string | Uint8Array): Promise<void> {
    this.files.set(path, content);
  }

  async commit(): Promise<void> {
    this.committed = true;
  }

  async abort(): Promise<void> {
    this.files.clear();
  }

  /** A written file as text, or undefined. */
  text(path: string): string | undefined {
    const content = this.files.get(path);
    return content === undefined ? undefined : typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  }
}

/**
 * Writes into `.<name>.staging-<pid>` beside the output folder, then swaps it in by renaming
 * (both on one file system, so each rename is atomic).
 */
export class DiskWriter implements Writer {
  readonly outDir: string;
  private readonly staging: string;
  private readonly madeDirs = new Set<string>();
  private written = 0;

  constructor(outDir: string) {
    this.outDir = resolve(outDir);
    const name = basename(this.outDir);
    this.staging = join(dirname(this.outDir), `.${name}.staging-${process.pid}-${Date.now().toString(36)}`);
  }

  get count(): number {
    return this.written;
  }

  async write(path: string, content: string | Uint8Array): Promise<void> {
    const target = join(this.staging, path);
    if (!target.startsWith(this.staging + '/')) throw new Error(`refusing to write outside the output: ${path}`);
    const dir = dirname(target);
    if (!this.madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    await writeFile(target, content);
    this.written++;
  }

  async commit(): Promise<void> {
    await mkdir(this.staging, { recursive: true });
    const retired = `${this.staging}-old`;
    const hadOutput = await stat(this.outDir).then(() => true, () => false);
    if (hadOutput) await rename(this.outDir, retired);
    try {
      await rename(this.staging, this.outDir);
    } catch (error) {
      if (hadOutput) await rename(retired, this.outDir);
      throw error;
    }
    if (hadOutput) await rm(retired, { recursive: true, force: true });
  }

  async abort(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
  }
}
