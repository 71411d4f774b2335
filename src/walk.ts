// The project's one folder walker, fast-glob, behind one adapter: the articles, the standalone
// pages, the static files, the theme's assets, the templates and bantin's own code are all
// listed here.
import { lstatSync, type Stats } from 'node:fs';
import { sep } from 'node:path';
import fg from 'fast-glob';

/** An entry of a folder, as a build needs it. */
export interface FolderEntry {
  /** Relative to the folder walked, `/`-separated. */
  path: string;
  link: boolean;
  file: boolean;
  /** Of a file, when the walk was asked for stamps (see `fileStamp`). */
  stamp: string | undefined;
}

/**
 * Every entry under `dir`, links not followed (a link is an entry, never walked into); with the
 * files' stamps if `stamps`; entries whose name starts with a dot, and what is in them, only if
 * `dot`. A folder that is not there has no entries.
 */
export function walkFolder(dir: string, stamps: boolean, dot = false): FolderEntry[] {
  // Files are stamped here, not by the walker: its `stats` also stats every folder, at twice the cost.
  const found = fg.sync('**', { cwd: dir, dot, onlyFiles: false, followSymbolicLinks: false, objectMode: true });
  return found.map(({ path, dirent }) => {
    const file = dirent.isFile();
    const stats = stamps && file ? lstatSync(dir + sep + nativePath(path), { throwIfNoEntry: false }) : undefined;
    return { path, link: dirent.isSymbolicLink(), file, stamp: stats && fileStamp(stats) };
  });
}

export interface FilesWanted {
  /** Names starting with a dot too. */
  dot?: boolean;
  /** `*.md` also finds `BAI.MD`. */
  caseless?: boolean;
  /** Walk into linked folders and list linked files (the default), or leave links out. */
  followLinks?: boolean;
  ignore?: string[];
}

/** The files under `dir` whose paths match `pattern`, `/`-separated and sorted; none if `dir` is not there. */
export function filesUnder(dir: string, pattern: string | string[], wanted: FilesWanted = {}): string[] {
  const { dot = false, caseless = false, followLinks = true, ignore = [] } = wanted;
  return fg.sync(pattern, { cwd: dir, onlyFiles: true, dot, caseSensitiveMatch: !caseless, followSymbolicLinks: followLinks, ignore }).sort();
}

/** A file's size, modification and change times and inode, as a `Remembered` stamp. */
export function fileStamp(stat: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>): string {
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
}

/** `relativePath`, `/`-separated, with this system's separators. */
export const nativePath = (relativePath: string) => (sep === '/' ? relativePath : relativePath.replaceAll('/', sep));
