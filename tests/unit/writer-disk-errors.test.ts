// A disk that fills up or refuses writes half-way through a build, simulated below the writer.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { build, BuildFailure } from '../../src/index.js';
import { article, makeSite, writeFiles } from '../helpers/site.js';
import { treeHashes } from '../helpers/tree.js';

const failure = vi.hoisted(() => ({ code: undefined as string | undefined, afterWrites: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  let writes = 0;
  const writeFileSync = (...args: Parameters<typeof fs.writeFileSync>) => {
    const path = String(args[0]);
    if (failure.code && path.includes('.staging-') && ++writes > failure.afterWrites) {
      writes = 0;
      throw Object.assign(new Error(`${failure.code}: simulated, write '${path}'`), { code: failure.code, errno: -28 });
    }
    return fs.writeFileSync(...args);
  };
  return { ...fs, default: { ...fs, writeFileSync }, writeFileSync };
});

beforeEach(() => {
  failure.code = undefined;
});

async function siteWithPreviousBuild() {
  const root = await makeSite(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`content/${i}.md`, article({ title: `Tin ${i}` })])));
  await build({ root });
  const before = await treeHashes(join(root, 'dist'));
  await writeFiles(root, { 'content/0.md': article({ title: 'Tin đã sửa' }) });
  return { root, before };
}

describe('a disk that fails during the build', () => {
  it.each([
    ['ENOSPC', /the disk is full \(ENOSPC\) while writing .*\. The previous site in dist is unchanged\. Free some space and build again\./],
    ['EDQUOT', /your disk quota is used up \(EDQUOT\)/],
    ['EACCES', /permission was denied \(EACCES\) while writing .*Check that you may write to that folder/],
    ['EROFS', /the file system is read-only \(EROFS\)/],
    ['EIO', /the disk reported an input\/output error \(EIO\)/],
  ])('%s: says what happened and keeps the previous site, byte for byte', async (code, message) => {
    const { root, before } = await siteWithPreviousBuild();
    failure.code = code;
    failure.afterWrites = 3;
    const error = await build({ root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildFailure);
    const problems = (error as BuildFailure).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]!.format()).toMatch(new RegExp(`^dist {2}Could not build the site: ${message.source}`));
    expect(await treeHashes(join(root, 'dist'))).toEqual(before);
    expect((await readdir(root)).sort()).toEqual(['content', 'dist']);
  });

  it('an unexpected error is not dressed up as a user problem', async () => {
    const { root, before } = await siteWithPreviousBuild();
    failure.code = 'EWEIRD';
    const error = await build({ root }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(BuildFailure);
    expect(String(error)).toMatch(/EWEIRD/);
    expect(await treeHashes(join(root, 'dist'))).toEqual(before);
  });
});
