// Guards for the output folder: the build replaces it whole, so it must never be a folder the user keeps.
import { realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, parse, relative, sep } from 'node:path';
import { BantinError } from '../errors.js';

interface Neighbours {
  root: string;
  contentDir: string;
  templatesDir: string;
}

/** Throws before anything is touched if replacing `outDir` would destroy something else. */
export function checkOutputFolder(outDir: string, { root, contentDir, templatesDir }: Neighbours): void {
  const refuse = (why: string) => {
    throw new BantinError(`bantin will not write the site to ${outDir}: ${why} Choose another folder with --out.`, {
      file: outDir,
    });
  };
  const existing = statSync(outDir, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory()) refuse('it is a file, not a folder.');
  // Compare the paths as given and as they really are, so a link cannot disguise a folder.
  for (const real of [false, true]) {
    const path = real ? realPath : (p: string) => p;
    const out = path(outDir);
    const home = path(homedir());
    if (out === parse(out).root) refuse('it is the root of the file system.');
    if (out === home) refuse('it is your home folder.');
    if (isInside(home, out)) refuse('your home folder is inside it and would be deleted.');
    if (out === path(root)) refuse('it is the site folder itself.');
    if (isInside(path(root), out)) refuse('the site folder is inside it and would be deleted.');
    for (const [name, dir] of [['content', path(contentDir)], ['templates', path(templatesDir)]] as const) {
      if (out === dir) refuse(`it is the ${name} folder.`);
      if (isInside(dir, out)) refuse(`the ${name} folder ${dir} is inside it and would be deleted.`);
      if (isInside(out, dir)) refuse(`it is inside the ${name} folder.`);
    }
  }
}

/** The real path of `path`, or of its nearest existing parent with the rest appended. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const { dir, base } = parse(path);
    return dir === path ? path : join(realPath(dir), base);
  }
}

/** Whether `child` is `parent` or inside it. */
function isInside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !path.startsWith(sep) && !/^[a-zA-Z]:/.test(path));
}
