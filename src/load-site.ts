// The first half of a build: load -> parse -> collect, everything known before rendering. `bantin
// check` stops here; `build()` goes on to render and write.
import type { HeapCeiling } from './heap.js';
import { join } from 'node:path';
import type { BuildOptions } from './build.js';
import { parseArticle, sourceVersion, type Article } from './content/article.js';
import { loadSources, readWhole, redigested, sourceText, type FolderEntry, type SourceFile } from './content/load.js';
import { createMarkdown, type MarkdownRenderer } from './content/markdown.js';
import { scheduledArticles, type Visibility } from './collect/schedule.js';
import { collect, type Site } from './collect/site.js';
import { loadConfig, type SiteConfig } from './config.js';
import { CONFIG_FILE, sitePaths, type SitePaths } from './site-paths.js';
import { attempt, BantinError, collectProblems, pathShower } from './errors.js';
import { DiskCache, restoreBody } from './disk-cache.js';
import { environmentKey } from './environment.js';
import { articleShape, BuildCache } from './incremental.js';
import { locales, type Locale } from './locales.js';
import { WorkerPool } from './parallel/pool.js';
import { Spool } from './parallel/spool.js';

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
  /**
   * Where a whole build on one thread keeps its articles' HTML until their pages are rendered,
   * so that a large site's texts are never all in memory (see `Spool`). The build closes it.
   */
  spool?: Spool;
  /**
   * With a cache: the articles not parsed before, whose texts are new (when the site has the
   * same cards as the last build, theirs are the only texts that changed).
   */
  freshTexts?: Set<Article>;
  /** The site is the last build's, with new texts only: made of the same cards (see `siteKey`). */
  sameCards?: boolean;
  /**
   * The site is the last build's, in the same order and groups, but these articles show other
   * cards (a title, a lead, a field that lists show): a warm process told which files were edited.
   */
  freshCards?: Set<Article>;
}

/** How `build()` asks for a site to be loaded; `bantin check` asks for none of it. */
export interface Building {
  /** A whole build to disk: on the threads asked for (`workers`), the HTML held on disk until rendered. */
  parallel?: boolean;
  /** The content folder's entries with their stamps, if the build walked it already. */
  walked?: readonly FolderEntry[];
  /** Keeps the heap of a whole build on this thread near what is alive. */
  ceiling?: HeapCeiling;
}

/**
 * Loads, parses and collects a site without rendering or writing anything: the first half of
 * build(), and all of `bantin check`'s view of the content.
 */
