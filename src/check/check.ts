// `bantin check`: everything the build checks, and what would be broken or poor on the published
// site, without rendering or writing anything.
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { BuildOptions } from '../build.js';
import { loadSite, type LoadedSite } from '../load-site.js';
import { isScheduled } from '../collect/schedule.js';
import type { Article } from '../content/article.js';
import { formatDayMonthYear, formatTime } from '../content/dates.js';
import type { SourceFile } from '../content/load.js';
import { parseFrontMatter } from '../content/frontmatter.js';
import { BantinError, BuildFailure, collectProblems } from '../errors.js';
import { planPages, TEMPLATE_NAMES, type PagePlan } from '../render/pages.js';
import { fileClashes, madeBeside, plannedFiles } from '../output/clashes.js';
import { pageCollisions, pathCollisions } from '../render/collisions.js';
import { createTemplates } from '../render/templates.js';
import { findStaticFiles } from '../static.js';
import { hashAssetNames, loadThemeAssets } from '../theme.js';
import { checkArticle } from './articles.js';
import { checkPhotos, photoFolders } from './photos.js';
import { anchorsFrom, checkLinks, NO_ORIGIN, type Owner, type SiteFiles } from './links.js';
import { movedAddresses } from './moved.js';
import { diskCachePath, lastAddresses } from '../disk-cache.js';
import { fromBantinError, sortProblems, type CheckProblem } from './problems.js';
import { msg, type Message } from '../messages/index.js';

export type CheckOptions = Pick<BuildOptions, 'root' | 'contentDir' | 'outDir' | 'templatesDir' | 'config' | 'now'>;

export interface CheckReport {
  /** Articles checked, drafts and scheduled ones included. */
  articles: number;
  errors: number;
  warnings: number;
  /** In file and line order. */
  problems: CheckProblem[];
  durationMs: number;
}

/**
 * Checks a site's configuration, templates and every article, drafts and scheduled ones
 * included (they will be published one day). Reads, never writes.
 */
export async function checkSite(options: CheckOptions = {}): Promise<CheckReport> {
  const started = performance.now();
  const now = options.now ?? Date.now();
  const found: BantinError[] = [];
  const problems: CheckProblem[] = [];
  let articles = 0;
  const report = (): CheckReport => {
    const all = sortProblems([...found.map((error) => fromBantinError(error)), ...problems]);
    const errors = all.filter((problem) => problem.severity === 'error').length;
    return { articles, errors, warnings: all.length - errors, problems: all, durationMs: performance.now() - started };
  };

  let settled: LoadedSite;
  try {
    settled = await loadSite({ ...options, drafts: true, future: true, now });
  } catch (error) {
    if (error instanceof BuildFailure) found.push(...error.problems);
    else if (error instanceof BantinError) found.push(error);
    else throw error;
    return report();
  }
  const { show, config, locale, site, markdown, paths, sources } = settled;
  found.push(...settled.problems);
  // Every article file is checked, those that do not parse too.
  articles = config ? sources.length : 0;
  const configFile = show(paths.configFile);
  problems.push(...settled.warnings.map((message): CheckProblem => ({ severity: 'warning', message, file: configFile })));
  if (!config || !locale || !site || !markdown) return report();

  const sourceOf = new Map(sources.map((source) => [source.displayPath, source]));
  const frontOf = (article: Article) => {
    const source = sourceOf.get(article.sourcePath)!;
    return parseFrontMatter(source.text, source.displayPath);
  };
  const checked: CheckedSite = { show, paths, config, locale, site, markdown, sourceOf, frontOf };
  const siteFiles = await siteFilesOf(checked, found);
  problems.push(...checkArticles(checked, siteFiles, now, found));
  problems.push(...(await checkPhotos(site.articles, config, photoFolders(paths, show, configFile))));
  // Only what the last build published is compared: drafts and scheduled articles have no address yet.
  problems.push(...movedAddresses(site.articles, lastAddresses(diskCachePath(paths.root, paths.outDir))));
  return report();
}

