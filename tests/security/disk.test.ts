// A real full disk and a real read-only disk: a small tmpfs mounted in a private mount namespace
// (seen by this test's shell only, gone when it exits). Skipped where namespaces are not allowed.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { article, makeSite } from '../helpers/site.js';

const BIN = fileURLToPath(new URL('../../bin/bantin.js', import.meta.url));
const canMount = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], {
  stdio: 'ignore',
}).status === 0;

/** Runs `steps` in a private mount namespace with a tmpfs of `size` at `<root>/disk`; results go to files in root. */
function inNamespace(root: string, size: string, steps: string): void {
  const script = [
    'set -e',
    `cd "${root}"`,
    'mkdir -p disk',
    `mount -t tmpfs -o size=${size} tmpfs disk`,
    `build() { node "${BIN}" build --out disk/dist "$@"; }`,
    'hashes() { (cd disk && find dist -type f -exec sha256sum {} + | sort); }',
    steps,
  ].join('\n');
  const run = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`namespace script failed (${run.status}): ${run.stderr}`);
}

/**
 * What a build printed to its log, without the progress lines it adds every two seconds when it
 * is slow (a loaded machine): "Rendering… 40 pages". Nothing else may come before the message.
 */
async function messages(file: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  return text.split('\n').filter((line) => !/^(Rendering… \d+ pages?|Copying static files… \d+\/\d+)$/.test(line)).join('\n');
}

const manyArticles = Object.fromEntries(
  Array.from({ length: 150 }, (_, i) => [`content-big/${i}.md`, article({ title: `Tin dài số ${i}` }, 'Một đoạn rất dài. '.repeat(1500))]),
);

describe.skipIf(!canMount)('a real disk', { timeout: 60_000 }, () => {
  it('that fills up during the build: exit 1, "the disk is full", the previous site unchanged', async () => {
    const root = await makeSite({ 'content/tin-ngan.md': article({ title: 'Tin ngắn' }), ...manyArticles });
    inNamespace(
      root,
      '1m',
      `build > /dev/null
hashes > before.txt
set +e
build --content content-big > out.txt 2> err.txt; echo $? > code.txt
set -e
hashes > after.txt
ls -A disk > listing.txt`,
    );
    const read = (name: string) => readFile(join(root, name), 'utf8');
    expect((await read('code.txt')).trim()).toBe('1');
    expect(await messages(join(root, 'err.txt'))).toMatch(
      /^disk\/dist {2}Could not build the site: the disk is full \(ENOSPC\) while writing .+\. The previous site in disk\/dist is unchanged\. Free some space and build again\.\n/,
    );
    expect(await read('before.txt')).toContain('dist/tin-ngan/index.html');
    expect(await read('after.txt')).toBe(await read('before.txt'));
    expect((await read('listing.txt')).trim().split('\n')).toEqual(['dist']);
  });

  it('that is read-only: exit 1, "read-only", the previous site unchanged', async () => {
    const root = await makeSite({ 'content/a.md': article({ title: 'Tin ngắn' }), 'content-2/a.md': article({ title: 'Tin khác' }) });
    inNamespace(
      root,
      '1m',
      `build > /dev/null
hashes > before.txt
mount -o remount,ro disk
set +e
build --content content-2 > out.txt 2> err.txt; echo $? > code.txt
set -e
hashes > after.txt`,
    );
    const read = (name: string) => readFile(join(root, name), 'utf8');
    expect((await read('code.txt')).trim()).toBe('1');
    expect(await messages(join(root, 'err.txt'))).toMatch(/^disk\/dist {2}Could not build the site: the file system is read-only \(EROFS\) while .+\. The previous site in disk\/dist is unchanged\./);
    expect(await read('after.txt')).toBe(await read('before.txt'));
  });
});
