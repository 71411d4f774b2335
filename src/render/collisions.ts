// Two pages for one file where one is an old address (`aliases:`): where a page or another old
// address is. Each is an error naming both, where they are written; other clashes of files are
// found by `fileClashes` (src/output/clashes.ts).
import type { Article } from '../content/article.js';
import type { Alias } from '../content/aliases.js';
import { BantinError } from '../errors.js';
import { pageCollision, type PagePlan } from './pages.js';
import { msg, type Message } from '../messages/index.js';

/**
 * Every pair of planned pages with one output path, and of old addresses with one path. Two
 * articles at one address are collect's to report (`checkCollisions`).
 */
export function pathCollisions(plans: readonly PagePlan[], articles: readonly Article[], contentDir: string): BantinError[] {
  const problems: BantinError[] = [];
  const byPath = new Map<string, PagePlan>();
  for (const plan of plans) {
    const first = byPath.get(plan.outputPath);
    if (!first) byPath.set(plan.outputPath, plan);
    // Other pairs of files are `fileClashes`' to report (src/output/clashes.ts).
    else if ((first.kind === 'redirect' || plan.kind === 'redirect') && first.kind !== 'page' && plan.kind !== 'page') problems.push(collision(plan, first, contentDir));
  }
  // Addresses only `_redirects` answers (`tin.aspx`) have no page to collide by.
  const aliases = new Map<string, PagePlan>();
  for (const article of articles) {
    for (const alias of article.aliases) {
      if (alias.outputPath !== undefined) continue;
      const plan: PagePlan = { kind: 'redirect', outputPath: alias.path, alias, article };
      const first = aliases.get(alias.path);
      if (first) problems.push(collision(plan, first, contentDir));
      else aliases.set(alias.path, plan);
    }
  }
  return problems;
}

function collision(plan: PagePlan, first: PagePlan, contentDir: string): BantinError {
  // Said where the newcomer is written: an old address before an article, an article before a listing.
  const [mine, other] = plan.kind === 'redirect' || (first.kind !== 'redirect' && plan.kind === 'article') ? [plan, first] : [first, plan];
  const fix = mine.kind === 'redirect'
    ? mine.kind === other.kind && other.article === mine.article ? msg('clash.writeOnce') : msg('clash.removeAlias')
    : msg('clash.giveSlug');
  const where = mine.kind === 'redirect' ? at(mine.article, mine.alias) : mine.kind === 'article' ? at(mine.article) : { file: contentDir };
  const path = mine.kind === 'redirect' && mine.alias.outputPath === undefined ? msg('clash.theAddress', { path: mine.alias.path }) : mine.outputPath;
  // The problem is said where `mine` is written: it names the other with its place.
  const said = mine.kind === 'redirect' ? msg('clash.alias', { path: mine.alias.path }) : msg('clash.thisArticle');
  return new BantinError(msg('clash.written', { who: said, path, other: describe(other), fix }), where);
}

function at(article: Article, alias?: Alias): { file: string; line?: number; column?: number } {
  return { file: article.sourcePath, ...(alias ? { line: alias.line, column: alias.column } : article.urlAt) };
}

function describe(plan: PagePlan): Message {
  const place = (where: { file: string; line?: number; column?: number }) => [where.file, where.line, where.column].filter((part) => part !== undefined).join(':');
  switch (plan.kind) {
    case 'redirect':
      return msg('clash.aliasOf', { path: plan.alias.path, place: place(at(plan.article, plan.alias)) });
    case 'article':
      return msg('clash.theArticle', { file: place(at(plan.article)) });
    case 'list':
      return msg('clash.listing');
    default:
      return msg('clash.madeAt', { output: plan.outputPath });
  }
}

/** Every pair of planned pages with one output path where one is a standalone page (`pages/`). */
export function pageCollisions(plans: readonly PagePlan[]): BantinError[] {
  const problems: BantinError[] = [];
  const byPath = new Map<string, PagePlan>();
  for (const plan of plans) {
    const first = byPath.get(plan.outputPath);
    const problem = first && pageCollision(first, plan);
    if (problem) problems.push(problem);
    else if (!first) byPath.set(plan.outputPath, plan);
  }
  return problems;
}
