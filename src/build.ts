// The build, start to finish: load -> parse -> collect -> render -> write. This module is the
// entry: it finds out first whether a rebuild has anything to do, and only then loads the
// parser, the templates and the rest (`site-build.ts`): a rebuild that changes nothing starts
// without them.
import type { SiteConfig } from './config.js';
import { BantinError, BuildFailure, pathShower } from './errors.js';
import { diskCachePath } from './disk-cache.js';
import type { BuildCache } from './incremental.js';
import { sitePaths } from './site-paths.js';
import { checkOutputFolder } from './output/safety.js';
import type { Writer } from './output/writer.js';
import { diskProblem } from './output/disk-errors.js';
import { lockOutput } from './output/lock.js';
import { compareWithLastBuild, currentInputs } from './unchanged.js';

export interface BuildOptions {
  /** The site folder; other paths are relative to it. Default: the working folder. */
  root?: string;
  /** Articles. Default: `<root>/content`. */
  contentDir?: string;
  /** The built site. Default: `<root>/dist`. */
  outDir?: string;
  /** Nunjucks templates and `assets/`. Default: `<root>/templates` if it exists, else bantin's own. */
  templatesDir?: string;
  /** Configuration to use instead of reading `<root>/bantin.yaml`. */
  config?: SiteConfig;
  /** Include articles marked `draft: true`. */
  drafts?: boolean;
  /** Include articles dated after `now`. */
  future?: boolean;
  /** The moment the site is built for, in milliseconds: later articles wait. Default: the clock. */
  now?: number;
  /** Told as the build goes, for a progress counter. */
  onProgress?: (progress: BuildProgress) => void;
  /** Where pages go. Default: a DiskWriter on `outDir`. */
  writer?: Writer;
  /**
   * Memory of the previous build, for rebuilds (`bantin dev`): unchanged articles are not parsed
   * again, and pages whose inputs did not change are kept if the writer can keep them.
   */
  cache?: BuildCache;
  /** Stops the build (Ctrl-C): what was written so far is thrown away, the previous output stays. */
  signal?: AbortSignal;
  /** Threads for parsing and rendering. Default: one (see src/parallel/pool.ts). */
  workers?: number;
  /**
   * Remember this build in `.bantin-cache/` and make the next one from it: only changed articles
   * are parsed and only pages whose inputs changed are rendered and replaced. `bantin build` does.
   */
  incremental?: boolean;
  /**
   * With `cache`: the article files edited since the build that filled it, when nothing else
   * changed (`bantin dev` knows this from its watcher). Only these are read again, and when
   * their edits leave every card as it was, only the pages that show their text are rendered.
   */
  edited?: readonly string[];
}

export interface BuildResult {
  articles: number;
  /** HTML pages in the site. */
  pages: number;
  /** Pages, feeds and other generated files rendered by this build; fewer than all when a cache let it keep some. */
  rendered: number;
  /** Every file written: pages, feeds, sitemap, assets. */
  files: number;
  /**
   * Of those, the files a rebuild left as the last build wrote them: all of them when nothing had
   * changed, none in a build without the cache.
   */
  kept: number;
  outDir: string;
  durationMs: number;
  /** Things worth fixing that did not stop the build. */
  warnings: string[];
  /** Articles left out because their date is still to come. */
  scheduled: number;
  /** When the first of them is due (ISO 8601): build again then to publish it. */
  nextScheduled?: string;
}

export interface BuildProgress {
  stage: 'render' | 'copy';
  done: number;
  /** Known for copying, not for rendering: pages are counted as they come. */
  total?: number;
}

/**
 * Builds a site. Throws a BuildFailure listing every problem found in the content, the
 * configuration or the templates; then nothing is written and the previous output stays.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const paths = sitePaths(options);
  const { root, contentDir, outDir, templatesDir } = paths;
  if (!options.writer) checkOutputFolder(outDir, { contentDir, root, templatesDir });
  const cachePath = options.incremental && !options.writer && !options.cache ? diskCachePath(root, outDir) : undefined;
  if (cachePath === undefined) return (await import('./site-build.js')).buildSite(options, started);
  // A build that starts from the output's cache holds the output's lock before it reads the
  // cache: no other build may change the output in between.
  const shownOutDir = pathShower(process.cwd(), root)(outDir);
  const lock = await lockOutput(outDir, shownOutDir).catch((error: unknown) => {
    throw new BuildFailure([asProblem(diskProblem(error, 'locking the output folder', shownOutDir))]);
  });
  try {
    // Everything as the last build found it: the output is what this build would write.
    const inputs = options.config ? undefined : await currentInputs(paths, { drafts: options.drafts ?? false, future: options.future ?? false });
    const findings = inputs && (await compareWithLastBuild(cachePath, paths, inputs, options.now ?? Date.now()));
    if (findings?.unchanged) {
      return { ...findings.unchanged, rendered: 0, kept: findings.unchanged.files, outDir, durationMs: performance.now() - started };
    }
    const { buildSite } = await import('./site-build.js');
    return await buildSite(options, started, { path: cachePath, lock, intact: false, ...findings, ...(inputs && { inputs }) });
  } finally {
    await lock.release();
  }
}

function asProblem(error: unknown): BantinError {
  if (error instanceof BantinError) return error;
  throw error;
}

export { sitePaths, BUILTIN_TEMPLATES, type SitePaths } from './site-paths.js';
