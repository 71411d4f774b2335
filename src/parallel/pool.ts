// Parsing and rendering on both cores: worker threads parse the article files and hand back the
// articles, then render the pages the build asks for and hand back their text; the build's one
// writer writes them. Each render thread collects the same site from the same articles, so a
// page's index in `planPages` names it on every thread.
import { availableParallelism } from 'node:os';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Article } from '../content/article.js';
import { BantinError, BuildFailure } from '../errors.js';
import type { SourceFile } from '../content/load.js';
import type { ProblemData, RenderJob, RenderStart, ThreadOptions, ThreadReply, ThreadSetup } from './protocol.js';

/**
 * The compiled worker, also when bantin runs from its TypeScript sources (tests): a worker
 * thread runs plain JavaScript, so `npm run compile` must have run.
 */
const WORKER = new URL('../../lib/parallel/worker.js', import.meta.url);

/** Threads a build renders on by default: every core, up to two (see docs/performance.md). */
export const DEFAULT_THREADS = Math.min(2, availableParallelism());

/**
 * Fewer pages to render than this are rendered on the build's own thread: starting a thread
 * (loading the template engine and the Markdown parser again) costs more than it saves.
 */
export const THREADS_FROM_PAGES = 400;

/**
 * Rendering makes many short-lived strings: a larger young generation for the threads (a public
 * option of worker_threads) collects them with fewer, cheaper pauses.
 */
const YOUNG_GENERATION_MB = 64;

/** Batches of pages a thread may have sent and the build not yet written. */
const CREDIT = 4;

/** What every render thread is sent, and the map the index files' words they make come back into (see `SearchWords`). */
export type SharedSetup = Omit<RenderJob, 'articles' | 'indices' | 'credit'> & { searchWords: Map<string, string> };

/**
 * Fewer article files to read and parse than this are parsed on the build's own thread: starting
 * the threads and sending the articles back cost more than half the parsing below it (clean
 * builds in turn, parse threads against none: 1.09x wall at 2,000 articles, 1.07x at 4,000, 0.97x
 * at 10,000, 0.82x at 20,000).
 */
export const PARSE_THREADS_FROM = 10_000;

/**
 * Reads and parses `sources` on `threads` threads, yielding each file's place in `sources` with
 * its article, or with the problems found in it.
 */
export async function* parseOnThreads(options: ThreadOptions, sources: readonly SourceFile[], threads: number): AsyncGenerator<[number, Article | BantinError[]]> {
  // Dealt in runs of files, so that each thread reads its files near each other.
  const shares = Array.from({ length: threads }, (): [number, SourceFile][] => []);
  sources.forEach((source, index) => shares[Math.floor(index / PARSE_RUN) % threads]!.push([index, source]));
  const group = new ThreadGroup();
  try {
    shares.forEach((sources, thread) => group.start(thread, { task: 'parse', options, sources }));
    for await (const [reply] of group.replies()) {
      if (reply.type !== 'parsed') continue;
      for (const [index, parsed] of reply.files) yield [index, Array.isArray(parsed) ? parsed.map(problem) : parsed];
    }
  } finally {
    await group.end();
  }
}

/** Files a thread takes in a row when they are dealt. */
const PARSE_RUN = 64;

/** What the render threads share out: the pages at these indices of the site's plan, in groups. */
export interface RenderShares {
  articles: readonly Article[];
  /** Runs of pages that show the same article's body (its page, its JSON file): dealt whole. */
  groups: readonly (readonly number[])[];
  /** The old generation each thread may grow to, in MB, instead of `heapFor` the cards (tests). */
  heapMb?: number;
}

/** The threads to render on: how to start them, how many, and those started already, if any. */
export interface ThreadsWanted {
  start: RenderStart;
  count: number;
  started?: RenderThreads | undefined;
}

/**
 * Renders the pages at the indices of the site's plan in `groups` on render threads: the ones
 * `started` when their heaps hold the site's cards, else new ones. Yields each page's index and
 * text as they come, and returns how many threads were started again. Throws a BuildFailure
 * naming the problem a thread met. The threads are ended when done.
 */
export async function* renderOnThreads({ start, count, started }: ThreadsWanted, setup: SharedSetup, { articles, groups, heapMb }: RenderShares): AsyncGenerator<[number, string], number> {
  // Serialized once for every thread (and a thread started again), and the measure of what a thread holds.
  const cards = shareBytes(serialize(articles));
  const bound = heapMb ?? heapFor(cards.byteLength);
  const fits = started !== undefined && started.count === count && started.heapMb >= bound;
  if (!fits) void started?.end();
  const threads = fits ? started : new RenderThreads(start, count, bound);
  try {
    return yield* threads.render(setup, cards, groups);
  } finally {
    await threads.end();
  }
}

/**
 * Render threads, started before the site is known (see `startRenderThreads` in write-site.ts):
 * each loads bantin and compiles the templates, then renders the pages it is sent.
 */
export class RenderThreads {
  private readonly group = new ThreadGroup();

