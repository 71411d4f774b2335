// The build, start to finish: load -> parse -> collect -> plan -> render -> write. A clean build, a
// rebuild from the record on disk and a `bantin dev` rebuild take the same path: the dependency
// record is an input to the stages (unchanged files are not parsed again, unchanged pages not
// rendered again), never a mode of the build.
import type { SiteConfig } from './config.js';
import { toIsoString } from './content/dates.js';
import { BantinError, BuildFailure } from './errors.js';
import type { Article } from './content/article.js';
import type { Site } from './collect/site.js';
import { nothingChanged, type BuildCache, type BuildSummary } from './incremental.js';
import type { PagePlan } from './render/pages.js';
import { collectStage, loadStage, parseStage, setUp, stopIfAsked, threadOptions } from './load-site.js';
import { pageFilesStamp } from './content/pages.js';
import type { Writer } from './output/writer.js';
import { closeRun, openRun, readRecord } from './run.js';
import { checkSiteLinks } from './check/site-links.js';
import { findStaticFiles } from './static.js';
import { keptWords } from './render/search.js';
import { copyStage, planStage, renderStage, startRenderThreads } from './write-site.js';
import type { Message } from './messages/index.js';
import { photoStage, pictureStamps } from './images/stage.js';

export interface BuildOptions {
  /** The site folder; other paths are relative to it. Default: the working folder. */
  root?: string;
  /** Articles. Default: `<root>/content`. */
  contentDir?: string;
  /** The built site. Default: `<root>/dist`. */
  outDir?: string;
  /** Nunjucks templates and `assets/`. Default: `<root>/templates` if it exists, else bantin's own. */
  templatesDir?: string;
  /** Configuration to use instead of reading `<root>/bantin.yaml`. */
  config?: SiteConfig;
  /** Include articles marked `draft: true`. */
  drafts?: boolean;
  /** Include articles dated after `now`. */
  future?: boolean;
  /** The moment the site is built for, in milliseconds: later articles wait. Default: the clock. */
  now?: number;
  /** Told as the build goes, for a progress counter. */
  onProgress?: (progress: BuildProgress) => void;
  /** Where pages go. Default: a DiskWriter on `outDir`. */
  writer?: Writer;
  /**
   * The dependency record of the previous build, kept in memory (`bantin dev`): unchanged
   * articles are not parsed again, and pages whose inputs did not change are kept.
   */
  cache?: BuildCache;
  /** Stops the build (Ctrl-C): what was written so far is thrown away, the previous output stays. */
  signal?: AbortSignal;
  /** Threads to render on, when there are many pages to render. Default: every core, up to two. */
  threads?: number;
  /** Keep the dependency record in `.bantin-cache/` and start from it: `bantin build` does. */
  incremental?: boolean;
  /**
   * With `cache`: the article files edited since the build that filled it, when nothing else
   * changed (`bantin dev` knows this from its watcher): the content folder is not walked again.
   */
  edited?: readonly string[];
}

export interface BuildResult {
  articles: number;
  /** HTML pages in the site. */
  pages: number;
  /** Pages, feeds and other generated files rendered by this build; fewer than all when the record let it keep some. */
  rendered: number;
  /** Every file of the site: pages, feeds, sitemap, assets, static files. */
  files: number;
  /** Of those, the files this build left as the last build wrote them. */
  kept: number;
  outDir: string;
  durationMs: number;
  /** Things worth fixing that did not stop the build. */
  /** Said in the editor's language by the command line (`say`). */
  warnings: Message[];
  /** Of those, the broken links and missing images (with `brokenLinks: warn`). */
  brokenLinks: number;
  /** Articles left out because their date is still to come. */
  scheduled: number;
  /** When the first of them is due (ISO 8601): build again then to publish it. */
  nextScheduled?: string;
  /** Distinct pictures this build made photos of; the others came from the record or `.bantin-cache/images/`. */
  photosMade: number;
}

export interface BuildProgress {
  stage: 'render' | 'copy';
  done: number;
  /** Known for copying, not for rendering: pages are counted as they come. */
  total?: number;
}

