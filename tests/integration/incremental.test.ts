// Rebuilds with a cache: only what a change affects is rendered again, and the result equals a clean build.
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, BuildFailure, MemoryWriter } from '../../src/index.js';
import { MemorySite } from '../../src/dev/memory-site.js';
import { BuildCache } from '../../src/incremental.js';
import { article, makeSite, writeFiles } from '../helpers/site.js';

const files = Object.fromEntries(
  Array.from({ length: 30 }, (_, i) => [
    `content/tin-so-${i}.md`,
    article(
      { title: `Tin số ${i}`, summary: `Sapo ${i}`, date: `2020-0${1 + (i % 9)}-1${i % 10}`, category: ['Thời sự', 'Kinh tế', 'Giáo dục'][i % 3]!, tags: `[chủ đề ${i % 4}]` },
      `Nội dung của tin số ${i}.`,
    ),
  ]),
);

async function cleanBuild(root: string, now?: number): Promise<Map<string, string>> {
  const writer = new MemoryWriter();
  await build({ root, writer, ...(now !== undefined && { now }) });
  return new Map([...writer.files].map(([path, content]) => [path, Buffer.from(content).toString('base64')]));
}

/** Index files by their dates: `tim-kiem/2020-08.5636a32972.json` -> `tim-kiem/2020-08.json`. */
const unversioned = (paths: readonly string[]) => paths.map((path) => path.replace(/\.[0-9a-f]{10}\.json$/, '.json')).sort();

function contents(site: MemorySite, paths: Iterable<string>): Map<string, string> {
  return new Map([...paths].map((path) => [path, Buffer.from(site.get(path)!).toString('base64')]));
}

