// The search index: one file per month of the archive (a MiniSearch index of its articles, folded
// for Vietnamese), and a list of those files newest first. A month's file reads its articles'
// texts, so an edited article renders again only its month (see `pageInputs`).
import MiniSearch from 'minisearch';
import type { Article } from '../content/article.js';
import type { ArchiveMonth } from '../collect/taxonomies.js';
import type { Site } from '../collect/site.js';
import type { Locale } from '../locales.js';
import { fold, SEARCH_FIELDS, STORED_FIELDS } from '../search/fold.js';

/** Characters of the lead kept for the excerpt under a result. */
const EXCERPT_LENGTH = 240;

/** Articles a month's index file holds before the month is split by weeks: about 150-350 kB. */
const PART_SIZE = 120;

/** One index file: the articles of a month, or of a week of a busy month, newest first. */
export interface SearchPart {
  /** By the folder of the search page: `2020-09.json`, or `2020-09-2.json` for the 8th to the 14th (`-5`: the 29th to the 31st). */
  file: string;
  year: number;
  month: number;
  articles: readonly Article[];
}

/**
 * The site's index files, newest first. A part is named by its dates, never by its place in a
 * list: a new article changes its own part's file and no other.
 */
export function searchParts(site: Site): SearchPart[] {
  return site.years.flatMap((year) => year.months.flatMap((month) => monthParts(month)));
}

function monthParts({ year, month, articles }: ArchiveMonth): SearchPart[] {
  const name = `${year}-${String(month).padStart(2, '0')}`;
  if (articles.length <= PART_SIZE) return [{ file: `${name}.json`, year, month, articles }];
  const weeks = new Map<number, Article[]>();
  for (const article of articles) {
    const week = Math.floor((article.publishedAt.day - 1) / 7) + 1;
    weeks.set(week, [...(weeks.get(week) ?? []), article]);
  }
  return [...weeks].map(([week, list]) => ({ file: `${name}-${week}.json`, year, month, articles: list }));
}

/** The list of index files, read first by the reader's browser. */
export function manifestPath(route: string): string {
  return `${route}/index.json`;
}

/** The words search.js shows, in the site's language. */
const CLIENT_STRINGS = ['search', 'searchResults', 'searchNoResults', 'searchLoading', 'searchSeeAll', 'searchOlder', 'searchSince', 'searchFailed'];

/** The list of the index files, newest first, with how many articles each holds, and the words search.js shows. */
export function renderManifest(site: Site, locale: Locale): string {
  const strings = Object.fromEntries(CLIENT_STRINGS.map((name) => [name, locale.strings[name]]));
  const shards = searchParts(site).map(({ file, year, month, articles }) => ({ file, year, month, count: articles.length }));
  return JSON.stringify({ version: 1, language: locale.language, strings, shards });
}

/**
 * One part's index: its articles' titles and texts, folded; each result's title, address, date,
 * section and lead kept. A word counts once per text: fewer postings, the same matches.
 */
export function renderShard(articles: readonly Article[], body: (article: Article) => string): string {
  const index = new MiniSearch({ fields: [...SEARCH_FIELDS], storeFields: [...STORED_FIELDS], processTerm: foldOnce, tokenize: uniqueWords });
  index.addAll(articles.map((article, id) => {
    const lead = article.summary || article.text;
    return {
      id,
      title: article.title,
      text: [article.summary, markdownWords(body(article)), article.category ?? '', ...article.tags].join(' '),
      url: article.url,
      date: isoDay(article),
      section: article.category ?? '',
      excerpt: lead.length > EXCERPT_LENGTH ? `${lead.slice(0, lead.lastIndexOf(' ', EXCERPT_LENGTH))} …` : lead,
    };
  }));
  return JSON.stringify(index);
}

function isoDay({ publishedAt: { year, month, day } }: Article): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** MiniSearch's own split: spaces and punctuation. */
const WORD_BREAK = /[\n\r\p{Z}\p{P}]+/u;

function uniqueWords(text: string): string[] {
  return [...new Set(text.split(WORD_BREAK))].filter(Boolean);
}

/** Words already folded: a site has some thousands of distinct words, each seen many times. */
const folded = new Map<string, string>();

function foldOnce(word: string): string {
  let result = folded.get(word);
  if (result === undefined) {
    if (folded.size > 200_000) folded.clear();
    result = fold(word);
    folded.set(word, result);
  }
  return result;
}

/**
 * The words of a Markdown body, without rendering it: link addresses, HTML tags, entities and
 * reference definitions left out; the marks of emphasis, headings and lists are broken on anyway.
 */
export function markdownWords(markdown: string): string {
  return markdown
    .replace(/^ {0,3}\[[^\]]+\]:.*$/gm, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/<[^>]*>|&#?\w+;|https?:\/\/\S+/g, ' ');
}
