// A worker thread of a parallel build: parses its share of the articles, keeps their HTML, and
// renders its share of the pages straight into the staging folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { parseArticle, type Article } from '../content/article.js';
import { readWhole } from '../content/load.js';
import { Spool } from './spool.js';
import { createMarkdown } from '../content/markdown.js';
import { collect } from '../collect/site.js';
import { BantinError, BuildFailure, pathShower } from '../errors.js';
import { locales } from '../locales.js';
import { collisionProblem, renderPages, TEMPLATE_NAMES } from '../render/pages.js';
import { outputPathProblem } from '../output/paths.js';
import { createTemplates } from '../render/templates.js';
import type { ProblemData, Reply, Request, WorkerSetup } from './protocol.js';
import { parserOf, rendererOf } from './share.js';

const setup = workerData as WorkerSetup;
const markdown = createMarkdown(setup.config.markdown);
const locale = locales[setup.config.language];
const show = pathShower(setup.cwd, setup.root);
/** The articles this worker parsed, whole: their HTML stays here, only cards go to the build. */
const own = new Map<string, Article>();
const spool = new Spool(setup.spool);

const port = parentPort!;
const reply = (message: Reply) => port.postMessage(message);

port.on('message', (request: Request) => {
  try {
    if (request.type === 'parse') parse(request);
    else render(request);
  } catch (error) {
    reply({ type: 'failed', stack: (error as Error).stack ?? String(error) });
  }
});

function parse({ sources }: Extract<Request, { type: 'parse' }>): void {
  const problems: ProblemData[] = [];
  const articles = sources.map((source) => {
    try {
      const article = parseArticle(readWhole(source), { config: setup.config, markdown });
      const held = spool.hold(article);
      own.set(article.sourcePath, held);
      return { ...held, html: '' };
    } catch (error) {
      problems.push(...flatten(error));
      return null;
    }
  });
  reply({ type: 'parsed', articles, problems });
}

function render(request: Extract<Request, { type: 'render' }>): void {
  const { articles, visibility, staging, fullText, assetNames } = request;
  const fingerprints: [string, string][] = [];
  // Pages that show other workers' articles whole (full-text feeds) get them parsed here too.
  const borrowed = new Map(fullText.map((source) => {
    const article = parseArticle(source, { config: setup.config, markdown });
    return [article.sourcePath, article] as const;
  }));
  const whole = articles.map((card) => own.get(card.sourcePath) ?? borrowed.get(card.sourcePath) ?? card);
  const owners = new Map(articles.map((card, position) => [card.sourcePath, parserOf(position, setup.count)]));
  const problems: BantinError[] = [];
  const site = collect(whole, { ...visibility, routes: locale.routes, relatedCount: setup.config.relatedCount }, problems);
  const templates = createTemplates(setup.templateDirs, TEMPLATE_NAMES, locale, show, new Map(assetNames));
  const madeDirs = new Set<string>();
  const outputPaths: string[] = [];
  let pages = 0;
  let rendered = 0;
  let index = 0;
  const seen = new Set<string>();
  for (const job of renderPages(site, templates, setup.config, locale)) {
    if (seen.has(job.outputPath)) {
      problems.push(collisionProblem(job.outputPath, setup.contentDir, show));
      continue;
    }
    seen.add(job.outputPath);
    if (job.outputPath.endsWith('.html')) pages++;
    if (rendererOf(job, index++, owners, setup.count) !== setup.index) continue;
    if (request.fingerprints) fingerprints.push([job.outputPath, job.fingerprint()]);
    const unsafe = outputPathProblem(job.outputPath);
    if (unsafe) throw new Error(`refusing to write ${job.outputPath}: ${unsafe}`);
    const target = join(staging, job.outputPath);
    const dir = dirname(target);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    writeFileSync(target, job.render());
    outputPaths.push(job.outputPath);
    if (++rendered % 500 === 0) reply({ type: 'progress', done: rendered });
  }
  reply({ type: 'rendered', pages, rendered, outputPaths, problems: problems.flatMap(flatten), fingerprints });
}

function flatten(error: unknown): ProblemData[] {
  if (error instanceof BuildFailure) return error.problems.flatMap(flatten);
  if (error instanceof BantinError) return [{ message: error.message, file: error.file, line: error.line, column: error.column }];
  throw error;
}
