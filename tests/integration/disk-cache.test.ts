// `bantin build` run again: it starts from the cache the last build left, and ends with exactly
// the files a clean build makes.
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { build, BuildFailure } from '../../src/index.js';
import { diskCachePath, loadRecord, saveRecord } from '../../src/disk-cache.js';
import { BuildCache } from '../../src/incremental.js';
import type { Article } from '../../src/content/article.js';
import { article, makeSite, snapshot, writeFiles } from '../helpers/site.js';

const files = Object.fromEntries(
  Array.from({ length: 24 }, (_, i) => [
    `content/tin-so-${i}.md`,
    article(
      { title: `Tin số ${i}`, summary: `Sapo ${i}`, date: `2020-0${1 + (i % 9)}-1${i % 10}`, category: ['Thời sự', 'Kinh tế'][i % 2]!, tags: `[chủ đề ${i % 3}]` },
      `Nội dung của tin số ${i}.`,
    ),
  ]),
);

function lengthOf(blob: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(blob.length);
  return length;
}

async function site() {
  return makeSite({ 'bantin.yaml': 'baseUrl: https://tin.example/\n', ...files });
}

/** The output of a clean build of the same site, for comparison. */
async function clean(root: string): Promise<Record<string, string>> {
  const out = join(await makeSite({}), 'dist');
  await build({ root, outDir: out });
  return snapshot(out);
}

