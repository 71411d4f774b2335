// The build of a site once it is known to have something to do: load, parse, collect, render and
// write, from the cache when there is one (see `build.ts`, which loads this module).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { BuildOptions, BuildResult } from './build.js';
import { toIsoString } from './content/dates.js';
import { attempt, BantinError, BuildFailure } from './errors.js';
import { DiskCache, diskCachePath } from './disk-cache.js';
import { noteReader, pagesShowing, siteKey, siteShape } from './incremental.js';
import { loadSite } from './load-site.js';
import { sitePaths } from './site-paths.js';
import { InPlaceWriter } from './output/in-place.js';
import { DiskWriter, type Writer } from './output/writer.js';
import type { OutputLock } from './output/lock.js';
import { collisionProblem, renderPages, TEMPLATE_NAMES } from './render/pages.js';
import { renderInWorkers } from './parallel/render.js';
import { createTemplates } from './render/templates.js';
import { findStaticFiles, staticCollisions } from './static.js';
import { hashAssetNames, loadThemeAssets } from './theme.js';
import { HeapCeiling } from './heap.js';
import { forgetSnapshot, saveSnapshot, type Findings, type Inputs } from './unchanged.js';

export async function buildSite(options: BuildOptions, started: number, cached?: { path: string; lock: OutputLock; inputs?: Inputs } & Findings): Promise<BuildResult> {
  const paths = sitePaths(options);
  const { root, contentDir, outDir, templateDirs, staticDir } = paths;
  const cachePath = cached?.path;
  // Without the output it describes, a cache saves nothing: the build starts afresh (and in parallel).
  // A build killed while it replaced pages left no cache (see below): it starts afresh too.
  const disk = cachePath === undefined ? undefined : existsSync(outDir) ? await DiskCache.load(cachePath) : new DiskCache();
  // Every large build to disk keeps its heap near what is alive (see HeapCeiling): a whole one,
  // and a rebuild from the cache, which holds every card. A build into memory (bantin dev) keeps
  // everything anyway.
  const ceiling = options.writer ? undefined : new HeapCeiling();
  const loaded = await loadSite(disk ? { ...options, cache: disk } : options, {
    parallel: !options.writer,
    ...(cached?.walked && { walked: cached.walked }),
    ...(ceiling && { ceiling }),
  });
  const { show, problems, config, locale, site } = loaded;
  const cache = options.cache ?? disk;
  const fail = async (): Promise<never> => {
    await loaded.pool?.close();
    loaded.spool?.close();
    throw new BuildFailure(problems);
  };
  if (!config || !locale || !site) return fail();

  const theme = hashAssetNames(await loadThemeAssets(templateDirs));
  const statics = await findStaticFiles(staticDir, show, problems);
  // A warm process compiles the templates once per environment (the key covers every template file).
  const templates = cache?.templates ?? attempt(() => createTemplates(templateDirs, TEMPLATE_NAMES, locale!, show, theme.names), problems);
  if (problems.length > 0 || !templates) return fail();
  if (cache && !(cache instanceof DiskCache)) cache.templates = templates;

  options.signal?.throwIfAborted();
  const lock = cached?.lock;
  const update = disk && disk.files.size > 0 && existsSync(outDir) ? new InPlaceWriter(outDir, disk.files, show(outDir), lock, cached?.intact) : undefined;
  const writer: Writer = options.writer ?? update ?? new DiskWriter(outDir, { shownOutDir: show(outDir), ...(lock && { lock }) });
  let pages = 0;
  let rendered = 0;
  /** Theme and static files written, not kept. */
  let copied = 0;
  let output: Iterable<string> = [];
  const fingerprints = new Map<string, string>();
  const siteMadeOf = cache && (loaded.sameCards && cache.site ? cache.site : siteKey(site!.articles));
  try {
    const written = new Set<string>();
    if (loaded.pool) {
      const work = {
        pool: loaded.pool, cards: loaded.articles, sources: loaded.sources, site: site!, config: config!,
        visibility: loaded.visibility!, assetNames: theme.names, ...(cache && { fingerprints }),
      };
      ({ pages, rendered } = await renderInWorkers(work, writer as DiskWriter, written, (done) =>
        options.onProgress?.({ stage: 'render', done }),
      ));
    }
    // The same cards as last time, so only texts changed: every page the last build made is kept,
    // and those that show the new texts are redone.
    const sameSite = cache && !loaded.pool && cache.pages.size > 0 && siteMadeOf === cache.site;
    const texts = sameSite && loaded.freshTexts && keepAll(writer, cache.pages, fingerprints, written) ? loaded.freshTexts : undefined;
    // The same site but for the cards of a few articles, each where it was (a warm process knows
    // them; a rebuild from the disk finds its site of the same shape as the last build's): every
    // page is kept, and those noted as showing the edited articles are fingerprinted again, and
    // redone if they changed.
    let shape: string | undefined;
    const shapedAsLast = () => cache?.shape !== undefined && (shape ??= siteShape(site!.articles)) === cache.shape;
    const edited = !texts && cache && !loaded.pool && cache.pages.size > 0 && loaded.freshTexts && (loaded.freshCards ?? shapedAsLast())
      ? [...(loaded.freshCards ?? []), ...loaded.freshTexts]
      : undefined;
    const showing = edited && pagesShowing(cache!, edited);
    const shown = showing && keepAll(writer, cache!.pages, fingerprints, written) ? showing : undefined;
    const partial = texts !== undefined || shown !== undefined;
    if (partial) pages = [...written].filter((path) => path.endsWith('.html')).length;
    // A build that fingerprints every page notes which pages show each article.
    const noting = !partial && cache && !loaded.pool ? new Map<string, string[]>() : undefined;
    for (const page of loaded.pool ? [] : renderPages(site!, templates!, config!, locale!, texts, shown)) {
      if (!partial && written.has(page.outputPath)) throw collisionProblem(page.outputPath, contentDir, show);
      if (!partial && page.outputPath.endsWith('.html')) pages++;
      written.add(page.outputPath);
      ceiling?.check();
      // Let Ctrl-C through: a rebuild that keeps most pages would otherwise never wait on the disk.
      if (written.size % 64 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      options.signal?.throwIfAborted();
      options.onProgress?.({ stage: 'render', done: written.size });
      if (cache) {
        const fingerprint = page.fingerprint(noting && noteReader(noting, page.outputPath));
        fingerprints.set(page.outputPath, fingerprint);
        if (cache.pages.get(page.outputPath) === fingerprint && writer.keep?.(page.outputPath)) continue;
      }
      await writer.write(page.outputPath, page.render());
      rendered++;
    }
    // Theme and static files the output already has, byte for byte, are kept as they are.
    const copy = async (path: string, content: Uint8Array) => {
      written.add(path);
      if (writer.keepIfSame?.(path, content)) return;
      await writer.write(path, content);
      copied++;
    };
    for (const asset of theme.assets) await copy(asset.outputPath, asset.content);
    const themeFiles = new Map(theme.assets.map((asset) => [asset.outputPath, show(asset.sourcePath)]));
    const collisions = staticCollisions(statics, { written, articles: site!.articles, themeFiles });
    if (collisions.length > 0) throw new BuildFailure(collisions);
    for (const [i, file] of statics.entries()) {
      options.signal?.throwIfAborted();
      const content = await readFile(file.path).catch((error: NodeJS.ErrnoException) => {
        throw new BantinError(`The file cannot be read: ${error.code ?? error.message}.`, { file: file.displayPath });
      });
      await copy(file.outputPath, content);
      options.onProgress?.({ stage: 'copy', done: i + 1, total: statics.length });
    }
    options.signal?.throwIfAborted();
    // Replacing pages one by one is not atomic: until it is done and the cache describes the new
    // output, there is no cache, so a build killed in between is followed by a whole one.
    // A rebuild that changed nothing leaves the output and its cache as they are.
    const unchanged = update?.unchanged === true;
    if (disk && update && !unchanged) await Promise.all([disk.retire(cachePath!), forgetSnapshot(cachePath!)]);
    // A build without the cache replaces the output the cache describes: the cache goes.
    if (!cachePath && !options.writer) await forgetCache(diskCachePath(root, outDir));
    await writer.commit();
    if (cache) {
      cache.pages = fingerprints;
      cache.site = siteMadeOf;
      // A partial build leaves the notes and the shape as they were; pages fingerprinted on
      // threads were not noted. Only a rebuild from the disk compares shapes (a warm process
      // compares the edited articles).
      if (!partial) cache.takeNotes(noting, noting && cache instanceof DiskCache ? (shape ?? siteShape(site!.articles)) : undefined);
    }
    output = update ? update.files() : written;
    if (disk && !unchanged) {
      ceiling?.settle();
      await disk.save(cachePath!, output);
    }
  } catch (error) {
    await writer.abort();
    // A warm process may have given the last build's articles their new texts and cards already
    // (see `quickEdits`): the next build does not start from them.
    if (cache && !(cache instanceof DiskCache)) cache.last = undefined;
    if (error instanceof BantinError) throw new BuildFailure([error]);
    throw error;
  } finally {
    await loaded.pool?.close();
    loaded.spool?.close();
  }

  const next = loaded.scheduled[0];
  const outcome = {
    articles: site!.articles.length,
    pages,
    files: writer.count,
    warnings: loaded.warnings,
    scheduled: loaded.scheduled.length,
    ...(next && { nextScheduled: toIsoString(next.publishedAt) }),
  };
  if (cached?.inputs) await saveSnapshot(cached.path, paths, cached.inputs, loaded.sources, next?.publishedAt.epochMs, outcome, output, cached.folders && update && { folders: cached.folders, touched: update.touched() });
  return { ...outcome, rendered, kept: writer.count - rendered - copied, outDir, durationMs: performance.now() - started };
}

/** Removes the cache of an output folder and the snapshot beside it: the next build starts afresh. */
async function forgetCache(path: string): Promise<void> {
  await Promise.all([DiskCache.forget(path), forgetSnapshot(path)]);
}

/** Keeps every page the last build wrote, with its fingerprint; false if the writer cannot. */
function keepAll(writer: Writer, pages: ReadonlyMap<string, string>, fingerprints: Map<string, string>, written: Set<string>): boolean {
  for (const [path, print] of pages) {
    if (!writer.keep?.(path)) {
      fingerprints.clear();
      written.clear();
      return false;
    }
    fingerprints.set(path, print);
    written.add(path);
  }
  return true;
}
