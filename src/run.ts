// What a build works with besides the content: the dependency record it starts from (in memory for
// `bantin dev`, on disk for `bantin build`), the output's lock, the writer, the templates and the
// theme. Opened before the stages run, closed after.
import { existsSync } from 'node:fs';
import type { BuildOptions } from './build.js';
import { diskCachePath, forgetRecord, loadRecord, saveRecord, type RecordOnDisk } from './disk-cache.js';
import { environmentKey } from './environment.js';
import { attempt, BantinError, BuildFailure } from './errors.js';
import { BuildCache, type RecordHead } from './incremental.js';
import type { SiteSetup } from './load-site.js';
import { diskProblem } from './output/disk-errors.js';
import { lockOutput, type OutputLock } from './output/lock.js';
import { checkOutputFolder } from './output/safety.js';
import { DiskWriter, type Writer } from './output/writer.js';
import { TEMPLATE_NAMES } from './render/pages.js';
import { createTemplates, type Templates } from './render/templates.js';
import { hashAssetNames, loadThemeAssets, type HashedAssets } from './theme.js';
import { msg } from './messages/index.js';
import type { RenderThreads } from './parallel/pool.js';

export interface Run {
  /** What the record tells before its cards are read (see `nothingChanged`). */
  head?: RecordHead;
  /** The record this build starts from and leaves for the next (see `readRecord`); none for a build that keeps none. */
  record?: BuildCache;
  /** A record on disk, read as far as its head. */
  onDisk?: RecordOnDisk;
  /** The record's file, for a build that keeps it on disk. */
  recordPath?: string;
  lock?: OutputLock;
  writer: Writer;
  /** The site's templates, compiled on the first call; undefined when they have problems (then in the setup's). */
  templates: () => Templates | undefined;
  theme: HashedAssets;
  /** Render threads started before the parse (see `startRenderThreads`), ended with the build. */
  renderers?: RenderThreads | undefined;
}

/** Opens a run: locks the output and reads its record first when the record is on disk. */
export async function openRun(setup: SiteSetup, options: BuildOptions): Promise<Run> {
  const { paths, show, config } = setup;
  const { root, outDir, contentDir, templatesDir, templateDirs, staticDir } = paths;
  if (!options.writer) checkOutputFolder(outDir, { contentDir, root, templatesDir, staticDir });
  const recordPath = options.incremental && !options.writer && !options.cache ? diskCachePath(root, outDir) : undefined;
  const keeps = options.cache !== undefined || recordPath !== undefined;
  // Told that only these article files changed, a warm process knows the environment is its record's.
  const known = options.edited && options.cache?.environment;
  const environment = known || (keeps ? await environmentKey(config!, templateDirs, { drafts: options.drafts ?? false, future: options.future ?? false }) : '');
  const lock = !options.writer ? await takeLock(outDir, show(outDir)) : undefined;
  let record = options.cache;
  let onDisk: RecordOnDisk | undefined;
  if (record) record.useEnvironment(environment);
  if (recordPath !== undefined) {
    onDisk = existsSync(outDir) ? loadRecord(recordPath, environment) : undefined;
    if (!onDisk) record = Object.assign(new BuildCache(), { environment });
  } else if (!options.writer) {
    // A build without the record replaces the output it describes: the record goes.
    await forgetRecord(diskCachePath(root, outDir));
  }
  const writer = options.writer ?? new DiskWriter(outDir, { shownOutDir: show(outDir), ...(lock && { lock }), ...(onDisk && { previous: onDisk.files }) });
  const theme = hashAssetNames(await loadThemeAssets(templateDirs));
  // Compiled when a page is to be rendered, not for a build that finds nothing changed; a warm
  // process compiles them once per environment (which covers every template file).
  let compiled: Templates | undefined;
  const templates = () => {
    compiled ??= record?.templates ?? attempt(() => createTemplates(templateDirs, TEMPLATE_NAMES, { locale: setup.locale!, show, assetNames: theme.names }), setup.problems);
    if (record && options.cache) record.templates = compiled;
    return compiled;
  };
  const head = onDisk?.head ?? record;
  return { ...(head && { head }), ...(record && { record }), ...(onDisk && { onDisk }), ...(recordPath !== undefined && { recordPath }), ...(lock && { lock }), writer, templates, theme };
}

/**
 * The whole record the build starts from. A record on disk has its cards and page records read
 * now, once something is known to have changed; a damaged one gives an empty record, and the
 * site is built whole.
 */
export function readRecord(run: Run): BuildCache | undefined {
  if (run.onDisk && !run.record) run.record = run.onDisk.body() ?? Object.assign(new BuildCache(), { environment: run.onDisk.environment });
  return run.record;
}

async function takeLock(outDir: string, shownOutDir: string): Promise<OutputLock> {
  try {
    return await lockOutput(outDir, shownOutDir);
  } catch (error) {
    const problem = diskProblem(error, msg('doing.locking'), shownOutDir);
    throw problem instanceof BantinError ? new BuildFailure([problem]) : problem;
  }
}

/**
 * Makes the build's output visible, and leaves its record for the next (`next`: none when nothing
 * changed, and the record stays as it was). The record on disk goes first: a build killed while its pages replace the last build's leaves none, and the next builds
 * the site whole.
 */
export async function closeRun(run: Run, next?: Pick<BuildCache, 'articles' | 'pages' | 'readers' | 'shape' | 'statics' | 'summary' | 'images' | 'searchWords'>, rendered = 0): Promise<void> {
  const { writer, record, recordPath } = run;
  if (!record || !next) return writer.commit();
  // A build that rendered nothing and found every file as the record has it leaves the record as it was.
  const changed = rendered > 0 || writer.changed > 0 || record.shape !== next.shape || JSON.stringify(record.summary) !== JSON.stringify(next.summary) || !sameEntries(record.articles, next.articles, (a, b) => a.stamp === b.stamp && a.article === b.article) || !sameEntries(record.statics, next.statics, (a, b) => a === b) || !sameEntries(record.images, next.images, (a, b) => a.stamp === b.stamp && a.photo.digest === b.photo.digest);
  if (recordPath !== undefined && changed) await forgetRecord(recordPath);
  await writer.commit();
  Object.assign(record, next);
  if (recordPath !== undefined && changed && writer instanceof DiskWriter) await saveRecord(recordPath, record, writer.files());
}

/** Whether two maps hold the same keys with values `same` takes for equal. */
function sameEntries<T>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>, same: (x: T, y: T) => boolean): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of b) {
    const before = a.get(key);
    if (before === undefined || !same(before, value)) return false;
  }
  return true;
}
