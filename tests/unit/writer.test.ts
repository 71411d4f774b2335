import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, BuildFailure, DiskWriter, MemoryWriter } from '../../src/index.js';
import { lockOutput } from '../../src/output/lock.js';
import { article, makeSite, writeFiles } from '../helpers/site.js';
import { treeHashes } from '../helpers/tree.js';

describe('DiskWriter', () => {
  it('writes into a staging folder and swaps it in, leaving no lock or staging behind', async () => {
    const root = await makeSite({});
    const writer = new DiskWriter(join(root, 'dist'));
    await writer.write('a/index.html', 'A');
    expect((await readdir(root)).sort()).toEqual(expect.arrayContaining(['.dist.lock', expect.stringMatching(/^\.dist\.staging-/)]));
    await writer.commit();
    expect(await readdir(root)).toEqual(['dist']);
    expect(await readFile(join(root, 'dist/a/index.html'), 'utf8')).toBe('A');
  });

  it('removes the staging folders of killed builds when it takes the lock', async () => {
    const root = await makeSite({
      'dist/index.html': 'old',
      '.dist.staging-4242-lz1k2j3/index.html': 'half',
      '.dist.staging-4243-lz1k2j4-old/index.html': 'older',
      '.other.staging-1-x/keep.txt': 'not ours',
    });
    const writer = new DiskWriter(join(root, 'dist'));
    await writer.write('index.html', 'new');
    await writer.commit();
    expect((await readdir(root)).sort()).toEqual(['.other.staging-1-x', 'dist']);
    expect(await readFile(join(root, 'dist/index.html'), 'utf8')).toBe('new');
  });

  it('puts the previous site back when a build was killed between its two renames', async () => {
    const root = await makeSite({
      '.dist.staging-4242-lz1k2j3/index.html': 'complete but never swapped in',
      '.dist.staging-4242-lz1k2j3-old/index.html': 'previous site',
      '.dist.staging-4242-lz1k2j3-old/a/index.html': 'previous article',
    });
    const writer = new DiskWriter(join(root, 'dist'));
    await writer.write('index.html', 'new');
    // The build now under way fails: what remains is the previous site, whole.
    await writer.abort();
    expect(await readdir(root)).toEqual(['dist']);
    const previous = await makeSite({ 'index.html': 'previous site', 'a/index.html': 'previous article' });
    expect(await treeHashes(join(root, 'dist'))).toEqual(await treeHashes(previous));
  });

  it('refuses to write a path that leads out of the output folder', async () => {
    const root = await makeSite({});
    for (const writer of [new DiskWriter(join(root, 'dist')), new MemoryWriter()]) {
      await expect(writer.write('../../etc/cron.d/x', 'x')).rejects.toThrow(/will not write the file "\.\.\/\.\.\/etc\/cron\.d\/x": it has a "\.\." or "\." part/);
      await expect(writer.write('/etc/passwd', 'x')).rejects.toThrow(/absolute/);
      await expect(writer.write('%2e%2e%2fx', 'x')).rejects.toThrow(/"\.\."/);
      await writer.abort();
    }
    expect(await readdir(root)).toEqual([]);
  });
});

describe('two builds into one folder', () => {
  it('gives the second a clear message and leaves the site as it was', async () => {
    const root = await makeSite({ 'content/a.md': article({ title: 'Tin đầu' }) });
    await build({ root });
    const before = await treeHashes(join(root, 'dist'));
    await writeFiles(root, { 'content/a.md': article({ title: 'Tin sau' }) });
    const held = await lockOutput(join(root, 'dist'), 'dist');
    const error = await build({ root }).catch((e: unknown) => e);
    await held.release();
    expect(error).toBeInstanceOf(BuildFailure);
    expect((error as BuildFailure).problems.map((p) => p.format())).toEqual([
      expect.stringMatching(new RegExp(`^dist {2}Another bantin build \\(process ${process.pid}, .*Wait for it to finish`)),
    ]);
    expect(await treeHashes(join(root, 'dist'))).toEqual(before);
    expect(await readdir(root)).not.toContainEqual(expect.stringMatching(/staging/));
  });

  it('started together, both finish and the site is one of the two, whole', async () => {
    const root = await makeSite(
      Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`content/${i}.md`, article({ title: `Tin số ${i}` })])),
    );
    const results = await Promise.allSettled([build({ root }), build({ root }), build({ root })]);
    for (const result of results) {
      if (result.status === 'rejected') expect(String((result.reason as BuildFailure).problems[0]?.message)).toMatch(/Another bantin build/);
    }
    expect(results.some((result) => result.status === 'fulfilled')).toBe(true);
    expect((await readdir(root)).sort()).toEqual(['content', 'dist']);
    const files = Object.keys(await treeHashes(join(root, 'dist')));
    expect(files).toContain('39/index.html');
    expect(files).toContain('index.html');
  });
});
