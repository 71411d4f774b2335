// The search index: one file per month of the archive (a MiniSearch index of its articles, folded
// for Vietnamese), a directory saying which months hold each word (src/search/directory.ts), and
// a list of those files newest first. A month's file reads its articles' texts, so an edited
// article renders again only its month (see `pageInputs`).
import { createHash } from 'node:crypto';
import MiniSearch from 'minisearch';
import type { Article } from '../content/article.js';
import type { ArchiveMonth } from '../collect/taxonomies.js';
import type { Site } from '../collect/site.js';
import type { Locale } from '../locales.js';
import { fold, SEARCH_FIELDS, STORED_FIELDS } from '../search/fold.js';
import { directoryNames, directorySize, renderDirectory } from '../search/directory.js';

/** Characters of the lead kept for the excerpt under a result. */
const EXCERPT_LENGTH = 240;

/** Articles an index file holds at most (about 100-200 kB): a month is split by weeks, then by days. */
const PART_SIZE = 60;

/** One index file: the articles of a month, or of a week or a day of a busy month, newest first. */
export interface SearchPart {
  /**
   * By the folder of the search page: `2020-09.<version>.json`, or `2020-09-2.<version>.json` for
   * the 8th to the 14th (`-5`: the 29th to the 31st). The version is a hash of its articles' texts
   * and addresses: an edit gives the part a new name, so a reader's browser never mixes an old
   * part it kept with a new directory.
   */
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
  let parts = partsOf.get(site);
  if (!parts) {
    parts = site.years.flatMap((year) => year.months.flatMap((month) => monthParts(month)));
    partsOf.set(site, parts);
  }
  return parts;
}

/** Planned, listed in the manifest and in the directory: worked out once per site. */
const partsOf = new WeakMap<Site, SearchPart[]>();

/** Changed when what an index file holds for the same articles changes (fields, folding, words). */
const INDEX_FORMAT = '2';

function monthParts({ year, month, articles }: ArchiveMonth): SearchPart[] {
  const name = `${year}-${String(month).padStart(2, '0')}`;
  const part = (suffix: string, list: readonly Article[]): SearchPart => ({ file: `${name}${suffix}.${partVersion(list)}.json`, year, month, articles: list });
  if (articles.length <= PART_SIZE) return [part('', articles)];
  return [...groupBy(articles, ({ publishedAt }) => Math.floor((publishedAt.day - 1) / 7) + 1)].flatMap(([week, list]) => {
    if (list.length <= PART_SIZE) return [part(`-${week}`, list)];
    // A busy week by days (`2020-09-08`), a busy day in sixties, in order (`2020-09-08-2`).
    return [...groupBy(list, ({ publishedAt }) => publishedAt.day)].flatMap(([day, own]) => {
      const date = `-${String(day).padStart(2, '0')}`;
      if (own.length <= PART_SIZE) return [part(date, own)];
      return Array.from({ length: Math.ceil(own.length / PART_SIZE) }, (_, i) => part(`${date}-${i + 1}`, own.slice(i * PART_SIZE, (i + 1) * PART_SIZE)));
    });
  });
}

/** The articles by a key, in their order. */
function groupBy(articles: readonly Article[], key: (article: Article) => number): Map<number, Article[]> {
  const groups = new Map<number, Article[]>();
  for (const article of articles) {
    const group = groups.get(key(article));
    if (group) group.push(article);
    else groups.set(key(article), [article]);
  }
  return groups;
}

/** A hash of every index file's name, so of every article's file and address: the version of the list and the directory. */
export function searchVersion(site: Site): string {
  const digest = createHash('sha1').update(String(site.articles.length));
  for (const part of searchParts(site)) digest.update(`${part.file}\0`);
  return digest.digest('base64url');
}

function partVersion(articles: readonly Article[]): string {
  const digest = createHash('sha1').update(INDEX_FORMAT);
  for (const article of articles) digest.update(`\0${article.textVersion}\0${article.url}`);
  return digest.digest('hex').slice(0, 10);
}

/** The list of index files, read first by the reader's browser. */
export function manifestPath(route: string): string {
  return `${route}/index.json`;
}

