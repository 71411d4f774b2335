// An English site is English throughout: a corpus of an agency's English news (tests/fixtures/english/),
// built, then every page, feed and file read for Vietnamese interface text, dates and addresses.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, MemoryWriter, type BuildResult } from '../../src/index.js';
import { ANCHORS } from '../../src/anchors.js';
import { locales } from '../../src/locales.js';

const ROOT = fileURLToPath(new URL('../fixtures/english/', import.meta.url));
/** Letters only Vietnamese writes: tone marks, ơ, ư, đ. The corpus itself has none, so none may appear. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
/** The ids a Vietnamese page gives its parts (`tieu-de`, `o-tim-kiem`...), none of which an English page may carry. */
const VIETNAMESE_IDS = new Set(Object.values(ANCHORS.vi));
/** The Vietnamese site's URL words, and the stand-ins for names without letters. */
const VIETNAMESE_SEGMENTS = new Set([...Object.values(locales.vi.routes), 'tin']);

const writer = new MemoryWriter();
let result: BuildResult;
const text = (path: string) => {
  const content = writer.files.get(path);
  if (content === undefined) throw new Error(`${path} was not built`);
  return typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
};
const textFiles = () => [...writer.files.keys()].filter((path) => /\.(html|xml|json|txt|js|css|svg)$/.test(path));

beforeAll(async () => {
  result = await build({ root: ROOT, writer, now: Date.UTC(2021, 0, 1) });
});

