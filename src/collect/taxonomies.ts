// Taxonomies: sections, tags and authors, each a named list of articles with its own page.
import { createHash } from 'node:crypto';
import type { Article } from '../content/article.js';
import { SLUG_WORDS, slugFromTitle } from '../content/slug.js';
import type { Language } from '../locales.js';
import { tagKey, tagName } from '../content/tags.js';

/** Vietnamese alphabetical order, as `localeCompare(other, 'vi')` gives it, without looking the rules up on every call. */
export const vietnameseOrder = new Intl.Collator('vi').compare;

export interface Term {
  name: string;
  slug: string;
  /** Site-relative URL of the term's page: `chuyen-muc/thoi-su/`. */
  url: string;
  /** Newest first. */
  articles: Article[];
}

/**
 * Groups articles (newest first) by the names `namesOf` gives. Names that differ only in case,
 * accents' encoding or invisible characters (a soft hyphen, a zero-width space) share one slug
 * and so one term, shown with the first spelling met, its invisible characters removed.
 */
export function groupTerms(
  articles: readonly Article[],
  namesOf: (article: Article) => readonly string[],
  route: string,
  language: Language = 'vi',
): Term[] {
  const terms = new Map<string, Term>();
  for (const article of articles) {
    for (const name of namesOf(article)) {
      const slug = termSlug(name, language);
      let term = terms.get(slug);
      if (!term) {
        term = { name: tagName(name), slug, url: `${route}/${slug}/`, articles: [] };
        terms.set(slug, term);
      }
      if (term.articles.at(-1) !== article) term.articles.push(article);
    }
  }
  return [...terms.values()].sort((a, b) => vietnameseOrder(a.name, b.name));
}

/** Slugs of the names seen lately: a site has few sections, tags and authors, met many times. */
const slugs = new Map<string, string>();

/**
 * A term's slug: transliterated, or a stable hash for names in other scripts. Invisible
 * characters are removed first: slugify reads a zero-width space as a word break, and a soft
 * hyphen inside a word as a hyphen.
 */
export function termSlug(name: string, language: Language = 'vi'): string {
  const key = `${language}\0${name}`;
  let slug = slugs.get(key);
  if (slug === undefined) {
    if (slugs.size > 50_000) slugs.clear();
    slug = slugFromTitle(tagName(name), language) || `${SLUG_WORDS[language].term}-` + createHash('sha256').update(tagKey(name)).digest('hex').slice(0, 8);
    slugs.set(key, slug);
  }
  return slug;
}

/** Looks a term up by an article's name for it. */
export function termIndex(terms: readonly Term[], language: Language = 'vi'): (name: string) => Term | undefined {
  const bySlug = new Map(terms.map((term) => [term.slug, term]));
  return (name) => bySlug.get(termSlug(name, language));
}

export interface ArchiveMonth {
  year: number;
  month: number;
  url: string;
  articles: Article[];
}

export interface ArchiveYear {
  year: number;
  url: string;
  articles: Article[];
  /** Newest first. */
  months: ArchiveMonth[];
}

/** Years and months that have articles, newest first; `articles` must be newest first. */
export function groupArchive(articles: readonly Article[], route: string): ArchiveYear[] {
  const years: ArchiveYear[] = [];
  for (const article of articles) {
    const { year, month } = article.publishedAt;
    let entry = years.at(-1);
    if (entry?.year !== year) {
      entry = { year, url: `${route}/${year}/`, articles: [], months: [] };
      years.push(entry);
    }
    entry.articles.push(article);
    let monthEntry = entry.months.at(-1);
    if (monthEntry?.month !== month) {
      monthEntry = { year, month, url: `${route}/${year}/${String(month).padStart(2, '0')}/`, articles: [] };
      entry.months.push(monthEntry);
    }
    monthEntry.articles.push(article);
  }
  return years;
}
