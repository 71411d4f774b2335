// Worker threads, when a build is asked for them (`bantin build --threads 2`): both phases that
// cost (parsing Markdown, rendering pages) run on every thread, and each article's HTML stays in
// the worker that made it. Not the default: every thread holds every article's card, so memory
// grows with the threads, and on two shared cores two threads gained a fifth at best
// (docs/performance.md).
import { closeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Article } from '../content/article.js';
import type { SourceFile } from '../content/load.js';
import { BantinError } from '../errors.js';
import type { ProblemData, Reply, Request, WorkerSetup } from './protocol.js';
import { parserOf } from './share.js';
import { openSpoolFile } from './spool.js';

/**
 * The compiled worker, also when bantin runs from its TypeScript sources (tests): a worker
 * thread runs plain JavaScript, so `npm run compile` must have run.
 */
const WORKER = new URL('../../lib/parallel/worker.js', import.meta.url);

const YOUNG_GENERATION_MB = 64;

export interface RenderOutcome {
  pages: number;
  rendered: number;
  outputPaths: string[];
  problems: BantinError[];
  fingerprints: Map<string, string>;
}

export class WorkerPool {
  private closed: Promise<void> | undefined;

  private constructor(
    private readonly workers: Worker[],
    /** The workers' spool files, opened here: a terminated thread closes nothing. */
    private readonly spools: number[],
  ) {}

  static start(count: number, setup: Omit<WorkerSetup, 'index' | 'count' | 'spool'>): WorkerPool {
    const spools = Array.from({ length: count }, () => openSpoolFile());
    const workers = spools.map(
      // A larger young generation for the many short-lived strings of parsing and rendering
      // (measured on 4,000 articles on two threads: 3.28 s with it, 3.45 s without).
      (spool, index) => new Worker(WORKER, { workerData: { ...setup, index, count, spool }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }),
    );
    // A build that fails before it renders must not be kept alive by idle threads.
    for (const worker of workers) worker.unref();
    return new WorkerPool(workers, spools);
  }

  /** Parses the sources, each worker reading its share; returns cards (no HTML) in source order. */
  async parse(sources: SourceFile[]): Promise<{ articles: (Article | null)[]; problems: BantinError[] }> {
    const shares = this.workers.map(() => [] as SourceFile[]);
    sources.forEach((source, position) => shares[parserOf(position, this.workers.length)]!.push(source));
    const replies = await Promise.all(
      this.workers.map((worker, i) => this.ask(worker, { type: 'parse', sources: shares[i]! }, 'parsed')),
    );
    const articles: (Article | null)[] = new Array(sources.length);
    const next = replies.map(() => 0);
    for (let position = 0; position < sources.length; position++) {
      const owner = parserOf(position, this.workers.length);
      articles[position] = replies[owner]!.articles[next[owner]!++]!;
    }
    return { articles, problems: replies.flatMap((reply) => reply.problems.map(toError)) };
  }

  /** Renders every page into `staging`; `onProgress` hears the count of pages written so far. */
  async render(
    request: Omit<Extract<Request, { type: 'render' }>, 'type'>,
    onProgress?: (done: number) => void,
  ): Promise<RenderOutcome> {
    const done = this.workers.map(() => 0);
    const replies = await Promise.all(
      this.workers.map((worker, i) =>
        this.ask(worker, { type: 'render', ...request }, 'rendered', (count) => {
          done[i] = count;
          onProgress?.(done.reduce((a, b) => a + b, 0));
        }),
      ),
    );
    return {
      // Every worker walks every page; each counts them all and renders its share.
      pages: replies[0]!.pages,
      rendered: replies.reduce((sum, reply) => sum + reply.rendered, 0),
      outputPaths: replies.flatMap((reply) => reply.outputPaths),
      problems: replies[0]!.problems.map(toError),
      fingerprints: new Map(replies.flatMap((reply) => reply.fingerprints)),
    };
  }

  /** Stops the threads and closes their spool files; once, however often it is called. */
  close(): Promise<void> {
    this.closed ??= Promise.all(this.workers.map((worker) => worker.terminate())).then(() => {
      for (const fd of this.spools) closeSync(fd);
    });
    return this.closed;
  }

  private ask<T extends Reply['type']>(
    worker: Worker,
    request: Request,
    answer: T,
    onProgress?: (done: number) => void,
  ): Promise<Extract<Reply, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (reply: Reply) => {
        if (reply.type === 'progress') return onProgress?.(reply.done);
        cleanup();
        if (reply.type === answer) resolve(reply as Extract<Reply, { type: T }>);
        else if (reply.type === 'failed') reject(new Error(`a build worker failed:\n${reply.stack}`));
        else reject(new Error(`a build worker answered ${reply.type} to ${request.type}`));
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`a build worker stopped (exit code ${code})`));
      };
      const cleanup = () => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(request);
    });
  }
}

function toError(problem: ProblemData): BantinError {
  return new BantinError(problem.message, {
    file: problem.file ?? '',
    ...(problem.line !== undefined && { line: problem.line }),
    ...(problem.column !== undefined && { column: problem.column }),
  });
}
