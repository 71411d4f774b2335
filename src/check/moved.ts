// `bantin check`: addresses the last build published that this one would no longer answer. A moved
// article keeps its readers only through an alias (or a slug that keeps the old address).
import type { Article } from '../content/article.js';
import type { PublishedAddress } from '../disk-cache.js';
import type { CheckProblem } from './problems.js';

/**
 * A warning for each article whose address changed since the last build without an alias for the
 * old one, and for each published file that is gone while nothing answers its address.
 */
export function movedAddresses(articles: readonly Article[], last: ReadonlyMap<string, PublishedAddress>): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const answered = new Set<string>();
  for (const article of articles) {
    answered.add(article.url);
    for (const alias of article.aliases) answered.add(alias.path);
  }
  const current = new Map(articles.map((article) => [article.relativePath, article]));
  for (const [file, before] of last) {
    if (answered.has(before.url)) continue;
    const article = current.get(file);
    if (article) {
      const keep = before.slug !== article.slug ? ` (or "slug: ${before.slug}" to keep the old address)` : '';
      problems.push({
        severity: 'warning',
        message: `This article's address changed since the last build, from "/${before.url}" to "/${article.url}": links to the old one, on other sites and in print, now lead nowhere. Add "aliases: [/${before.url}]" to send readers here${keep}.`,
        file: article.sourcePath,
        ...article.urlAt,
      });
    } else {
      problems.push({
        severity: 'warning',
        message: `This file is gone, and the address the last build published it at, "/${before.url}", now leads nowhere. If the article was moved or renamed, add "aliases: [/${before.url}]" to it.`,
        file: before.sourcePath,
      });
    }
  }
  return problems;
}
