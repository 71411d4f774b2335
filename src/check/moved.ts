// `bantin check`: addresses the last build published that this one would no longer answer. A moved
// article keeps its readers only through an alias (or a slug that keeps the old address).
import type { Article } from '../content/article.js';
import type { PublishedAddress } from '../disk-cache.js';
import type { CheckProblem } from './problems.js';
import { msg } from '../messages/index.js';

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
      const keep = before.slug !== article.slug ? msg('alias.keepSlug', { slug: before.slug }) : msg('check.noSuggestion');
      problems.push({
        severity: 'warning',
        message: msg('alias.moved', { from: before.url, to: article.url, keep }),
        file: article.sourcePath,
        ...article.urlAt,
      });
    } else {
      problems.push({
        severity: 'warning',
        message: msg('alias.gone', { url: before.url }),
        file: before.sourcePath,
      });
    }
  }
  return problems;
}
