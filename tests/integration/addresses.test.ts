// Addresses that never break: from file names, recurring headlines, old addresses, links by file.
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, BuildFailure, MemoryWriter } from '../../src/index.js';
import { checkSite } from '../../src/check/check.js';
import { newArticle } from '../../src/commands/new.js';
import { defaultConfig, loadConfig } from '../../src/config.js';
import { loadSite } from '../../src/load-site.js';
import { brokenLinks, htmlFiles, linksIn } from '../helpers/crawl.js';
import { article, makeSite, writeFiles } from '../helpers/site.js';
import { said } from '../helpers/messages.js';

const NOW = Date.UTC(2022, 0, 1);

async function failure(promise: Promise<unknown>): Promise<BuildFailure> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BuildFailure);
  return error as BuildFailure;
}

/** Each article file of the site with the address it gets. */
async function addresses(root: string): Promise<Map<string, string>> {
  const { site, problems } = await loadSite({ root, now: NOW });
  expect(problems).toEqual([]);
  return new Map(site!.articles.map((a) => [a.relativePath, a.url]));
}

describe('a title edit', () => {
  it('moves no article: a site with every title edited rebuilds with identical addresses', async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [
      `content/2021/0${(i % 9) + 1}/tin-${i}.md`, article({ title: `Tin số ${i} về Bắc Kạn`, date: `2021-0${(i % 9) + 1}-1${i % 10}` }),
    ]));
    const root = await makeSite(files);
    const first = await build({ root, now: NOW, incremental: true });
    const before = await htmlFiles(first.outDir);
    await writeFiles(root, Object.fromEntries(Object.entries(files).map(([path, text]) => [path, text.replace(/title: Tin số (\d+)/, 'title: Tin thứ $1 (đã sửa)')])));
    const second = await build({ root, now: NOW, incremental: true });
    expect(await htmlFiles(second.outDir)).toEqual(before);
    expect(await readFile(join(second.outDir, 'tin-3/index.html'), 'utf8')).toContain('Tin thứ 3 (đã sửa)');
    expect((await checkSite({ root, now: NOW })).problems.filter((p) => said(p.message)!.includes('address changed'))).toEqual([]);
  });
});

describe('recurring headlines', () => {
  const TITLES = ['Thông báo', 'Lịch công tác tuần của UBND tỉnh', 'Giấy mời họp', 'Tin vắn', 'Kết luận của Chủ tịch UBND tỉnh',
    'Công văn', 'Thông cáo báo chí', 'Lịch tiếp công dân', 'Bản tin thời tiết', 'Tin nội bộ'];

  it('500 articles sharing 10 titles build, and one more moves none of them', async () => {
    const root = await makeSite({});
    const config = defaultConfig({ defaultAuthor: 'Văn phòng' });
    // Several a day, each named by `bantin new` when it was written.
    for (let i = 0; i < 500; i++) {
      await newArticle({ title: TITLES[i % 10]!, root, config, now: Date.UTC(2021, 0, 1 + Math.floor(i / 25), 2, i % 60) });
    }
    const before = await addresses(root);
    expect(before.size).toBe(500);
    expect(new Set(before.values()).size).toBe(500);
    expect(before.get('2021/01/thong-bao.md')).toBe('thong-bao/');
    expect([...before.values()]).toContain('thong-bao-2021-01-01-2/');
    const result = await build({ root, now: NOW, writer: new MemoryWriter(), threads: 1 });
    expect(result.articles).toBe(500);

    // One more, dated among them: every address stays; removing the first moves none either.
    await newArticle({ title: 'Thông báo', root, config, now: Date.UTC(2021, 0, 5, 2, 30) });
    const after = await addresses(root);
    expect(after.size).toBe(501);
    for (const [file, url] of before) expect(after.get(file), file).toBe(url);
    await rm(join(root, 'content/2021/01/thong-bao.md'));
    const removed = await addresses(root);
    for (const [file, url] of removed) expect(url, file).toBe(after.get(file));
  });

  it('two files that would truly write one page are an error naming both, with line and column', async () => {
    const root = await makeSite({
      'content/2020/09/thong-bao.md': article({ title: 'Thông báo' }),
      'content/2021/03/thong-bao.md': article({ title: 'Thông báo số 2', date: '2021-03-01' }),
    });
    const error = await failure(build({ root, writer: new MemoryWriter() }));
    expect(error.problems).toHaveLength(1);
    const [problem] = error.problems;
    expect(problem).toMatchObject({ file: expect.stringContaining('2020/09/thong-bao.md'), line: 1, column: 1 });
    expect(problem!.message).toContain('2021/03/thong-bao.md:1:1');
    expect(problem!.message).toContain('Rename one of the files');
  });
});

