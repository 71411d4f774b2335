// A real `bantin build` on a large site, stopped or killed part-way through writing: the site it replaces survives.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { slugFromTitle } from '../../src/content/slug.js';
import { article, makeSite, writeFiles } from '../helpers/site.js';
import { treeHashes } from '../helpers/tree.js';

const BIN = fileURLToPath(new URL('../../bin/bantin.js', import.meta.url));
const ARTICLES = 3000;

function articles(edition: string, count = ARTICLES): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `content/${String(i).padStart(4, '0')}.md`,
      // Each edition at addresses of its own, as when titles made addresses: the edit replaces every page.
      article({ title: `Tin số ${i} ${edition}`, slug: `tin-so-${i}-${slugFromTitle(edition)}`, category: `Mục ${i % 7}` }, 'Nội dung bản tin. '.repeat(40)),
    ]),
  );
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * `cached`: a plain `bantin build`, which updates an existing dist/ in place from .bantin-cache/;
 * otherwise `--no-cache`, a full build into a staging folder swapped in whole.
 * `nodeArgs` go to Node before the binary (`--import` a hook).
 */
function startBuild(root: string, { cached = false, out, nodeArgs = [] }: { cached?: boolean; out?: string; nodeArgs?: string[] } = {}) {
  const args = [...nodeArgs, BIN, 'build', ...(cached ? [] : ['--no-cache']), ...(out ? ['--out', out] : [])];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { child, done };
}

async function succeeds(build: { done: Promise<Run> }): Promise<void> {
  const run = await build.done;
  expect(run.code, run.stderr).toBe(0);
}

/** Waits until the build has written `files` entries into its staging folder, and returns that folder's name. */
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

/** The site a clean `--no-cache` build makes of `root`'s content, built into a folder of its own. */
async function cleanBuildOf(root: string): Promise<Record<string, string>> {
  const out = join(await makeSite({}), 'dist');
  await succeeds(startBuild(root, { out }));
  return treeHashes(out);
}

/** A site built once with a cache, so that the next `bantin build` updates dist/ in place. */
async function cachedSite(count = ARTICLES): Promise<{ root: string; inode: number }> {
  const root = await makeSite(articles('bản đầu', count));
  await succeeds(startBuild(root, { cached: true }));
  expect((await readdir(root)).sort()).toEqual(['.bantin-cache', 'content', 'dist']);
  return { root, inode: (await stat(join(root, 'dist'))).ino };
}

/**
 * The in-place writer keeps dist/ itself and renames files into it; a full build swaps in a new
 * folder. Same folder: the build under test really was the in-place update. (A change to bantin's
 * templates or package.json since the first build would make it a full build.)
 */
async function updatedInPlace(root: string, inode: number): Promise<void> {
  expect((await stat(join(root, 'dist'))).ino, 'dist/ was updated in place, not replaced').toBe(inode);
}

/** Node `--import` hook: SIGKILLs the build right after its `after`-th rename of a file out of its staging folder. */
function killAfterRenames(after: number): string {
  return [
    "import fs from 'node:fs';",
    "import { syncBuiltinESMExports } from 'node:module';",
    'const rename = fs.renameSync;',
    'let renamed = 0;',
    'fs.renameSync = (from, to) => {',
    '  rename(from, to);',
    `  if (String(from).includes('.dist.staging-') && ++renamed === ${after}) process.kill(process.pid, 'SIGKILL');`,
    '};',
    'syncBuiltinESMExports();',
  ].join('\n');
}

/**
 * Node `--import` hook: sends the build SIGINT (Ctrl-C) as it opens its `at`-th article file, and
 * says at exit how many more it opened: the work done between Ctrl-C and stopping.
 */
function interruptAtArticle(at: number): string {
  return [
    "import fs from 'node:fs';",
    "import { syncBuiltinESMExports } from 'node:module';",
    'const open = fs.openSync;',
    'let opened = 0;',
    'let after = -1;',
    'fs.openSync = (path, ...rest) => {',
    '  const fd = open(path, ...rest);',
    "  if (!String(path).endsWith('.md')) return fd;",
    '  if (after >= 0) after++;',
    `  if (++opened === ${at}) { after = 0; process.kill(process.pid, 'SIGINT'); }`,
    '  return fd;',
    '};',
    'syncBuiltinESMExports();',
    "process.on('exit', () => process.stderr.write(`articles opened after Ctrl-C: ${after}\\n`));",
  ].join('\n');
}