export async function loadSite(options: BuildOptions = {}, building: Building = {}): Promise<LoadedSite> {
  const { parallel = false, walked, ceiling } = building;
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
  let spool: Spool | undefined;
  const last = options.edited && cache?.last;
  const locale = locales[config.language];
  const visibility: Visibility = { drafts: options.drafts ?? false, future: options.future ?? false, now: options.now ?? Date.now() };
  if (config.baseUrl === undefined) {
    warnings.push(
      `No baseUrl in ${CONFIG_FILE}: feeds, the sitemap and canonical links need the site's address (e.g. "baseUrl: https://example.gov.vn/") and were left out.`,
    );
  }

  // Told which files were edited, and they left the site's order and groups as they were: only
  // those files are looked at.
  const quick = last && cache && quickEdits(last, cache, options.edited!, parse, visibility);
  if (quick && last && cache) {
    const { sources, fresh, cards } = quick;
    const parsed = last.parsed;
    const published = (articles: Article[]) => new Set(articles.filter((article) => last.site.links.has(article)));
    cache.last = { ...last, sources, visibility };
    return {
      paths, show, config, locale, markdown, sources, articles: parsed, site: last.site, visibility,
      freshTexts: published(fresh),
      ...(cards.length > 0 ? { freshCards: published(cards) } : { sameCards: true }),
      scheduled: scheduledArticles(parsed, visibility), problems, warnings,
    };
  }
  // Otherwise (a new file, a changed card...), told which files were edited, a warm rebuild
  // reads only those again, and collects the site anew.
  const sources =
    (last && sourcesAfterEdits(last.sources, options.edited!, problems)) ??
    (await loadSources(contentDir, show, problems, (count) => {
      // Threads start as soon as the files are counted, and get ready while the files are read.
      const threads = parallel && !warm ? (options.workers ?? 1) : 1;
      // A large build to disk bounds its heap, a rebuild from the cache too: it holds every card.
      if (parallel) ceiling?.arm(count);
      if (threads > 1) {
        pool = WorkerPool.start(threads, { config, templateDirs, cwd: process.cwd(), root, contentDir });
      } else if (parallel && !warm) {
        // A whole build on this thread reads each file as it parses it and keeps the HTML on disk
        // until the page is rendered: no more than one text is in memory at a time.
        spool = new Spool();
      }
      // Threads read their own files; a rebuild reads a digest first and decodes what changed.
      return pool || spool ? 'nothing' : cache && cache.articles.size > 0 ? 'digest' : 'text';
    }, cache?.articleFiles, cache?.articleFiles && walked));
  const parseOnce = !spool ? parse : (source: SourceFile) => {
    const article = spool!.hold(parse(source));
    ceiling?.check();
    return article;
  };
  // Files not read yet are read here, one at a time (unchanged ones come with their digest).
  const read = (source: SourceFile) => (source.digest !== undefined || source.text !== '' ? source : readWhole(source));
  const parsed = pool
    ? await parseInWorkers(pool, sources, problems)
    : collectProblems(sources, (source) => (cache ? reuseArticle(cache, parsedNow, read(source), parseOnce) : parseOnce(read(source))), problems);
  if (cache && pool) for (const article of parsed) parsedNow.set(article.version, article);
  const before = cache?.articles;
  if (cache) {
    // An article's version is its file's digest, also when a thread read the file.
    const digests = new Map(parsed.map((article) => [article.sourcePath, article.version]));
    cache.articleFiles = new Map(sources.flatMap((source) => {
      const digest = source.digest ?? digests.get(source.displayPath);
      return source.stamp && digest ? [[source.relativePath, { stamp: source.stamp, digest }]] : [];
    }));
  }
  if (cache) cache.articles = parsedNow;
  const site = collect(parsed, { ...visibility, routes: locale.routes, relatedCount: config.relatedCount }, problems);
  // Texts not parsed before, of articles the site publishes (a draft's new text shows nowhere).
  const freshTexts = before && new Set(parsed.filter((article) => !before.has(article.version) && site.links.has(article)));
  // Remembered for the next edit only from a build that found no problem.
  if (cache && !(cache instanceof DiskCache)) {
    cache.last = problems.length > 0 ? undefined : { sources, parsed, site, visibility };
  }

  return {
    paths, show, config, locale, markdown, sources, articles: parsed, site, visibility, ...(pool && { pool }), ...(spool && { spool }),
    ...(freshTexts && { freshTexts }),
    scheduled: scheduledArticles(parsed, visibility), problems, warnings,
  };
}

/** The last build's sources with the edited ones read again, or undefined if an edited file is new. */
function sourcesAfterEdits(sources: SourceFile[], edited: readonly string[], problems: BantinError[]): SourceFile[] | undefined {
  const paths = new Set(edited);
  if (sources.filter((source) => paths.has(source.path)).length !== paths.size) return undefined;
  return collectProblems(sources, (source) => (paths.has(source.path) ? redigested(source) : source), problems);
}

/**
 * For a warm process told which files were edited: reads and parses those files only, and when
 * each kept its card, or changed it without moving in the site's order and groups (and the site
 * is published as before), gives the last build's articles the new texts and cards, so that its
 * collected site stays as it is. Returns the sources with the edited ones read again, the
 * articles whose texts are new and those whose cards changed. Otherwise (a new file, a card that
 * moves, a problem) undefined, and nothing is changed: the build takes the longer way, which
 * also reports problems. A changed card needs the pages that show each article (`readers`).
 */