describe('old addresses (aliases)', () => {
  const moved = article({ title: 'Khởi công cầu treo', aliases: '[/tin-cu/cau-treo/, /2019/05/cau.html, /tin.aspx?id=1]' });

  it('make a redirect page and a _redirects line each, with the site\'s folder', async () => {
    const root = await makeSite({
      'bantin.yaml': 'baseUrl: https://backan.gov.vn/bantin/\n',
      'content/2021/03/cau-treo.md': moved.replace('?id=1', ''),
    });
    const writer = new MemoryWriter();
    await build({ root, writer, now: NOW });
    const page = writer.text('tin-cu/cau-treo/index.html')!;
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=../../cau-treo/">');
    expect(page).toContain('<link rel="canonical" href="https://backan.gov.vn/bantin/cau-treo/">');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain('<a href="../../cau-treo/">Khởi công cầu treo</a>');
    expect(writer.text('2019/05/cau.html')).toContain('url=../../cau-treo/');
    expect(writer.text('_redirects')).toBe([
      '/bantin/tin-cu/cau-treo/ /bantin/cau-treo/ 301',
      '/bantin/2019/05/cau.html /bantin/cau-treo/ 301',
      '/bantin/tin.aspx /bantin/cau-treo/ 301',
      '',
    ].join('\n'));
    expect(writer.text('sitemap.xml')).not.toContain('tin-cu');
  });

  it('refuses one that is another page\'s address or another alias, naming both', async () => {
    const root = await makeSite({
      'content/a/cau-treo.md': moved.replace(', /tin.aspx?id=1', ''),
      'content/b/cau-moi.md': article({ title: 'Cầu mới', aliases: '\n  - /chuyen-muc/\n  - /tin-cu/cau-treo' }),
    });
    const error = await failure(build({ root, writer: new MemoryWriter() }));
    const messages = error.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/cau-moi\.md:6:5 The alias "\/chuyen-muc\/" would be written to chuyen-muc\/index\.html, like a page bantin makes/),
      expect.stringMatching(/cau-treo\.md:5:10 The alias "\/tin-cu\/cau-treo\/" would be written to tin-cu\/cau-treo\/index\.html, like the alias "\/tin-cu\/cau-treo\/" of .*cau-moi\.md:7:5\. Remove this alias/),
    ]);
  });

  it('refuses a query or a fragment, where it is written', async () => {
    const root = await makeSite({ 'content/cau-treo.md': moved });
    const error = await failure(build({ root, writer: new MemoryWriter() }));
    expect(error.problems[0]).toMatchObject({ line: 5, message: expect.stringContaining('has a "?" or "#" part') });
  });
});

describe('links by file', () => {
  const site = {
    'bantin.yaml': 'baseUrl: https://backan.gov.vn/bantin/\nfeeds: { content: full }\n',
    'content/2020/09/bac-kan.md': article({ title: 'Bắc Kạn', category: 'Thời sự' }, '## Kết quả đạt được\n\nCó 76.303 hộ.\n\n## Kết quả đạt được\n\nLần hai.'),
    'content/2020/10/tin-sau.md': article({ title: 'Tin sau', date: '2020-10-01' },
      'Xem [bài trước](../09/bac-kan.md) và [kết quả](../09/bac-kan.md#ket-qua-dat-duoc-1).'),
  };

  it('lead to the article\'s address in its page and in the feeds, whatever the permalink', async () => {
    for (const [permalink, href] of [['/:slug/', '../bac-kan/'], ['/:year/:month/:day/:section/:slug/', '../../../../../2020/09/08/thoi-su/bac-kan/']]) {
      const root = await makeSite({ ...site, 'bantin.yaml': `${site['bantin.yaml']}permalink: ${permalink}\n` });
      const writer = new MemoryWriter();
      await build({ root, writer, now: NOW });
      const page = [...writer.files.keys()].find((path) => path.includes('tin-sau/'))!;
      expect(linksIn(writer.text(page)!)).toEqual(expect.arrayContaining([href, `${href}#ket-qua-dat-duoc-1`]));
      const absolute = `https://backan.gov.vn/bantin/${permalink === '/:slug/' ? '' : '2020/09/08/thoi-su/'}bac-kan/`;
      expect(writer.text('rss.xml')).toContain(`href=&quot;${absolute}#ket-qua-dat-duoc-1&quot;`);
    }
  });

  it('are checked by the build, which stops on a broken one unless brokenLinks: warn', async () => {
    const broken = { ...site, 'content/2020/10/tin-sau.md': site['content/2020/10/tin-sau.md'].replace('bac-kan.md#ket-qua-dat-duoc-1', 'bac-kan.md#ket-qua').replace('(../09/bac-kan.md)', '(../09/bac-kann.md)') };
    const root = await makeSite(broken);
    const error = await failure(build({ root, now: NOW }));
    expect(error.problems.map((p) => [p.line, p.column])).toEqual([[7, 17], [7, 49]]);
    expect(error.problems[0]!.message).toContain('the article file 2020/09/bac-kann.md');
    expect(error.problems[1]!.message).toContain('has no heading or footnote with that id. Its ids: #ket-qua-dat-duoc, #ket-qua-dat-duoc-1.');
    // The linked article has headings but no link: its ids are read from its body when a link asks.
    const report = await checkSite({ root, now: NOW });
    expect(report.problems.filter((p) => p.file?.endsWith('tin-sau.md')).map((p) => [p.line, p.column, said(p.message)!.includes('Its ids: #ket-qua-dat-duoc, #ket-qua-dat-duoc-1.')])).toEqual([[7, 17, false], [7, 49, true]]);
    await writeFiles(root, { 'bantin.yaml': `${site['bantin.yaml']}brokenLinks: warn\n` });
    const result = await build({ root, now: NOW });
    expect(result.warnings.filter((w) => said(w)!.includes('tin-sau.md:7:'))).toHaveLength(2);
  });

  it('re-render a page whose linked article moved, as a clean build would make it', async () => {
    // The linked article is no neighbour, related or other news of the page: only the link ties them.
    const root = await makeSite({
      ...site,
      'bantin.yaml': `${site['bantin.yaml']}otherNewsCount: 0\nrelatedCount: 0\n`,
      'content/2020/09/giua-1.md': article({ title: 'Giữa một', date: '2020-09-20' }),
      'content/2020/09/giua-2.md': article({ title: 'Giữa hai', date: '2020-09-25' }),
    });
    await build({ root, now: NOW, incremental: true });
    await writeFiles(root, { 'content/2020/09/bac-kan.md': site['content/2020/09/bac-kan.md'].replace('category:', 'slug: bac-kan-2020\ncategory:') });
    const again = await build({ root, now: NOW, incremental: true });
    const page = await readFile(join(again.outDir, 'tin-sau/index.html'), 'utf8');
    expect(linksIn(page)).toContain('../bac-kan-2020/#ket-qua-dat-duoc-1');
    const clean = new MemoryWriter();
    await build({ root, now: NOW, writer: clean });
    expect(page).toBe(clean.text('tin-sau/index.html'));
  });
});