describe(`a full build (--no-cache) of ${ARTICLES} articles, interrupted`, { timeout: 180_000 }, () => {
  it('SIGINT while it reads the articles: stops within 64 more files, before writing anything; dist/ as it was', async () => {
    const root = await makeSite(articles('bản đầu'));
    await succeeds(startBuild(root));
    const before = await treeHashes(join(root, 'dist'));
    await writeFiles(root, articles('bản sửa'));
    const hook = join(await makeSite({ 'ctrl-c.mjs': interruptAtArticle(500) }), 'ctrl-c.mjs');
    const run = await startBuild(root, { nodeArgs: ['--import', hook] }).done;
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).toContain('bantin: stopped by SIGINT; nothing was written, the previous site is unchanged.\n');
    const after = Number(/articles opened after Ctrl-C: (-?\d+)/.exec(run.stderr)?.[1]);
    expect(after, 'the signal was sent').toBeGreaterThanOrEqual(0);
    expect(after, 'article files opened after Ctrl-C').toBeLessThanOrEqual(64);
    expect((await readdir(root)).sort()).toEqual(['content', 'dist']);
    expect(await treeHashes(join(root, 'dist'))).toEqual(before);
  });


  it('SIGKILL while writing: the previous dist/ is unchanged byte for byte; the next build cleans up', async () => {
    const root = await makeSite(articles('bản đầu'));
    await succeeds(startBuild(root));
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

    await succeeds(startBuild(root));
    expect((await readdir(root)).sort()).toEqual(['content', 'dist']);
    expect(await readFile(join(root, 'dist/tin-so-7-ban-sua/index.html'), 'utf8')).toContain('Tin số 7 bản sửa');
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s while writing: exits %i, removes its staging folder and lock, keeps dist/', async (signal, code) => {
    const root = await makeSite(articles('bản đầu'));
    await succeeds(startBuild(root));
    const before = await treeHashes(join(root, 'dist'));

    await writeFiles(root, articles('bản sửa'));
    const second = startBuild(root);
    await whileWriting(root, 500, second.done);
    second.child.kill(signal);
    const run = await second.done;
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(new RegExp(`(^|\\n)bantin: stopped by ${signal}; nothing was written, the previous site is unchanged\\.\\n$`));
    expect((await readdir(root)).sort()).toEqual(['content', 'dist']);
    expect(await treeHashes(join(root, 'dist'))).toEqual(before);
  });
});

describe(`an in-place rebuild from .bantin-cache/ of ${ARTICLES} articles, interrupted`, { timeout: 180_000 }, () => {
  it('SIGKILL while it writes its staging folder: dist/ is unchanged byte for byte; the next build cleans up and equals a clean build', async () => {
    const { root, inode } = await cachedSite();
    const before = await treeHashes(join(root, 'dist'));
    const cache = await treeHashes(join(root, '.bantin-cache'));

    // Every title changes, so every page is rendered again, under a new URL, and the old ones must go.
    await writeFiles(root, articles('bản sửa'));
    const second = startBuild(root, { cached: true });
    const staging = await whileWriting(root, 500, second.done);
    second.child.kill('SIGKILL');
    expect((await second.done).signal).toBe('SIGKILL');

    expect(await treeHashes(join(root, 'dist'))).toEqual(before);
    expect(await treeHashes(join(root, '.bantin-cache')), 'the cache still describes dist/').toEqual(cache);
    expect((await readdir(root)).sort()).toEqual(['.bantin-cache', '.dist.lock', staging, 'content', 'dist'].sort());

    await succeeds(startBuild(root, { cached: true }));
    await updatedInPlace(root, inode);
    expect((await readdir(root)).sort()).toEqual(['.bantin-cache', 'content', 'dist']);
    expect(await treeHashes(join(root, 'dist'))).toEqual(await cleanBuildOf(root));
    expect(await readFile(join(root, 'dist/tin-so-7-ban-sua/index.html'), 'utf8')).toContain('Tin số 7 bản sửa');
  });

  it('SIGTERM while it writes its staging folder: it stops with 143, and dist/ and the cache are unchanged', async () => {
    const { root } = await cachedSite();
    const before = await treeHashes(join(root, 'dist'));
    const cache = await treeHashes(join(root, '.bantin-cache'));
    await writeFiles(root, articles('bản sửa'));
    const second = startBuild(root, { cached: true });
    await whileWriting(root, 500, second.done);
    second.child.kill('SIGTERM');
    const run = await second.done;
    expect(run.code, run.stderr).toBe(143);

    expect(await treeHashes(join(root, 'dist'))).toEqual(before);
    expect(await treeHashes(join(root, '.bantin-cache'))).toEqual(cache);
    expect((await readdir(root)).sort()).toEqual(['.bantin-cache', 'content', 'dist']);
  });

  // Not "unchanged": the renames into dist/ are one file at a time, so a kill among them leaves
  // dist/ part new, part old (docs/security.md says so). The cache is gone by then, so the next
  // build, whatever the content is by then, builds the site whole.
  it.each([
    ['the same content', 'bản sửa'],
    ['the content of the last finished build', 'bản đầu'],
  ])('SIGKILL during the final renames into dist/: the next build of %s equals a clean build', async (_, edition) => {
    const COUNT = 300;
    const { root } = await cachedSite(COUNT);
    const before = await treeHashes(join(root, 'dist'));
    const hook = join(await makeSite({ 'kill.mjs': killAfterRenames(COUNT / 2) }), 'kill.mjs');

    await writeFiles(root, articles('bản sửa', COUNT));
    const killed = await startBuild(root, { cached: true, nodeArgs: ['--import', hook] }).done;
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const mixed = await treeHashes(join(root, 'dist'));
    const pages = (name: string) => Object.keys(mixed).filter((path) => path.endsWith(`-${name}/index.html`)).length;
    expect(pages('ban-sua'), 'new pages already in dist/').toBeGreaterThan(0);
    expect(pages('ban-dau'), 'old pages still in dist/').toBe(COUNT);
    expect(mixed).not.toEqual(before);
    // The cache was moved aside before the renames began: no build reads it as the cache of dist/.
    const cacheFiles = await readdir(join(root, '.bantin-cache'));
    expect(cacheFiles.filter((name) => !name.endsWith('.bin.old')), 'no cache describes the mixed dist/').toEqual([]);

    await writeFiles(root, articles(edition, COUNT));
    await succeeds(startBuild(root, { cached: true }));
    expect((await readdir(root)).sort()).toEqual(['.bantin-cache', 'content', 'dist']);
    expect((await readdir(join(root, '.bantin-cache'))).filter((name) => name.endsWith('.old')), 'the file moved aside is gone').toEqual([]);
    expect(await treeHashes(join(root, 'dist'))).toEqual(await cleanBuildOf(root));
  });
});