/** A site loaded well enough to check, with each article's source file and front-matter at hand. */
type CheckedSite = Pick<LoadedSite, 'show' | 'paths'>
  & Required<Pick<LoadedSite, 'config' | 'locale' | 'site' | 'markdown'>>
  & {
    sourceOf: ReadonlyMap<string, SourceFile>;
    frontOf: (article: Article) => FrontMatter;
  };

/** What the built site will hold, from the same stages the build uses, rendering nothing. */
async function siteFilesOf(checked: CheckedSite, found: BantinError[]): Promise<SiteFiles> {
  const { show, config, locale, site, paths } = checked;
  const theme = hashAssetNames(await loadThemeAssets(paths.templateDirs));
  const statics = await findStaticFiles(paths.staticDir, show, found, config.limits.staticFileMB);
  const [templates] = collectProblems(
    [undefined],
    () => createTemplates(paths.templateDirs, TEMPLATE_NAMES, { locale, show, assetNames: theme.names }),
    found,
  );
  const plans = templates ? planPages(site, config, locale) : [];
  const files = pageFiles(plans);
  // Old addresses (`aliases:`) where a page or another old address is.
  found.push(...pathCollisions(plans, site.articles, show(paths.contentDir)), ...pageCollisions(plans));
  for (const asset of theme.assets) files.set(asset.outputPath, { kind: 'theme' });
  // The build's own check: a slug or a static file taking the place of a file bantin makes.
  found.push(...fileClashes([...plannedFiles(plans), ...madeBeside(theme, statics, show)], show(paths.configFile)));
  for (const file of statics) if (!files.has(file.outputPath)) files.set(file.outputPath, { kind: 'static' });
  return {
    files,
    basePath: config.basePath,
    origin: config.baseUrl ? new URL(config.baseUrl).origin : NO_ORIGIN,
    bySource: new Map(site.articles.map((article) => [article.relativePath.normalize('NFC'), article])),
    suggested: { count: 0 },
    staticFolder: relative(paths.contentDir, paths.staticDir).split(sep).join('/'),
  };
}

/** The pages the build plans, each with the article it shows, if any. */
function pageFiles(plans: readonly PagePlan[]): Map<string, Owner> {
  const files = new Map<string, Owner>();
  for (const plan of plans) if (!files.has(plan.outputPath)) files.set(plan.outputPath, plan.kind === 'article' ? { kind: 'article', article: plan.article } : { kind: 'page' });
  return files;
}

/** Each article's own checks, then its links against what the site will hold. */
function checkArticles(checked: CheckedSite, siteFiles: SiteFiles, now: number, found: BantinError[]): CheckProblem[] {
  const { site, markdown, paths, sourceOf, frontOf } = checked;
  const problems: CheckProblem[] = [];
  const unpublished = (article: Article): Message | undefined =>
    article.draft
      ? msg('check.draft')
      : isScheduled(article, now)
        ? msg('check.scheduled', { when: `${formatDayMonthYear(article.publishedAt)} ${formatTime(article.publishedAt)}`.trim() })
        : undefined;

  const anchorsOf = anchorsFrom((linked) => markdown.anchors(frontOf(linked).body));
  // A body nested too deeply to read is a problem of its article, found here as the build finds it.
  collectProblems(site.articles, (article) => {
    const source = sourceOf.get(article.sourcePath)!;
    const front = frontOf(article);
    const { references } = article;
    const html = markdown.render(front.body, { file: article.sourcePath, line: front.bodyLine });
    problems.push(...checkArticle({ article, html, bodyLine: front.bodyLine, references, locate: (field) => front.locate(field) }));
    problems.push(...checkLinks({
      article,
      relativePath: source.relativePath,
      references,
      unpublished,
      inContent: (path) => existsSync(join(paths.contentDir, path)),
      anchorsOf,
    }, siteFiles));
  }, found);
  return problems;
}

type FrontMatter = ReturnType<typeof parseFrontMatter>;