/** The words search.js shows, in the site's language. */
const CLIENT_STRINGS = ['search', 'searchResults', 'searchNoResults', 'searchLoading', 'searchSeeAll', 'searchOlder', 'searchSince', 'searchFailed'];

/**
 * The list of the index files, newest first, with how many articles each holds; the files of the
 * directory (`terms`: its file for a word is `terms[bucket]`); and the words search.js shows.
 */
export function renderManifest(site: Site, locale: Locale): string {
  const strings = Object.fromEntries(CLIENT_STRINGS.map((name) => [name, locale.strings[name]]));
  const shards = searchParts(site).map(({ file, year, month, articles }) => ({ file, year, month, count: articles.length }));
  return JSON.stringify({ version: 2, language: locale.language, strings, terms: directoryNames(directorySize(site.articles.length)), shards });
}

/**
 * Each index file's folded words, sorted and joined by newlines, by its file name (which changes
 * with its articles): made when it is rendered, kept in the dependency record, so the directory
 * is made again after an edit without reading the texts of the index files that did not change.
 */
export type SearchWords = Map<string, string>;

/** The record's words of the site's current index files: the start of a build's `SearchWords`. */
export function keptWords(site: Site, kept: ReadonlyMap<string, string> | undefined): SearchWords {
  const words: SearchWords = new Map();
  if (kept) for (const { file } of searchParts(site)) if (kept.has(file)) words.set(file, kept.get(file)!);
  return words;
}

/** The text of the directory's file `file` (see src/search/directory.ts); all are made at once, once per site. */
export function renderTerms(site: Site, file: number, body: (article: Article) => string, words: SearchWords): string {
  let texts = directoryOf.get(site);
  if (!texts) {
    const parts = searchParts(site).toReversed().map((part) => {
      const joined = words.get(part.file) ?? termsOf(part, body, words);
      return joined === '' ? [] : joined.split('\n');
    });
    texts = renderDirectory(parts, directorySize(site.articles.length));
    directoryOf.set(site, texts);
  }
  return texts[file]!;
}

const directoryOf = new WeakMap<Site, string[]>();

/** The words of an index file not rendered by this build or thread, read from its articles' texts. */
function termsOf(part: SearchPart, body: (article: Article) => string, words: SearchWords): string {
  const terms = new Set<string>();
  for (const article of part.articles) {
    for (const word of uniqueWords(`${article.title} ${searchText(article, body)}`)) if (foldOnce(word)) terms.add(foldOnce(word));
  }
  return keep(words, part, terms);
}

/** Sorted, so that the same words make the same record whatever order the texts gave them in. */
function keep(words: SearchWords, part: SearchPart, terms: ReadonlySet<string>): string {
  const joined = [...terms].sort().join('\n');
  words.set(part.file, joined);
  return joined;
}

/** What an article is found by besides its title: its lead, its body's words, its section and tags. */
function searchText(article: Article, body: (article: Article) => string): string {
  return [article.summary, markdownWords(body(article)), article.category ?? '', ...article.tags].join(' ');
}

/**
 * One part's index: its articles' titles and texts, folded; each result's title, address, date,
 * section and lead kept. A word counts once per text: fewer postings, the same matches.
 */
export function renderShard(part: SearchPart, body: (article: Article) => string, words: SearchWords): string {
  // Its words are kept for the directory, which this thread or a later build renders.
  const terms = new Set<string>();
  const processTerm = (word: string) => {
    const term = foldOnce(word);
    if (term) terms.add(term);
    return term;
  };
  const index = new MiniSearch({ fields: [...SEARCH_FIELDS], storeFields: [...STORED_FIELDS], processTerm, tokenize: uniqueWords });
  index.addAll(part.articles.map((article, id) => {
    const lead = article.summary || article.text;
    return {
      id,
      title: article.title,
      text: searchText(article, body),
      url: article.url,
      date: isoDay(article),
      section: article.category ?? '',
      excerpt: lead.length > EXCERPT_LENGTH ? `${lead.slice(0, lead.lastIndexOf(' ', EXCERPT_LENGTH))} …` : lead,
    };
  }));
  keep(words, part, terms);
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
