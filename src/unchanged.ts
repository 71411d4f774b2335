// A rebuild that has nothing to do finds it out in a moment: beside its cache, every `bantin build`
// leaves a small snapshot of its inputs (bantin's version, the configuration file, the templates,
// the options, and the size, times and inode of every article and static file). When the next
// build finds all of them as they were, and no scheduled article has fallen due, the output is
// already what it would write: it says so without loading the cache, parsing or collecting.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { isArticleName, nativePath, walkFolder, type FolderEntry } from './content/load.js';
import { hashProgramAndTemplates } from './environment.js';
import type { SitePaths } from './site-paths.js';
import { isLeftover } from './static.js';

const FORMAT = 3;

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

/**
 * Lists side by side rather than pairs (a path, and its stamp at the same place in the next
 * list): 53,000 pairs took twice as long to read back for 20,000 articles.
 */
interface Snapshot {
  format: number;
  key: string;
  articles: string[];
  articleStamps: string[];
  statics: string[];
  staticStamps: string[];
  /** When the first scheduled article falls due (ms), or null. */
  dueAt: number | null;
  /**
   * Every folder of the output with its modification time and inode: a file added, removed or
   * renamed in it by hand moves its time, and the build then writes the output again.
   */
  folders: string[];
  folderStamps: string[];
  outcome: Outcome;
}

/** Where the snapshot of a cache lives. */
function snapshotPath(cachePath: string): string {
  return cachePath.replace(/\.bin$/, '') + '.inputs.json';
}

/** A hash of bantin's version, the configuration file's bytes, every template file and the options. */
async function inputsKey(paths: SitePaths, options: { drafts: boolean; future: boolean }): Promise<string> {
  const hash = createHash('sha1');
  hash.update(await readFile(paths.configFile).catch(() => '\0no configuration file\0'));
  hash.update(JSON.stringify({ ...options, content: paths.contentDir, statics: paths.staticDir, templates: paths.templateDirs }));
  await hashProgramAndTemplates(hash, paths.templateDirs);
  return hash.digest('base64url');
}

/**
 * The stamps of the files under `dir` that `wanted` accepts, by relative path; undefined if the
 * walk meets a link (the build follows links, and their targets change without a trace here).
 */
async function stamps(dir: string, wanted: (path: string) => boolean, dot: boolean): Promise<Map<string, string> | undefined> {
  if (!existsSync(dir)) return new Map();
  return stampsOf(await walkFolder(dir, true, dot), wanted);
}

function stampsOf(entries: readonly FolderEntry[], wanted: (path: string) => boolean): Map<string, string> | undefined {
  const found = new Map<string, string>();
  for (const { path, link, file, stamp } of entries) {
    if (link) return undefined;
    if (file && wanted(path)) found.set(path, stamp!);
  }
  return found;
}

/** The key and the static files' stamps, taken before the build reads them. */
export async function currentInputs(paths: SitePaths, options: { drafts: boolean; future: boolean }): Promise<Inputs> {
  const [key, statics] = await Promise.all([inputsKey(paths, options), stamps(paths.staticDir, (path) => !isLeftover(path), true)]);
  return { key, statics };
}

/** `map` holds every path of `paths`, each with the stamp at its place in `stamps`, and no other. */
function same(map: ReadonlyMap<string, string>, paths: readonly string[], stamps: readonly string[]): boolean {
  return map.size === paths.length && paths.every((path, i) => map.get(path) === stamps[i]);
}

/** What the snapshot tells of the output and the inputs the last build found. */
export interface Findings {
  /** What the last build reported, when everything it was made of is as it was: nothing to do. */
  unchanged?: Outcome;
  /** The output folder holds the files the last build left, none removed or added by hand since. */
  intact: boolean;
  /** The stamps of the output's folders, as found (when intact). */
  folders?: Map<string, string>;
  /** The content folder's entries with their stamps, when it was walked: the build need not walk it again. */
  walked?: FolderEntry[];
}

/**
 * Compares the inputs with the snapshot the last build left. Nothing to do when they are all as
 * they were, the output too, and no scheduled article has fallen due since (`now`).
 */
export async function compareWithLastBuild(cachePath: string, paths: SitePaths, inputs: Inputs, now: number): Promise<Findings> {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(await readFile(snapshotPath(cachePath), 'utf8')) as Snapshot;
  } catch {
    return { intact: false };
  }
  // Anything but a snapshot of this format is no snapshot (and the build then replaces it).
  const { folders, folderStamps, articles, articleStamps, statics, staticStamps } = snapshot ?? {};
  const pairs = [[folders, folderStamps], [articles, articleStamps], [statics, staticStamps]];
  if (snapshot?.format !== FORMAT || !pairs.every(([paths, stamps]) => Array.isArray(paths) && Array.isArray(stamps) && paths.length === stamps.length)) {
    return { intact: false };
  }
  const intact = folders.every((folder, i) => folderStamp(paths.outDir, folder) === folderStamps[i]);
  if (!intact) return { intact };
  // What a build with work to do is told: the folders' stamps, to save them again.
  const found = () => ({ intact, folders: new Map(folders.map((folder, i) => [folder, folderStamps[i]!])) });
  if (snapshot.key !== inputs.key || !inputs.statics || !same(inputs.statics, statics, staticStamps)) return found();
  if (snapshot.dueAt !== null && now >= snapshot.dueAt) return found();
  const root = await realpath(paths.contentDir).catch(() => undefined);
  if (root === undefined) return found();
  const walked = await walkFolder(root, true);
  const stamps = stampsOf(walked, isArticleName);
  return stamps && same(stamps, articles, articleStamps) ? { intact, unchanged: snapshot.outcome } : { ...found(), walked };
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
  /**
   * The output's folders as found before the build, and the files it wrote or removed: the other
   * folders keep the stamps found (a change by hand meanwhile only makes the next build check more).
   */
  before?: { folders: ReadonlyMap<string, string>; touched: readonly string[] },
): Promise<void> {
  const path = snapshotPath(cachePath);
  if (!inputs.statics || articles.some((source) => source.stamp === undefined)) return forgetSnapshot(cachePath);
  const changed = before && new Set(foldersOf(before.touched));
  const folders = foldersOf(output);
  const snapshot: Snapshot = {
    format: FORMAT,
    key: inputs.key,
    articles: articles.map((source) => source.relativePath),
    articleStamps: articles.map((source) => source.stamp!),
    statics: [...inputs.statics.keys()],
    staticStamps: [...inputs.statics.values()],
    dueAt: dueAt ?? null,
    folders,
    folderStamps: folders.map((folder) => (!changed?.has(folder) && before?.folders.get(folder)) || folderStamp(paths.outDir, folder)),
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

/**
 * A folder's modification time and inode. `folder` is a `/`-separated path the build wrote, so it
 * is joined as text: normalizing 33,000 paths took 20 ms of a rebuild with nothing to do.
 */
function folderStamp(outDir: string, folder: string): string {
  const path = folder === '' ? outDir : outDir + sep + nativePath(folder);
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat ? `${stat.mtimeMs}:${stat.ino}` : 'missing';
  } catch {
    return 'missing';
  }
}

/** Removes the snapshot: the next build does not trust the output as it is. */
export async function forgetSnapshot(cachePath: string): Promise<void> {
  await rm(snapshotPath(cachePath), { force: true });
}
