// "Tin liên quan": articles that share tags and section with an article, best matches first.
import type { Article } from '../content/article.js';
import type { Term } from './taxonomies.js';

/** How far either side of an article, in each of its terms' lists, candidates are looked for. */
const WINDOW = 25;
const TAG_WEIGHT = 2;
const SECTION_WEIGHT = 1;

interface Membership {
  term: Term;
  position: number;
  weight: number;
}

/** Ranks a candidate above another: more shared terms, then more recent, then by URL. */
function better([a, scoreA]: [Article, number], [b, scoreB]: [Article, number]): boolean {
  return scoreA !== scoreB ? scoreA > scoreB : a.publishedAt.epochMs !== b.publishedAt.epochMs ? a.publishedAt.epochMs > b.publishedAt.epochMs : a.url < b.url;
}

/**
 * Related articles, found for each article when first asked (a parallel build renders each
 * article page on one thread, and asks there only). Each shared tag counts 2 and a shared section
 * 1; ties go to the more recent. Candidates come from a window of WINDOW articles either side in
 * each of the article's tag and section lists, so the work is O(articles × terms × WINDOW), never
 * quadratic, even when every article shares one section.
 */
export function relatedArticles(
  sections: readonly Term[],
  tags: readonly Term[],
  count: number,
  stats?: { candidates: number },
): (article: Article) => Article[] {
  const memberships = new Map<Article, Membership[]>();
  const index = (terms: readonly Term[], weight: number) => {
    for (const term of terms) {
      term.articles.forEach((article, position) => {
        let list = memberships.get(article);
        if (!list) memberships.set(article, (list = []));
        list.push({ term, position, weight });
      });
    }
  };
  index(sections, SECTION_WEIGHT);
  index(tags, TAG_WEIGHT);

  return (article) => {
    const scores = new Map<Article, number>();
    for (const { term, position, weight } of memberships.get(article) ?? []) {
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
    if (count <= 0) return [];
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
