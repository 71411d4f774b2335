// Loading: find the article files and decode them. The only stage of the pipeline that reads content from disk.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { BantinError } from '../errors.js';
import { outputPathProblem } from '../output/paths.js';
import { findForbiddenCharacter } from './characters.js';

export interface SourceFile {
  /** Absolute path on disk. */
  path: string;
  /** Path relative to the content folder, with `/` separators. */
  relativePath: string;
  /** Path to show the user: relative to the working folder. */
  displayPath: string;
  /** Decoded text: UTF-8 without BOM, LF line endings. Empty while not read yet (see `sourceText`). */
  text: string;
  /** A hash of the path and the bytes (see `sourceDigest`), once the file has been read. */
  digest?: string;
  /** The file's size, times and inode when it was found, if asked for (see `Remembered`). */
  stamp?: string;
}

/**
 * What a build remembers of a file it read: while its size, modification and change times and
 * inode stay the same (the change time moves on every write and cannot be set back, as git
 * relies on too), its digest is the same, and a rebuild need not read it.
 */
export interface Remembered {
  stamp: string;
  digest: string;
}

/**
 * How much of each file the loader reads: its decoded `text`; only a `digest` of its bytes, for a
 * rebuild that decodes only what changed; or `nothing`, for the threads that read it themselves.
 */
export type Reading = 'text' | 'digest' | 'nothing';

/** A hash of an article file's path and bytes, before decoding. */
export function sourceDigest(relativePath: string, bytes: Uint8Array): string {
  return createHash('sha1').update(relativePath).update('\0').update(bytes).digest('base64url');
}

/** A source's text, reading and decoding it here if the loader did not. */
export function sourceText(source: SourceFile): string {
  if (source.text !== '') return source.text;
  return decodeSource(readSource(source), source.displayPath);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file's bytes into text, refusing anything that is not clean UTF-8 text. */
export function decodeSource(bytes: Uint8Array, displayPath: string): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const { line, column } = firstInvalidUtf8(bytes);
    throw new BantinError(
      'The file is not valid UTF-8 text. Save it again as UTF-8 (in most editors: "Save with encoding" > UTF-8).',
      { file: displayPath, line, column },
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  const odd = findForbiddenCharacter(text);
  if (odd) {
    const before = text.slice(0, odd.index);
    throw new BantinError(
      odd.code === 0
        ? 'The file contains a NUL byte; it looks like a binary file, not an article.'
        : `The file contains the invisible character ${odd.name}, which a web page may not contain. Delete it (it often comes with text copied from another program).`,
      { file: displayPath, line: before.split('\n').length, column: odd.index - before.lastIndexOf('\n') },
    );
  }
  return text;
}

function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  // Decode growing prefixes line by line: the first line that fails holds the bad byte.
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(lineStart, i));
      } catch {
        return { line, column: 1 };
      }
      line++;
      lineStart = i + 1;
    }
  }
  return { line: 1, column: 1 };
}

/**
 * Every `**\/*.md` under the content folder, in a stable order, decoded. Links are followed
 * only inside the folder: a link to a file or folder outside it is an error, and a link to a
 * folder inside it is skipped (its files are read where they really are), so loops of links
 * cannot make the walk endless.
 */
export async function loadSources(
  contentDir: string,
  show: (path: string) => string,
  problems: BantinError[],
  /** Told how many files there are before they are read (a build starts its threads then), and answers how to read them. */
  onFound?: (count: number) => Reading,
  /** Files read by an earlier build, by relative path: stamped, and unchanged ones not read again. */
  remembered?: ReadonlyMap<string, Remembered>,
  /** The folder's entries, with their stamps, if the build has walked it already (see `walkFolder`). */
  walked?: readonly FolderEntry[],
): Promise<SourceFile[]> {
  const root = await realpath(contentDir).catch(() => {
    throw new BantinError(`The content folder does not exist. Create it, or point to yours with --content.`, {
      file: show(contentDir),
    });
  });
  const entries = walked ?? (await walkFolder(root, remembered !== undefined));
  const candidates = entries
    .filter(({ link, file, path }) => link || (file && isArticleName(path)))
    .map(({ path, link, stamp }) => ({ relativePath: path, link, stamp }))
    .sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  const reading = onFound?.(candidates.length) ?? 'text';
  // One file at a time, read synchronously: tens of thousands of small files read fastest so,
  // and never run out of file handles. Paths are joined as text: every candidate is a plain
  // relative path under the folder, and resolving 20,000 of them twice took 80 ms.
  const shownDir = show(resolve(contentDir));
  const place = { root, shown: shownDir === '.' ? '' : shownDir + sep };
  const sources: (SourceFile | BantinError | undefined)[] = [];
  for (const { relativePath, link, stamp } of candidates) {
    const known = stamp === undefined ? undefined : remembered?.get(relativePath);
    const unchanged = known !== undefined && known.stamp === stamp && reading === 'digest';
    const how = unchanged ? known : reading;
    const source = link ? await loadLink(place, relativePath, how) : loadFile(place, relativePath, how);
    if (source && !(source instanceof BantinError) && stamp !== undefined) source.stamp = stamp;
    sources.push(source);
  }
  // Problems in the order of the files.
  problems.push(...sources.filter((source) => source instanceof BantinError));
  return sources.filter((source): source is SourceFile => source !== undefined && !(source instanceof BantinError));
}

/** Where the sources are: the content folder's real path, and how it is shown (empty, or ending in a separator). */
interface Place {
  root: string;
  shown: string;
}

/** `relativePath`, `/`-separated, with this system's separators. */
export const nativePath = (relativePath: string) => (sep === '/' ? relativePath : relativePath.replaceAll('/', sep));

