// Guards for the output folder: the build replaces it whole, so it must never be a folder the user keeps.
import { homedir } from 'node:os';
import { parse, relative, sep } from 'node:path';
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
  if (outDir === parse(outDir).root) refuse('it is the root of the file system.');
  if (outDir === homedir()) refuse('it is your home folder.');
  if (outDir === root) refuse('it is the site folder itself.');
  for (const [name, dir] of [['content', contentDir], ['templates', templatesDir]] as const) {
    if (isInside(dir, outDir)) refuse(`the ${name} folder ${dir} is inside it and would be deleted.`);
    if (isInside(outDir, dir)) refuse(`it is inside the ${name} folder.`);
  }
}

/** Whether `child` is `parent` or inside it. */
function isInside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !path.startsWith(sep) && !/^[a-zA-Z]:/.test(path));
}
