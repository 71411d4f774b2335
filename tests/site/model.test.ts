// The feature-dense fixture checked against a small model of its own: listings, pagination, feeds
// and the sitemap worked out here straight from the articles' front-matter, without bantin's
// collecting code, and compared with what the build wrote.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { parse } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, MemoryWriter } from '../../src/index.js';
import { GOLDEN_NOW } from '../golden/sites.mjs';

const ROOT = new URL('../fixtures/golden/', import.meta.url).pathname;

interface Config {
  baseUrl: string;
  perPage: number;
  defaultAuthor: string;
  feeds: { items: number };
}

/** What the model knows of an article: only what its front-matter says. */
interface ModelArticle {
  file: string;
  title: string;
  epochMs: number;
  url: string;
  year: number;
  month: string;
  category?: string;
  tags: string[];
  authors: string[];
  draft: boolean;
  featured: boolean;
}

/** A list of articles with its own pages: the home page, a section, a tag, an author, a year or a month. */
interface Listing {
  base: string;
  articles: ModelArticle[];
}

// Vietnam has kept +07:00 all year since 1975: a date without an offset is read at +07:00.
const SITE_OFFSET_MINUTES = 7 * 60;

/** The dates the fixture uses: `2021-03-05`, `2021-04-10T14:30:00+07:00`, `2021-09-05 07:00:00`, `05/03/2021`, `5/10/2021 9h15`. */
function parseDate(text: string): number {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  const vietnamese = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2})[:h](\d{2}))?$/.exec(text);
  const [year, month, day, hour, minute, second, zone] = iso
    ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6], iso[7]]
    : vietnamese
      ? [vietnamese[3], vietnamese[2], vietnamese[1], vietnamese[4], vietnamese[5], undefined, undefined]
      : expect.fail(`the model does not read the date "${text}"`);
  const wall = Date.UTC(+year!, +month! - 1, +day!, +(hour ?? 0), +(minute ?? 0), +(second ?? 0));
  const offset = zone === undefined ? SITE_OFFSET_MINUTES : zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(4));
  return wall - offset * 60_000;
}

/** A Vietnamese name as a URL word: tone marks dropped, đ as d, other characters as hyphens. */
function slug(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const byTitle = new Intl.Collator('vi').compare;
/** Newest first; at the same moment by title, then by file path (README, "Writing an article"). */
const newestFirst = (a: ModelArticle, b: ModelArticle) => b.epochMs - a.epochMs || byTitle(a.title, b.title) || (a.file < b.file ? -1 : 1);

async function modelArticles(config: Config): Promise<ModelArticle[]> {
  const files = (await readdir(join(ROOT, 'content'), { recursive: true })).filter((file) => file.endsWith('.md'));
  const articles: ModelArticle[] = [];
  for (const file of files.sort()) {
    const text = await readFile(join(ROOT, 'content', file), 'utf8');
    // The core schema leaves dates as the text the editor wrote.
    const data = matter(text, { engines: { yaml: (source: string) => yaml.load(source, { schema: yaml.CORE_SCHEMA }) as object } }).data;
    const epochMs = parseDate(String(data.date));
    const local = new Date(epochMs + SITE_OFFSET_MINUTES * 60_000);
    const year = local.getUTCFullYear();
    const month = String(local.getUTCMonth() + 1).padStart(2, '0');
    const tags: unknown[] = Array.isArray(data.tags) ? data.tags : typeof data.tags === 'string' ? data.tags.split(',') : [];
    articles.push({
      file,
      title: data.title,
      epochMs,
      // The fixture's permalink, /:year/:month/:slug/, with the slug from the file's name (slugFrom: file).
      url: `${year}/${month}/${data.slug ?? slug(file.replace(/^.*\//, '').replace(/\.md$/, ''))}/`,
      year,
      month,
      ...(data.category && { category: data.category }),
      tags: tags.map((tag) => String(tag).trim()).filter(Boolean),
      // `author:` may be a list of names (README, "Writing an article").
      authors: [data.author ?? config.defaultAuthor].flat(),
      draft: data.draft === true,
      featured: data.featured === true,
    });
  }
  return articles;
}

/** The lists of articles at the addresses `basesOf` gives each one (an article is listed once per address). */
function grouped(articles: readonly ModelArticle[], basesOf: (article: ModelArticle) => string[]): Listing[] {
  const groups = new Map<string, ModelArticle[]>();
  for (const article of articles) {
    for (const key of new Set(basesOf(article))) {
      groups.set(key, [...(groups.get(key) ?? []), article]);
    }
  }
  return [...groups].map(([base, list]) => ({ base, articles: list }));
}

/** The standalone pages of pages/, the site map and the accessibility statement. */
const PORTAL_PAGES = ['gioi-thieu/', 'lien-he/', 'to-chuc/', 'so-do-trang/', 'kha-nang-tiep-can/'];

const pageUrl = (base: string, number: number) => (number === 1 ? base : `${base}trang/${number}/`);

// --- Reading the built pages with parse5 -------------------------------------------------

interface Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
}

