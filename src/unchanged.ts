// A rebuild that has nothing to do finds it out in a moment: beside its cache, every `bantin build`
// leaves a small snapshot of its inputs (bantin's version, the configuration file, the templates,
// the options, and the size, times and inode of every article and static file). When the next
// build finds all of them as they were, and no scheduled article has fallen due, the output is
// already what it would write: it says so without loading the cache, parsing or collecting.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import fg from 'fast-glob';
import { fileStamp, isArticleName } from './content/load.js';
import { hashTemplates } from './incremental.js';
import type { SitePaths } from './load-site.js';
import { isLeftover } from './static.js';

const FORMAT = 1;

/** What a build reported, as a rebuild that changes nothing reports it again. */
export interface Outcome {
  articles: number;
  pages: number;
  files: number;
  warnings: string[];
  scheduled: number;
  nextScheduled?: string;
}

/** The inputs of a build as found before it read any of them. */
export interface Inputs {
  key: string;
  /** Static files by output path: their stamps. Undefined when one is a link (its target may change unseen). */
  statics: Map<string, string> | undefined;
}

interface Snapshot {
  format: number;
  key: string;
  articles: [string, string][];
  statics: [string, string][];
  /** When the first scheduled article falls due (ms), or null. */
  dueAt: number | null;
  /**
   * Every folder of the output with its modification time and inode: a file added, removed or
   * renamed in it by hand moves its time, and the build then writes the output again.
   */
  folders: [string, string][];
  outcome: Outcome;
}

/** Where the snapshot of a cache lives. */
function snapshotPath(cachePath: string): string {
  return cachePath.replace(/\.bin$/, '') + '.inputs.json';
}

/** A hash of bantin's version, the configuration file's bytes, every template file and the options. */
async function inputsKey(paths: SitePaths, options: { drafts: boolean; future: boolean }): Promise<string> {
  const hash = createHash('sha1');
  hash.update(await readFile(new URL('../package.json', import.meta.url)));
  hash.update(await readFile(paths.configFile).catch(() => '\0no configuration file\0'));
  hash.update(JSON.stringify({ ...options, content: paths.contentDir, statics: paths.staticDir, templates: paths.templateDirs }));
  await hashTemplates(hash, paths.templateDirs);
  return hash.digest('base64url');
}

/**
 * The stamps of the files under `dir` that `wanted` accepts, by relative path; undefined if the
 * walk meets a link (the build follows links, and their targets change without a trace here).
 */
async function stamps(dir: string, wanted: (path: string) => boolean, dot: boolean): Promise<Map<string, string> | undefined> {
  if (!existsSync(dir)) return new Map();
  const entries = await fg('**', { cwd: dir, onlyFiles: false, followSymbolicLinks: false, dot, objectMode: true, stats: true });
  const found = new Map<string, string>();
  for (const { path, dirent, stats } of entries) {
    if (dirent.isSymbolicLink()) return undefined;
    if (dirent.isFile() && wanted(path)) found.set(path, fileStamp(stats!));
  }
  return found;
}

/** The key and the static files' stamps, taken before the build reads them. */
export async function currentInputs(paths: SitePaths, options: { drafts: boolean; future: boolean }): Promise<Inputs> {
  const [key, statics] = await Promise.all([inputsKey(paths, options), stamps(paths.staticDir, (path) => !isLeftover(path), true)]);
  return { key, statics };
}

function same(map: ReadonlyMap<string, string>, list: readonly [string, string][]): boolean {
  return map.size === list.length && list.every(([path, stamp]) => map.get(path) === stamp);
}

/**
 * What the last build reported, if everything it was made of is as it was and nothing has
 * fallen due since (`now`); otherwise undefined and the build goes on.
 */
export async function unchangedSince(cachePath: string, paths: SitePaths, inputs: Inputs, now: number): Promise<Outcome | undefined> {
  if (!inputs.statics || !existsSync(paths.outDir)) return undefined;
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(await readFile(snapshotPath(cachePath), 'utf8')) as Snapshot;
  } catch {
    return undefined;
  }
  // Anything but a snapshot of this format is no snapshot (and the build then replaces it).
  if (snapshot?.format !== FORMAT || snapshot.key !== inputs.key || ![snapshot.folders, snapshot.statics, snapshot.articles].every(Array.isArray)) return undefined;
  if (snapshot.dueAt !== null && now >= snapshot.dueAt) return undefined;
  if (!same(inputs.statics, snapshot.statics)) return undefined;
  if (!snapshot.folders.every(([folder, stamp]) => folderStamp(paths.outDir, folder) === stamp)) return undefined;
  const articles = await stamps(paths.contentDir, isArticleName, false);
  return articles && same(articles, snapshot.articles) ? snapshot.outcome : undefined;
}

/**
 * Remembers a build that succeeded. `articles`: the article files' stamps, as its walk found them
 * (none missing: a build that met a link or an unreadable stamp leaves no snapshot).
 */
export async function saveSnapshot(
  cachePath: string,
  paths: SitePaths,
  inputs: Inputs,
  articles: readonly { relativePath: string; stamp?: string }[],
  dueAt: number | undefined,
  outcome: Outcome,
  /** Every file of the output, as the build left it. */
  output: Iterable<string>,
): Promise<void> {
  const path = snapshotPath(cachePath);
  if (!inputs.statics || articles.some((source) => source.stamp === undefined)) return forgetSnapshot(cachePath);
  const snapshot: Snapshot = {
    format: FORMAT,
    key: inputs.key,
    articles: articles.map((source) => [source.relativePath, source.stamp!]),
    statics: [...inputs.statics],
    dueAt: dueAt ?? null,
    folders: foldersOf(output).map((folder) => [folder, folderStamp(paths.outDir, folder)]),
    outcome,
  };
  try {
    await writeFile(`${path}.tmp`, JSON.stringify(snapshot));
    await rename(`${path}.tmp`, path);
  } catch {
    // A read-only site folder: the next build only takes longer to find that nothing changed.
  }
}

/** The output's folders: `''` for the output itself, then every folder a file is in. */
function foldersOf(files: Iterable<string>): string[] {
  const folders = new Set(['']);
  for (const file of files) {
    for (let slash = file.indexOf('/'); slash !== -1; slash = file.indexOf('/', slash + 1)) folders.add(file.slice(0, slash));
  }
  return [...folders];
}

function folderStamp(outDir: string, folder: string): string {
  try {
    const stat = statSync(join(outDir, folder));
    return `${stat.mtimeMs}:${stat.ino}`;
  } catch {
    return 'missing';
  }
}

/** Removes the snapshot: the next build does not trust the output as it is. */
export async function forgetSnapshot(cachePath: string): Promise<void> {
  await rm(snapshotPath(cachePath), { force: true });
}