/**
 * Builds a site. Throws a BuildFailure listing every problem found in the content, the
 * configuration or the templates; then nothing is written and the previous output stays.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const setup = setUp(options);
  if (!setup.config) throw new BuildFailure(setup.problems);
  const run = await openRun(setup, options);
  const finish = ({ due: _due, pageFiles: _pageFiles, ...summary }: BuildSummary, rendered: number, photosMade = 0): BuildResult => ({
    ...summary, rendered, photosMade, files: run.writer.count, kept: run.writer.count - run.writer.changed,
    outDir: setup.paths.outDir, durationMs: performance.now() - started, warnings: setup.warnings, brokenLinks: setup.brokenLinks,
  });
  try {
    const sources = await loadStage(setup, run, options.edited);
    const statics = await findStaticFiles(setup.paths.staticDir, setup.show, setup.problems, setup.config!.limits.staticFileMB);
    // Nothing changed since the record was made: the last build's files are the site.
    const last = run.head?.summary;
    const pageFiles = pageFilesStamp(setup.paths.pagesDir);
    const found = { sources, statics, pictures: pictureStamps(setup.paths) };
    if (last && setup.problems.length === 0 && (last.pageFiles ?? '') === pageFiles && nothingChanged(run.head!, found, setup.visibility.now!) && run.writer.keepAll()) {
      await closeRun(run);
      return finish(last, 0);
    }
    const record = readRecord(run);
    const threads = threadOptions(setup, options);
    // A new site of many articles will render on threads: they start now, and load while this thread parses.
    run.renderers = startRenderThreads(run.theme, { threads, files: sources.length, record });
    // The sources are let go once parsed: a large site's list of files is not kept to the end.
    const parsed = await parseStage(setup, sources, { ...(record && { record }), threads });
    const { site, scheduled } = collectStage(setup, parsed);
    await stopIfAsked(options.signal);
    const templates = run.templates();
    if (setup.problems.length > 0 || !templates) throw new BuildFailure(setup.problems);
    const photos = await photoStage(setup, site, { writer: run.writer, threads: threads.count, signal: options.signal, ...(record && { recorded: record.images }) });
    const { plans, stale, pages, readers } = planStage(setup, site, { parsed, photos }, record);
    // Links are checked against the pages planned (a photo that failed is left out of them), so
    // that an editor sees a missing photo and a broken link in the same run.
    const broken = checkSiteLinks(setup, site, parsed, { plans, statics, themeFiles: run.theme.assets.map((asset) => asset.outputPath) });
    if (setup.problems.length > 0 || broken.length > 0) throw new BuildFailure([...setup.problems, ...broken]);
    const searchWords = keptWords(site, record?.searchWords);
    const work = { templates, writer: run.writer, options, threads: threads.count, started: run.renderers, assetNames: run.theme.names, site, plans, record, show: setup.show, photos: photos.photos, photoFiles: photos.outputs, searchWords };
    const rendered = await renderStage(setup, site, { plans, stale }, work);
    const copied = await copyStage(setup, statics, run.theme, work);
    options.signal?.throwIfAborted();
    const summary = { ...summarize(site, plans, scheduled), pageFiles };
    await closeRun(run, { articles: parsed, pages, readers, shape: site.shape, statics: copied, summary, images: photos.recorded, searchWords }, rendered);
    return finish(summary, rendered, photos.encoded);
  } catch (error) {
    await run.writer.abort();
    throw error instanceof BantinError ? new BuildFailure([error]) : error;
  } finally {
    await run.renderers?.end();
    await run.lock?.release();
  }
}

/** What a build made, as its result tells and its record keeps. */
function summarize(site: Site, plans: readonly PagePlan[], scheduled: readonly Article[]): BuildSummary {
  const next = scheduled[0];
  const due = Math.min(next?.publishedAt.epochMs ?? Infinity, site.noticesEnd ?? Infinity);
  return {
    articles: site.articles.length, pages: plans.filter((plan) => plan.kind !== 'redirect' && plan.outputPath.endsWith('.html')).length, scheduled: scheduled.length,
    ...(next && { nextScheduled: toIsoString(next.publishedAt) }),
    ...(due !== Infinity && { due }),
  };
}

export { sitePaths, BUILTIN_TEMPLATES, type SitePaths } from './site-paths.js';
