// Writing imported articles: inside the content folder only, each file whole or not at all, and
// never over a file that is already there.
import { randomBytes } from 'node:crypto';
import { link, mkdir, realpath, rename, unlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { BantinError } from '../errors.js';
import { msg } from '../messages/index.js';

/** Whether `path` is `folder` or below it. */
function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Writes `text` at `relativePath` under the content folder: first into a temporary file beside
 * it, then linked into place, which fails if a file of that name appeared meanwhile. A folder
 * that is a link to somewhere outside the content folder is refused.
 */
export async function writeArticleFile(contentDir: string, relativePath: string, text: string, shown: string): Promise<void> {
  const target = resolve(contentDir, relativePath);
  if (!isInside(resolve(contentDir), target)) {
    throw new BantinError(msg('import.outside'), { file: shown });
  }
  // Checked before any folder is made: a link to elsewhere must not receive even a folder.
  await mkdir(contentDir, { recursive: true });
  const realContent = await realpath(contentDir);
  let existing = dirname(target);
  while (!existsSync(existing)) existing = dirname(existing);
  if (!isInside(realContent, await realpath(existing))) {
    throw new BantinError(msg('import.linkOutside'), { file: shown });
  }
  await mkdir(dirname(target), { recursive: true });
  const folder = await realpath(dirname(target));
  const temporary = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await placeFile(temporary, join(folder, basename(target)), shown);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

async function placeFile(temporary: string, target: string, shown: string): Promise<void> {
  try {
    await link(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw alreadyThere(shown);
    // File systems without hard links: the same, less the guarantee against a file made meanwhile.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    if (existsSync(target)) throw alreadyThere(shown);
    await rename(temporary, target);
  }
}

function alreadyThere(shown: string): BantinError {
  return new BantinError(msg('import.exists'), { file: shown });
}
