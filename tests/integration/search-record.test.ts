// The search index's words in the dependency record: after an edit, a rebuild reads again the
// texts of the edited article's index file only (the other files' words are in the record, on
// disk for `bantin build`, in memory for `bantin dev`), and the index is a clean build's, byte for byte.
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/content/article.js';
import { build, MemoryWriter } from '../../src/index.js';
import { MemorySite } from '../../src/dev/memory-site.js';
import { BuildCache } from '../../src/incremental.js';
import { article, makeSite, snapshot, writeFiles } from '../helpers/site.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** The article files whose Markdown a build read (the search index reads its words from it; no link here asks the link check to). */
const reads = vi.hoisted(() => [] as string[]);
vi.mock('../../src/content/body.js', async (original) => {
  const actual = await original<typeof import('../../src/content/body.js')>();
  return {
    ...actual,
    readBody: (item: Article, contentDir: string) => {
      reads.push(item.relativePath);
      return actual.readBody(item, contentDir);
    },
  };
});

/** Three articles a month, each with a word of its own, from January to August 2020. */
const files = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [
  `content/tin-${i}.md`,
  article({ title: `Tin số ${i}`, date: `2020-0${1 + Math.floor(i / 3)}-${String(10 + (i % 3)).padStart(2, '0')}` }, `Nội dung riêng${i} của tin số ${i}.`),
]));
/** tin-10 is of April, with tin-9 and tin-11. */
const APRIL = ['tin-10.md', 'tin-11.md', 'tin-9.md'];
const EDITED = 'content/tin-10.md';
const edit = files[EDITED]!.replace('Nội dung riêng10', 'Một chuyện lạ khác hẳn');

/** The search page's folder from a snapshot: every file under `tim-kiem/`. */
function searchFiles(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([path]) => path.startsWith('tim-kiem/')));
}

async function cleanSearch(root: string): Promise<Record<string, string>> {
  const writer = new MemoryWriter();
  await build({ root, writer });
  return Object.fromEntries([...writer.files].filter(([path]) => path.startsWith('tim-kiem/')).map(([path, bytes]) => [path, Buffer.from(bytes).toString('base64')]));
}

describe('the search index after an edit', () => {
  beforeEach(() => {
    reads.length = 0;
  });

  it('in bantin build run again, reads the edited article\'s index file alone and matches a clean build', async () => {
    const root = await makeSite(files);
    await build({ root, incremental: true });
    // Every text is read by a clean build: the spy sees the index's reads.
    expect(new Set(reads).size).toBe(24);
    const before = searchFiles(await snapshot(join(root, 'dist')));

    await writeFile(join(root, EDITED), edit);
    reads.length = 0;
    await build({ root, incremental: true });
    expect([...new Set(reads)].sort()).toEqual(APRIL);

    const after = searchFiles(await snapshot(join(root, 'dist')));
    expect(after).toEqual(await cleanSearch(root));
    // The word that came and the word that left changed the directory.
    expect(after).not.toEqual(before);
  });

  it('in bantin dev, reads the edited article\'s index file alone and matches a clean build', async () => {
    const root = await makeSite(files);
    const site = new MemorySite();
    const cache = new BuildCache();
    await build({ root, writer: site, cache });
    await writeFile(join(root, EDITED), edit);
    reads.length = 0;
    await build({ root, writer: site, cache, edited: [join(root, EDITED)] });
    expect([...new Set(reads)].sort()).toEqual(APRIL);

    const served = Object.fromEntries(site.paths().filter((path) => path.startsWith('tim-kiem/')).map((path) => [path, Buffer.from(site.get(path)!).toString('base64')]));
    expect(served).toEqual(await cleanSearch(root));
  });

  it('keeps the words an index file\'s thread made: after a build on threads, a rebuild reads one month', async () => {
    // Enough pages for the clean build to render on threads (see THREADS_FROM_PAGES); they run the compiled bantin.
    const root = await makeSite({});
    execFileSync(process.execPath, [join(REPO, 'bench/generate.mjs'), root, '300'], { stdio: 'ignore' });
    await writeFiles(root, { 'bantin.yaml': 'baseUrl: https://tin.example/\n' });
    await build({ root, incremental: true, threads: 2 });
    const edited = (await readdir(join(root, 'content'), { recursive: true })).filter((file) => file.endsWith('.md')).sort()[150]!;
    const text = await readFile(join(root, 'content', edited), 'utf8');
    await writeFile(join(root, 'content', edited), `${text}\nMột đoạn thêm về chuyện lạ.\n`);
    reads.length = 0;
    await build({ root, incremental: true, threads: 1 });
    // Its month's articles (one index file: a month of this site holds a few), no other.
    expect(reads).toContain(edited);
    expect(reads.filter((file) => dirname(file) !== dirname(edited))).toEqual([]);
    expect(searchFiles(await snapshot(join(root, 'dist')))).toEqual(await cleanSearch(root));
  }, 120_000);
});