describe('bantin check after a build', () => {
  it('warns about an address that changed without an alias, and a published file that is gone', async () => {
    const root = await makeSite({
      'content/2020/09/bac-kan.md': article({ title: 'Bắc Kạn' }),
      'content/2020/09/tin-khac.md': article({ title: 'Tin khác' }),
    });
    await build({ root, now: NOW, incremental: true });
    await writeFiles(root, { 'content/2020/09/bac-kan.md': article({ title: 'Bắc Kạn', slug: 'bac-kan-moi' }) });
    await rename(join(root, 'content/2020/09/tin-khac.md'), join(root, 'content/2020/09/tin-khac-2.md'));
    const warnings = (await checkSite({ root, now: NOW })).problems.filter((p) => p.file !== 'bantin.yaml');
    expect(warnings.map((w) => [w.file, w.line, said(w.message)!.slice(0, 60)])).toEqual([
      ['content/2020/09/bac-kan.md', 5, 'This article\'s address changed since the last build, from "/'],
      ['content/2020/09/tin-khac.md', undefined, 'This file is gone, and the address the last build published '],
    ]);
    expect(said(warnings[0]!.message)).toContain('Add "aliases: [/bac-kan/]" to send readers here (or "slug: bac-kan" to keep the old address).');
    await writeFiles(root, {
      'content/2020/09/bac-kan.md': article({ title: 'Bắc Kạn', slug: 'bac-kan-moi', aliases: '[/bac-kan/]' }),
      'content/2020/09/tin-khac-2.md': article({ title: 'Tin khác', aliases: '[/tin-khac/]' }),
    });
    expect((await checkSite({ root, now: NOW })).problems.filter((p) => p.file !== 'bantin.yaml')).toEqual([]);
  });
});

describe('switching the permalink pattern', () => {
  it('leaves every internal link of the built site working', async () => {
    const fixture = new URL('../fixtures/golden/', import.meta.url).pathname;
    for (const permalink of ['/:slug/', '/:section/:year/:slug/', '/:year/:month/:day/:slug/']) {
      const root = await makeSite({});
      const outDir = join(root, 'dist');
      const config = { ...loadConfig(join(fixture, 'bantin.yaml'), 'bantin.yaml'), permalink };
      await build({ root: fixture, outDir, config, now: NOW, drafts: false });
      expect(await brokenLinks(outDir, '/bantin/'), permalink).toEqual([]);
      expect(await missingAnchors(outDir), permalink).toEqual([]);
    }
  });
});

/** Links with a `#` to a page of the site whose target has no such id. */
async function missingAnchors(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (const file of await htmlFiles(dir)) {
    const base = new URL(file, 'http://bantin.test/');
    for (const link of linksIn(await readFile(join(dir, file), 'utf8'))) {
      const url = new URL(link, base);
      if (url.origin !== base.origin || url.hash === '') continue;
      const target = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
      const html = await readFile(join(dir, decodeURIComponent(target)), 'utf8').catch(() => '');
      if (!html.includes(`id="${decodeURIComponent(url.hash.slice(1))}"`)) missing.push(`${file}: ${link}`);
    }
  }
  return missing;
}
