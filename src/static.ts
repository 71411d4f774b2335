// The site's own static files: everything in `static/` is copied as it is to the root of the output.
import { realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fileStamp, walkFolder } from './walk.js';
import { BantinError, megabytes } from './errors.js';
import { outputPathProblem } from './output/paths.js';
import { msg } from './messages/index.js';

export interface StaticFile {
  /** Absolute path on disk. */
  path: string;
  /** Path relative to the output folder: `static/images/a.jpg` -> `images/a.jpg`. */
  outputPath: string;
  /** Path to show the user. */
  displayPath: string;
  /** Its size, times and inode (see `fileStamp`): while they stay, a rebuild need not read it. */
  stamp?: string;
}

/** Files an operating system or a tool leaves behind, never meant for readers. */
const LEFTOVERS = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini|\.gitkeep|\.git(\/.*)?)$/i;

export function isLeftover(path: string): boolean {
  return LEFTOVERS.test(path);
}

/**
 * Every file under `staticDir`, in a stable order; no folder means no files. Hidden files are
 * included (`.well-known/`, `.htaccess`). A link is followed only to a file inside the folder.
 * A file larger than `maxMB` megabytes is a problem, told by its size: it is never read.
 */
export async function findStaticFiles(
  staticDir: string,
  show: (path: string) => string,
  problems: BantinError[],
  maxMB: number,
): Promise<StaticFile[]> {
  const root = await realpath(staticDir).catch(() => undefined);
  if (root === undefined || !(await stat(root)).isDirectory()) return [];
  const candidates = walkFolder(root, false, true)
    .filter(({ file, link, path }) => (file || link) && !isLeftover(path))
    .map(({ path }) => path)
    .sort();
  const files: StaticFile[] = [];
  for (const outputPath of candidates) {
    const path = resolve(root, outputPath);
    const displayPath = show(resolve(staticDir, outputPath));
    const real = await realpath(path).catch(() => undefined);
    const stats = real === undefined ? undefined : await stat(real);
    const isFile = stats?.isFile() === true;
    if (real === undefined || (real !== root && !real.startsWith(root + sep))) {
      problems.push(new BantinError(
        real === undefined
          ? msg('link.missing')
          : msg('static.outside', { kind: msg(isFile ? 'word.file' : 'word.folder') }),
        { file: displayPath },
      ));
      continue;
    }
    if (!isFile) continue; // a link to a folder inside: its files are copied where they really are
    const problem = outputPathProblem(outputPath);
    if (problem) {
      problems.push(new BantinError(msg('static.badName', { problem }), { file: displayPath }));
      continue;
    }
    if (stats.size > maxMB * MB) {
      problems.push(tooLarge(stats.size, maxMB, displayPath));
      continue;
    }
    files.push({ path: real, outputPath, displayPath, ...(stats && { stamp: fileStamp(stats) }) });
  }
  return files;
}

const MB = 1024 * 1024;

function tooLarge(size: number, maxMB: number, file: string): BantinError {
  return new BantinError(
    msg('static.tooLarge', { size: megabytes(size), max: megabytes(maxMB * MB) }),
    { file },
  );
}
