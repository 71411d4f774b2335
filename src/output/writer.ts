// Writing: the only stage that changes the disk. Files go to a staging folder beside the output,
// and only a build that succeeded puts them in place: a failed build leaves the old site whole.
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { BantinError } from '../errors.js';
import { diskProblem } from './disk-errors.js';
import { lockOutput, type OutputLock } from './lock.js';
import { outputPathProblem } from './paths.js';
import { recoverStaleBuilds, removeFolder, stagingPrefix } from './stale.js';
import { msg, type Message } from '../messages/index.js';

export interface Writer {
  /** Writes one file, `path` relative to the output root with `/` separators, unless it has these bytes already. */
  write(path: string, content: string | Uint8Array): Promise<void>;
  /** Keeps the file the last build wrote at `path` as it is; false if there is none to keep. */
  keep(path: string): boolean;
  /** Keeps every file the last build left; false if it knows of none, or one is missing. */
  keepAll(): boolean;
  /** Makes everything written visible at once. */
  commit(): Promise<void>;
  /** Throws away everything written. */
  abort(): Promise<void>;
  /** Files in the site as this build leaves it. */
  readonly count: number;
  /** Of those, the files this build wrote anew (the others were kept as they were). */
  readonly changed: number;
}

/** Why bantin refuses to write a file: one check for every writer. */
export function checkOutputPath(path: string): void {
  const problem = outputPathProblem(path);
  if (problem) {
    throw new BantinError(msg('output.unsafePath', { path: JSON.stringify(path), problem }), {
      file: path,
    });
  }
}

/** Keeps the output in memory: for tests and for tools that post-process pages. */
export class MemoryWriter implements Writer {
  readonly files = new Map<string, string | Uint8Array>();
  committed = false;

  get count(): number {
    return this.files.size;
  }

  get changed(): number {
    return this.files.size;
  }

  async write(path: string, content: string | Uint8Array): Promise<void> {
    checkOutputPath(path);
    this.files.set(path, content);
  }

  keep(): boolean {
    return false;
  }

