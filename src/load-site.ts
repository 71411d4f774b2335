// The first half of a build: load -> parse -> collect, everything known before rendering. `bantin
// check` stops here; `build()` goes on to render and write.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import type { BuildOptions } from './build.js';
import { parseArticle, sourceVersion, type Article } from './content/article.js';
import { loadSources, sourceText, type SourceFile } from './content/load.js';
import { createMarkdown, type MarkdownRenderer } from './content/markdown.js';
import { scheduledArticles, type Visibility } from './collect/schedule.js';
import { collect, type Site } from './collect/site.js';
import { CONFIG_FILE, loadConfig, type SiteConfig } from './config.js';
import { attempt, BantinError, collectProblems, pathShower } from './errors.js';
import { BuildCache, DiskCache, environmentKey, restoreBody } from './incremental.js';
import { locales, type Locale } from './locales.js';
import { WorkerPool, workerCount } from './parallel/pool.js';

/** bantin's own templates, used when a site has none. */
export const BUILTIN_TEMPLATES = resolve(fileURLToPath(new URL('../templates/', import.meta.url)));

/** What load -> parse -> collect make of a site: everything the build knows before it renders. */
export interface LoadedSite {
  paths: SitePaths;
  show: (path: string) => string;
  /** Missing when the configuration has problems; then no article was parsed. */
  config?: SiteConfig;
  locale?: Locale;
  markdown?: MarkdownRenderer;
  sources: SourceFile[];
  /** Every article that parsed, drafts and scheduled ones included. */
  articles: Article[];
  /** The site as the options see it: without drafts and scheduled articles unless asked. */
  site?: Site;
  /** Articles left out because their date is still to come, soonest first. */
  scheduled: Article[];
  /** Every problem found in the configuration and the content. */
  problems: BantinError[];
  /** Things worth fixing that do not stop a build. */
  warnings: string[];
  visibility?: Visibility;
  /** Worker threads that parsed the articles and hold their HTML, for a large build to render with. */
  pool?: WorkerPool;
}

/**
 * Loads, parses and collects a site without rendering or writing anything: the first half of
 * build(), and all of `bantin check`'s view of the content.
 */
export async function loadSite(options: BuildOptions = {}, parallel = false): Promise<LoadedSite> {
  const paths = sitePaths(options);
  const { root, contentDir, templateDirs } = paths;
  const show = pathShower(process.cwd(), root);
  const problems: BantinError[] = [];
  const warnings: string[] = [];
  const config = options.config ?? attempt(() => loadConfig(join(root, CONFIG_FILE), show(join(root, CONFIG_FILE))), problems);
  if (!config) {
    const sources = await loadSources(contentDir, show, problems);
    return { paths, show, sources, articles: [], scheduled: [], problems, warnings };
  }

  const markdown = createMarkdown(config.markdown);
  const cache = options.cache;
  if (cache) cache.useEnvironment(await environmentKey(config, templateDirs, { drafts: options.drafts }));
  const parse = (source: SourceFile) => parseArticle(source, { config, markdown });
  const parsedNow = new Map<string, Article>();
  // A rebuild from a cache renders few pages: threads would cost more than they save.
  const warm = cache !== undefined && cache.pages.size > 0;
  let pool: WorkerPool | undefined;
  // Threads start as soon as the files are counted, and get ready while the files are read.
  const sources = await loadSources(contentDir, show, problems, (count) => {
    const threads = parallel && !warm ? (options.workers ?? workerCount(count)) : 1;
    if (threads > 1) pool = WorkerPool.start(threads, { config, templateDirs, cwd: process.cwd(), root, contentDir });
    // Decoding and checking the text is a good part of the work: threads do it side by side, and
    // a rebuild does it only for files whose bytes changed.
    // Threads read their own files; a rebuild reads a digest first and decodes what changed.
    return pool ? 'nothing' : cache && cache.articles.size > 0 ? 'digest' : 'text';
  });
  const parsed = pool
    ? await parseInWorkers(pool, sources, problems)
    : collectProblems(sources, cache ? (source) => reuseArticle(cache, parsedNow, source, parse) : parse, problems);
  if (cache && pool) for (const article of parsed) parsedNow.set(article.version, article);
  if (cache) cache.articles = parsedNow;
  const locale = locales[config.language];
  const visibility: Visibility = { drafts: options.drafts ?? false, future: options.future ?? false, now: options.now ?? Date.now() };
  const site = collect(parsed, { ...visibility, routes: locale.routes, relatedCount: config.relatedCount }, problems);

  if (config.baseUrl === undefined) {
    warnings.push(
      `No baseUrl in ${CONFIG_FILE}: feeds, the sitemap and canonical links need the site's address (e.g. "baseUrl: https://example.gov.vn/") and were left out.`,
    );
  }
  return {
    paths, show, config, locale, markdown, sources, articles: parsed, site, visibility, ...(pool && { pool }),
    scheduled: scheduledArticles(parsed, visibility), problems, warnings,
  };
}

/** Parses on the pool; the articles come back in source order, without their HTML. */
async function parseInWorkers(pool: WorkerPool, sources: SourceFile[], problems: BantinError[]): Promise<Article[]> {
  const parsed = await pool.parse(sources);
  problems.push(...parsed.problems.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0)));
  return parsed.articles.filter((article) => article !== null);
}

/**
 * The article parsed last time from the same source, or a fresh parse; remembered in `now`.
 * A source read only for its digest is decoded only if that digest is new.
 */
function reuseArticle(
  cache: BuildCache,
  now: Map<string, Article>,
  source: SourceFile,
  parse: (source: SourceFile) => Article,
): Article {
  let decoded: SourceFile | undefined;
  const readable = () => (decoded ??= source.text === '' ? { ...withoutBytes(source), text: sourceText(source) } : source);
  const version = sourceVersion(source.digest ? source : readable());
  const article = cache.articles.get(version) ?? parse(readable());
  if (cache instanceof DiskCache && cache.bodiless.delete(version)) restoreBody(article, () => parse(readable()).html);
  now.set(version, article);
  return article;
}

function withoutBytes({ bytes: _, ...source }: SourceFile): SourceFile {
  return source;
}

export interface SitePaths {
  root: string;
  contentDir: string;
  outDir: string;
  configFile: string;
  /** The site's templates folder, or bantin's own. */
  templatesDir: string;
  /** Where templates are looked up, in order: the site's, then bantin's. */
  templateDirs: string[];
  staticDir: string;
}

/** The folders of a site, resolved from the build options. */
export function sitePaths(options: Pick<BuildOptions, 'root' | 'contentDir' | 'outDir' | 'templatesDir'>): SitePaths {
  const root = resolve(options.root ?? process.cwd());
  const defaultTemplates = existsSync(join(root, 'templates')) ? join(root, 'templates') : BUILTIN_TEMPLATES;
  const templatesDir = resolve(root, options.templatesDir ?? defaultTemplates);
  return {
    root,
    contentDir: resolve(root, options.contentDir ?? 'content'),
    outDir: resolve(root, options.outDir ?? 'dist'),
    configFile: join(root, CONFIG_FILE),
    templatesDir,
    templateDirs: templatesDir === BUILTIN_TEMPLATES ? [templatesDir] : [templatesDir, BUILTIN_TEMPLATES],
    staticDir: join(root, 'static'),
  };
}
