// Every feed of the example site as a feed reader sees it: RSS, Atom and JSON Feed, site and sections.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/index.js';
import { parseConfig } from '../../src/config.js';
import { htmlFiles } from '../helpers/crawl.js';
import { makeSite } from '../helpers/site.js';

const REPO = new URL('../..', import.meta.url).pathname;
const config = parseConfig(await readFile(join(REPO, 'bantin.yaml'), 'utf8'), 'bantin.yaml');
const baseUrl = config.baseUrl!;
/** RFC 3339 with the site's offset, as JSON Feed and Atom want it. */
const OFFSET_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;

let out: string;
let result: BuildResult;
/** The site's published articles, from their own pages: absolute URL and published time, newest first. */
let published: { url: string; time: number; section: string }[];
/** Folders with feeds: '' for the site, then `chuyen-muc/<section>/`. */
let feedFolders: string[];

const read = (path: string) => readFile(join(out, path), 'utf8');

beforeAll(async () => {
  out = join(await makeSite({}), 'dist');
  result = await build({ root: REPO, outDir: out });
  published = [];
  for (const file of await htmlFiles(out)) {
    const html = await read(file);
    if (!html.includes('<meta property="og:type" content="article">')) continue;
    const time = /<meta property="article:published_time" content="([^"]+)">/.exec(html)![1]!;
    const section = /<meta property="article:section" content="([^"]+)">/.exec(html)?.[1] ?? '';
    published.push({ url: baseUrl + file.replace(/index\.html$/, ''), time: Date.parse(time), section });
  }
  published.sort((a, b) => b.time - a.time);
  const sections = (await readdir(join(out, 'chuyen-muc'), { withFileTypes: true })).filter((entry) => entry.isDirectory());
  feedFolders = ['', ...sections.map((entry) => `chuyen-muc/${entry.name}/`)];
});

describe('the example site', () => {
  it('has 24 published bulletins in 4 sections, each section with its three feeds', async () => {
    expect(result.articles).toBe(24);
    expect(published).toHaveLength(24);
    expect(feedFolders).toHaveLength(5);
    for (const folder of feedFolders) {
      for (const file of ['rss.xml', 'atom.xml', 'feed.json']) await expect(read(folder + file), folder + file).resolves.toBeTruthy();
    }
  });
});

describe('RSS and Atom feeds', () => {
  it('parse with a real feed parser, every item with a title, an absolute link to a page and a date', async () => {
    for (const folder of feedFolders) {
      for (const [file, type] of [['rss.xml', 'rss'], ['atom.xml', 'atom']] as const) {
        const path = folder + file;
        const feed = parseFeed(await read(path));
        expect(feed.meta.type, path).toBe(type);
        expect(feed.title, path).toMatch(/^Bản tin Bắc Kạn/);
        expect(feed.url, path).toBe(baseUrl + folder);
        expect(feed.items.length, path).toBeGreaterThan(0);
        for (const item of feed.items) {
          expect(item.title, path).toBeTruthy();
          expect(item.url, path).toMatch(/^https:\/\/bantin\.backan\.example\/.+\/$/);
          expect(published.map((article) => article.url), `${path}: ${item.url}`).toContain(item.url);
          expect(item.published, path).toBeInstanceOf(Date);
        }
      }
    }
  });

  it('write every date with the +07:00 offset', async () => {
    for (const folder of feedFolders) {
      const rss = await read(folder + 'rss.xml');
      const rssItems = parseFeed(rss).items.length;
      expect([...rss.matchAll(/<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0700<\/pubDate>/g)], folder).toHaveLength(rssItems);
      expect(rss).not.toMatch(/<pubDate>[^<]*(GMT|Z|\+0000)<\/pubDate>/);
      const atom = await read(folder + 'atom.xml');
      const dates = [...atom.matchAll(/<(published|updated)>([^<]+)<\/\1>/g)].map((m) => m[2]);
      expect(dates.length, folder).toBe(2 * parseFeed(atom).items.length + 1);
      for (const date of dates) expect(date, folder).toMatch(OFFSET_DATE);
    }
  });

  it('hold exactly the latest feeds.items (20) of the 24 bulletins on the home feed, newest first', async () => {
    expect(config.feeds.items).toBe(20);
    const latest = published.slice(0, 20);
    for (const file of ['rss.xml', 'atom.xml']) {
      const items = parseFeed(await read(file)).items;
      expect(items.map((item) => item.published!.getTime()), file).toEqual(latest.map((article) => article.time));
      expect(new Set(items.map((item) => item.url)), file).toEqual(new Set(latest.map((article) => article.url)));
    }
  });

  it('keep a section feed to that section, newest first', async () => {
    for (const folder of feedFolders.slice(1)) {
      const feed = parseFeed(await read(folder + 'rss.xml'));
      const name = feed.title!.replace('Bản tin Bắc Kạn: ', '');
      const inSection = published.filter((article) => article.section === name);
      expect(inSection.length, name).toBeGreaterThan(0);
      expect(feed.items.map((item) => item.url), name).toEqual(inSection.slice(0, 20).map((article) => article.url));
      for (const item of feed.items) expect(item.categories.map((c) => c.label), name).toContain(name);
    }
  });
});

describe('JSON feeds', () => {
  it('have every field JSON Feed 1.1 requires, in the site\'s and each section\'s feed.json', async () => {
    for (const folder of feedFolders) {
      const path = folder + 'feed.json';
      const feed = JSON.parse(await read(path)) as Record<string, unknown>;
      expect(feed.version, path).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.title, path).toEqual(expect.stringMatching(/\S/));
      expect(feed.home_page_url, path).toBe(baseUrl + folder);
      expect(feed.feed_url, path).toBe(baseUrl + path);
      expect(Array.isArray(feed.items), path).toBe(true);
      const items = feed.items as Record<string, unknown>[];
      expect(items.length, path).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.id, path).toEqual(expect.stringMatching(/\S/));
        expect(item.url, path).toEqual(expect.stringMatching(/^https:\/\/bantin\.backan\.example\/.+\/$/));
        const content = typeof item.content_html === 'string' ? item.content_html : item.content_text;
        expect(content, `${path}: content_html or content_text of ${String(item.url)}`).toEqual(expect.stringMatching(/\S/));
        expect(item.date_published, path).toEqual(expect.stringMatching(OFFSET_DATE));
        const authors = item.authors as unknown[];
        expect(authors.length, path).toBeGreaterThan(0);
        for (const author of authors) expect(author, path).toEqual({ name: expect.stringMatching(/\S/) });
        if (item.date_modified !== undefined) expect(item.date_modified, path).toEqual(expect.stringMatching(OFFSET_DATE));
      }
      // The same items as the RSS feed beside it, in the same order.
      const rss = parseFeed(await read(folder + 'rss.xml'));
      expect(items.map((item) => item.url), path).toEqual(rss.items.map((item) => item.url));
    }
  });

  it('carry the date an article was corrected', async () => {
    const feed = JSON.parse(await read('feed.json')) as { items: { url: string; date_modified?: string }[] };
    const corrected = feed.items.find((item) => item.url.includes('cong-dich-vu-cong-truc-tuyen'));
    expect(corrected?.date_modified).toBe('2021-11-18T08:30:00+07:00');
  });
});