  keepAll(): boolean {
    return false;
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

export interface DiskWriterOptions {
  /** The output folder as the user knows it, for messages. */
  shownOutDir?: string;
  /** The output's lock, when the build took it itself (it then releases it too). */
  lock?: OutputLock;
  /**
   * Every file the last build left in the output folder, when this build updates it: files with
   * the same bytes are kept, the others replaced, and those this build does not make removed.
   * Without it the new site is staged whole and swapped in by renaming the folder.
   */
  previous?: ReadonlySet<string>;
}

/**
 * Writes into `.<name>.staging-<pid>-<time>` beside the output folder (both on one file system,
 * so each rename is atomic), then swaps it in: the whole folder for a new site, changed files
 * one by one for an update. Holds `.<name>.lock` from the first write to the end, and cleans up
 * after killed builds when it takes the lock.
 */
export class DiskWriter implements Writer {
  readonly outDir: string;
  private readonly staging: string;
  private readonly shownOutDir: string;
  private readonly previous: ReadonlySet<string> | undefined;
  private readonly madeDirs = new Set<string>();
  private readonly staged = new Set<string>();
  private readonly kept = new Set<string>();
  private lock: Promise<OutputLock> | undefined;
  private readonly heldLock: OutputLock | undefined;

  constructor(outDir: string, options: DiskWriterOptions = {}) {
    this.outDir = resolve(outDir);
    this.shownOutDir = options.shownOutDir ?? this.outDir;
    this.heldLock = options.lock;
    this.previous = options.previous;
    this.staging = join(dirname(this.outDir), `${stagingPrefix(this.outDir)}${process.pid}-${Date.now().toString(36)}`);
  }

  get count(): number {
    return this.staged.size + this.kept.size;
  }

  get changed(): number {
    return this.staged.size;
  }

  /** Every file of the site as this build leaves it. */
  files(): string[] {
    return [...this.kept, ...this.staged];
  }

  keep(path: string): boolean {
    // A file removed from the output since (by hand) is written again.
    // The path was checked when it was planned: no need for `join` to normalise it (tens of thousands of times).
    if (!this.previous?.has(path) || !existsSync(this.outDir + sep + path)) return false;
    this.kept.add(path);
    return true;
  }

  keepAll(): boolean {
    if (!this.previous) return false;
    for (const path of this.previous) if (!this.keep(path)) return false;
    return true;
  }

  async write(path: string, content: string | Uint8Array): Promise<void> {
    checkOutputPath(path);
    if (this.previous?.has(path) && sameBytes(join(this.outDir, path), content) && this.keep(path)) return;
    await this.prepare();
    await this.disk(msg('doing.writing', { path }), () => {
      const target = join(this.staging, path);
      // Synchronously: thousands of small files are written several times as fast so.
      const folder = path.slice(0, path.lastIndexOf('/') + 1);
      if (!this.madeDirs.has(folder)) {
        mkdirSync(dirname(target), { recursive: true });
        this.madeDirs.add(folder);
      }
      writeFileSync(target, content);
    });
    this.staged.add(path);
  }

  async commit(): Promise<void> {
    const lock = await this.prepare();
    try {
      if (this.previous) await this.replaceChanged();
      else await this.swapFolder();
    } finally {
      if (!this.heldLock) await lock.release();
    }
  }

  async abort(): Promise<void> {
    rmSync(this.staging, { recursive: true, force: true });
    const lock = await this.lock?.catch(() => undefined);
    if (!this.heldLock) await lock?.release();
  }

  /** A new site: the staging folder takes the output's place. */
  private async swapFolder(): Promise<void> {
    const retired = `${this.staging}-old`;
    const hadOutput = await stat(this.outDir).then(() => true, () => false);
    await this.disk(msg('doing.asideOld'), () => hadOutput && renameSync(this.outDir, retired));
    await this.disk(msg('doing.placeNew'), async () => {
      try {
        await rename(this.staging, this.outDir);
      } catch (error) {
        if (hadOutput) await rename(retired, this.outDir);
        throw error;
      }
    });
    if (hadOutput) removeFolder(retired);
  }

  /** An update: changed files are moved into place, and files the site no longer has removed. */
  private async replaceChanged(): Promise<void> {
    const partly = msg('disk.partly', { dir: this.shownOutDir });
    await this.disk(msg('doing.replacing'), () => {
      for (const path of this.staged) {
        const target = join(this.outDir, path);
        mkdirSync(dirname(target), { recursive: true });
        renameSync(join(this.staging, path), target);
      }
      for (const path of this.previous!) {
        if (!this.staged.has(path) && !this.kept.has(path)) removeWithEmptyFolders(this.outDir, path);
      }
    }, partly);
    rmSync(this.staging, { recursive: true, force: true });
  }

  /** Locks the output and clears what killed builds left, once, before the first write. */
  private prepare(): Promise<OutputLock> {
    this.lock ??= (async () => {
      await this.disk(msg('doing.creatingParent'), () => mkdir(dirname(this.outDir), { recursive: true }));
      const lock = this.heldLock ?? (await this.disk(msg('doing.locking'), () => lockOutput(this.outDir, this.shownOutDir)));
      try {
        await this.disk(msg('doing.recovering'), () => recoverStaleBuilds(this.outDir));
        await this.disk(msg('doing.staging'), () => mkdirSync(this.staging, { recursive: true }));
      } catch (error) {
        if (!this.heldLock) await lock.release();
        throw error;
      }
      return lock;
    })();
    return this.lock;
  }

  /**
   * Runs one disk operation, turning a failure a user can act on into a BantinError; `outcome`
   * says what the failure leaves behind, when not the previous site unchanged.
   */
  private async disk<T>(doing: Message, work: () => T | Promise<T>, outcome?: Message): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw diskProblem(error, doing, this.shownOutDir, outcome);
    }
  }
}

/** Whether the file at `path` holds exactly `content`. */
function sameBytes(path: string, content: string | Uint8Array): boolean {
  try {
    return readFileSync(path).equals(typeof content === 'string' ? Buffer.from(content) : content);
  } catch {
    return false;
  }
}

/** Removes a file of the site, and the folders it leaves empty (a deleted article's `slug/`). */
function removeWithEmptyFolders(outDir: string, path: string): void {
  rmSync(join(outDir, path), { force: true });
  for (let dir = dirname(path); dir !== '.' && dir !== ''; dir = dirname(dir)) {
    try {
      rmdirSync(join(outDir, dir));
    } catch {
      return; // Not empty, or already gone.
    }
  }
}
