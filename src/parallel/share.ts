// Which worker does what: articles go to workers in turn, in source order; an article's page is
// rendered where its HTML is, every other page by the worker whose turn it is.
import type { PageJob } from '../render/pages.js';

/** The worker that parses the article at `position` in the sorted list of sources. */
export function parserOf(position: number, count: number): number {
  return position % count;
}

export function rendererOf(job: PageJob, index: number, owners: ReadonlyMap<string, number>, count: number): number {
  const owner = job.article && owners.get(job.article.sourcePath);
  return owner ?? index % count;
}