function quickEdits(
  last: NonNullable<BuildCache['last']>,
  cache: BuildCache,
  edited: readonly string[],
  parse: (source: SourceFile) => Article,
  visibility: Visibility,
): { sources: SourceFile[]; fresh: Article[]; cards: Article[] } | undefined {
  if (!sameVisibility(last, visibility)) return undefined;
  const position = (last.positions ??= new Map(last.sources.map((source, i) => [source.path, i])));
  const changes: { at: number; source: SourceFile; before: Article; after: Article }[] = [];
  for (const path of new Set(edited)) {
    const at = position.get(path);
    if (at === undefined) return undefined;
    let source: SourceFile;
    let after: Article;
    try {
      source = redigested(last.sources[at]!);
      after = reuseArticle(cache, new Map(), source, parse);
    } catch (error) {
      if (error instanceof BantinError) return undefined;
      throw error;
    }
    const before = last.parsed[at]!;
    if (after === before) continue;
    if (after.sourcePath !== before.sourcePath) return undefined;
    if (after.cardVersion !== before.cardVersion && !(cache.readers && sameShape(before, after, last.site))) return undefined;
    changes.push({ at, source, before, after });
  }
  const sources = last.sources.slice();
  const fresh: Article[] = [];
  const cards: Article[] = [];
  for (const { at, source, before, after } of changes) {
    sources[at] = source;
    if (!cache.articles.has(after.version)) fresh.push(before);
    if (after.cardVersion !== before.cardVersion) cards.push(before);
    cache.articles.delete(before.version);
    takeEdit(before, after);
    cache.articles.set(before.version, before);
  }
  return { sources, fresh, cards };
}

/**
 * Whether an article's new card leaves the collected site as it was: the same shape (see
 * `articleShape`), and a new title only where no other article has the same moment, since titles
 * order such articles.
 */
function sameShape(before: Article, after: Article, site: Site): boolean {
  if (articleShape(after) !== articleShape(before)) return false;
  const at = site.links.position(before);
  if (after.title === before.title || at === undefined) return true;
  const moment = before.publishedAt.epochMs;
  return site.articles[at - 1]?.publishedAt.epochMs !== moment && site.articles[at + 1]?.publishedAt.epochMs !== moment;
}

/** Whether the site is published as last time: the same options, and no scheduled article fallen due since. */
function sameVisibility(last: NonNullable<BuildCache['last']>, visibility: Visibility): boolean {
  if (visibility.drafts !== last.visibility.drafts || visibility.future !== last.visibility.future) return false;
  const [then, now] = [last.visibility.now ?? 0, visibility.now ?? Date.now()];
  return visibility.future || !last.parsed.some((a) => a.publishedAt.epochMs > then && a.publishedAt.epochMs <= now);
}

/**
 * The last build's article takes everything of the new one (version, text, card): every page
 * links to the same objects.
 */
function takeEdit(before: Article, after: Article): void {
  const fields = before as unknown as Record<string, unknown>;
  for (const key of Object.keys(before)) if (!(key in after)) delete fields[key];
  // `html` may be a getter (a card read back from the disk cache): each field is redefined as a value.
  for (const [key, value] of Object.entries(after)) Object.defineProperty(before, key, { value, writable: true, enumerable: true, configurable: true });
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
  const readable = () => (decoded ??= source.text === '' ? { ...source, text: sourceText(source) } : source);
  const version = sourceVersion(source.digest ? source : readable());
  const article = cache.articles.get(version) ?? parse(readable());
  if (cache instanceof DiskCache && cache.bodiless.delete(version)) restoreBody(article, () => parse(readable()).html);
  now.set(version, article);
  return article;
}
