// The first stages of a build: load -> parse -> collect, everything known before rendering. `bantin
// check` stops here; `build()` goes on to plan, render and write.
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { BuildOptions } from './build.js';
import { parseArticle, type Article, type ParseContext } from './content/article.js';
import { DEFAULT_THREADS, parseOnThreads, PARSE_THREADS_FROM } from './parallel/pool.js';
import type { ThreadOptions } from './parallel/protocol.js';
import { loadSources, readWhole, type SourceFile } from './content/load.js';
import { nativePath } from './walk.js';
import { createMarkdown, type MarkdownRenderer } from './content/markdown.js';
import { scheduledArticles, type Visibility } from './collect/schedule.js';
import { collect, type Site } from './collect/site.js';
import { loadPages } from './content/pages.js';
import { loadConfig, type SiteConfig } from './config.js';
import { CONFIG_FILE, sitePaths, type SitePaths } from './site-paths.js';
import { attempt, BantinError, collectProblems, pathShower } from './errors.js';
import type { BuildCache, ParsedFile } from './incremental.js';
import { locales, type Locale } from './locales.js';
import type { Run } from './run.js';
import { msg, type Message } from './messages/index.js';

/** What the stages know of a site before they read its content: its folders and configuration. */
export interface SiteSetup {
  paths: SitePaths;
  show: (path: string) => string;
  /** Missing when the configuration has problems. */
  config?: SiteConfig;
  locale?: Locale;
  markdown?: MarkdownRenderer;
  visibility: Visibility;
  /** Every problem found so far. */
  problems: BantinError[];
  /** Things worth fixing that do not stop a build. */
  warnings: Message[];
  /** Of those, the broken links and missing images (`brokenLinks: warn`), for the build's last line. */
  brokenLinks: number;
  /** Stops the build (Ctrl-C): the stages look at it between files. */
  signal?: AbortSignal;
}

/** What load -> parse -> collect make of a site. */
export interface LoadedSite extends SiteSetup {
  sources: SourceFile[];
  /** Every article that parsed, drafts and scheduled ones included, by file. */
  parsed: Map<string, ParsedFile>;
  /** The site as the options see it: without drafts and scheduled articles unless asked. */
  site?: Site;
  /** Articles left out because their date is still to come, soonest first. */
  scheduled: Article[];
}

/** Reads the configuration: the first thing every command needs. */
export function setUp(options: BuildOptions): SiteSetup {
  const paths = sitePaths(options);
  const show = pathShower(process.cwd(), paths.root);
  const problems: BantinError[] = [];
  const warnings: Message[] = [];
  const visibility: Visibility = { drafts: options.drafts ?? false, future: options.future ?? false, now: options.now ?? Date.now() };
  const config = options.config ?? attempt(() => loadConfig(join(paths.root, CONFIG_FILE), show(join(paths.root, CONFIG_FILE))), problems);
  const signal = options.signal && { signal: options.signal };
  if (!config) return { paths, show, visibility, problems, warnings, brokenLinks: 0, ...signal };
  if (config.baseUrl === undefined) {
    warnings.push(msg('config.noBaseUrl', { file: CONFIG_FILE }));
  }
  const locale = locales[config.language];
  const { footnotes, footnote, backToText } = locale.strings;
  const markdown = createMarkdown(config.markdown, { language: config.language, footnotes: footnotes!, footnote: footnote!, backToText: backToText! });
  return { paths, show, config, locale, markdown, visibility, problems, warnings, brokenLinks: 0, ...signal };
}

/**
 * Load: the article files, those the record's head knows unchanged not read again. `edited`: when
 * the caller (with a record in memory) knows the only files changed since the record was made (a watcher does), the folder is
 * not walked again.
 */
export async function loadStage(setup: SiteSetup, run: Pick<Run, 'head' | 'record'>, edited?: readonly string[]): Promise<SourceFile[]> {
  const { contentDir } = setup.paths;
  const { head, record } = run;
  const inContent = (path: string) => relative(contentDir, path).split(sep).join('/');
  // An edited file deleted since (an editor's save by rename, a file removed at once) sends the load to the folder.
  // Paths as the build names them: a caller's relative path would match none and the edit be missed.
  const edits = edited?.map((path) => resolve(path));
  if (record && edits?.every((path) => record.articles.has(inContent(path)) && existsSync(path))) return recordedSources(setup, record, new Set(edits));
  // Files are read one at a time as they are parsed (see `parseStage`), stamped when there is a record.
  return loadSources(contentDir, setup.show, setup.problems, { lazy: true, ...(head && { remembered: head.remembered() }) });
}

/** The files of the record, the `edited` ones read again. */
function recordedSources(setup: SiteSetup, record: BuildCache, edited: ReadonlySet<string>): SourceFile[] {
  const folder = setup.paths.contentDir + sep;
  return collectProblems([...record.articles], ([relativePath, { stamp, article }]) => {
    const path = folder + nativePath(relativePath);
    if (edited.has(path)) return readWhole({ path, relativePath, displayPath: article.sourcePath });
    const source: SourceFile = { path, relativePath, displayPath: article.sourcePath, text: '', digest: article.version };
    if (stamp !== undefined) source.stamp = stamp;
    return source;
  }, setup.problems);
}

