// "Tin liên quan": articles that share tags and section with an article, best matches first.
import type { Article } from '../content/article.js';
import type { Term } from './taxonomies.js';

/** How far either side of an article, in each of its terms' lists, candidates are looked for. */
const WINDOW = 25;
const TAG_WEIGHT = 2;
const SECTION_WEIGHT = 1;

/** Ranks a candidate above another: more shared terms, then more recent, then by URL. */
function better([a, scoreA]: [Article, number], [b, scoreB]: [Article, number]): boolean {
  return scoreA !== scoreB ? scoreA > scoreB : a.publishedAt.epochMs !== b.publishedAt.epochMs ? a.publishedAt.epochMs > b.publishedAt.epochMs : a.url < b.url;
}

/** How to find, for an article, the terms it is in and where it stands in their lists. */
export interface RelatedLookup {
  section: (name: string) => Term | undefined;
  tag: (name: string) => Term | undefined;
  /** The article's place in the order every term's list follows (the site's, newest first). */
  position: (article: Article) => number;
}

/**
 * Related articles, found for an article when its page asks (a parallel build renders each
 * article page on one thread, and asks there only). Each shared tag counts 2 and a shared section
 * 1; ties go to the more recent. Candidates come from a window of WINDOW articles either side in
 * each of the article's tag and section lists, so the work is O(articles × terms × WINDOW), never
 * quadratic, even when every article shares one section. Where the article stands in a list is
 * found by halving, so nothing is held for every article beforehand.
 */
export function relatedArticles(find: RelatedLookup, count: number, stats?: { candidates: number }): (article: Article) => Article[] {
  return (article) => {
    if (count <= 0) return [];
    const weighed: [Term, number][] = [];
    const section = article.category ? find.section(article.category) : undefined;
    if (section) weighed.push([section, SECTION_WEIGHT]);
    for (const name of article.tags) {
      const tag = find.tag(name);
      // Two spellings of one tag are one term, counted once.
      if (tag && !weighed.some(([term]) => term === tag)) weighed.push([tag, TAG_WEIGHT]);
    }
    const scores = new Map<Article, number>();
    for (const [term, weight] of weighed) {
      const position = indexIn(term.articles, article, find.position);
      if (position < 0) continue;
      const from = Math.max(0, position - WINDOW);
      const to = Math.min(term.articles.length, position + WINDOW + 1);
      for (let i = from; i < to; i++) {
        const other = term.articles[i]!;
        if (other !== article) scores.set(other, (scores.get(other) ?? 0) + weight);
      }
      if (stats) stats.candidates += to - from;
    }
    // The best `count`, kept in order while the candidates go by: no sort of them all.
    const best: [Article, number][] = [];
    for (const entry of scores) {
      if (best.length === count && !better(entry, best[count - 1]!)) continue;
      let at = best.length < count ? best.length : count - 1;
      while (at > 0 && better(entry, best[at - 1]!)) {
        if (at < best.length) best[at] = best[at - 1]!;
        else best.push(best[at - 1]!);
        at--;
      }
      best[at] = entry;
    }
    return best.map(([other]) => other);
  };
}

/** Where `article` is in `list`, which follows the order of `position`; -1 if it is not there. */
function indexIn(list: readonly Article[], article: Article, position: (article: Article) => number): number {
  const target = position(article);
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = position(list[middle]!);
    if (at === target) return middle;
    if (at < target) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
