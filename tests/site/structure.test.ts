// The example site as a news reader, a feed reader, a search engine and a web host see it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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
/** The example article whose front-matter says when it was corrected (`updated:`). */
const CORRECTED = 'bac-kan-dua-them-nhieu-thu-tuc-hanh-chinh-len-cong-dich-vu-cong-truc-tuyen/index.html';
const jsonLdOf = (html: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
/** The link texts of the navigation bar, in order. */
const navOf = (html: string) => {
  const nav = /<nav class="site-nav"[^>]*>\s*<ul class="wrap">([\s\S]*?)<\/ul>\s*<\/nav>/.exec(html)![1]!;
  // Nothing but list items of one link each: a list a validator and a screen reader accept.
  expect(nav.replace(/\s*<li><a href="[^"]*"( aria-current="page")?>[^<]+<\/a><\/li>\s*/g, '')).toBe('');
  return [...nav.matchAll(/<a href="([^"]*)"[^>]*>([^<]+)<\/a>/g)].map((m) => ({ href: m[1]!, text: m[2]! }));
};

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

  it('shows the home page, the pages marked menu: true and every section in the navigation of every page', async () => {
    const sections = ['Giáo dục', 'Giới thiệu', 'Kinh tế', 'Thời sự', 'Văn hóa - Xã hội'];
    for (const file of await htmlFiles(out)) {
      const nav = navOf(await read(file)).map((link) => link.text);
      expect(nav[0], file).toBe('Trang chủ');
      expect([...nav.slice(1)].sort(), file).toEqual(sections);
    }
    expect(await read('chuyen-muc/thoi-su/index.html')).toContain('<li><a href="../../chuyen-muc/thoi-su/" aria-current="page">Thời sự</a></li>');
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
    // Its cover photo is the picture of a shared link, with its size.
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toMatch(/<meta property="og:image" content="https:\/\/bantin\.backan\.example\/anh\/thon-ban-binh-yen-[\w-]{10}-1200\.jpg">\n<meta property="og:image:type" content="image\/jpeg">\n<meta property="og:image:width" content="1200">\n<meta property="og:image:height" content="900">/);
    expect(jsonLdOf(html)).toMatchObject({
      image: [{ '@type': 'ImageObject', url: expect.stringMatching(/thon-ban-binh-yen-[\w-]{10}-1200\.jpg$/), width: 1200, height: 900 }],
      '@type': 'NewsArticle',
      headline: expect.stringContaining('Bắc Kạn'),
      datePublished: '2020-09-08T00:00:00+07:00',
      author: [{ '@type': 'Person', name: 'Minh Hiệp', url: `${exampleConfig.baseUrl}tac-gia/minh-hiep/` }],
      publisher: { '@type': 'Organization', name: 'Bản tin Bắc Kạn' },
      mainEntityOfPage: { '@id': url },
    });
  });

  it('says when it was corrected, to search engines and sharing previews', async () => {
    const html = await read(CORRECTED);
    expect(html).toContain('<meta property="article:published_time" content="2021-11-16T10:00:00+07:00">');
    expect(html).toContain('<meta property="article:modified_time" content="2021-11-18T08:30:00+07:00">');
    expect(jsonLdOf(html)).toMatchObject({ datePublished: '2021-11-16T10:00:00+07:00', dateModified: '2021-11-18T08:30:00+07:00' });
    // An article never corrected claims no correction.
    const plain = await read(BAC_KAN);
    expect(plain).not.toContain('article:modified_time');
    expect(jsonLdOf(plain)).not.toHaveProperty('dateModified');
  });

  it('offers share links and a print button, and prints its address', async () => {
    const html = await read(BAC_KAN);
    expect(html).toContain('href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2F');
    expect(html).toMatch(/href="mailto:\?subject=[^"]*">Thư điện tử<span class="visually-hidden"> – Gửi qua email<\/span><\/a>/);
    expect(html).toContain('data-share="copy"');
    expect(html).toContain('data-share="print"');
    expect(html).toMatch(/<p class="print-only">Nguồn: https:\/\//);
  });
});

// What the feeds hold is in feeds.test.ts; here, that every page points to them.
describe('feeds', () => {
  it('is announced in the head of every page', async () => {
    for (const file of await htmlFiles(out)) {
      const html = await read(file);
      expect(html, file).toMatch(/<link rel="alternate" type="application\/rss\+xml" title="[^"]+" href="[^"]*rss\.xml">/);
      expect(html, file).toContain('type="application/atom+xml"');
      expect(html, file).toContain('type="application/feed+json"');
    }
  });
});

describe('descriptions', () => {
  it('gives every page of the example site a meta description', async () => {
    const files = await htmlFiles(out);
    for (const index of ['chuyen-muc/index.html', 'tu-khoa/index.html', 'tac-gia/index.html', 'luu-tru/index.html', '404.html']) {
      expect(files).toContain(index);
    }
    for (const file of files) expect(await read(file), file).toMatch(/<meta name="description" content="[^"\s][^"]*">/);
    expect(await read('chuyen-muc/index.html')).toContain(`<meta name="description" content="${exampleConfig.description}">`);
  });

  it('falls back to a sentence of the language on a site with no description', async () => {
    const root = await makeSite({ 'content/a.md': article() });
    await build({ root });
    for (const file of ['index.html', 'chuyen-muc/index.html', 'luu-tru/index.html', '404.html']) {
      expect(await read(file, join(root, 'dist')), file).toContain('<meta name="description" content="Tin tức, sự kiện mới nhất.">');
    }
  });
});

describe('sitemap, robots, 404, favicon', () => {
  it('lists every page in sitemap.xml, with lastmod but for the pages that have no date', async () => {
    const sitemap = await read('sitemap.xml');
    const locs = [...sitemap.matchAll(/<url><loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod><\/url>/g)];
    const undated = ['gioi-thieu/index.html', 'lien-he/index.html', 'so-do-trang/index.html', 'kha-nang-tiep-can/index.html'];
    for (const page of undated) expect(sitemap).toContain(`<url><loc>${exampleConfig.baseUrl}${page.replace(/index\.html$/, '')}</loc></url>`);
    // The search page shows nothing of its own to a search engine.
    const pages = (await htmlFiles(out)).filter((file) => file !== '404.html' && file !== 'tim-kiem/index.html' && !undated.includes(file));
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
      'content/tin-thang-chin.md': article({ title: 'Tin tháng chín', category: 'Thời sự' }, 'Xem [tin khác](tin-thang-muoi.md).'),
      'content/tin-thang-muoi.md': article({ title: 'Tin tháng mười', date: '2020-10-01', category: 'Thời sự' }),
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
      'content/schools-open.md': article({ title: 'Schools open', category: 'Education', tags: '[schools]' }),
      'content/roads-built.md': article({ title: 'Roads built', date: '2020-09-09', category: 'Education' }),
      'content/market-day.md': article({ title: 'Market day', date: '2020-09-10', category: 'Culture' }),
    });
    await build({ root });
    const html = await read('schools-open/index.html', join(root, 'dist'));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Tuesday, 8 September 2020');
    expect(html).toContain('<h2 id="related-news">Related news</h2>');
    expect(html).toContain('<h2 id="other-news">Other news</h2>');
    expect(html).toContain('href="../category/education/"');
    expect(html).toContain('aria-label="Text size"');
    expect(html).toMatch(/href="mailto:\?subject=[^"]*">Email<span class="visually-hidden"> – Send by email<\/span><\/a>/);
    expect(await brokenLinks(join(root, 'dist'))).toEqual([]);
  });

  it('paginates an English site under /page/N/ and names it in English when it has no title', async () => {
    const root = await makeSite({
      'bantin.yaml': 'language: en\nperPage: 1\n',
      'content/a.md': article({ title: 'Schools open', category: 'Education' }),
      'content/b.md': article({ title: 'Roads built', date: '2020-09-09', category: 'Education' }),
    });
    await build({ root });
    const dist = join(root, 'dist');
    const first = await read('index.html', dist);
    expect(first).toContain('<link rel="next" href="./page/2/">');
    expect(await read('page/2/index.html', dist)).toContain('<link rel="prev" href="../../">');
    expect(await read('category/education/page/2/index.html', dist)).toContain('Schools open');
    expect(first).toContain('<title>News bulletin</title>');
    expect(first).toContain('<a class="site-title" href="./">News bulletin</a>');
    expect(first).not.toContain('Bản tin');
    expect(await brokenLinks(dist)).toEqual([]);
  });

  it('shows a configured menu, then the sections it does not link to already', async () => {
    const root = await makeSite({
      'bantin.yaml': [
        'baseUrl: https://tin.example/',
        'menu:',
        '  - { title: Giới thiệu, url: /gioi-thieu/ }',
        '  - { title: Tin thời sự, url: /chuyen-muc/thoi-su }',
        '  - { title: Tin kinh tế, url: "https://tin.example/chuyen-muc/kinh-te/" }',
        '  - { title: Cổng tỉnh, url: "https://backan.gov.vn/" }',
        '',
      ].join('\n'),
      'content/tin-mau.md': article({ category: 'Thời sự' }),
      'content/b.md': article({ title: 'Tin kinh tế', category: 'Kinh tế' }),
      'content/c.md': article({ title: 'Tin giáo dục', category: 'Giáo dục' }),
      'content/gioi-thieu.md': article({ title: 'Giới thiệu' }),
    });
    await build({ root });
    const dist = join(root, 'dist');
    expect(navOf(await read('tin-mau/index.html', dist))).toEqual([
      { href: '../gioi-thieu/', text: 'Giới thiệu' },
      { href: '../chuyen-muc/thoi-su', text: 'Tin thời sự' },
      { href: 'https://tin.example/chuyen-muc/kinh-te/', text: 'Tin kinh tế' },
      { href: 'https://backan.gov.vn/', text: 'Cổng tỉnh' },
      { href: '../chuyen-muc/giao-duc/', text: 'Giáo dục' },
    ]);
    // A menu link to a section marks it as the current page there, as the section's own link would.
    expect(await read('chuyen-muc/thoi-su/index.html', dist)).toContain('<li><a href="../../chuyen-muc/thoi-su" aria-current="page">Tin thời sự</a></li>');
    expect(await brokenLinks(dist)).toEqual([]);
  });

  it('describes an article without a summary by the start of its text', async () => {
    const root = await makeSite({
      'content/tin-mau.md': article({}, `Đoạn mở đầu **quan trọng** &amp; dài. ${'Chữ '.repeat(80)}`),
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
    const root = await makeSite({ 'bantin.yaml': 'baseUrl: https://tin.example/\n', 'content/tin-script-script-alert-1-script.md': article({ title: JSON.stringify(title) }) });
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
      'content/bai-khac.md': article({ title: 'Bài khác', date: '2020-01-01' }),
    });
    await build({ root });
    const feed = JSON.parse(await read('feed.json', join(root, 'dist')));
    expect(feed.items[0].content_html).toContain('<a href="https://tin.example/bai-khac/">bài khác</a>');
  });
});