describe('incremental builds on disk', () => {
  it('renders nothing again when nothing changed', async () => {
    const root = await site();
    const first = await build({ root, incremental: true });
    expect(first.rendered).toBeGreaterThan(50);
    const times = async () => {
      const paths = [diskCachePath(root, join(root, 'dist')), ...Object.keys(await snapshot(join(root, 'dist'))).map((path) => join(root, 'dist', path))];
      return Promise.all(paths.map(async (path) => `${path} ${(await stat(path)).mtimeMs}`));
    };
    const before = await times();
    const again = await build({ root, incremental: true });
    expect(again.rendered).toBe(0);
    // Not a file touched: pages, theme files and the cache keep their modification times.
    expect(await times()).toEqual(before);
    expect(await snapshot(join(root, 'dist'))).toEqual(await clean(root));
  });

  it('after an edit, an addition and a removal, renders only what they touch and matches a clean build', async () => {
    const root = await site();
    await build({ root, incremental: true });
    await writeFile(join(root, 'content/tin-so-5.md'), files['content/tin-so-5.md']!.replace('Nội dung của tin số 5.', 'Nội dung mới.'));
    const edited = await build({ root, incremental: true });
    // Its page, its open-data file, its month's search index, and the index's list and directory.
    expect(edited.rendered).toBeLessThanOrEqual(5);
    expect(await snapshot(join(root, 'dist'))).toEqual(await clean(root));
    // Again, from the record that build left: the list and directory read every text still.
    await writeFile(join(root, 'content/tin-so-6.md'), files['content/tin-so-6.md']!.replace('Nội dung của tin số 6.', 'Nội dung khác hẳn.'));
    expect((await build({ root, incremental: true })).rendered).toBeLessThanOrEqual(5);
    expect(await snapshot(join(root, 'dist'))).toEqual(await clean(root));

    await writeFiles(root, { 'content/moi.md': article({ title: 'Tin mới thêm', date: '2019-01-01', category: 'Thời sự' }) });
    await rm(join(root, 'content/tin-so-7.md'));
    await build({ root, incremental: true });
    const dist = await snapshot(join(root, 'dist'));
    expect(Object.keys(dist)).not.toContain('tin-so-7/index.html');
    expect(dist).toEqual(await clean(root));
  });

  it('after an edit to the text alone, renders that article and the full-text feeds that carry it', async () => {
    const root = await makeSite({ 'bantin.yaml': 'baseUrl: https://tin.example/\nfeeds:\n  content: full\n', ...files });
    await build({ root, incremental: true });
    // tin-8 is the newest bulletin: the site's feeds and its section's show its text.
    await writeFile(join(root, 'content/tin-so-8.md'), files['content/tin-so-8.md']!.replace('Nội dung của tin số 8.', 'Nội dung đã sửa.'));
    const edited = await build({ root, incremental: true });
    const dist = await snapshot(join(root, 'dist'));
    expect(Buffer.from(dist['feed.json']!, 'base64').toString()).toContain('Nội dung đã sửa.');
    expect(edited.rendered).toBeGreaterThan(1);
    expect(edited.rendered).toBeLessThan(15);
    expect(dist).toEqual(await clean(root));
  });

  it('after an edit to a draft\'s text, which no page shows, renders nothing', async () => {
    const root = await makeSite({ 'bantin.yaml': 'baseUrl: https://tin.example/\n', ...files, 'content/nhap.md': article({ title: 'Bản nháp', draft: 'true' }, 'Cũ.') });
    await build({ root, incremental: true });
    await writeFile(join(root, 'content/nhap.md'), article({ title: 'Bản nháp', draft: 'true' }, 'Mới.'));
    const edited = await build({ root, incremental: true });
    expect(edited.rendered).toBe(0);
    expect(await snapshot(join(root, 'dist'))).toEqual(await clean(root));
  });

  it('after edits to a lead, which lists show, looks only at the pages that show the article, and matches a clean build', async () => {
    const root = await site();
    const first = await build({ root, incremental: true });
    // A text edit first, then two lead edits: the notes of which page shows which article that
    // each rebuild keeps serve the next.
    await writeFile(join(root, 'content/tin-so-3.md'), files['content/tin-so-3.md']!.replace('Nội dung của tin số 3.', 'Nội dung mới.'));
    expect((await build({ root, incremental: true })).rendered).toBeLessThanOrEqual(5);
    for (const lead of ['Sapo mới', 'Sapo mới hơn']) {
      await writeFile(join(root, 'content/tin-so-9.md'), files['content/tin-so-9.md']!.replace('summary: Sapo 9', `summary: ${lead}`));
      let looked = 0;
      const edited = await build({ root, incremental: true, onProgress: (progress) => void (progress.stage === 'render' && looked++) });
      expect(edited.rendered).toBeGreaterThan(3);
      // Its page, its neighbours', the pages whose related news show it, its listings: the long
      // way looks at every page of the site.
      expect(looked).toBeLessThan(first.pages / 2);
      expect(await readFile(join(root, 'dist/chuyen-muc/kinh-te/trang/2/index.html'), 'utf8')).toContain(lead);
      expect(await snapshot(join(root, 'dist'))).toEqual(await clean(root));
    }
  });

  it('gives the cards it reads back every front-matter value, in its order', async () => {
    // Listings that show every value of each article's front-matter: after an edit to one title,
    // they are made again from the other articles' cards as the cache holds them.
    const root = await makeSite({
      'bantin.yaml': 'baseUrl: https://tin.example/\n',
      'templates/partials/article-item.njk': '<p>{% for key, value in item.data %}{{ key }}={{ value | dump }};{% endfor %}</p>', // escaped: &quot;,
      ...files,
      'content/rieng.md': '---\nnguon: Báo Bắc Kạn\ntags: [an ninh, an ninh, " đô thị "]\ntitle: Tin riêng\ndate: 2020-05-05\nauthor: Minh Hiệp\nsummary: Sapo riêng\n---\nNội dung.\n',
    });
    await build({ root, incremental: true });
    await writeFile(join(root, 'content/tin-so-5.md'), files['content/tin-so-5.md']!.replace('Tin số 5', 'Tin số năm'));
    const edited = await build({ root, incremental: true });
    expect(edited.rendered).toBeLessThan(edited.files);
    const dist = await snapshot(join(root, 'dist'));
    const pages = Object.values(dist).map((file) => Buffer.from(file, 'base64').toString()).join('\n');
    expect(pages).toContain('<p>nguon=&quot;Báo Bắc Kạn&quot;;tags=[&quot;an ninh&quot;,&quot;an ninh&quot;,&quot; đô thị &quot;];title=&quot;Tin riêng&quot;;date=&quot;2020-05-05&quot;;author=&quot;Minh Hiệp&quot;;summary=&quot;Sapo riêng&quot;;</p>');
    expect(pages).toContain('<p>title=&quot;Tin số 7&quot;;date=&quot;2020-08-17&quot;;author=&quot;Minh Hiệp&quot;;summary=&quot;Sapo 7&quot;;category=&quot;Kinh tế&quot;;tags=[&quot;chủ đề 1&quot;];</p>');
    expect(dist).toEqual(await clean(root));
  });

  it('reads again a file edited to the same size with its modification time set back', async () => {
    const root = await site();
    await build({ root, incremental: true });
    const path = join(root, 'content/tin-so-5.md');
    const { mtime, size } = await stat(path);
    // Same length, same modification time: only the change time, which no tool sets back, moved.
    await writeFile(path, files['content/tin-so-5.md']!.replace('Nội dung của tin số 5.', 'Nội dung của tin số 9.'));
    await utimes(path, mtime, mtime);
    expect((await stat(path)).size).toBe(size);
    await build({ root, incremental: true });
    expect(await readFile(join(root, 'dist/tin-so-5/index.html'), 'utf8')).toContain('Nội dung của tin số 9.');
    expect(await snapshot(join(root, 'dist'))).toEqual(await clean(root));
  });

  it.each([
    ['a template', { 'templates/partials/article-item.njk': '<p class="muc">{{ item.title }}</p>\n' }],
    ['the configuration', { 'bantin.yaml': 'baseUrl: https://tin.example/\ntitle: Tên khác\nperPage: 5\n' }],
  ])('starts afresh when %s changes', async (_, change) => {
    const root = await site();
    await build({ root, incremental: true });
    await writeFiles(root, change);
    await build({ root, incremental: true });
    expect(await snapshot(join(root, 'dist'))).toEqual(await clean(root));
  });

  it('starts afresh with a cache another version of bantin wrote', async () => {
    const root = await site();
    await build({ root, incremental: true });
    const path = diskCachePath(root, join(root, 'dist'));
    // The file is blobs, each a length and a serialized value: the first says what the build was made with.
    const whole = await readFile(path);
    const headLength = whole.readUInt32LE(0);
    const saved = deserialize(whole.subarray(4, 4 + headLength)) as { environment: string };
    saved.environment = 'bantin 0.0.1';
    const written = serialize(saved);
    await writeFile(path, Buffer.concat([lengthOf(written), written, whole.subarray(4 + headLength)]));
    await writeFile(join(root, 'dist/tin-so-1/index.html'), 'trang hỏng');
    const result = await build({ root, incremental: true });
    expect(result.rendered).toBeGreaterThan(50);
    expect(await snapshot(join(root, 'dist'))).toEqual(await clean(root));
  });

  it('starts afresh from a cache file cut short', async () => {
    const root = await site();
    await build({ root, incremental: true });
    const path = diskCachePath(root, join(root, 'dist'));
    const whole = await readFile(path);
    await writeFile(path, whole.subarray(0, Math.floor(whole.length / 2)));
    await writeFile(join(root, 'content/tin-so-3.md'), files['content/tin-so-3.md']!.replace('Tin số 3', 'Tin số ba'));
    const result = await build({ root, incremental: true });
    expect(result.rendered).toBeGreaterThan(50);
    expect(await snapshot(join(root, 'dist'))).toEqual(await clean(root));
  });

  it('leaves the site as it was when the build fails', async () => {
    const root = await site();
    await build({ root, incremental: true });
    const before = await snapshot(join(root, 'dist'));
    await writeFile(join(root, 'content/tin-so-3.md'), files['content/tin-so-3.md']!.replace('title: Tin số 3', 'title: "Tin số 3 mới"'));
    await writeFile(join(root, 'content/tin-so-4.md'), files['content/tin-so-4.md']!.replace(/date: .*/, 'date: 31/02/2020'));
    await expect(build({ root, incremental: true })).rejects.toBeInstanceOf(BuildFailure);
    expect(await snapshot(join(root, 'dist'))).toEqual(before);
    await writeFile(join(root, 'content/tin-so-4.md'), files['content/tin-so-4.md']!);
    await build({ root, incremental: true });
    expect(await snapshot(join(root, 'dist'))).toEqual(await clean(root));
  });
});

