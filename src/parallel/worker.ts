// A build thread: parses its share of the article files and hands back the articles, or collects
// the site from the articles it is given, as the build did, and renders its share of the pages,
// handing back their text.
import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { collect } from '../collect/site.js';
import { BantinError, BuildFailure } from '../errors.js';
import { setUp } from '../load-site.js';
import { planPages, TEMPLATE_NAMES } from '../render/pages.js';
import { renderPage } from '../render/render.js';
import { createTemplates } from '../render/templates.js';
import { renderContext } from '../write-site.js';
import { SitePhotos } from '../images/site-photos.js';
import { parseSource } from '../load-site.js';
import type { Article } from '../content/article.js';
import type { ParseSetup, ProblemData, RenderJob, RenderStart, ThreadReply, ThreadSetup } from './protocol.js';

/** Pages handed back in one message. */
const BATCH = 32;

const port = parentPort!;
const reply = (message: ThreadReply) => port.postMessage(message);

// A render thread loads and compiles what it can before it is sent its pages.
attempt(() => {
  const setup = workerData as ThreadSetup;
  if (setup.task === 'parse') return parse(setup);
  const prepared = prepare(setup);
  port.once('message', (job: RenderJob) => attempt(() => render(prepared, job)));
});

/** Runs a thread's task; a problem or a bug is told to the build. */
function attempt(task: () => void): void {
  try {
    task();
  } catch (error) {
    const problems = flatten(error);
    reply({ type: 'failed', stack: (error as Error).stack ?? String(error), ...(problems && { problems }) });
  }
}

function parse({ options, sources }: ParseSetup): void {
  const { config, markdown } = setUp(options);
  let files: [number, Article | ProblemData[]][] = [];
  for (const [index, source] of sources) {
    try {
      files.push([index, parseSource(source, { config: config!, markdown: markdown! })]);
    } catch (error) {
      const problems = flatten(error);
      if (!problems) throw error;
      files.push([index, problems]);
    }
    if (files.length === BATCH) {
      reply({ type: 'parsed', files });
      files = [];
    }
  }
  reply({ type: 'parsed', files });
  reply({ type: 'done' });
}

/** The setup and the compiled templates, made before the articles come. */
function prepare({ options, assetNames }: RenderStart) {
  const setup = setUp(options);
  const templates = createTemplates(setup.paths.templateDirs, TEMPLATE_NAMES, { locale: setup.locale!, show: setup.show, assetNames: new Map(assetNames) });
  return { setup, templates };
}

function render({ setup, templates }: ReturnType<typeof prepare>, { photos, articles, pages, indices, credit }: RenderJob): void {
  const { config, locale, visibility, problems } = setup;
  const site = collect(deserialize(articles) as Article[], { ...visibility, routes: locale!.routes, relatedCount: config!.relatedCount, pages, language: config!.language }, problems);
  const plans = planPages(site, config!, locale!);
  // The directory is made by the build from every index file's words: a thread only adds those it makes.
  const searchWords = new Map<string, string>();
  const context = renderContext(setup, site, plans, { templates, photos: new SitePhotos(photos), searchWords });
  // Pages go back as text: the build's thread, which waits on the threads most of the time, encodes them as it writes.
  let batch: [number, string][] = [];
  const credits = new Int32Array(credit);
  const flush = () => {
    // Waits while the build has not written what this thread sent: a thread may block, the build may not.
    while (Atomics.load(credits, 0) <= 0) Atomics.wait(credits, 0, 0, 1000);
    Atomics.sub(credits, 0, 1);
    reply({ type: 'pages', pages: batch });
    batch = [];
  };
  for (const index of indices) {
    batch.push([index, renderPage(plans[index]!, context)]);
    if (batch.length === BATCH) flush();
  }
  flush();
  // The words this thread made, for the record: the next build need not read those texts again.
  reply({ type: 'done', searchWords: [...searchWords] });
}

/** The problems of a user's error, flattened to cross threads; undefined for a bug. */
function flatten(error: unknown): ProblemData[] | undefined {
  if (error instanceof BuildFailure) return error.problems.flatMap((problem) => flatten(problem) ?? []);
  if (error instanceof BantinError) return [{ detail: error.detail, file: error.file, line: error.line, column: error.column }];
  return undefined;
}
