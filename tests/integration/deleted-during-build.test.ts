// An article deleted while the site is being built, or between two rebuilds of `bantin dev`: a
// message naming it, or a rebuild without it, never a stack trace; the site before stays whole.
import { rmSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BantinError, build, BuildFailure } from '../../src/index.js';
import { MemorySite } from '../../src/dev/memory-site.js';
import { BuildCache } from '../../src/incremental.js';
import { treeHashes } from '../helpers/tree.js';
import { article, makeSite } from '../helpers/site.js';

const files = {
  'bantin.yaml': 'title: Bản tin\nbaseUrl: https://tin.example/\n',
  'content/a.md': article({ title: 'Tin một', date: '2020-09-08' }),
  'content/b.md': article({ title: 'Tin hai', date: '2020-09-09' }),
};

describe('an article deleted', () => {
  it('while a rebuild from the disk cache renders is named, and dist/ and the cache stay as they were', async () => {
    const root = await makeSite(files);
    await build({ root, incremental: true });
    // Both texts change, so both pages are rendered again; the older goes once the newer's page is written.
    await writeFile(join(root, 'content/a.md'), article({ title: 'Tin một', date: '2020-09-08' }, 'Sửa một.'));
    await writeFile(join(root, 'content/b.md'), article({ title: 'Tin hai', date: '2020-09-09' }, 'Sửa hai.'));
    const before = await treeHashes(root);
    let deleted = false;
    const onProgress = () => {
      if (deleted) return;
      deleted = true;
      rmSync(join(root, 'content/a.md'));
    };
    const error = await build({ root, incremental: true, onProgress, threads: 1 }).then(() => undefined, (caught: unknown) => caught);
    expect(deleted).toBe(true);
    expect(error).toBeInstanceOf(BuildFailure);
    expect((error as BuildFailure).problems.map((problem) => problem.format())).toEqual([
      'content/a.md  The file was deleted or moved while the site was being built. Build again.',
    ]);
    const after = await treeHashes(root);
    delete before['content/a.md'];
    expect(after).toEqual(before);
    // Built again, the site is the one without it.
    const rebuilt = await build({ root, incremental: true });
    expect(rebuilt.articles).toBe(1);
  });

  it('after bantin dev was told it changed is left out by the next rebuild, not reported as unreadable', async () => {
    const root = await makeSite(files);
    const site = new MemorySite();
    const cache = new BuildCache();
    await build({ root, writer: site, cache });
    expect(site.get('a/index.html')).toBeDefined();
    // The watcher saw a change, then the file went (a save by rename, or a delete) before the rebuild read it.
    await rm(join(root, 'content/a.md'));
    const result = await build({ root, writer: site, cache, edited: [join(root, 'content/a.md')] });
    expect(result.articles).toBe(1);
    expect(site.get('a/index.html')).toBeUndefined();
  });

  it('between the listing of the content folder and its reading is named', async () => {
    const root = await makeSite(files);
    const { readSource } = await import('../../src/content/load.js');
    const missing = () => readSource({ path: join(root, 'content/gone.md'), displayPath: 'content/gone.md' });
    expect(missing).toThrow(BantinError);
    expect(missing).toThrow('The file was deleted or moved while the site was being built. Build again.');
  });
});
