// The last stages of a build: render the pages the dependency record says changed, and write
// them with the theme's and the site's static files.
import { readFile } from 'node:fs/promises';
import type { BuildOptions } from './build.js';
import type { Article, FullArticle } from './content/article.js';
import { readBody, renderBody } from './content/body.js';
import type { Site } from './collect/site.js';
import { BantinError, BuildFailure } from './errors.js';
import { changedReads, decide, type BuildCache, type Decision, type ParsedFile } from './incremental.js';
import { parsesOnThreads, threadOptions, type SiteSetup, type ThreadCount } from './load-site.js';
import type { Writer } from './output/writer.js';
import { FeedEntries } from './render/feeds.js';
import { pageInputs, planPages, type PagePlan } from './render/pages.js';
import { pageCollisions, pathCollisions } from './render/collisions.js';
import { renderPage, sharedView, type RenderContext } from './render/render.js';
import type { Templates } from './render/templates.js';
import { RenderThreads, renderOnThreads, THREADS_FROM_PAGES, type SharedSetup } from './parallel/pool.js';
import type { RenderStart, ThreadOptions } from './parallel/protocol.js';
import type { StaticFile } from './static.js';
import { fileClashes, madeBeside, plannedFiles, type SiteFile } from './output/clashes.js';
import type { HashedAssets } from './theme.js';
import { msg } from './messages/index.js';
import type { PhotoResult } from './images/stage.js';
import type { SitePhotos } from './images/site-photos.js';
import type { SearchWords } from './render/search.js';

/** Every page planned for the site, and which of them to render. */
export interface PagesToMake {
  plans: PagePlan[];
  stale: PagePlan[];
}

/**
 * Plan: every page of the site, and which of them the dependency record says to render (all of
 * them without a record to keep: --no-cache, a build into memory).
 */
export function planStage(setup: SiteSetup, site: Site, made: { parsed: Map<string, ParsedFile>; photos: PhotoResult }, record: BuildCache | undefined): PagesToMake & Omit<Decision, 'stale'> {
  const plans = planPages(site, setup.config!, setup.locale!);
  const sameShape = record?.shape === site.shape;
  // A site of the last build's shape has the last build's pages, which were checked then.
  if (!sameShape) checkSitePaths(setup, site, plans);
  if (!record) return { plans, stale: plans, pages: new Map() };
  // In a site of the last build's shape, only the pages that read what changed are looked at.
  const changed = sameShape ? changedReads(record, { articles: made.parsed, images: made.photos.recorded }) : undefined;
  return { plans, ...decide(plans, record, pageInputs(site, setup.config!, setup.locale!, made.photos.photos), changed) };
}

/**
 * Throws if two files of the site cannot both be written (see `fileClashes`), an old address
 * (`aliases:`) is where a page or another old address is, or a standalone page is where another
 * page is.
 */
function checkSitePaths(setup: SiteSetup, site: Site, plans: readonly PagePlan[]): void {
  const clashes = [
    ...fileClashes(plannedFiles(plans), setup.show(setup.paths.configFile)),
    ...pathCollisions(plans, site.articles, setup.show(setup.paths.contentDir)),
    ...pageCollisions(plans),
  ];
  if (clashes.length > 0) throw new BuildFailure(clashes);
}

/** Throws if a theme or static file (`others`) cannot be written beside the pages: the pages among themselves were checked when planned. */
function checkBeside(setup: SiteSetup, plans: readonly PagePlan[], others: readonly SiteFile[]): void {
  const clashes = fileClashes([...plannedFiles(plans), ...others], setup.show(setup.paths.configFile));
  if (clashes.length > 0) throw new BuildFailure(clashes);
}

/** How the render stage works: with which templates, into which writer, on how many threads. */
export interface RenderWork {
  templates: Templates;
  writer: Writer;
  options: BuildOptions;
  threads: number;
  assetNames: ReadonlyMap<string, string>;
  photos: SitePhotos;
  /** The index files' words the record kept; the render adds those it makes (see `SearchWords`). */
  searchWords: SearchWords;
  /** Render threads started before the site was known (see `startRenderThreads`). */
  started?: RenderThreads | undefined;
}

/** Bytes of a card, about, to give threads started before the cards are made a heap for them (1.75 kB in the bench's site). */
const CARD_BYTES_GUESS = 2048;

/**
 * Render threads for a build that will render many pages (many article files, and no page records
 * to keep pages by), started before the parse: each loads bantin and compiles the templates while
 * this thread parses (see docs/performance.md). Undefined for other builds: they start threads
 * when the plan asks for them.
 */
export function startRenderThreads(theme: HashedAssets, { threads, files, record }: { threads: ThreadCount & ThreadOptions; files: number; record: BuildCache | undefined }): RenderThreads | undefined {
  // Parsed on threads, a large site leaves no core idle for them (1.12x wall at 20,000 articles).
  if (threads.count < 2 || files < THREADS_FROM_PAGES || parsesOnThreads(threads, files) || (record?.pages.size ?? 0) > 0) return undefined;
  return RenderThreads.forCards(renderStart(threads, theme.names), threads.count, files * CARD_BYTES_GUESS);
}

function renderStart({ count: _count, parseFrom: _parseFrom, ...options }: ThreadCount & ThreadOptions, assetNames: ReadonlyMap<string, string>): RenderStart {
  return { task: 'render', options, assetNames: [...assetNames] };
}

