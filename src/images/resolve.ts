// Where each picture an article shows lives, and what is wrong with how it is written: a picture
// that is not there, or a photo without words for readers who cannot see it. The build and
// `bantin check` ask the same questions here.
import { statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Article } from '../content/article.js';
import type { CheckProblem } from '../check/problems.js';
import type { SiteConfig } from '../config.js';
import { BantinError, located, megabytes, quoted, shortened } from '../errors.js';
import { isRemote, isWebAddress, OVERSIZE_FACTOR, photoCandidates, type PhotoUse } from './photos.js';
import { msg, type Message } from '../messages/index.js';

/** A picture file of the site, and the first place an article shows it (for problems with the file itself). */
export interface PictureFile {
  key: string;
  path: string;
  displayPath: string;
  at: { file: string; line: number; column: number };
}

export interface ResolvedPhotos {
  files: Map<string, PictureFile>;
  /** For each article's file (`relativePath`), the key of each picture it shows, by the address as written. */
  byArticle: Map<string, Map<string, string>>;
  /** The site's default picture (`images.default`), when it has one. */
  defaultKey?: string;
  problems: CheckProblem[];
  /** How many of the problems are pictures that are not there. */
  missing: number;
}

export interface PhotoFolders {
  contentDir: string;
  staticDir: string;
  show: (path: string) => string;
  configFile: string;
}

/** Finds every picture the articles show, in the order they show them. */
export function resolvePhotos(articles: readonly Article[], config: SiteConfig, folders: PhotoFolders): ResolvedPhotos {
  const files = new Map<string, PictureFile>();
  const byArticle = new Map<string, Map<string, string>>();
  const problems: CheckProblem[] = [];
  let missingCount = 0;
  const lax = config.brokenLinks === 'warn';
  const staticFolder = relative(folders.contentDir, folders.staticDir).split(sep).join('/');
  // A site stating it fully meets its accessibility target may not show a picture without words.
  const altRequired = config.accessibility.conformance === 'full';
  const find = (candidates: readonly string[], at: PictureFile['at']): string | undefined => {
    for (const key of candidates) {
      if (files.has(key)) return key;
      const path = pathOf(key, folders);
      if (isFile(path)) {
        files.set(key, { key, path, displayPath: folders.show(path), at });
        return key;
      }
    }
    return undefined;
  };
  for (const article of articles) {
    if (article.images.length === 0) continue;
    const keys = new Map<string, string>();
    for (const use of article.images) {
      const at = { file: article.sourcePath, line: use.line, column: use.column };
      const remote = isRemote(use.target);
      if (use.alt.trim() === '') problems.push({ severity: (remote || lax) && !altRequired ? 'warning' : 'error', message: noAlt(use, altRequired), ...at });
      if (remote) {
        if (use.cover && !isWebAddress(use.target)) problems.push({ severity: 'warning', message: notWebCover(use), ...at });
        continue;
      }
      const candidates = photoCandidates(use.target, article, config.basePath, staticFolder);
      const key = find(candidates, at);
      if (key) keys.set(use.target, key);
      else {
        problems.push({ severity: lax ? 'warning' : 'error', message: missing(use, candidates, folders), ...at });
        missingCount++;
      }
    }
    byArticle.set(article.relativePath, keys);
  }
  const defaultKey = defaultPicture(config, folders, find, problems);
  return { files, byArticle, ...(defaultKey && { defaultKey }), problems, missing: missingCount };
}

function defaultPicture(config: SiteConfig, folders: PhotoFolders, find: (candidates: readonly string[], at: PictureFile['at']) => string | undefined, problems: CheckProblem[]): string | undefined {
  const written = config.images.default;
  if (written === undefined) return undefined;
  const at = { file: folders.configFile, line: 1, column: 1 };
  const key = find(photoCandidates(written.startsWith('/') ? written : `/${written}`, { relativePath: '', url: '' }, config.basePath).filter((candidate) => candidate.startsWith('static/')), at);
  if (!key) problems.push({ severity: 'error', message: msg('photo.defaultMissing', { value: quoted(written), path: shortened(written.replace(/^\/+/, '')) }), file: folders.configFile });
  return key;
}

/** The file on disk a picture's key names. */
export function pathOf(key: string, folders: Pick<PhotoFolders, 'contentDir' | 'staticDir'>): string {
  return key.startsWith('content/') ? join(folders.contentDir, key.slice(8)) : join(folders.staticDir, key.slice(7));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function noAlt(use: PhotoUse, altRequired: boolean): Message {
  const statement = altRequired ? msg('photo.altPromised') : msg('check.noSuggestion');
  return use.cover
    ? msg('photo.coverNoAlt', { target: quoted(use.target), statement })
    : msg('photo.noAlt', { target: quoted(use.target), shown: shortened(use.target), statement });
}

function notWebCover(use: PhotoUse): Message {
  return msg('photo.coverNotWeb', { target: quoted(use.target) });
}

function missing(use: PhotoUse, candidates: readonly string[], folders: PhotoFolders): Message {
  const looked = candidates.map((key) => shortened(folders.show(pathOf(key, folders))));
  // The paths are joined by "and" in the message's own language.
  const paths = looked.reduceRight<Message | string | undefined>((rest, path) => (rest === undefined ? path : msg('photo.both', { first: path, second: rest })), undefined);
  const where = paths === undefined ? msg('check.noSuggestion') : msg('photo.looked', { paths });
  return msg('photo.missing', { target: quoted(use.target), where });
}

/** A picture file that cannot be read. */
export function unreadable(file: PictureFile, error: NodeJS.ErrnoException): BantinError {
  return new BantinError(msg('photo.unreadable', { file: file.displayPath, reason: error.code ?? error.message }), file.at);
}

/**
 * A picture's bytes, or the problem with its file: unreadable, or larger than `maxMB` megabytes
 * (told by its size, before it is read: an image decoder holds all of it, and more).
 */
export async function readPicture(file: PictureFile, maxMB: number): Promise<Buffer | BantinError> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file.path, 'r');
    const { size } = await handle.stat();
    if (size > maxMB * 1024 * 1024) {
      return new BantinError(
        msg('photo.tooLarge', { file: file.displayPath, size: megabytes(size), max: megabytes(maxMB * 1024 * 1024), enough: megabytes(5 * 1024 * 1024) }),
        file.at,
      );
    }
    return await handle.readFile();
  } catch (error) {
    return unreadable(file, error as NodeJS.ErrnoException);
  } finally {
    await handle?.close();
  }
}

/** A photo far wider than the site serves it: a warning, or none. */
export function oversized(file: PictureFile, size: { width: number; height: number }, widest: number): BantinError | undefined {
  if (size.width <= widest * OVERSIZE_FACTOR) return undefined;
  return new BantinError(
    msg('photo.oversized', { file: file.displayPath, width: size.width, height: size.height, widest, suggested: widest * 2 }),
    file.at,
  );
}

/** A problem of the build: an error stops it, a warning is told as `file:line:column  message`. */
export function asBuildProblem(problem: CheckProblem): BantinError | Message {
  const { file, line, column } = problem;
  const error = new BantinError(problem.message, file === undefined ? undefined : { file, ...(line !== undefined && { line }), ...(column !== undefined && { column }) });
  return problem.severity === 'error' ? error : located(error);
}
