// The search index's files across rebuilds on disk: an edit gives its month's file a new name and
// leaves the other months' files as they were; the old name is gone, nothing piles up.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { article, makeSite } from '../helpers/site.js';

const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [
  `content/tin-${i}.md`, article({ title: `Tin số ${i}`, date: `2020-${String(1 + i).padStart(2, '0')}-10` }, `Nội dung của tin số ${i}.`),
]));

async function indexFiles(dist: string): Promise<Map<string, number>> {
  const folder = join(dist, 'tim-kiem');
  const names = (await readdir(folder)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, (await stat(join(folder, name))).mtimeMs] as const)));
}

it('an edit renames its month\'s index file alone, and the folder holds only what the list names', async () => {
  const root = await makeSite(files);
  const dist = join(root, 'dist');
  await build({ root, incremental: true });
  const before = await indexFiles(dist);
  await writeFile(join(root, 'content/tin-4.md'), files['content/tin-4.md']!.replace('Nội dung của tin số 4.', 'Một chuyện khác hẳn.'));
  await build({ root, incremental: true });
  const after = await indexFiles(dist);

  const gone = [...before.keys()].filter((name) => !after.has(name));
  const added = [...after.keys()].filter((name) => !before.has(name));
  expect(gone).toEqual([expect.stringMatching(/^2020-05\.[0-9a-f]{10}\.json$/)]);
  expect(added).toEqual([expect.stringMatching(/^2020-05\.[0-9a-f]{10}\.json$/)]);
  // The other months' files were not written again.
  const months = [...after.keys()].filter((name) => /^2020-\d\d\./.test(name) && !added.includes(name));
  expect(months).toHaveLength(11);
  for (const name of months) expect(after.get(name), name).toBe(before.get(name));

  const manifest = JSON.parse(await readFile(join(dist, 'tim-kiem/index.json'), 'utf8'));
  const named = [...manifest.shards.map((shard: { file: string }) => shard.file), ...manifest.terms, 'index.html', 'index.json'];
  expect([...after.keys()]).toEqual(named.sort());
});