describe('incremental rebuilds', () => {
  it('re-renders only the page of an article whose body changed', async () => {
    const root = await makeSite({ 'bantin.yaml': 'baseUrl: https://tin.example/\n', ...files });
    const site = new MemorySite();
    const cache = new BuildCache();
    await build({ root, writer: site, cache });
    const all = site.changedPaths.length;
    expect(all).toBeGreaterThan(60);

    await writeFile(join(root, 'content/tin-so-7.md'), files['content/tin-so-7.md']!.replace('Nội dung của tin số 7.', 'Nội dung mới.'));
    const result = await build({ root, writer: site, cache });
    // Its page, its open-data file (which carries the text) and the search index of its month alone
    // (tin 7 is dated 2020-08-17), under a new name (the old one removed), with the list naming it
    // and the directory file whose words came to or left the month.
    expect(unversioned(site.changedPaths)).toEqual(['api/articles/tin-so-7.json', 'tim-kiem/2020-08.json', 'tim-kiem/2020-08.json', 'tim-kiem/index.json', 'tim-kiem/terms-0.json', 'tin-so-7/index.html']);
    // Feeds carry the lead, not the body, so they are the same; only the sitemap is always redone.
    expect(result.rendered).toBeLessThanOrEqual(6);

    const again = await build({ root, writer: site, cache });
    expect(site.changedPaths).toEqual([]);
    expect(again.rendered).toBeLessThanOrEqual(1);
  });

  it('re-renders the listings that show an article whose title changed, and not the rest', async () => {
    const root = await makeSite({ 'bantin.yaml': 'baseUrl: https://tin.example/\n', ...files });
    const site = new MemorySite();
    const cache = new BuildCache();
    await build({ root, writer: site, cache });

    await writeFile(join(root, 'content/tin-so-7.md'), files['content/tin-so-7.md']!.replace('title: Tin số 7', 'title: "Tin số 7 (đã sửa)"'));
    await build({ root, writer: site, cache });
    const changed = new Set(site.changedPaths);
    expect(changed).toContain('tin-so-7/index.html');
    expect(changed).toContain('chuyen-muc/kinh-te/index.html');
    expect(changed).toContain('rss.xml');
    // The address comes from the file name: the sitemap, which lists addresses and dates, stays.
    expect(changed).not.toContain('sitemap.xml');
    // An article page that shows nothing of tin 7 stays as it was.
    const untouched = [...(await cleanBuild(root)).keys()].filter((path) => path.endsWith('/index.html') && !changed.has(path));
    expect(untouched.length).toBeGreaterThan(10);
    expect(changed).not.toContain('chuyen-muc/thoi-su/index.html');
  });

  it('ends with exactly the files of a clean build, after edits, additions, removals and a template change', async () => {
    const root = await makeSite({ 'bantin.yaml': 'baseUrl: https://tin.example/\n', ...files });
    const site = new MemorySite();
    const cache = new BuildCache();
    await build({ root, writer: site, cache });
    const paths = () => cleanBuild(root);

    await writeFile(join(root, 'content/tin-so-3.md'), files['content/tin-so-3.md']!.replace('date: 2020-04-13', 'date: 2021-12-31'));
    await writeFiles(root, { 'content/moi.md': article({ title: 'Tin hoàn toàn mới', category: 'Văn hóa' }) });
    const { rm } = await import('node:fs/promises');
    await rm(join(root, 'content/tin-so-12.md'));
    await build({ root, writer: site, cache });
    let clean = await paths();
    expect(contents(site, clean.keys())).toEqual(clean);

    await writeFiles(root, { 'templates/partials/article-item.njk': '<p class="item">{{ item.title }}</p>\n' });
    await build({ root, writer: site, cache });
    clean = await paths();
    expect(contents(site, clean.keys())).toEqual(clean);
    expect(site.get('index.html')!.toString()).toContain('<p class="item">');

    await writeFiles(root, { 'bantin.yaml': 'baseUrl: https://tin.example/\ntitle: Tên mới\n' });
    await build({ root, writer: site, cache });
    clean = await paths();
    expect(contents(site, clean.keys())).toEqual(clean);
  });

  // Each article has two files that show its text: its page and its open-data file (api/articles/).
  describe('told which article files were edited (as bantin dev is)', () => {
    async function warm(config = 'baseUrl: https://tin.example/\n') {
      const root = await makeSite({ 'bantin.yaml': config, ...files });
      const site = new MemorySite();
      const cache = new BuildCache();
      await build({ root, writer: site, cache });
      const rebuild = (...edited: string[]) => build({ root, writer: site, cache, edited: edited.map((name) => join(root, 'content', name)) });
      const same = async () => {
        const clean = await cleanBuild(root);
        expect(contents(site, clean.keys())).toEqual(clean);
      };
      // A rebuild not told which files changed: it looks at every file.
      const again = () => build({ root, writer: site, cache });
      return { root, site, cache, rebuild, again, same };
    }

    it('renders only the page of a text edited, and ends as a clean build', async () => {
      const { root, site, rebuild, same } = await warm();
      await writeFile(join(root, 'content/tin-so-7.md'), files['content/tin-so-7.md']!.replace('Nội dung của tin số 7.', 'Nội dung mới.'));
      const result = await rebuild('tin-so-7.md');
      // Its page, its open-data file, its month's search index, the list and the directory.
      expect(result.rendered).toBe(5);
      expect(unversioned(site.changedPaths)).toEqual(['api/articles/tin-so-7.json', 'tim-kiem/2020-08.json', 'tim-kiem/2020-08.json', 'tim-kiem/index.json', 'tim-kiem/terms-0.json', 'tin-so-7/index.html']);
      expect(site.get('tin-so-7/index.html')!.toString()).toContain('Nội dung mới.');
      await same();
    });

    it('takes an edited file named relative to the working folder as the same file', async () => {
      const { root, site, cache, same } = await warm();
      await writeFile(join(root, 'content/tin-so-7.md'), files['content/tin-so-7.md']!.replace('Nội dung của tin số 7.', 'Nội dung mới.'));
      const result = await build({ root, writer: site, cache, edited: [relative(process.cwd(), join(root, 'content/tin-so-7.md'))] });
      expect(result.rendered).toBe(5);
      expect(site.get('tin-so-7/index.html')!.toString()).toContain('Nội dung mới.');
      await same();
    });

    it('after text edits in a row, to several files at once and back to a first text, ends each time as a clean build', async () => {
      const { root, site, rebuild, same } = await warm();
      const edit = (i: number, text: string) =>
        writeFile(join(root, `content/tin-so-${i}.md`), files[`content/tin-so-${i}.md`]!.replace(`Nội dung của tin số ${i}.`, text));
      await edit(7, 'Lần một.');
      expect((await rebuild('tin-so-7.md')).rendered).toBe(5);
      await edit(7, 'Lần hai.');
      await edit(4, 'Tin bốn đã sửa.');
      expect((await rebuild('tin-so-7.md', 'tin-so-4.md')).rendered).toBe(8);
      expect(unversioned(site.changedPaths)).toEqual([
        'api/articles/tin-so-4.json', 'api/articles/tin-so-7.json', 'tim-kiem/2020-05.json', 'tim-kiem/2020-05.json', 'tim-kiem/2020-08.json', 'tim-kiem/2020-08.json',
        'tim-kiem/index.json', 'tim-kiem/terms-0.json', 'tin-so-4/index.html', 'tin-so-7/index.html',
      ]);
      await same();
      await writeFile(join(root, 'content/tin-so-7.md'), files['content/tin-so-7.md']!);
      // Told of a file whose bytes did not change: nothing to render.
      expect((await rebuild('tin-so-7.md', 'tin-so-4.md')).rendered).toBe(5);
      expect(site.get('tin-so-7/index.html')!.toString()).toContain('Nội dung của tin số 7.');
      await same();
    });

    it('after a text edit, publishes a scheduled article that fell due since the last build', async () => {
      const root = await makeSite({
        'bantin.yaml': 'baseUrl: https://tin.example/\n',
        ...files,
        'content/tin-hen-gio.md': article({ title: 'Tin hẹn giờ', date: '2020-12-01T08:00:00+07:00' }),
      });
      const [before, after] = [Date.parse('2020-11-30T00:00:00Z'), Date.parse('2020-12-02T00:00:00Z')];
      const site = new MemorySite();
      const cache = new BuildCache();
      await build({ root, writer: site, cache, now: before });
      expect(site.get('tin-hen-gio/index.html')).toBeUndefined();
      await writeFile(join(root, 'content/tin-so-7.md'), files['content/tin-so-7.md']!.replace('Nội dung của tin số 7.', 'Nội dung mới.'));
      await build({ root, writer: site, cache, now: after, edited: [join(root, 'content/tin-so-7.md')] });
      expect(site.get('tin-hen-gio/index.html')).toBeDefined();
      const clean = await cleanBuild(root, after);
      expect(contents(site, clean.keys())).toEqual(clean);
    });

    it('after text edits, a rebuild not told of them still finds every edit', async () => {
      const { root, site, rebuild, again, same } = await warm();
      await writeFile(join(root, 'content/tin-so-7.md'), files['content/tin-so-7.md']!.replace('Nội dung của tin số 7.', 'Lần một.'));
      await rebuild('tin-so-7.md');
      await writeFile(join(root, 'content/tin-so-7.md'), files['content/tin-so-7.md']!.replace('Nội dung của tin số 7.', 'Lần hai.'));
      await writeFile(join(root, 'content/tin-so-3.md'), files['content/tin-so-3.md']!.replace('Nội dung của tin số 3.', 'Tin ba đã sửa.'));
      expect((await again()).rendered).toBe(8);
      expect(site.get('tin-so-7/index.html')!.toString()).toContain('Lần hai.');
      expect(site.get('tin-so-3/index.html')!.toString()).toContain('Tin ba đã sửa.');
      await same();
    });

    it('with full-text feeds, renders the feeds that carry the text too', async () => {
      const { root, site, rebuild, same } = await warm('baseUrl: https://tin.example/\nfeeds:\n  content: full\n');
      await writeFile(join(root, 'content/tin-so-8.md'), files['content/tin-so-8.md']!.replace('Nội dung của tin số 8.', 'Nội dung đã sửa.'));
      await rebuild('tin-so-8.md');
      expect(site.changedPaths).toContain('tin-so-8/index.html');
      expect(site.changedPaths).toContain('feed.json');
      await same();
    });

    it('renders only the pages that show an article whose lead changed, looks at no other, and ends as a clean build', async () => {
      const { root, site, cache, same } = await warm();
      const pages = (await cleanBuild(root)).size;
      // Tin 9 is one of the oldest: no other article page lists it among the latest news.
      await writeFile(join(root, 'content/tin-so-9.md'), files['content/tin-so-9.md']!.replace('summary: Sapo 9', 'summary: Sapo mới của tin chín'));
      let looked = 0;
      const onProgress = (progress: { stage: string }) => void (progress.stage === 'render' && looked++);
      const result = await build({ root, writer: site, cache, edited: [join(root, 'content/tin-so-9.md')], onProgress });
      // Its page, its section's, tag's, author's and archive listings, the pages that link to it
      // (neighbours, related news): not the others, which are not even fingerprinted again.
      expect(result.rendered).toBeGreaterThan(3);
      expect(looked).toBeLessThan(pages / 4);
      expect(site.changedPaths).toContain('tin-so-9/index.html');
      expect(site.changedPaths).toContain('chuyen-muc/thoi-su/index.html');
      expect(site.changedPaths).not.toContain('chuyen-muc/kinh-te/index.html');
      expect(site.get('tin-so-9/index.html')!.toString()).toContain('Sapo mới của tin chín');
      await same();
    });

    it('after edits to what lists show, in a row, each ends as a clean build, whether the article stays in its place or moves', async () => {
      const { root, rebuild, same } = await warm();
      const text = (i: number) => files[`content/tin-so-${i}.md`]!;
      const edits: [number, (before: string) => string][] = [
        [7, (t) => t.replace('summary: Sapo 7', 'summary: Sapo khác')],
        [7, (t) => t.replace('title: Tin số 7', 'title: Tin số 7\nslug: tin-so-7')],
        // With a slug, a new title leaves the address as it was.
        [7, (t) => t.replace('title: Tin số 7', 'title: Tin bảy đã đổi tên')],
        [3, (t) => t.replace(/^author: .*$/m, 'author: Phóng viên khác')],
        [3, (t) => t.replace(/^tags: .*$/m, 'tags: [chủ đề 1, mới]')],
        [5, (t) => t.replace(/^category: .*$/m, 'category: Văn hóa')],
        [5, (t) => t.replace(/^date: .*$/m, 'date: 2021-01-01')],
        [12, (t) => t.replace('summary: Sapo 12', 'summary: Sapo mười hai\ndraft: true')],
        [12, (t) => t.replace('draft: true', 'nguon: Báo Bắc Kạn')],
        [20, (t) => t.replace('Nội dung của tin số 20.', 'Nội dung mới.').replace('summary: Sapo 20', 'summary: Sapo hai mươi')],
      ];
      const now: Record<number, string> = {};
      for (const [i, change] of edits) {
        now[i] = change(now[i] ?? text(i));
        await writeFile(join(root, `content/tin-so-${i}.md`), now[i]!);
        await rebuild(`tin-${i}.md`).catch((error: BuildFailure) => expect.fail(error.problems.map((p) => p.message).join('\n')));
        await same();
      }
    });

    it('when a new title reorders articles of the same moment, collects the site again', async () => {
      const dated = (title: string, slug: string) => article({ title, slug, date: '2021-01-01T08:00:00+07:00', category: 'Thời sự' });
      const root = await makeSite({ 'bantin.yaml': 'baseUrl: https://tin.example/\n', ...files, 'content/a.md': dated('An', 'a'), 'content/b.md': dated('Bình', 'b') });
      const site = new MemorySite();
      const cache = new BuildCache();
      await build({ root, writer: site, cache });
      const order = () => {
        const home = site.get('index.html')!.toString();
        return home.indexOf('href="./a/"') < home.indexOf('href="./b/"') ? 'a, b' : 'b, a';
      };
      const first = order();
      await writeFile(join(root, 'content/a.md'), dated('Xuân', 'a'));
      await build({ root, writer: site, cache, edited: [join(root, 'content/a.md')] });
      expect(order()).not.toBe(first);
      const clean = await cleanBuild(root);
      expect(contents(site, clean.keys())).toEqual(clean);
    });

    it('collects the site again when an edit changes what lists show, or the file is new', async () => {
      const { root, site, rebuild, same } = await warm();
      await writeFile(join(root, 'content/tin-so-7.md'), files['content/tin-so-7.md']!.replace('title: Tin số 7', 'title: "Tin số 7 (đã sửa)"'));
      await rebuild('tin-so-7.md');
      expect(site.changedPaths).toContain('chuyen-muc/kinh-te/index.html');
      expect(site.get('tin-so-7/index.html')?.toString(), 'a title edit keeps the address').toContain('Tin số 7 (đã sửa)');
      await same();

      await writeFiles(root, { 'content/tin-hoan-toan-moi.md': article({ title: 'Tin hoàn toàn mới', category: 'Văn hóa' }) });
      await rebuild('tin-hoan-toan-moi.md');
      expect(site.get('tin-hoan-toan-moi/index.html')).toBeDefined();
      await same();
    });

    it('reports a mistake in the edited file, and keeps the last good site', async () => {
      const { root, site, rebuild, same } = await warm();
      const before = site.get('tin-so-7/index.html');
      await writeFile(join(root, 'content/tin-so-7.md'), files['content/tin-so-7.md']!.replace(/date: .*/, 'date: 31/02/2020'));
      const failure = await rebuild('tin-so-7.md').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BuildFailure);
      expect((failure as BuildFailure).problems.map((problem) => problem.message).join('\n')).toContain('31/02/2020');
      expect(site.get('tin-so-7/index.html')).toBe(before);

      await writeFile(join(root, 'content/tin-so-7.md'), files['content/tin-so-7.md']!.replace('Nội dung của tin số 7.', 'Đã sửa xong.'));
      await rebuild('tin-so-7.md');
      expect(site.get('tin-so-7/index.html')!.toString()).toContain('Đã sửa xong.');
      await same();
    });
  });
});
