// A real `bantin build` on a large site, killed part-way through writing: the site it replaces survives.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { article, makeSite, writeFiles } from '../helpers/site.js';
import { treeHashes } from '../helpers/tree.js';

const BIN = fileURLToPath(new URL('../../bin/bantin.js', import.meta.url));
const ARTICLES = 3000;

function articles(edition: string): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: ARTICLES }, (_, i) => [
      `content/${String(i).padStart(4, '0')}.md`,
      article({ title: `Tin số ${i} ${edition}`, category: `Mục ${i % 7}` }, 'Nội dung bản tin. '.repeat(40)),
    ]),
  );
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function startBuild(root: string): { child: ChildProcess; done: Promise<Run> } {
  // --no-cache: a full build, the one that writes thousands of files (a rebuild from the cache writes few).
  const child = spawn(process.execPath, [BIN, 'build', '--no-cache'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { child, done };
}

/** Waits until the build has written `files` files into its staging folder, and returns that folder's name. */
async function whileWriting(root: string, files: number, done: Promise<Run>): Promise<string> {
  let finished = false;
  void done.then(() => (finished = true));
  while (!finished) {
    const staging = (await readdir(root)).find((name) => name.startsWith('.dist.staging-') && !name.endsWith('-old'));
    if (staging) {
      const written = await readdir(join(root, staging)).catch(() => []);
      if (written.length >= files) return staging;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`the build finished before it had written ${files} files: ${(await done).stderr}`);
}

describe(`a build of ${ARTICLES} articles, interrupted`, { timeout: 180_000 }, () => {
  it('SIGKILL while writing: the previous dist/ is unchanged byte for byte; the next build cleans up', async () => {
    const root = await makeSite(articles('bản đầu'));
    const first = await startBuild(root).done;
    expect(first.code, first.stderr).toBe(0);
    const before = await treeHashes(join(root, 'dist'));
    expect(Object.keys(before).length).toBeGreaterThan(ARTICLES);

    await writeFiles(root, articles('bản sửa'));
    const second = startBuild(root);
    const staging = await whileWriting(root, 500, second.done);
    second.child.kill('SIGKILL');
    expect((await second.done).signal).toBe('SIGKILL');

    expect(await treeHashes(join(root, 'dist'))).toEqual(before);
    // What the killed build left: its half-written staging folder and its lock.
    expect((await readdir(root)).sort()).toEqual(['.dist.lock', staging, 'content', 'dist'].sort());

    const third = await startBuild(root).done;
    expect(third.code, third.stderr).toBe(0);
    expect((await readdir(root)).sort()).toEqual(['content', 'dist']);
    expect(await readFile(join(root, 'dist/tin-so-7-ban-sua/index.html'), 'utf8')).toContain('Tin số 7 bản sửa');
  });

  it('SIGINT (Ctrl-C) while writing: exits 130, removes its staging folder and lock, keeps dist/', async () => {
    const root = await makeSite(articles('bản đầu'));
    expect((await startBuild(root).done).code).toBe(0);
    const before = await treeHashes(join(root, 'dist'));

    await writeFiles(root, articles('bản sửa'));
    const second = startBuild(root);
    await whileWriting(root, 500, second.done);
    second.child.kill('SIGINT');
    const run = await second.done;
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/(^|\n)bantin: stopped by SIGINT; nothing was written, the previous site is unchanged\.\n$/);
    expect((await readdir(root)).sort()).toEqual(['content', 'dist']);
    expect(await treeHashes(join(root, 'dist'))).toEqual(before);
  });
});
