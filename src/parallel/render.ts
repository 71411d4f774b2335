// The render stage of a large build, on worker threads writing into the staging folder.
import type { Article } from '../content/article.js';
import { readFileSync } from 'node:fs';
import { decodeSource, sourceDigest, type SourceFile } from '../content/load.js';
import type { Visibility } from '../collect/schedule.js';
import type { Site } from '../collect/site.js';
import type { SiteConfig } from '../config.js';
import { BuildFailure } from '../errors.js';
import type { DiskWriter } from '../output/writer.js';
import type { WorkerPool } from './pool.js';

export interface WorkerRender {
  pool: WorkerPool;
  /** Every article that parsed, in source order, without HTML. */
  cards: Article[];
  sources: SourceFile[];
  site: Site;
  config: SiteConfig;
  visibility: Visibility;
  assetNames: ReadonlyMap<string, string>;
  /** Filled with every page's fingerprint when given, for the next build's cache. */
  fingerprints?: Map<string, string>;
}

/** Renders every page on the pool; adds the paths written to `written`. */
export async function renderInWorkers(
  work: WorkerRender,
  writer: DiskWriter,
  written: Set<string>,
  onProgress?: (done: number) => void,
): Promise<{ pages: number; rendered: number }> {
  const staging = await writer.stagingDirectory();
  const outcome = await work.pool.render(
    {
      articles: work.cards,
      visibility: work.visibility,
      staging,
      fullText: fullTextSources(work),
      assetNames: [...work.assetNames],
      fingerprints: work.fingerprints !== undefined,
    },
    onProgress,
  );
  if (outcome.problems.length > 0) throw new BuildFailure(outcome.problems);
  writer.adopt(outcome.outputPaths);
  for (const [path, fingerprint] of outcome.fingerprints) work.fingerprints?.set(path, fingerprint);
  for (const path of outcome.outputPaths) written.add(path);
  return { pages: outcome.pages, rendered: outcome.rendered };
}

/**
 * The sources of the articles that full-text feeds carry: every worker needs their HTML. Read
 * again from disk: the build let go of the texts once the workers had parsed them.
 */
function fullTextSources({ site, config, sources }: WorkerRender): SourceFile[] {
  if (config.feeds.content !== 'full' || config.baseUrl === undefined) return [];
  const wanted = new Set(site.articles.slice(0, config.feeds.items).map((article) => article.sourcePath));
  for (const section of site.sections) {
    for (const article of section.articles.slice(0, config.feeds.items)) wanted.add(article.sourcePath);
  }
  return sources
    .filter((source) => wanted.has(source.displayPath))
    .map((source) => {
      const bytes = readFileSync(source.path);
      return { ...source, text: decodeSource(bytes, source.displayPath), digest: sourceDigest(source.relativePath, bytes) };
    });
}