describe('the record on disk', () => {
  it('writes each run of cards as it read it, and an edited card anew', async () => {
    const root = await makeSite({});
    const path = join(root, '.bantin-cache', 'build-test.bin');
    const card = (i: number, title: string) => ({ relativePath: `tin-${i}.md`, version: `v${i}`, title }) as unknown as Article;
    const record = new BuildCache();
    record.environment = 'e';
    for (let i = 0; i < 1200; i++) record.articles.set(`tin-${i}.md`, { stamp: `s${i}`, article: card(i, `Tin ${i}`) });
    await saveRecord(path, record, []);
    const read = loadRecord(path, 'e')!.body()!;
    expect([...read.articles.values()].map(({ article }) => article.title)).toEqual([...record.articles.values()].map(({ article }) => article.title));
    // One card edited, in the second run: that run is serialized again, the others are written as read.
    read.articles.set('tin-700.md', { stamp: 's700b', article: card(700, 'Tin đã sửa') });
    await saveRecord(path, read, []);
    const again = loadRecord(path, 'e')!.body()!;
    expect(again.articles.get('tin-700.md')!.article.title).toBe('Tin đã sửa');
    expect(again.articles.get('tin-699.md')!.article.title).toBe('Tin 699');
    expect(again.articles.get('tin-1199.md')!.article.title).toBe('Tin 1199');
    expect(again.articles.size).toBe(1200);
  });
});
