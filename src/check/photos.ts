// Check rules for the pictures articles show: the same questions the build's photos stage asks
// (src/images/), answered from each file's header, without making anything.
import { join } from 'node:path';
import type { Article } from '../content/article.js';
import type { SiteConfig } from '../config.js';
import { inspectPicture, PictureProblem } from '../images/encode.js';
import { oversized, readPicture, resolvePhotos, type PhotoFolders } from '../images/resolve.js';
import { BantinError } from '../errors.js';
import type { CheckProblem } from './problems.js';
import { fromBantinError } from './problems.js';
import { msg } from '../messages/index.js';

export async function checkPhotos(articles: readonly Article[], config: SiteConfig, folders: PhotoFolders): Promise<CheckProblem[]> {
  const resolved = resolvePhotos(articles, config, folders);
  const problems = [...resolved.problems];
  for (const file of resolved.files.values()) {
    const bytes = await readPicture(file, config.limits.photoMB);
    if (bytes instanceof BantinError) {
      problems.push(fromBantinError(bytes));
      continue;
    }
    try {
      const facts = await inspectPicture(bytes);
      const widest = Math.max(...config.images.widths);
      if (facts.format !== 'svg' && facts.format !== 'gif') {
        const warning = oversized(file, facts, widest);
        if (warning) problems.push(fromBantinError(warning, 'warning'));
      }
    } catch (error) {
      if (!(error instanceof PictureProblem)) throw error;
      problems.push(fromBantinError(new BantinError(msg('photo.problem', { file: file.displayPath, problem: error.detail }), file.at)));
    }
  }
  return problems;
}

/** The folders pictures are looked for in, as `bantin check` knows them. */
export function photoFolders(paths: { contentDir: string; staticDir: string; root: string }, show: (path: string) => string, configFile: string): PhotoFolders {
  return { contentDir: paths.contentDir, staticDir: paths.staticDir, show, configFile: configFile || show(join(paths.root, 'bantin.yaml')) };
}
