// Loading: find the article files and decode them. The only stage of the pipeline that reads content from disk.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { BantinError, megabytes } from '../errors.js';
import { outputPathProblem } from '../output/paths.js';
import { findForbiddenCharacter } from './characters.js';
import { msg } from '../messages/index.js';
import { nativePath, walkFolder } from '../walk.js';

export interface SourceFile {
  /** Absolute path on disk. */
  path: string;
  /** Path relative to the content folder, with `/` separators. */
  relativePath: string;
  /** Path to show the user: relative to the working folder. */
  displayPath: string;
  /** Decoded text: UTF-8 without BOM, LF line endings. Empty when the file was not read (see `Remembered`). */
  text: string;
  /** A hash of the path and the bytes (see `sourceDigest`); empty while the file is not read. */
  digest: string;
  /** The file's size, times and inode when it was found (see `Remembered`). */
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

/** A hash of an article file's path and bytes, before decoding. */
export function sourceDigest(relativePath: string, bytes: Uint8Array): string {
  return createHash('sha1').update(relativePath).update('\0').update(bytes).digest('base64url');
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file's bytes into text, refusing anything that is not clean UTF-8 text. */
export function decodeSource(bytes: Uint8Array, displayPath: string): string {
  // Checked, then decoded: about half the time of a decoder that checks as it goes.
  if (!isUtf8(bytes)) {
    const { line, column } = firstInvalidUtf8(bytes);
    throw new BantinError(
      msg('file.notUtf8'),
      { file: displayPath, line, column },
    );
  }
  const text = normalized(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  const odd = findForbiddenCharacter(text);
  if (odd) {
    const before = text.slice(0, odd.index);
    throw new BantinError(
      odd.code === 0
        ? msg('file.nul')
        : msg('file.invisible', { name: odd.name }),
      { file: displayPath, line: before.split('\n').length, column: odd.index - before.lastIndexOf('\n') },
    );
  }
  return text;
}

/** Decoded text without a byte order mark, with LF line endings. */
export function normalized(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
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
 * cannot make the walk endless. A file whose stamp is `remembered` is not read: it comes with
 * its digest and no text, and the build reuses what it parsed from it last time. With `lazy`,
 * no file is read: each comes without text and digest, for the parser to read when it gets to
 * it, so that a large site's texts are never all in memory at once.
 */
export async function loadSources(
  contentDir: string,
  show: (path: string) => string,
  problems: BantinError[],
  reading: { remembered?: ReadonlyMap<string, Remembered>; lazy?: boolean } = {},
): Promise<SourceFile[]> {
  const { remembered, lazy = false } = reading;
  const root = await realpath(contentDir).catch(() => {
    throw new BantinError(msg('content.missing'), {
      file: show(contentDir),
    });
  });
  const candidates = walkFolder(root, remembered !== undefined)
    .filter(({ link, file, path }) => link || (file && isArticleName(path)))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Paths are joined as text: every candidate is a plain relative path under the folder.
  const shownDir = show(resolve(contentDir));
  const place = { root, shown: shownDir === '.' ? '' : shownDir + sep };
  const sources: (SourceFile | BantinError | undefined)[] = [];
  for (const { path: relativePath, link, stamp } of candidates) {
    const recorded = stamp === undefined ? undefined : remembered?.get(relativePath);
    const unchanged = recorded !== undefined && recorded.stamp === stamp ? recorded : undefined;
    // Not read now: a file the record vouches for, or every file of a lazy load (its digest empty).
    const digest = unchanged?.digest ?? (lazy ? '' : undefined);
    const source = link ? await loadLink(place, relativePath, digest) : loadFile(place, relativePath, digest);
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

/** A link found by the walk: followed, and refused if it leads out of the folder. */
async function loadLink(place: Place, relativePath: string, digest: string | undefined): Promise<SourceFile | BantinError | undefined> {
  const { root } = place;
  const path = root + sep + nativePath(relativePath);
  const displayPath = place.shown + nativePath(relativePath);
  try {
    const real = await realpath(path).catch(() => undefined);
    if (real === undefined) {
      if (!isArticleName(relativePath)) return undefined;
      throw new BantinError(msg('link.missing'), { file: displayPath });
    }
    const isFile = (await stat(real)).isFile();
    if (real !== root && !real.startsWith(root + sep)) {
      throw new BantinError(
        msg('link.outsideContent', { kind: msg(isFile ? 'word.file' : 'word.folder') }),
        { file: displayPath },
      );
    }
    if (!isFile) return undefined;
  } catch (error) {
    if (!(error instanceof BantinError)) throw error;
    return error;
  }
  return loadFile(place, relativePath, digest);
}

/** An article file found by the walk (or a link to one, checked): read, unless it comes with its `digest`. */
function loadFile(place: Place, relativePath: string, digest: string | undefined): SourceFile | BantinError | undefined {
  if (!isArticleName(relativePath)) return undefined;
  const path = place.root + sep + nativePath(relativePath);
  const displayPath = place.shown + nativePath(relativePath);
  try {
    const nameProblem = outputPathProblem(relativePath);
    if (nameProblem) {
      throw new BantinError(
        msg('file.badName', { problem: nameProblem }),
        { file: displayPath },
      );
    }
    if (digest !== undefined) return { path, relativePath, displayPath, text: '', digest };
    return readWhole({ path, relativePath, displayPath });
  } catch (error) {
    if (!(error instanceof BantinError)) throw error;
    return error;
  }
}

/** A source read and decoded now, with the digest of its bytes (a BantinError if it cannot be). */
export function readWhole(source: Pick<SourceFile, 'path' | 'relativePath' | 'displayPath'>): SourceFile {
  const bytes = readSource(source);
  const { path, relativePath, displayPath } = source;
  return { path, relativePath, displayPath, text: decodeSource(bytes, displayPath), digest: sourceDigest(relativePath, bytes) };
}

/** The largest article file read: 200 times a long bulletin, far from what a build can hold many of. */
export const MAX_ARTICLE_BYTES = 16 * 1024 * 1024;

/**
 * A source file's bytes; an unreadable file, or one larger than `MAX_ARTICLE_BYTES` (told by its
 * size, before it is read), is a BantinError naming it.
 */
export function readSource(source: Pick<SourceFile, 'path' | 'displayPath'>): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(source.path, 'r');
    const { size } = fstatSync(fd);
    if (size > MAX_ARTICLE_BYTES) throw tooLarge(size, source.displayPath);
    return readFileSync(fd);
  } catch (error) {
    if (error instanceof BantinError) throw error;
    throw unreadable(error as NodeJS.ErrnoException, source.displayPath);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tooLarge(size: number, file: string): BantinError {
  return new BantinError(msg('file.tooLarge', { size: megabytes(size), max: megabytes(MAX_ARTICLE_BYTES) }), { file });
}

/** A file that cannot be read; one gone since the folder was listed was deleted while the site was being built. */
function unreadable(failure: NodeJS.ErrnoException, file: string): BantinError {
  if (failure.code === 'ENOENT') return new BantinError(msg('file.deleted'), { file });
  return new BantinError(msg('file.unreadable', { reason: failure.code ?? failure.message }), { file });
}

export function isArticleName(path: string): boolean {
  return /\.md$/i.test(path);
}