/** A link found by the walk: followed, and refused if it leads out of the folder. */
async function loadLink(place: Place, relativePath: string, reading: Reading | Remembered): Promise<SourceFile | BantinError | undefined> {
  const { root } = place;
  const path = root + sep + nativePath(relativePath);
  const displayPath = place.shown + nativePath(relativePath);
  try {
    const real = await realpath(path).catch(() => undefined);
    if (real === undefined) {
      if (!isArticleName(relativePath)) return undefined;
      throw new BantinError('This is a link to a file that does not exist.', { file: displayPath });
    }
    const isFile = (await stat(real)).isFile();
    if (real !== root && !real.startsWith(root + sep)) {
      throw new BantinError(
        `This is a link to a ${isFile ? 'file' : 'folder'} outside the content folder; bantin only builds files inside it.`,
        { file: displayPath },
      );
    }
    if (!isFile) return undefined;
  } catch (error) {
    if (!(error instanceof BantinError)) throw error;
    return error;
  }
  return loadFile(place, relativePath, reading);
}

/** An article file found by the walk (or a link to one, checked): read as `reading` says. */
function loadFile(place: Place, relativePath: string, reading: Reading | Remembered): SourceFile | BantinError | undefined {
  if (!isArticleName(relativePath)) return undefined;
  const path = place.root + sep + nativePath(relativePath);
  const displayPath = place.shown + nativePath(relativePath);
  try {
    const nameProblem = outputPathProblem(relativePath);
    if (nameProblem) {
      throw new BantinError(
        `The file name cannot be used: ${nameProblem}. Rename the file with letters, digits and hyphens.`,
        { file: displayPath },
      );
    }
    if (typeof reading === 'object') return { path, relativePath, displayPath, text: '', digest: reading.digest };
    if (reading === 'nothing') return { path, relativePath, displayPath, text: '' };
    if (reading === 'digest') return redigested({ path, relativePath, displayPath, text: '' });
    const bytes = readSource({ path, displayPath });
    return { path, relativePath, displayPath, text: decodeSource(bytes, displayPath), digest: sourceDigest(relativePath, bytes) };
  } catch (error) {
    if (!(error instanceof BantinError)) throw error;
    return error;
  }
}

/** A source read and decoded now, with the digest of its bytes (a BantinError if it cannot be). */
export function readWhole(source: SourceFile): SourceFile {
  const bytes = readShared(source);
  return { ...source, text: decodeSource(bytes, source.displayPath), digest: sourceDigest(source.relativePath, bytes) };
}

/** A source read only for its digest (a BantinError if it cannot be read). */
export function redigested(source: SourceFile): SourceFile {
  const { path, relativePath, displayPath } = source;
  return { path, relativePath, displayPath, text: '', digest: sourceDigest(relativePath, readShared(source)) };
}

/** A source file's bytes; an unreadable file is a BantinError naming it. */
export function readSource(source: Pick<SourceFile, 'path' | 'displayPath'>): Buffer {
  try {
    return readFileSync(source.path);
  } catch (error) {
    throw unreadable(error, source.displayPath);
  }
}

function unreadable(error: unknown, displayPath: string): BantinError {
  const failure = error as NodeJS.ErrnoException;
  return new BantinError(`The file cannot be read: ${failure.code ?? failure.message}.`, { file: displayPath });
}

/** One buffer that files read for a moment go through: no allocation per file. */
let scratch = Buffer.allocUnsafe(1 << 16);

/**
 * A source file's bytes in a buffer shared by every call, valid until the next one: for reading
 * many files in a row without making the collector account for a new buffer per file.
 */
export function readShared({ path, displayPath }: Pick<SourceFile, 'path' | 'displayPath'>): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    let length = 0;
    for (;;) {
      if (length === scratch.length) scratch = Buffer.concat([scratch, Buffer.allocUnsafe(scratch.length)]);
      const read = readSync(fd, scratch, length, scratch.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return scratch.subarray(0, length);
  } catch (error) {
    throw unreadable(error, displayPath);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * An entry of a folder, as a build needs it. Far lighter than fast-glob's own, which a build of
 * tens of thousands of articles would hold from the walk to the end: its stats hold four dates,
 * its dirent seven bound methods.
 */
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
 * `dot`. Node's own recursive listing and a stat per file: fast-glob's walk took twice as long
 * for 20,000 files, and kept a `Stats` for each until it was done (docs/performance.md, item 21).
 */
export async function walkFolder(dir: string, stamps: boolean, dot = false): Promise<FolderEntry[]> {
  const entries: FolderEntry[] = [];
  // Where the path of an entry under `dir` starts in its parent's path.
  const inside = dir.endsWith(sep) ? dir.length : dir.length + 1;
  for (const dirent of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const folder = dirent.parentPath.length < inside ? '' : dirent.parentPath.slice(inside);
    const path = folder === '' ? dirent.name : `${sep === '/' ? folder : folder.replaceAll(sep, '/')}/${dirent.name}`;
    if (!dot && (path.startsWith('.') || path.includes('/.'))) continue;
    const file = dirent.isFile();
    let stamp: string | undefined;
    if (stamps && file) {
      const stat = statSync(dirent.parentPath + sep + dirent.name, { throwIfNoEntry: false });
      // Removed since it was listed: as if it had not been there.
      if (!stat) continue;
      stamp = fileStamp(stat);
    }
    entries.push({ path, link: dirent.isSymbolicLink(), file, stamp });
  }
  return entries;
}

/** A file's size, modification and change times and inode, as a `Remembered` stamp. */
function fileStamp(stat: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>): string {
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
}

export function isArticleName(path: string): boolean {
  return /\.md$/i.test(path);
}