const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const hasClass = (node: Node, name: string) => (attr(node, 'class') ?? '').split(/\s+/).includes(name);

function* descendants(node: Node): Generator<Node> {
  for (const child of node.childNodes ?? []) {
    yield child;
    yield* descendants(child);
  }
}

/** A link of the page at `pageUrl` as a site-relative path, the way the model writes URLs. */
function resolve(href: string, from: string): string {
  const base = 'https://site.invalid/';
  return new URL(href, base + from).href.slice(base.length);
}

/** What a listing page shows: its articles' links in order, and where its prev/next links lead. */
function readListing(html: string, url: string) {
  const document = parse(html) as unknown as Node;
  const all = [...descendants(document)];
  const items = all.filter((node) => node.nodeName === 'article' && hasClass(node, 'article-item'));
  const links = (nodeName: string, rel: string) => all.filter((node) => node.nodeName === nodeName && attr(node, 'rel') === rel).map((node) => resolve(attr(node, 'href')!, url));
  return {
    articles: items.map((item) => {
      const link = [...descendants(item)].find((node) => node.nodeName === 'a')!;
      return resolve(attr(link, 'href')!, url);
    }),
    head: { prev: links('link', 'prev'), next: links('link', 'next') },
    pager: { prev: links('a', 'prev'), next: links('a', 'next') },
  };
}

// --- The build and the model ---------------------------------------------------------------

let config: Config;
let writer: MemoryWriter;
/** Published articles, newest first. */
let published: ModelArticle[];
let all: ModelArticle[];
let home: Listing;
let sections: Listing[];
let listings: Listing[];

const text = (path: string) => {
  const content = writer.text(path);
  expect(content, `${path} was not written`).toBeDefined();
  return content!;
};

beforeAll(async () => {
  config = yaml.load(await readFile(join(ROOT, 'bantin.yaml'), 'utf8')) as Config;
  all = await modelArticles(config);
  published = all.filter((article) => !article.draft && article.epochMs <= GOLDEN_NOW).sort(newestFirst);
  // The newest featured article is the home page's lead story: first, and only there.
  const lead = published.find((article) => article.featured);
  home = { base: '', articles: lead ? [lead, ...published.filter((article) => article !== lead)] : published };
  // Names that differ only in case or accents share a page: the page's address is made from the name.
  const terms = (route: string, namesOf: (article: ModelArticle) => string[]) =>
    grouped(published, (article) => namesOf(article).map((name) => `${route}/${slug(name)}/`));
  sections = terms('chuyen-muc', (article) => (article.category ? [article.category] : []));
  listings = [
    home,
    ...sections,
    ...terms('tu-khoa', (article) => article.tags),
    ...terms('tac-gia', (article) => article.authors),
    ...grouped(published, (article) => [`luu-tru/${article.year}/`, `luu-tru/${article.year}/${article.month}/`]),
  ];
  writer = new MemoryWriter();
  await build({ root: ROOT, writer, now: GOLDEN_NOW, drafts: false, future: false });
});

describe('the model of the fixture', () => {
  it('has drafts, scheduled articles and enough published ones for several pages', () => {
    expect(all.filter((article) => article.draft).length).toBeGreaterThanOrEqual(2);
    expect(all.filter((article) => !article.draft && article.epochMs > GOLDEN_NOW).length).toBeGreaterThanOrEqual(2);
    expect(published.some((article) => article.featured) && published.some((article) => article.authors.length > 1)).toBe(true);
    expect(published.length).toBeGreaterThan(4 * config.perPage);
    expect(sections.some((section) => section.articles.length > config.perPage)).toBe(true);
  });
});

