// The example site as a news reader, a feed reader, a search engine and a web host see it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, defaultConfig, type BuildResult } from '../../src/index.js';
import { parseConfig } from '../../src/config.js';
import { brokenLinks, htmlFiles } from '../helpers/crawl.js';
import { article, makeSite } from '../helpers/site.js';

const REPO = new URL('../..', import.meta.url).pathname;
const exampleConfig = parseConfig(await readFile(join(REPO, 'bantin.yaml'), 'utf8'), 'bantin.yaml');
let out: string;
let result: BuildResult;

beforeAll(async () => {
  out = join(await makeSite({}), 'dist');
  result = await build({ root: REPO, outDir: out });
});

const read = (path: string, dir = out) => readFile(join(dir, path), 'utf8');
const BAC_KAN = 'bac-kan-tiep-tuc-nhan-rong-mo-hinh-tu-quan-ho-an-toan-thon-ban-to-dan-pho-binh-yen/index.html';

describe('listings', () => {
  it('paginates the home page under /trang/N/ with rel prev and next', async () => {
    expect(result.articles).toBeGreaterThanOrEqual(24);
    const first = await read('index.html');
    const second = await read('trang/2/index.html');
    expect(first).toContain('<link rel="next" href="./trang/2/">');
    expect(first).not.toContain('rel="prev"');
    expect(second).toContain('<link rel="prev" href="../../">');
    expect(second).toMatch(/<a href="\.\.\/\.\.\/" rel="prev">/);
    expect(second).toMatch(/aria-current="page"><span class="visually-hidden">Trang <\/span>2</);
  });

  it('has a page for every section, tag, author, year and month, and an index of each', async () => {
    for (const index of ['chuyen-muc', 'tu-khoa', 'tac-gia', 'luu-tru']) {
      expect(await read(`${index}/index.html`)).toContain('<h1');
    }
    const sections = await read('chuyen-muc/index.html');
    for (const name of ['Thời sự', 'Kinh tế', 'Văn hóa - Xã hội', 'Giáo dục']) expect(sections).toContain(`>${name}</a>`);
    const thoiSu = await read('chuyen-muc/thoi-su/index.html');
    expect(thoiSu).toContain('<h1 class="listing-title">Bản tin chuyên mục Thời sự</h1>');
    const archive = await read('luu-tru/index.html');
    expect(archive).toMatch(/href="\.\.\/luu-tru\/2020\/09\/">Tháng 9\/2020</);
    expect(await read('luu-tru/2021/index.html')).toContain('Lưu trữ 2021');
    expect(await read('tac-gia/minh-hiep/index.html')).toContain('Bắc Kạn tiếp tục nhân rộng');
  });

  it('shows the menu and sections in the navigation of every page', async () => {
    const html = await read(BAC_KAN);
    expect(html).toMatch(/<nav class="site-nav" aria-label="Menu chính">[\s\S]*Trang chủ[\s\S]*Thời sự[\s\S]*<\/nav>/);
  });
});

