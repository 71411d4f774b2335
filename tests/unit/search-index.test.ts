// The search index: Vietnamese folding, one file per month read by MiniSearch as the browser reads it.
import MiniSearch from 'minisearch';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { build, MemoryWriter } from '../../src/index.js';
import { fold, SEARCH_FIELDS, STORED_FIELDS } from '../../src/search/fold.js';
import { markdownWords } from '../../src/render/search.js';
import { article, makeSite } from '../helpers/site.js';

const read = (writer: MemoryWriter, path: string) => Buffer.from(writer.files.get(path)!).toString('utf8');

describe('Vietnamese folding', () => {
  it('drops tone marks and case, and reads đ as d', () => {
    for (const text of ['ho an toan', 'hộ an toàn', 'HỘ AN TOÀN', 'Ho An Toan', 'Hồ An Toàn']) expect(fold(text)).toBe('ho an toan');
    expect(fold('Đường ĐI')).toBe('duong di');
    // Decomposed input (as some keyboards send it) folds the same.
    expect(fold('hộ'.normalize('NFD'))).toBe('ho');
  });
});

describe('the search index files', () => {
  it('are one per month, listed newest first, each a MiniSearch index of its articles', async () => {
    const root = await makeSite({
      'content/ho-an-toan-thon-ban-binh-yen.md': article({ title: 'Hộ an toàn, thôn bản bình yên', date: '2020-09-08', category: 'Thời sự', summary: 'Mô hình tự quản.' }, 'Làm **đường** bê tông &amp; cầu.'),
      'content/b.md': article({ title: 'Tin tháng mười', date: '2020-10-01' }),
      'content/c.md': article({ title: 'Tin tháng mười nữa', date: '2020-10-20' }),
    });
    const writer = new MemoryWriter();
    await build({ root, writer });
    const manifest = JSON.parse(read(writer, 'tim-kiem/index.json'));
    expect(manifest.shards).toEqual([
      { file: expect.stringMatching(/^2020-10\.[0-9a-f]{10}\.json$/), year: 2020, month: 10, count: 2 },
      { file: expect.stringMatching(/^2020-09\.[0-9a-f]{10}\.json$/), year: 2020, month: 9, count: 1 },
    ]);
    expect(manifest.strings.searchResults).toBe('kết quả');
    const index = MiniSearch.loadJSON(read(writer, `tim-kiem/${manifest.shards[1].file}`), { fields: [...SEARCH_FIELDS], storeFields: [...STORED_FIELDS], processTerm: fold });
    const [hit] = index.search('duong cau', { combineWith: 'AND' });
    expect(hit).toMatchObject({ title: 'Hộ an toàn, thôn bản bình yên', url: 'ho-an-toan-thon-ban-binh-yen/', date: '2020-09-08', section: 'Thời sự', excerpt: 'Mô hình tự quản.' });
    expect(index.search('HỘ AN TOÀN', { combineWith: 'AND' })).toHaveLength(1);
    expect(writer.files.has('tim-kiem/index.html')).toBe(true);
  });

  it('split a busy month by week, a busy week by day and a busy day in sixties, each named by its days', async () => {
    const files = Object.fromEntries(Array.from({ length: 130 }, (_, i) => [`content/t${i}.md`, article({ title: `Tin ${i}`, date: `2021-02-${String(1 + (i % 28)).padStart(2, '0')}` })]));
    // 70 on 9 March, 10 more in its week, one more in the month.
    for (let i = 0; i < 81; i++) files[`content/m${i}.md`] = article({ title: `Tin ${i}`, date: `2021-03-${i < 70 ? '09' : i < 80 ? '10' : '20'}`, slug: `m${i}` });
    const writer = new MemoryWriter();
    await build({ root: await makeSite(files), writer });
    const manifest = JSON.parse(read(writer, 'tim-kiem/index.json'));
    expect(manifest.shards.map((shard: { file: string; count: number }) => [shard.file.replace(/\.\w+\.json$/, ''), shard.count])).toEqual([
      ['2021-03-3', 1], ['2021-03-10', 10], ['2021-03-09-1', 60], ['2021-03-09-2', 10],
      ['2021-02-4', 28], ['2021-02-3', 32], ['2021-02-2', 35], ['2021-02-1', 35],
    ]);
  });

  it('sit under search/ on an English site', async () => {
    const root = await makeSite({ 'bantin.yaml': 'language: en\n', 'content/a.md': article({ date: '2020-09-08' }) });
    const writer = new MemoryWriter();
    await build({ root, writer });
    expect([...writer.files.keys()].filter((path) => path.startsWith('search/')).sort()).toEqual([
      expect.stringMatching(/^search\/2020-09\.\w+\.json$/), 'search/index.html', 'search/index.json', 'search/terms-0.json',
    ]);
  });

  it('read the words of a body, not its link addresses, tags or entities', () => {
    const words = markdownWords('Làm **đường** &amp; <b>cầu</b> [mới](../tin-so-3/ "Tin") https://x.example/a\n\n[1]: http://y.example/\n');
    expect(words.split(/[^\p{L}\d]+/u).filter(Boolean)).toEqual(['Làm', 'đường', 'cầu', 'mới']);
  });

  it('ship the MiniSearch that wrote them to the browser', () => {
    const installed = JSON.parse(readFileSync(new URL('../../node_modules/minisearch/package.json', import.meta.url), 'utf8')).version;
    expect(readFileSync(new URL('../../templates/assets/minisearch.js', import.meta.url), 'utf8')).toMatch(new RegExp(`^/\\*! MiniSearch ${installed.replace(/\./g, '\\.')} `));
  });
});
