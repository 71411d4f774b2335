// The build's own look at every published article's links and images, the rules `bantin check`
// applies (links.ts), against the pages planned and the files copied. Cheap on a rebuild: the
// links were read when each article was parsed, and are checked against a map of the site's files.
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Article } from '../content/article.js';
import { isScheduled } from '../collect/schedule.js';
import type { Site } from '../collect/site.js';
import { BantinError, formatWhere } from '../errors.js';
import { readBody } from '../content/body.js';
import type { ParsedFile } from '../incremental.js';
import type { SiteSetup } from '../load-site.js';
import type { PagePlan } from '../render/pages.js';
import type { StaticFile } from '../static.js';
import { anchorsFrom, checkLinks, NO_ORIGIN, type Owner } from './links.js';
import type { CheckProblem } from './problems.js';
import { msg, type Message } from '../messages/index.js';

/** What every page that is not an article owns: one record, read only. */
const PAGE: Owner = { kind: 'page' };

/** A path in NFC, as links are looked up by; one of ASCII only already is. */
function nfc(path: string): string {
  return /^[\x00-\x7f]*$/.test(path) ? path : path.normalize('NFC');
}

/** Broken links printed in full by a build that only warns of them; `bantin check` lists them all. */
const WARNINGS_SHOWN = 10;

/**
 * Every broken internal link and missing image of the published articles: errors that stop the
 * build, or with `brokenLinks: warn` warnings. Links to drafts and scheduled articles are warnings.
 */
export function checkSiteLinks(
  setup: SiteSetup,
  site: Site,
  parsed: ReadonlyMap<string, ParsedFile>,
  output: { plans: readonly PagePlan[]; statics: readonly StaticFile[]; themeFiles: Iterable<string> },
): BantinError[] {
  const config = setup.config!;
  const files = new Map<string, Owner>();
  for (const plan of output.plans) files.set(plan.outputPath, plan.kind === 'article' ? { kind: 'article', article: plan.article } : PAGE);
  for (const path of output.themeFiles) files.set(path, { kind: 'theme' });
  for (const file of output.statics) if (!files.has(file.outputPath)) files.set(file.outputPath, { kind: 'static' });
  const all = [...parsed.values()].map((file) => file.article);
  // Drafts and scheduled articles are where a link will lead once they are published.
  for (const article of all) if (!files.has(article.outputPath)) files.set(article.outputPath, { kind: 'article', article });
  const siteFiles = {
    files,
    basePath: config.basePath,
    origin: config.baseUrl ? new URL(config.baseUrl).origin : NO_ORIGIN,
    bySource: new Map(all.map((article) => [nfc(article.relativePath), article])),
    suggested: { count: 0 },
    staticFolder: relative(setup.paths.contentDir, setup.paths.staticDir).split(sep).join('/'),
  };
  const now = setup.visibility.now ?? Date.now();
  const unpublished = (article: Article) => (site.links.has(article) ? undefined : article.draft ? msg('check.draft') : isScheduled(article, now) ? msg('check.scheduledLater') : undefined);
  const inContent = (path: string) => existsSync(join(setup.paths.contentDir, path));
  const anchorsOf = anchorsFrom((article) => setup.markdown!.anchors(readBody(article, setup.paths.contentDir)));
  const problems = site.articles.flatMap((article) =>
    checkLinks({ article, relativePath: article.relativePath, references: article.references, unpublished, inContent, anchorsOf }, siteFiles),
  );
  return report(setup, problems, config.brokenLinks);
}

function report(setup: SiteSetup, problems: readonly CheckProblem[], brokenLinks: 'error' | 'warn'): BantinError[] {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  if (brokenLinks === 'error') {
    setup.warnings.push(...warnings.map(line));
    return errors.map((problem) => new BantinError(problem.message, { file: problem.file!, ...(problem.line !== undefined && { line: problem.line, column: problem.column! }) }));
  }
  const all = [...errors, ...warnings];
  setup.brokenLinks += errors.length;
  setup.warnings.push(...all.slice(0, WARNINGS_SHOWN).map(line));
  if (all.length > WARNINGS_SHOWN) {
    setup.warnings.push(msg('check.moreBroken', { count: all.length - WARNINGS_SHOWN }));
  }
  return [];
}

/** `file:line:column  message`, as a build prints its warnings. */
function line(problem: CheckProblem): Message {
  return msg('cli.at', { where: formatWhere(problem), text: problem.message });
}