describe('an English site', () => {
  it('is built from a corpus of a dozen English news articles, the draft left out', () => {
    expect(result.articles).toBeGreaterThanOrEqual(12);
    expect(textFiles().length).toBeGreaterThan(100);
    expect([...writer.files.keys()].some((path) => path.includes('notice-not-ready-yet'))).toBe(false);
  });

  it('has no Vietnamese text in any page, feed, sitemap, script or style', () => {
    const found = textFiles().flatMap((path) => {
      const match = VIETNAMESE.exec(text(path));
      return match ? [`${path}: …${text(path).slice(Math.max(0, match.index - 40), match.index + 20)}…`] : [];
    });
    expect(found).toEqual([]);
    // Nor the Vietnamese interface's words written without marks, in names of places in a page.
    for (const path of textFiles().filter((file) => file.endsWith('.html'))) {
      expect(text(path), path).not.toMatch(/#noi-dung|id="noi-dung"|id="nam-/);
    }
  });

  it('says html lang="en" and the English locale on every page, and en in every feed', () => {
    for (const path of textFiles().filter((file) => file.endsWith('.html'))) {
      expect(text(path), path).toMatch(/^<!DOCTYPE html>\s*<html lang="en"/i);
      // A redirect page is a bare page that moves on at once: no sharing cards.
      if (!text(path).includes('http-equiv="refresh"')) expect(text(path), path).toContain('<meta property="og:locale" content="en_US">');
    }
    expect(text('rss.xml')).toContain('<language>en</language>');
    expect(text('atom.xml')).toContain('xml:lang="en"');
    expect(JSON.parse(text('feed.json'))).toMatchObject({ language: 'en' });
  });

  it('writes dates in English: "Tuesday, 8 September 2020"', () => {
    const page = text('public-safety/bac-kan-expands-its-model-of-self-governing-villages/index.html');
    expect(page).toContain('<time datetime="2020-09-08T00:00:00+07:00">Tuesday, 8 September 2020</time>');
    expect(text('economy/autumn-rice-harvest-reaches-5-2-tonnes-per-hectare/index.html')).toContain('Saturday, 12 September 2020, 09:30');
    expect(text('archive/index.html')).toContain('November 2020</a> <span class="term-list__count">(1 article)</span>');
    expect(text('archive/index.html')).toContain('September 2020</a> <span class="term-list__count">(6 articles)</span>');
    expect(text('rss.xml')).toContain('<pubDate>Tue, 08 Sep 2020 00:00:00 +0700</pubDate>');
  });

  it('makes English addresses: English route words, "&" as "and", "news" for an article with no section', () => {
    const paths = [...writer.files.keys()];
    for (const path of paths) {
      const segments = path.split('/');
      expect(segments.filter((segment) => VIETNAMESE_SEGMENTS.has(segment)), path).toEqual([]);
      expect(segments.some((segment) => /^(bai|muc)-/.test(segment)), path).toBe(false);
    }
    expect(paths).toEqual(expect.arrayContaining([
      'page/2/index.html',
      'category/trade-and-investment/index.html',
      'tag/security-and-order/index.html',
      'author/minh-hiep/index.html',
      'archive/2020/09/index.html',
      'trade-and-investment/trade-and-investment-fair-opens-in-bac-kan-city/index.html',
      'culture/culture-and-sports-festival-of-ethnic-minorities/index.html',
      'news/quarterly-press-conference-of-the-provincial-peoples-committee/index.html',
    ]));
    expect(paths.some((path) => /(^|\/)[a-z-]*-va-/.test(path))).toBe(false);
    const sitemap = text('sitemap.xml');
    expect(sitemap).toContain('<loc>https://en.backan.example/news/tag/security-and-order/</loc>');
    expect(sitemap).not.toMatch(/\/(trang|chuyen-muc|tu-khoa|tac-gia|luu-tru|tin)\//);
  });

  it('speaks English in the text-size controls, share buttons, 404 page and robots.txt', () => {
    const page = text('health/vaccination-campaign-reaches-remote-communes/index.html');
    for (const words of ['Smaller text', 'Default text size', 'Larger text', 'Text size now:', 'Share on Facebook', 'Copy link', 'Send by email', 'Print', 'Other news', 'Skip to main content']) {
      expect(page, words).toContain(words);
    }
    expect(page).toContain('<a class="skip-link" href="#main-content">');
    expect(text('404.html')).toContain('Page not found');
    expect(text('robots.txt')).toContain('Sitemap: https://en.backan.example/news/sitemap.xml');
    expect(text('archive/index.html')).toContain('<h2 id="year-2020">');
  });

  it('gives every part of a page an English id, which its labels and links point to', () => {
    for (const path of textFiles().filter((file) => file.endsWith('.html'))) {
      const ids = [...text(path).matchAll(/\b(?:id|for|aria-labelledby|aria-describedby)="([^"]+)"/g)].map((match) => match[1]!.replace(/-\d+$/, ''));
      expect(ids.filter((id) => VIETNAMESE_IDS.has(id as never)), path).toEqual([]);
    }
    const article = text('health/vaccination-campaign-reaches-remote-communes/index.html');
    expect(article).toContain('<h1 id="title" class="article__title">');
    expect(article).toContain('aria-labelledby="other-news"');
    expect(text('search/index.html')).toMatch(/<input type="search" id="search-terms" name="q" autocomplete="off" aria-describedby="search-count">/);
  });

  it('has an English search page at search/, and an English search box on every page', () => {
    const paths = [...writer.files.keys()];
    expect(paths).toContain('search/index.html');
    expect(paths.some((path) => path.startsWith('tim-kiem/'))).toBe(false);
    const page = text('search/index.html');
    for (const words of ['<title>Search', 'All sections', 'All years', 'Search needs JavaScript']) expect(page, words).toContain(words);
    const home = text('index.html');
    expect(home).toMatch(/<form class="search-box" role="search" aria-label="Search" action="\.\/search\/"/);
    expect(home).toContain('<label class="visually-hidden" for="search-box">Search the bulletins</label>');
  });

  it('speaks English on the site map, the accessibility statement, the author list and the standalone pages', () => {
    const siteMap = text('site-map/index.html');
    for (const words of ['Site map', 'Sections', 'Pages', 'Indexes', 'Archive by year', 'Accessibility statement', '(1 article)', '(13 articles)']) {
      expect(siteMap, words).toContain(words);
    }
    const statement = text('accessibility/index.html');
    for (const words of ['Accessibility statement', 'Conformance target', 'Known limits', 'Feedback and contact', '<time datetime="2020-12-01">1 December 2020</time>']) {
      expect(statement, words).toContain(words);
    }
    expect(text('author/index.html')).toMatch(/<h1[^>]*>Authors<\/h1>/);
    expect(text('about/index.html')).toContain('Foreign Affairs Office');
    expect(text('index.html')).toMatch(/<a href="\.\/about\/"[^>]*>About us<\/a>/);
  });

  it('labels the notice, the lead story, photos, several authors and the agency footer in English', () => {
    const home = text('index.html');
    expect(home).toContain('Notice');
    expect(home).toContain('Featured');
    const article = text('infrastructure/upgrade-of-national-road-3-b-to-finish-by-2021/index.html');
    expect(article).toContain('<figcaption>The new section near Na Phac <span class="credit">Photo: Duc Thanh</span></figcaption>');
    expect(article).toMatch(/src="\.\.\/\.\.\/photos\/road-works-[\w-]+-640\.jpg"/);
    expect([...writer.files.keys()].some((path) => path.startsWith('anh/'))).toBe(false);
    expect(article).toContain('<a href="../../author/duc-thanh/" rel="author">Duc Thanh</a>, <a href="../../author/thu-trang/" rel="author">Thu Trang</a>');
    expect(article).toContain('href="../../tag/roads-and-bridges/"');
    for (const words of ['Published by:', 'Responsible for content:', 'Address:', 'Phone:', 'Fax:', 'Email:', 'Open data']) {
      expect(home, words).toContain(words);
    }
  });

  it('sends old addresses on with an English redirect page, and describes its open data in English', () => {
    const redirect = text('2020/09/road-3b/index.html');
    expect(redirect).toContain('This article has moved to a new address:');
    expect(text('_redirects')).toContain('/news/news/road-3b.aspx /news/infrastructure/upgrade-of-national-road-3-b-to-finish-by-2021/ 301');
    expect(JSON.parse(text('api/index.json'))).toMatchObject({ language: 'en', licence: 'CC BY 4.0' });
    expect(JSON.parse(text('api/articles/index.json'))).toMatchObject({ total: 13 });
  });
});
