// A lock file beside the output folder, so that two builds never write one site at the same time.
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { BantinError } from '../errors.js';
import { msg } from '../messages/index.js';

/** Who holds a lock: written into the lock file as one line of JSON. */
interface Holder {
  pid: number;
  host: string;
  startedAt: string;
  /** Tells this lock from an older one of the same process. */
  token: string;
}

export interface OutputLock {
  readonly path: string;
  /** Removes the lock file, if it is still ours. */
  release(): Promise<void>;
}

/** `dist` -> `.dist.lock`, in the same folder as the output. */
export function lockPathOf(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.lock`);
}

/**
 * Takes the lock of `outDir`, or throws a BantinError naming the build that holds it. A lock
 * left by a build that no longer runs (killed, or the machine restarted) is taken over.
 * `shownOutDir` is the output folder as the user knows it, for the message.
 */
export async function lockOutput(outDir: string, shownOutDir: string): Promise<OutputLock> {
  const path = lockPathOf(outDir);
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const lock: OutputLock = { path, release: () => release(path, me.token) };
  // A new nested output folder (--out build/site/public): the lock sits beside it, in a folder
  // that may not exist yet.
  await mkdir(dirname(path), { recursive: true });

  // A few rounds: each lost race (a lock released or taken over meanwhile) costs one.
  for (let round = 0; round < 5; round++) {
    if (await create(path, me)) {
      await removeLeftovers(path);
      return lock;
    }
    const seen = await readFile(path, 'utf8').catch(() => undefined);
    if (seen === undefined) continue; // released between our two looks
    const holder = parseHolder(seen);
    if (holder && isRunning(holder)) throw busy(holder, path, shownOutDir);
    await takeOver(path, seen, me);
  }
  throw busy(undefined, path, shownOutDir);
}

/**
 * Creates the lock file with its whole content in one step: written aside, then hard-linked
 * into place, which fails if the lock exists. So nobody ever reads a half-written lock.
 */
async function create(path: string, me: Holder): Promise<boolean> {
  const aside = `${path}.${me.pid}-${me.token}`;
  try {
    // Inside the try: a disk that fills while the lock is written leaves no half-written file.
    await writeFile(aside, JSON.stringify(me) + '\n');
    await link(aside, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(aside).catch(() => undefined);
  }
}

/**
 * Removes a stale lock whose text was `seen`, if it is still there. Removing is what races: a
 * build that moved or deleted "the lock" could remove the fresh one of a build that took over
 * first. So only the build that creates `<lock>.claim-<hash of seen>` (exclusively) may delete
 * it, after checking the lock still holds `seen`; everyone else waits and looks again. The
 * lock's text holds a random token, so no two locks share a claim.
 */
async function takeOver(path: string, seen: string, me: Holder, depth = 0): Promise<void> {
  const claim = `${path}.claim-${createHash('sha256').update(seen).digest('hex').slice(0, 16)}`;
  if (!(await create(claim, me))) {
    // Another build is removing this very lock, or was killed while it did: its claim is then
    // stale itself and is taken over the same way (a kill inside that instant, twice, is a busy error).
    const claimed = await readFile(claim, 'utf8').catch(() => undefined);
    const holder = claimed === undefined ? undefined : parseHolder(claimed);
    if (claimed !== undefined && !(holder && isRunning(holder)) && depth < 2) await takeOver(claim, claimed, me, depth + 1);
    else await new Promise((resolve) => setTimeout(resolve, 10));
    return;
  }
  try {
    if ((await readFile(path, 'utf8').catch(() => undefined)) === seen) await unlink(path);
  } finally {
    await unlink(claim).catch(() => undefined);
  }
}

/**
 * A lock file's leftovers: `.dist.lock.<pid>-<token>` (being created; `.stale-<pid>-<hex>` from
 * earlier versions), and claims `.dist.lock.claim-<hash>`, with their own files being created.
 */
const LEFTOVER = /^(?:\.claim-[0-9a-f]+)*\.(?:stale-)?(\d+)-[0-9a-f]+$/;
const CLAIM = /^(?:\.claim-[0-9a-f]+)+$/;

/** How old a leftover of a live process (or of another machine) must be before it is surely abandoned. */
const ABANDONED_MS = 10 * 60 * 1000;

/**
 * Removes what builds killed while they took or took over the lock left beside it: files of a
 * process that no longer runs, or old enough that no build can still be using them. Called while
 * holding the lock.
 */
async function removeLeftovers(path: string): Promise<void> {
  const folder = dirname(path);
  const prefix = basename(path);
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const rest = name.startsWith(prefix) ? name.slice(prefix.length) : '';
    const file = join(folder, name);
    // A claim on a lock that is gone (we hold the lock now) keeps nobody safe: whoever holds it finds the lock changed.
    if (CLAIM.test(rest)) await unlink(file).catch(() => undefined);
    const pid = LEFTOVER.exec(rest)?.[1];
    if (pid === undefined || Number(pid) === process.pid) continue;
    const age = Date.now() - ((await stat(file).catch(() => undefined))?.mtimeMs ?? Date.now());
    if (!isRunning({ pid: Number(pid), host: hostname(), token: '', startedAt: '' }) || age > ABANDONED_MS) {
      await unlink(file).catch(() => undefined);
    }
  }
}

async function release(path: string, token: string): Promise<void> {
  const holder = parseHolder(await readFile(path, 'utf8').catch(() => ''));
  if (holder?.token === token) await unlink(path).catch(() => undefined);
}

function parseHolder(text: string): Holder | undefined {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string') {
      return { pid: value.pid, host: value.host, token: value.token, startedAt: String(value.startedAt ?? '') };
    }
  } catch {
    // Not ours, or damaged: a lock nobody can be holding.
  }
  return undefined;
}

const PROCESS_STARTED = Date.now() - process.uptime() * 1000;

/** Whether the holder may still be building. A lock from another machine cannot be checked, so it counts. */
function isRunning(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  // Our own pid in a lock older than this process: a killed build whose pid we were given
  // again (in a container every run may be pid 1). A lock of this process's own is live.
  if (holder.pid === process.pid) return Date.parse(holder.startedAt) >= PROCESS_STARTED - 1000;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function busy(holder: Holder | undefined, path: string, shownOutDir: string): BantinError {
  const who = holder
    ? msg('lock.process', { pid: holder.pid, host: holder.host === hostname() ? '' : holder.host, started: holder.startedAt })
    : msg('lock.unknown');
  return new BantinError(
    msg('lock.busy', { who, path }),
    { file: shownOutDir },
  );
}
