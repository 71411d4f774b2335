// Writing an incremental build: only the pages that changed are replaced, in place, at the end.
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { diskProblem } from './disk-errors.js';
import { lockOutput, type OutputLock } from './lock.js';
import { outputPathProblem } from './paths.js';
import { recoverStaleBuilds, stagingPrefix } from './stale.js';
import type { Writer } from './writer.js';

/**
 * Updates an existing output folder. New and changed files are written into a staging folder
 * beside it while the build renders; only when the whole build has succeeded are they renamed
 * into place and the files that no longer belong to the site removed. A failed or stopped build
 * leaves the output as it was. A build killed during those final renames (milliseconds, a few
 * files) can leave some pages new and some old; the next build puts that right.
 */
export class InPlaceWriter implements Writer {
  readonly outDir: string;
  private readonly staging: string;
  private readonly pending = new Set<string>();
  private readonly kept = new Set<string>();
  private readonly madeDirs = new Set<string>();
  private lock: Promise<OutputLock> | undefined;

  /**
   * `previous`: every file the last build wrote, which this one may keep. `lock`: the output's
   * lock, when the build took it itself before reading its cache (it then releases it too).
   */
  constructor(
    outDir: string,
    private readonly previous: ReadonlySet<string>,
    private readonly shownOutDir: string = outDir,
    private readonly heldLock?: OutputLock,
    /** Known to hold every file of `previous` (see `compareWithLastBuild`): not looked for one by one. */
    private readonly intact = false,
  ) {
    this.outDir = resolve(outDir);
    this.staging = join(dirname(this.outDir), `${stagingPrefix(this.outDir)}${process.pid}-${Date.now().toString(36)}`);
  }

  get count(): number {
    return this.pending.size + this.kept.size;
  }

  /** Every file of the site as this build leaves it. */
  files(): string[] {
    return [...this.kept, ...this.pending];
  }

  /** The files this build writes or removes: the output changes in their folders alone. */
  touched(): string[] {
    return [...this.pending, ...[...this.previous].filter((path) => !this.pending.has(path) && !this.kept.has(path))];
  }

  /** Whether this build keeps every file as the last one left it, and writes none. */
  get unchanged(): boolean {
    return this.pending.size === 0 && this.kept.size === this.previous.size;
  }

  keepIfSame(path: string, content: string | Uint8Array): boolean {
    if (!this.previous.has(path)) return false;
    let before: Buffer;
    try {
      before = readFileSync(join(this.outDir, path));
    } catch {
      return false;
    }
    if (!before.equals(typeof content === 'string' ? Buffer.from(content) : content)) return false;
    return this.keep(path);
  }

  keep(path: string): boolean {
    // A file removed from the output since (by hand) is written again.
    if (!this.previous.has(path) || (!this.intact && !existsSync(join(this.outDir, path)))) return false;
    this.kept.add(path);
    return true;
  }

  async write(path: string, content: string | Uint8Array): Promise<void> {
    const problem = outputPathProblem(path);
    if (problem) throw new Error(`refusing to write ${path}: ${problem}`);
    await this.prepare();
    this.disk(`writing ${path}`, undefined, () => {
      const target = join(this.staging, path);
      const dir = dirname(target);
      if (!this.madeDirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.madeDirs.add(dir);
      }
      writeFileSync(target, content);
    });
    this.pending.add(path);
    this.kept.delete(path);
  }

  async commit(): Promise<void> {
    const lock = await this.prepare();
    try {
      const partly = `Some pages in ${this.shownOutDir} may already be new; the next build rebuilds the site whole.`;
      this.disk('replacing the changed pages', partly, () => {
        for (const path of this.pending) {
          const target = join(this.outDir, path);
          mkdirSync(dirname(target), { recursive: true });
          renameSync(join(this.staging, path), target);
        }
        for (const path of this.previous) {
          if (!this.pending.has(path) && !this.kept.has(path)) removeWithEmptyFolders(this.outDir, path);
        }
      });
      rmSync(this.staging, { recursive: true, force: true });
    } finally {
      if (!this.heldLock) await lock.release();
    }
  }

  async abort(): Promise<void> {
    rmSync(this.staging, { recursive: true, force: true });
    const lock = await this.lock?.catch(() => undefined);
    if (!this.heldLock) await lock?.release();
  }

  private prepare(): Promise<OutputLock> {
    this.lock ??= (async () => {
      const lock =
        this.heldLock ??
        (await lockOutput(this.outDir, this.shownOutDir).catch((error: unknown) => {
          throw diskProblem(error, 'locking the output folder', this.shownOutDir);
        }));
      try {
        await recoverStaleBuilds(this.outDir);
        mkdirSync(this.staging, { recursive: true });
      } catch (error) {
        if (!this.heldLock) await lock.release();
        throw diskProblem(error, 'preparing the update', this.shownOutDir);
      }
      return lock;
    })();
    return this.lock;
  }

  private disk(doing: string, outcome: string | undefined, work: () => void): void {
    try {
      work();
    } catch (error) {
      throw diskProblem(error, doing, this.shownOutDir, outcome);
    }
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