describe('articles', () => {
  it('only the published ones have a page: no draft, no scheduled article', () => {
    // An old address's page (aliases:) only sends the reader on.
    const articlePages = [...writer.files.keys()].filter((path) => /^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(path) && !text(path).includes('http-equiv="refresh"')).sort();
    expect(articlePages).toEqual(published.map((article) => `${article.url}index.html`).sort());
  });

  it('link to the next older article ("Tin trước") and the next newer one ("Tin sau")', () => {
    published.forEach((article, i) => {
      const nodes = [...descendants(parse(text(`${article.url}index.html`)) as unknown as Node)];
      const linkIn = (className: string) => {
        const box = nodes.find((node) => hasClass(node, className));
        const link = box && [...descendants(box)].find((node) => node.nodeName === 'a');
        return link && resolve(attr(link, 'href')!, article.url);
      };
      expect(linkIn('prev-next__previous'), article.url).toBe(published[i + 1]?.url);
      expect(linkIn('prev-next__next'), article.url).toBe(published[i - 1]?.url);
    });
  });
});

describe('listings', () => {
  it('are exactly the home page, each section, tag, author, year and month, each page of them', () => {
    const expected = listings.flatMap(({ base, articles }) =>
      Array.from({ length: Math.ceil(articles.length / config.perPage) }, (_, i) => `${pageUrl(base, i + 1)}index.html`),
    );
    const indexes = new Set(['chuyen-muc/index.html', 'tu-khoa/index.html', 'tac-gia/index.html', 'luu-tru/index.html', 'tim-kiem/index.html', ...PORTAL_PAGES.map((url) => `${url}index.html`)]);
    const built = [...writer.files.keys()].filter(
      (path) => path.endsWith('index.html') && !/^\d{4}\//.test(path) && !indexes.has(path),
    );
    expect(built.sort()).toEqual(expected.sort());
  });

  it('show their articles newest first, perPage to a page, and link each page to the one before and after', () => {
    for (const { base, articles } of listings) {
      const count = Math.ceil(articles.length / config.perPage);
      for (let number = 1; number <= count; number++) {
        const url = pageUrl(base, number);
        const page = readListing(text(`${url}index.html`), url);
        const where = `${url} (page ${number} of ${count})`;
        expect(page.articles, where).toEqual(articles.slice((number - 1) * config.perPage, number * config.perPage).map((article) => article.url));
        const prev = number > 1 ? [pageUrl(base, number - 1)] : [];
        const next = number < count ? [pageUrl(base, number + 1)] : [];
        expect(page.head, where).toEqual({ prev, next });
        expect(page.pager, where).toEqual({ prev, next });
      }
      expect(writer.files.has(`${pageUrl(base, count + 1)}index.html`), `${base}: no page after the last`).toBe(false);
    }
  });

  it('of the home page: the fixture needs five pages of three', () => {
    expect(Math.ceil(home.articles.length / config.perPage)).toBe(5);
    expect(writer.files.has('trang/5/index.html')).toBe(true);
  });
});

describe('feeds', () => {
  const feedsOf = () => [{ base: '', articles: published }, ...sections];

  it('carry the feeds.items newest articles of the site and of each section, newest first, in every format', () => {
    for (const { base, articles } of feedsOf()) {
      const expected = articles.slice(0, config.feeds.items).map((article) => config.baseUrl + article.url);
      expect(expected.length).toBe(Math.min(articles.length, config.feeds.items));
      for (const file of ['rss.xml', 'atom.xml']) {
        expect(parseFeed(text(base + file)).items.map((item) => item.url), base + file).toEqual(expected);
      }
      const json = JSON.parse(text(`${base}feed.json`)) as { items: { url: string }[] };
      expect(json.items.map((item) => item.url), `${base}feed.json`).toEqual(expected);
    }
  });

  it('exist for the site and the sections only', () => {
    const feeds = [...writer.files.keys()].filter((path) => /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(path));
    expect(feeds.sort()).toEqual(feedsOf().flatMap(({ base }) => ['rss.xml', 'atom.xml', 'feed.json'].map((file) => base + file)).sort());
  });
});

describe('the sitemap', () => {
  it('lists exactly every article, every page of every listing, the four index pages and the portal\'s pages, once each', () => {
    const locs = [...text('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    const pages = listings.flatMap(({ base, articles }) =>
      Array.from({ length: Math.ceil(articles.length / config.perPage) }, (_, i) => pageUrl(base, i + 1)),
    );
    const expected = [...published.map((article) => article.url), ...pages, 'chuyen-muc/', 'tu-khoa/', 'tac-gia/', 'luu-tru/', ...PORTAL_PAGES];
    expect(locs.sort()).toEqual(expected.map((url) => config.baseUrl + url).sort());
  });
});

describe('the model reads the fixture as the README says', () => {
  it('puts a UTC time that is already the next day in Vietnam in that day’s month', () => {
    const utc = published.find((article) => article.file === join('2021', '06', 'tong-ket.md'));
    expect(utc?.url).toBe('2021/07/tong-ket-6-thang.2021/');
  });
});