  /** `heapMb`: the old generation each may grow to (see `heapFor`); one that outgrows it is started again without a bound. */
  constructor(private readonly start: RenderStart, readonly count: number, readonly heapMb: number) {
    for (let thread = 0; thread < count; thread++) this.group.start(thread, start, heapMb);
  }

  /** With heaps for `cardBytes` of cards (see `heapFor`). */
  static forCards(start: RenderStart, count: number, cardBytes: number): RenderThreads {
    return new RenderThreads(start, count, heapFor(cardBytes));
  }

  async *render({ searchWords, ...shared }: SharedSetup, articles: Uint8Array, groups: readonly (readonly number[])[]): AsyncGenerator<[number, string], number> {
    const { group, count } = this;
    // Dealt in turn, a group at a time: the pages of one group share work (an article's body).
    const shares = Array.from({ length: count }, (_, thread) => groups.filter((_, i) => i % count === thread).flat());
    const credits = shares.map(() => new Int32Array(new SharedArrayBuffer(4)));
    const send = (thread: number, indices: readonly number[]) => {
      credits[thread]!.fill(CREDIT);
      group.send(thread, { ...shared, articles, indices, credit: credits[thread]!.buffer as SharedArrayBuffer });
    };
    const made = new Set<number>();
    let restarts = 0;
    shares.forEach((indices, thread) => send(thread, indices));
    for await (const [reply, thread] of group.replies()) {
      // A thread that outgrew its heap is started again, without a bound, on the pages it had left.
      if (reply.type === 'outOfMemory') {
        group.start(thread, this.start);
        send(thread, shares[thread]!.filter((index) => !made.has(index)));
        restarts++;
      }
      // The index files' words a thread made come back into the build's map, for the record.
      if (reply.type === 'done') for (const [file, words] of reply.searchWords ?? []) searchWords.set(file, words);
      if (reply.type !== 'pages') continue;
      for (const [index, text] of reply.pages) {
        made.add(index);
        yield [index, text];
      }
      // Written: the thread may send one more batch.
      Atomics.add(credits[thread]!, 0, 1);
      Atomics.notify(credits[thread]!, 0);
    }
    return restarts;
  }

  end(): Promise<void> {
    return this.group.end();
  }
}

/**
 * The old generation a render thread may grow to, from the size of the cards it is given: about
 * three times what it holds. Left to itself V8 lets a thread's heap grow to several times what
 * is alive before it collects, and two threads' heaps add up (see docs/performance.md).
 */
function heapFor(cardBytes: number): number {
  return Math.ceil(HEAP_BASE_MB + (HEAP_PER_CARD_BYTE * cardBytes) / 2 ** 20);
}

const HEAP_BASE_MB = 96;
const HEAP_PER_CARD_BYTE = 6;

function shareBytes(bytes: Uint8Array): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  shared.set(bytes);
  return shared;
}

/**
 * Threads started for one task, and what they reply, with the thread's number, until each is
 * done; a thread that failed throws. One that ran out of its heap says so, to be started again.
 */
class ThreadGroup {
  private readonly queue: [ThreadReply, number][] = [];
  private wake: (() => void) | undefined;
  /** Every worker started, and the one now working for each thread number. */
  private readonly workers: Worker[] = [];
  private readonly current = new Map<number, Worker>();
  private running = 0;

  start(thread: number, workerData: ThreadSetup, heapMb?: number): void {
    const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...(heapMb !== undefined && { maxOldGenerationSizeMb: heapMb }) };
    const worker = new Worker(WORKER, { workerData, resourceLimits });
    const tell = (reply: ThreadReply) => {
      this.queue.push([reply, thread]);
      this.wake?.();
    };
    worker.on('message', tell).on('error', (error: NodeJS.ErrnoException) => {
      tell(error.code === 'ERR_WORKER_OUT_OF_MEMORY' && heapMb !== undefined ? { type: 'outOfMemory' } : { type: 'failed', stack: error.stack ?? String(error) });
    });
    this.workers.push(worker);
    this.current.set(thread, worker);
    this.running++;
  }

  /** Sends a render thread its pages: it waits for them once started. */
  send(thread: number, job: RenderJob): void {
    this.current.get(thread)!.postMessage(job);
  }

  async *replies(): AsyncGenerator<[ThreadReply, number]> {
    while (this.running > 0) {
      if (this.queue.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
      const next = this.queue.shift()!;
      if (next[0].type === 'failed') throw failure(next[0]);
      if (next[0].type === 'done' || next[0].type === 'outOfMemory') this.running--;
      yield next;
    }
  }

  async end(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

function problem(data: ProblemData): BantinError {
  return new BantinError(data.detail, {
    file: data.file ?? '',
    ...(data.line !== undefined && { line: data.line }),
    ...(data.column !== undefined && { column: data.column }),
  });
}

function failure(reply: Extract<ThreadReply, { type: 'failed' }>): Error {
  if (!reply.problems) return new Error(`a build thread failed:\n${reply.stack}`);
  return new BuildFailure(reply.problems.map(problem));
}