describe('the article page', () => {
  it('has breadcrumbs, linked tags, previous/next, related and other news', async () => {
    const html = await read(BAC_KAN);
    expect(html).toMatch(/<nav class="breadcrumbs"[\s\S]*Trang chủ<\/a><\/li>\s*<li><a href="\.\.\/chuyen-muc\/thoi-su\/">Thời sự<\/a>/);
    expect(html).toMatch(/<a class="tag" href="\.\.\/tu-khoa\/[a-z-]+\/" rel="tag">/);
    expect(html).toContain('‹ Tin trước');
    expect(html).toContain('Tin sau ›');
    expect(html).toContain('<h2 id="tin-lien-quan">Tin liên quan</h2>');
    expect(html).toContain('<h2 id="cac-tin-khac">Các tin khác</h2>');
  });

  it('tells search engines and sharing previews what it is', async () => {
    const html = await read(BAC_KAN);
    const url = `${exampleConfig.baseUrl}${BAC_KAN.replace('index.html', '')}`;
    expect(html).toContain(`<link rel="canonical" href="${url}">`);
    expect(html).toMatch(/<meta name="description" content="[^"]{20,}">/);
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta property="article:published_time" content="2020-09-08T00:00:00+07:00">');
    expect(html).toContain('<meta property="article:author" content="Minh Hiệp">');
    expect(html).toContain('<meta property="article:section" content="Thời sự">');
    expect(html).toContain('<meta property="article:tag"');
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(jsonLd).toMatchObject({
      '@type': 'NewsArticle',
      headline: expect.stringContaining('Bắc Kạn'),
      datePublished: '2020-09-08T00:00:00+07:00',
      author: { '@type': 'Person', name: 'Minh Hiệp' },
      publisher: { '@type': 'Organization', name: 'Bản tin Bắc Kạn' },
      mainEntityOfPage: { '@id': url },
    });
  });

  it('offers share links and a print button, and prints its address', async () => {
    const html = await read(BAC_KAN);
    expect(html).toContain('href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2F');
    expect(html).toMatch(/href="mailto:\?subject=/);
    expect(html).toContain('data-share="copy"');
    expect(html).toContain('data-share="print"');
    expect(html).toMatch(/<p class="print-only">Nguồn: https:\/\//);
  });
});

describe('feeds', () => {
  const xmlFeeds = ['rss.xml', 'atom.xml', 'chuyen-muc/thoi-su/rss.xml', 'chuyen-muc/giao-duc/atom.xml'];

  it.each(xmlFeeds)('%s parses with a real feed parser, newest first, with absolute links', async (path) => {
    const feed = parseFeed(await read(path));
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items.length).toBeLessThanOrEqual(exampleConfig.feeds.items);
    for (const item of feed.items) {
      expect(item.url).toMatch(/^https:\/\//);
      expect(item.title).toBeTruthy();
      expect(item.published).toBeInstanceOf(Date);
    }
    const times = feed.items.map((item) => item.published!.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('writes dates with the +07:00 offset', async () => {
    expect(await read('rss.xml')).toMatch(/<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0700<\/pubDate>/);
    expect(await read('atom.xml')).toMatch(/<published>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00<\/published>/);
  });

  it('keeps a section feed to that section', async () => {
    const feed = parseFeed(await read('chuyen-muc/giao-duc/rss.xml'));
    const home = parseFeed(await read('rss.xml'));
    expect(feed.items.length).toBeLessThan(home.items.length);
    expect(feed.items.every((item) => item.categories.some((c) => c.label === 'Giáo dục'))).toBe(true);
  });

  it('writes a JSON Feed 1.1', async () => {
    const feed = JSON.parse(await read('feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${exampleConfig.baseUrl}feed.json`);
    expect(feed.items[0]).toMatchObject({
      id: expect.stringMatching(/^https:\/\//),
      url: expect.stringMatching(/^https:\/\//),
      title: expect.any(String),
      date_published: expect.stringMatching(/\+07:00$/),
      authors: [{ name: expect.any(String) }],
    });
  });

  it('is announced in the head of every page', async () => {
    for (const file of await htmlFiles(out)) {
      const html = await read(file);
      expect(html, file).toMatch(/<link rel="alternate" type="application\/rss\+xml" title="[^"]+" href="[^"]*rss\.xml">/);
      expect(html, file).toContain('type="application/atom+xml"');
      expect(html, file).toContain('type="application/feed+json"');
    }
  });
});

describe('sitemap, robots, 404, favicon', () => {
  it('lists every page in sitemap.xml with lastmod', async () => {
    const sitemap = await read('sitemap.xml');
    const locs = [...sitemap.matchAll(/<url><loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod><\/url>/g)];
    const pages = (await htmlFiles(out)).filter((file) => file !== '404.html');
    expect(locs).toHaveLength(pages.length);
    expect(new Set(locs.map((m) => m[1]))).toEqual(new Set(pages.map((p) => exampleConfig.baseUrl + p.replace(/index\.html$/, ''))));
    expect(locs.every((m) => /\+07:00$/.test(m[2]!))).toBe(true);
  });

  it('points robots.txt at the sitemap', async () => {
    expect(await read('robots.txt')).toContain(`Sitemap: ${exampleConfig.baseUrl}sitemap.xml`);
  });

  it('has a 404 page in the site\'s look whose links work from any address', async () => {
    const html = await read('404.html');
    expect(html).toContain('class="site-header"');
    expect(html).toContain('Không tìm thấy trang');
    expect(html).toMatch(/href="\/assets\/bantin\.[0-9a-f]{8}\.css"/);
  });

  it('has a favicon', async () => {
    expect(await read('assets/favicon.svg')).toContain('<svg');
    expect(await read('index.html')).toContain('<link rel="icon" href="./assets/favicon.svg" type="image/svg+xml">');
  });
});

describe('every link resolves', () => {
  it('in the example site at the root of a domain', async () => {
    expect((await htmlFiles(out)).length).toBeGreaterThan(100);
    expect(await brokenLinks(out)).toEqual([]);
  });

  it('in the example site hosted in a sub-folder', async () => {
    const sub = join(await makeSite({}), 'dist');
    await build({ root: REPO, outDir: sub, config: { ...exampleConfig, baseUrl: 'https://backan.example/bantin/', basePath: '/bantin/' } });
    expect(await read('404.html', sub)).toMatch(/href="\/bantin\/assets\/bantin\.[0-9a-f]{8}\.css"/);
    expect(await read('index.html', sub)).toContain('<link rel="canonical" href="https://backan.example/bantin/">');
    expect(await brokenLinks(sub, '/bantin/')).toEqual([]);
    // A crawl that expected the root would notice the difference: the check is not vacuous.
    expect((await brokenLinks(sub, '/')).length).toBeGreaterThan(0);
  });

  it('with dated permalinks', async () => {
    const root = await makeSite({
      'bantin.yaml': 'baseUrl: https://tin.example/\npermalink: /:year/:month/:slug/\n',
      'content/a.md': article({ title: 'Tin tháng chín', category: 'Thời sự' }, 'Xem [tin khác](../../10/tin-thang-muoi/).'),
      'content/b.md': article({ title: 'Tin tháng mười', date: '2020-10-01', category: 'Thời sự' }),
    });
    await build({ root });
    expect(await read('2020/09/tin-thang-chin/index.html', join(root, 'dist'))).toContain('Tin tháng chín');
    expect(await brokenLinks(join(root, 'dist'))).toEqual([]);
  });
});

describe('configuration', () => {
  it('builds an English site from the locale table', async () => {
    const root = await makeSite({
      'bantin.yaml': 'title: Provincial Bulletin\nlanguage: en\nbaseUrl: https://news.example/\n',
      'content/a.md': article({ title: 'Schools open', category: 'Education', tags: '[schools]' }),
      'content/b.md': article({ title: 'Roads built', date: '2020-09-09', category: 'Education' }),
      'content/c.md': article({ title: 'Market day', date: '2020-09-10', category: 'Culture' }),
    });
    await build({ root });
    const html = await read('schools-open/index.html', join(root, 'dist'));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Tuesday, 8 September 2020');
    expect(html).toContain('<h2 id="tin-lien-quan">Related news</h2>');
    expect(html).toContain('<h2 id="cac-tin-khac">Other news</h2>');
    expect(html).toContain('href="../category/education/"');
    expect(html).toContain('aria-label="Text size"');
    expect(await brokenLinks(join(root, 'dist'))).toEqual([]);
  });

  it('shows a configured menu instead of the sections', async () => {
    const root = await makeSite({
      'bantin.yaml': 'menu:\n  - title: Giới thiệu\n    url: /gioi-thieu/\n  - title: Cổng tỉnh\n    url: https://backan.gov.vn/\n',
      'content/a.md': article({ category: 'Thời sự' }),
      'content/gioi-thieu.md': article({ title: 'Giới thiệu' }),
    });
    await build({ root });
    const html = await read('tin-mau/index.html', join(root, 'dist'));
    expect(html).toContain('<li><a href="../gioi-thieu/">Giới thiệu</a></li>');
    expect(html).toContain('<li><a href="https://backan.gov.vn/">Cổng tỉnh</a></li>');
  });

  it('describes an article without a summary by the start of its text', async () => {
    const root = await makeSite({
      'content/a.md': article({}, `Đoạn mở đầu **quan trọng** &amp; dài. ${'Chữ '.repeat(80)}`),
    });
    await build({ root, config: defaultConfig() });
    const html = await read('tin-mau/index.html', join(root, 'dist'));
    const description = /<meta name="description" content="([^"]*)">/.exec(html)![1]!;
    expect(description.startsWith('Đoạn mở đầu quan trọng &amp;amp; dài. Chữ')).toBe(false);
    expect(description).toMatch(/^Đoạn mở đầu quan trọng &amp; dài\. Chữ/);
    expect(description.length).toBeLessThanOrEqual(170);
    expect(description.endsWith('…')).toBe(true);
  });

  it('keeps a title with </script> inside its JSON-LD block', async () => {
    const title = 'Tin </script><script>alert(1)</script>';
    const root = await makeSite({ 'bantin.yaml': 'baseUrl: https://tin.example/\n', 'content/a.md': article({ title: JSON.stringify(title) }) });
    await build({ root });
    const html = await read('tin-script-script-alert-1-script/index.html', join(root, 'dist'));
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)];
    expect(blocks).toHaveLength(1);
    expect(JSON.parse(blocks[0]![1]!).headline).toBe(title);
    expect(html).not.toContain('<script>alert(1)');
  });

  it('carries the full text in feeds when asked, with links made absolute', async () => {
    const root = await makeSite({
      'bantin.yaml': 'baseUrl: https://tin.example/\nfeeds:\n  content: full\n',
      'content/a.md': article({}, 'Xem [bài khác](../bai-khac/).'),
    });
    await build({ root });
    const feed = JSON.parse(await read('feed.json', join(root, 'dist')));
    expect(feed.items[0].content_html).toContain('<a href="https://tin.example/bai-khac/">bài khác</a>');
  });
});