/** Files parsed between two looks at the signal (Ctrl-C): a stop waits for at most this many. */
const PARSED_BETWEEN_LOOKS = 64;

/** Parse: each file becomes an article, or its problems; an unchanged file gives last build's article. */
export async function parseStage(setup: SiteSetup, sources: readonly SourceFile[], work: { record?: BuildCache; threads: ThreadOptions & ThreadCount }): Promise<Map<string, ParsedFile>> {
  const { config, markdown, problems } = setup;
  const { record, threads } = work;
  const found: (Article | BantinError[] | undefined)[] = sources.map((source) => (source.digest === '' ? undefined : record?.reuse(source)));
  const toParse = sources.flatMap((source, index) => (found[index] ? [] : [index]));
  if (parsesOnThreads(threads, toParse.length)) {
    const { count, parseFrom: _parseFrom, ...options } = threads;
    // Not checked against the record: so many files to read come from a clean build, or a checkout
    // that touched every file, whose articles are then parsed again, with the same versions.
    for await (const [i, parsed] of parseOnThreads(options, toParse.map((index) => sources[index]!), count)) {
      found[toParse[i]!] = parsed;
      setup.signal?.throwIfAborted();
    }
    // In the order of the files, as one thread finds them.
    for (const file of found) if (Array.isArray(file)) problems.push(...file);
  } else {
    // Read here, one file at a time: its text is let go once parsed.
    const parse = (index: number) => (found[index] = parseSource(sources[index]!, { config: config!, markdown: markdown! }, record));
    for (let from = 0; from < toParse.length; from += PARSED_BETWEEN_LOOKS) {
      if (from > 0) await stopIfAsked(setup.signal);
      collectProblems(toParse.slice(from, from + PARSED_BETWEEN_LOOKS), parse, problems);
    }
  }
  const parsed = new Map<string, ParsedFile>();
  sources.forEach((source, index) => {
    const article = found[index];
    if (article && !Array.isArray(article)) parsed.set(source.relativePath, source.stamp === undefined ? { article } : { stamp: source.stamp, article });
  });
  return parsed;
}

/** One source file's article: the record's when it vouches for the bytes, else parsed (read first, unless it was). */
export function parseSource(source: SourceFile, context: ParseContext, record?: BuildCache): Article {
  const file = source.digest === '' ? readWhole(source) : source;
  return record?.reuse(file) ?? parseArticle(file.text === '' ? readWhole(source) : file, context);
}

/** Lets a signal handler run (Ctrl-C) and stops the build if it asked to. */
export async function stopIfAsked(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  signal.throwIfAborted();
}

/** Collect: the published articles in order, grouped and cross-linked. */
export function collectStage(setup: SiteSetup, parsed: ReadonlyMap<string, ParsedFile>): { site: Site; scheduled: Article[] } {
  const { config, locale, visibility, problems } = setup;
  const articles = [...parsed.values()].map((file) => file.article);
  const pages = loadPages(setup.paths.pagesDir, { show: setup.show, markdown: setup.markdown!, language: config!.language }, problems);
  const site = collect(articles, { ...visibility, routes: locale!.routes, relatedCount: config!.relatedCount, pages, language: config!.language }, problems);
  return { site, scheduled: scheduledArticles(articles, visibility) };
}

/**
 * Loads, parses and collects a site without rendering or writing anything: the first stages of
 * build(), and all of `bantin check`'s view of the content.
 */
export async function loadSite(options: BuildOptions = {}): Promise<LoadedSite> {
  const setup = setUp(options);
  // `bantin check` reads every text again after parsing: the files are read once, here.
  const sources = await loadSources(setup.paths.contentDir, setup.show, setup.problems);
  if (!setup.config) return { ...setup, sources, parsed: new Map(), scheduled: [] };
  const parsed = await parseStage(setup, sources, { threads: threadOptions(setup, options) });
  return { ...setup, sources, parsed, ...collectStage(setup, parsed) };
}

/** How many threads a build starts; `parseFrom`: from how many files to parse (tests), `PARSE_THREADS_FROM` unless said. */
export interface ThreadCount {
  count: number;
  parseFrom?: number;
}

/** Whether `files` files to parse are parsed on threads rather than on the build's own thread. */
export function parsesOnThreads({ count, parseFrom = PARSE_THREADS_FROM }: ThreadCount, files: number): boolean {
  return count > 1 && files >= parseFrom;
}

/** How a thread sets the site up as the build did (its folders, configuration and visibility), and how many threads to start. */
export function threadOptions(setup: SiteSetup, options: BuildOptions): ThreadOptions & ThreadCount {
  const { root, contentDir } = setup.paths;
  const { templatesDir, drafts, future } = options;
  return {
    count: options.threads ?? DEFAULT_THREADS, root, contentDir, config: setup.config!, now: setup.visibility.now,
    ...(templatesDir !== undefined && { templatesDir }), ...(drafts !== undefined && { drafts }), ...(future !== undefined && { future }),
  };
}
