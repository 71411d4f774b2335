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
 * found by halving the list's positions, each list's worked out once; scores are kept by
 * position, in an array reused from one article to the next.
 */
export function relatedArticles(find: RelatedLookup, count: number, stats?: { candidates: number }): (article: Article) => Article[] {
  const positionsOf = new Map<Term, Int32Array>();
  const positions = (term: Term) => {
    let list = positionsOf.get(term);
    if (!list) positionsOf.set(term, (list = Int32Array.from(term.articles, find.position)));
    return list;
  };
  let scores: Int32Array = new Int32Array(0);
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
    const own = find.position(article);
    const candidates: Article[] = [];
    const places: number[] = [];
    for (const [term, weight] of weighed) {
      const list = positions(term);
      const position = indexIn(list, own);
      if (position < 0) continue;
      const from = Math.max(0, position - WINDOW);
      const to = Math.min(list.length, position + WINDOW + 1);
      for (let i = from; i < to; i++) {
        const place = list[i]!;
        if (place === own) continue;
        if (place >= scores.length) scores = grown(scores, place);
        if (scores[place] === 0) {
          candidates.push(term.articles[i]!);
          places.push(place);
        }
        scores[place] = scores[place]! + weight;
      }
      if (stats) stats.candidates += to - from;
    }
    const best = bestOf(candidates.map((other, i) => [other, scores[places[i]!]!]), count);
    for (const place of places) scores[place] = 0;
    return best;
  };
}

/** The best `count` candidates, kept in order while they go by: no sort of them all. */
function bestOf(candidates: readonly [Article, number][], count: number): Article[] {
  const best: [Article, number][] = [];
  for (const entry of candidates) {
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
}

/** A copy of `scores` long enough for `place`. */
function grown(scores: Int32Array, place: number): Int32Array {
  const larger = new Int32Array(Math.max(place + 1, scores.length * 2));
  larger.set(scores);
  return larger;
}

/** Where `target` is in `list`, which is in ascending order; -1 if it is not there. */
function indexIn(list: Int32Array, target: number): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = list[middle]!;
    if (at === target) return middle;
    if (at < target) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