/**
 * Render: each stale page becomes text and goes to the writer; the others are kept. Many pages
 * are rendered on threads, a few on this one.
 */
export async function renderStage(setup: SiteSetup, site: Site, pages: PagesToMake, work: RenderWork): Promise<number> {
  const { writer, options } = work;
  const stale = new Set(pages.stale);
  const indices: number[] = [];
  const last: number[] = [];
  pages.plans.forEach((plan, index) => {
    // The search directory is made of every index file's words: here, once the threads handed theirs back.
    if (stale.has(plan) || !writer.keep(plan.outputPath)) (plan.kind === 'searchTerms' ? last : indices).push(index);
  });
  let context: RenderContext | undefined;
  const here = () => (context ??= renderContext(setup, site, pages.plans, work));
  let done = 0;
  const write = async (rendered: AsyncIterable<[number, string]>) => {
    for await (const [index, content] of rendered) {
      await writer.write(pages.plans[index]!.outputPath, content);
      done++;
      options.signal?.throwIfAborted();
      options.onProgress?.({ stage: 'render', done });
    }
  };
  await write(work.threads > 1 && indices.length >= THREADS_FROM_PAGES
    ? renderOnThreads({ start: renderStart(threadOptions(setup, options), work.assetNames), count: work.threads, started: work.started }, threadSetup(work, site), { articles: site.articles, groups: planGroups(pages.plans, indices) })
    : renderHere(indices, here()));
  if (last.length > 0) await write(renderHere(last, here()));
  return done;
}

/** The indices in runs of pages that show the same article's body (its page, its JSON file). */
function planGroups(plans: readonly PagePlan[], indices: readonly number[]): number[][] {
  const groups: number[][] = [];
  let last: Article | undefined;
  for (const index of indices) {
    const plan = plans[index]!;
    const article = plan.kind === 'article' || (plan.kind === 'openData' && plan.shows === 'article') ? plan.article : undefined;
    if (article === undefined || article !== last) groups.push([index]);
    else groups.at(-1)!.push(index);
    last = article;
  }
  return groups;
}

async function* renderHere(indices: readonly number[], context: RenderContext): AsyncGenerator<[number, string]> {
  for (const [i, index] of indices.entries()) {
    yield [index, renderPage(context.plans[index]!, context)];
    // Let Ctrl-C through between pages.
    if (i % 64 === 63) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function threadSetup(work: RenderWork, site: Site): SharedSetup {
  return { photos: work.photos.toData(), pages: site.pages, searchWords: work.searchWords };
}

export function renderContext(setup: SiteSetup, site: Site, plans: readonly PagePlan[], work: Pick<RenderWork, 'templates' | 'photos' | 'searchWords'>): RenderContext {
  const config = setup.config!;
  const locale = setup.locale!;
  const { templates, photos, searchWords } = work;
  // Bodies are not held: an article page renders its own, and each feed entry (which full-text
  // feeds hold, for the latest articles only) renders it once.
  // The last body is kept: an article's JSON file is rendered right after its page (see `planPages`).
  let last: { article: Article; full: FullArticle } | undefined;
  const full = (article: Article) => {
    if (last?.article !== article) last = { article, full: renderBody(article, setup.paths, setup.markdown!, { bySource: site.bySource, photos }) };
    return last.full;
  };
  const body = (article: Article) => readBody(article, setup.paths.contentDir);
  return { site, config, locale, templates, plans, full, body, searchWords, photos, feedEntries: new FeedEntries(config, full, photos), shared: sharedView(site, config, locale, photos) };
}

/**
 * Copy: the theme's files, then the site's static files; those the record knows unchanged are kept
 * unread. Returns the stamps of the static files, for the next record.
 */
export async function copyStage(setup: SiteSetup, statics: readonly StaticFile[], theme: HashedAssets, work: { plans: readonly PagePlan[]; writer: Writer; record?: BuildCache; options: BuildOptions; photoFiles: readonly string[] }): Promise<Map<string, string>> {
  const { writer, record, options } = work;
  for (const asset of theme.assets) await writer.write(asset.outputPath, asset.content);
  // The pages were checked against each other when planned; static files only need checking when there are some.
  // The photos' files are made by bantin, as pages are: a static file in their place is the one to move.
  const photoFiles: SiteFile[] = work.photoFiles.map((path) => ({ path, maker: { kind: 'page' } }));
  if (statics.length > 0) checkBeside(setup, work.plans, [...madeBeside(theme, statics, setup.show), ...photoFiles]);
  const copied = new Map<string, string>();
  for (const [i, file] of statics.entries()) {
    options.signal?.throwIfAborted();
    if (file.stamp !== undefined) copied.set(file.outputPath, file.stamp);
    if (file.stamp !== undefined && record?.statics.get(file.outputPath) === file.stamp && writer.keep(file.outputPath)) continue;
    const content = await readFile(file.path).catch((error: NodeJS.ErrnoException) => {
      throw new BantinError(msg('file.unreadable', { reason: error.code ?? error.message }), { file: file.displayPath });
    });
    await writer.write(file.outputPath, content);
    options.onProgress?.({ stage: 'copy', done: i + 1, total: statics.length });
  }
  return copied;
}
