import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BantinError } from '../../src/errors.js';
import { lockOutput, lockPathOf } from '../../src/output/lock.js';
import { makeSite } from '../helpers/site.js';

/** The pid of a process that has already exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
}

describe('output lock', () => {
  it('is a file beside the output naming this process, removed on release', async () => {
    const root = await makeSite({});
    const out = join(root, 'dist');
    const lock = await lockOutput(out, 'dist');
    expect(lock.path).toBe(join(root, '.dist.lock'));
    expect(JSON.parse(await readFile(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    await lock.release();
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses a second holder while the first holds it, naming the process and the lock file', async () => {
    const root = await makeSite({});
    const out = join(root, 'dist');
    const first = await lockOutput(out, 'dist');
    const second = await lockOutput(out, 'dist').catch((error: unknown) => error);
    expect(second).toBeInstanceOf(BantinError);
    expect((second as BantinError).format()).toMatch(
      new RegExp(`^dist {2}Another bantin build \\(process ${process.pid}, started .*\\) is writing .* delete the lock file .*\\.dist\\.lock\\.$`),
    );
    await first.release();
    const third = await lockOutput(out, 'dist');
    await third.release();
  });

  it('removes the files a build killed while taking or taking over the lock left beside it', async () => {
    const root = await makeSite({});
    const dead = deadPid();
    const live = process.ppid;
    await writeFile(join(root, `.dist.lock.${dead}-0123abcd`), '{"pid":');
    await writeFile(join(root, `.dist.lock.stale-${dead}-beef`), '{}');
    await writeFile(join(root, `.dist.lock.${live}-4567abcd`), '{}');
    await writeFile(join(root, '.dist.lockfile-of-someone-else'), 'x');
    const lock = await lockOutput(join(root, 'dist'), 'dist');
    await lock.release();
    // A running process's file may be a lock being made right now: it stays until it is surely abandoned.
    expect((await readdir(root)).sort()).toEqual([`.dist.lock.${live}-4567abcd`, '.dist.lockfile-of-someone-else']);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const root = await makeSite({});
    const out = join(root, 'dist');
    const pid = deadPid();
    await writeFile(lockPathOf(out), JSON.stringify({ pid, host: hostname(), startedAt: '2020-01-01T00:00:00Z', token: 'old' }));
    const lock = await lockOutput(out, 'dist');
    expect(JSON.parse(await readFile(lock.path, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('takes over a damaged lock file, and one of an earlier life of this very pid', async () => {
    const root = await makeSite({});
    const out = join(root, 'dist');
    await writeFile(lockPathOf(out), '{"pid": 12');
    await (await lockOutput(out, 'dist')).release();
    await writeFile(
      lockPathOf(out),
      JSON.stringify({ pid: process.pid, host: hostname(), startedAt: '2001-01-01T00:00:00Z', token: 'before-a-restart' }),
    );
    await (await lockOutput(out, 'dist')).release();
  });

  it('counts a lock from another machine as held: its process cannot be checked from here', async () => {
    const root = await makeSite({});
    const out = join(root, 'dist');
    await writeFile(lockPathOf(out), JSON.stringify({ pid: 1, host: 'may-build-khac', startedAt: '2020-01-01T00:00:00Z', token: 'x' }));
    await expect(lockOutput(out, 'dist')).rejects.toThrow(/process 1 on may-build-khac/);
  });

  it('gives the lock to exactly one of many builds that race for a stale lock, round after round', async () => {
    const root = await makeSite({});
    const out = join(root, 'dist');
    const dead = deadPid();
    // Many rounds: a takeover that can remove a fresh lock loses only in a rare interleaving.
    for (let round = 0; round < 30; round++) {
      await writeFile(lockPathOf(out), JSON.stringify({ pid: dead, host: hostname(), startedAt: '', token: `stale-${round}` }));
      // Started a little apart, so that late ones find the stale lock while early ones replace it.
      const start = (i: number) => new Promise((resolve) => setTimeout(resolve, i % 4)).then(() => lockOutput(out, 'dist'));
      const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => start(i)));
      const winners = results.filter((result) => result.status === 'fulfilled');
      expect(winners, `round ${round}`).toHaveLength(1);
      for (const loser of results.filter((result) => result.status === 'rejected')) {
        expect(String(loser.reason)).toMatch(/Another bantin build/);
      }
      const lock = (winners[0] as PromiseFulfilledResult<{ path: string; release(): Promise<void> }>).value;
      expect(JSON.parse(await readFile(lock.path, 'utf8')).pid, 'the lock on disk is the winner\'s').toBe(process.pid);
      await lock.release();
      expect(await readdir(root), `round ${round}`).toEqual([]);
    }
  });

  it('takes over a stale lock whose takeover was killed half-way, leaving its claim behind', async () => {
    const root = await makeSite({});
    const out = join(root, 'dist');
    const stale = JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: '', token: 'stale' });
    await writeFile(lockPathOf(out), stale);
    const hash = createHash('sha256').update(stale).digest('hex').slice(0, 16);
    await writeFile(`${lockPathOf(out)}.claim-${hash}`, JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: '', token: 'killed' }));
    const lock = await lockOutput(out, 'dist');
    await lock.release();
    expect(await readdir(root)).toEqual([]);
  });
});
