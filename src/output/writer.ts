// Writing: the only stage that changes the disk. A build goes to a staging folder that replaces
// the output folder only when every page is written, so a failed build leaves the old site whole.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { BantinError } from '../errors.js';
import { diskProblem } from './disk-errors.js';
import { lockOutput, type OutputLock } from './lock.js';
import { outputPathProblem } from './paths.js';
import { recoverStaleBuilds, removeFolder, stagingPrefix } from './stale.js';

export interface Writer {
  /** Writes one file, `path` relative to the output root with `/` separators. */
  write(path: string, content: string | Uint8Array): Promise<void>;
  /** Makes everything written visible at once. */
  commit(): Promise<void>;
  /** Throws away everything written. */
  abort(): Promise<void>;
  /** Number of files written so far. */
  readonly count: number;
  /**
   * Keeps the file the previous build wrote at `path`, unchanged, if this writer can; an
   * incremental build then skips rendering it. Returns whether it did.
   */
  keep?(path: string): boolean;
  /** Keeps the previous build's file at `path` if it has exactly these bytes; returns whether it did. */
  keepIfSame?(path: string, content: string | Uint8Array): boolean;
}

/** Keeps the output in memory: for tests and for tools that post-process pages. */
export class MemoryWriter implements Writer {
  readonly files = new Map<string, string | Uint8Array>();
  committed = false;

  get count(): number {
    return this.files.size;
  }

  async write(path: string, content: string | Uint8Array): Promise<void> {
    checkOutputPath(path);
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
 * Writes into `.<name>.staging-<pid>-<time>` beside the output folder, then swaps it in by
 * renaming (both on one file system, so each rename is atomic). Holds `.<name>.lock` from the
 * first write to the end, and cleans up after killed builds when it takes the lock.
 */
export class DiskWriter implements Writer {
  readonly outDir: string;
  private readonly staging: string;
  private readonly shownOutDir: string;
  private readonly madeDirs = new Set<string>();
  private written = 0;
  private lock: Promise<OutputLock> | undefined;

  private readonly heldLock: OutputLock | undefined;

  /**
   * `shownOutDir`: the output folder as the user knows it, for messages. `lock`: the output's
   * lock, when the build took it itself before anything else (it then releases it too).
   */
  constructor(outDir: string, options: { shownOutDir?: string; lock?: OutputLock } = {}) {
    this.outDir = resolve(outDir);
    this.shownOutDir = options.shownOutDir ?? this.outDir;
    this.heldLock = options.lock;
    this.staging = join(dirname(this.outDir), `${stagingPrefix(this.outDir)}${process.pid}-${Date.now().toString(36)}`);
  }

  /** Locks the output and clears what killed builds left, once, before the first write. */
  private prepare(): Promise<OutputLock> {
    this.lock ??= (async () => {
      await this.disk('creating the folder that holds the site', () => mkdir(dirname(this.outDir), { recursive: true }));
      const lock = this.heldLock ?? (await this.disk('locking the output folder', () => lockOutput(this.outDir, this.shownOutDir)));
      try {
        await this.disk('removing what an interrupted build left', () => recoverStaleBuilds(this.outDir));
        await this.disk('creating the staging folder', () => mkdir(this.staging, { recursive: true }));
      } catch (error) {
        if (!this.heldLock) await lock.release();
        throw error;
      }
      return lock;
    })();
    return this.lock;
  }

  /** Runs one disk operation, turning a failure a user can act on into a BantinError. */
  private async disk<T>(doing: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw diskProblem(error, doing, this.shownOutDir);
    }
  }

  get count(): number {
    return this.written;
  }

  /**
   * The staging folder, locked and ready, for worker threads that write pages into it
   * themselves; they report the paths they wrote with `adopt`.
   */
  async stagingDirectory(): Promise<string> {
    await this.prepare();
    return this.staging;
  }

  /** Counts files that worker threads wrote into the staging folder. */
  adopt(paths: readonly string[]): void {
    for (const path of paths) checkOutputPath(path);
    this.written += paths.length;
  }

  async write(path: string, content: string | Uint8Array): Promise<void> {
    checkOutputPath(path);
    const target = join(this.staging, path);
    if (!target.startsWith(this.staging + '/')) throw new Error(`refusing to write outside the output: ${path}`);
    await this.prepare();
    // Synchronously: thousands of small files are written several times as fast so as awaited one
    // by one, each a round trip to libuv's thread pool (measured: 0.8 s of 1.8 s idle for 1,000 articles).
    await this.disk(`writing ${path}`, async () => {
      // Remembered by the page's own path, cut short: the folder's full name would be a new
      // string for every page of the site.
      const folder = path.slice(0, path.lastIndexOf('/') + 1);
      if (!this.madeDirs.has(folder)) {
        mkdirSync(dirname(target), { recursive: true });
        this.madeDirs.add(folder);
      }
      writeFileSync(target, content);
    });
    this.written++;
  }

  async commit(): Promise<void> {
    const lock = await this.prepare();
    try {
      const retired = `${this.staging}-old`;
      const hadOutput = await stat(this.outDir).then(() => true, () => false);
      await this.disk(`moving the previous site aside`, async () => {
        if (hadOutput) await rename(this.outDir, retired);
      });
      await this.disk(`moving the new site into place`, async () => {
        try {
          await rename(this.staging, this.outDir);
        } catch (error) {
          if (hadOutput) await rename(retired, this.outDir);
          throw error;
        }
      });
      if (hadOutput) removeFolder(retired);
    } finally {
      if (!this.heldLock) await lock.release();
    }
  }

  async abort(): Promise<void> {
    // Not `removeFolder`: a stopped build gives way to a second Ctrl-C while it cleans up.
    await rm(this.staging, { recursive: true, force: true });
    const lock = await this.lock?.catch(() => undefined);
    if (!this.heldLock) await lock?.release();
  }
}

function checkOutputPath(path: string): void {
  const problem = outputPathProblem(path);
  if (problem) {
    throw new BantinError(`bantin will not write the file ${JSON.stringify(path)}: ${problem}, so it could land outside the output folder.`, {
      file: path,
    });
  }
}
