// Parsing and rendering on both cores: worker threads parse the article files and hand back the
// articles, then render the pages the build asks for and hand back their bytes; the build's one
// writer writes them. Each render thread collects the same site from the same articles, so a
// page's index in `planPages` names it on every thread.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../content/article.js';
import { BantinError, BuildFailure } from '../errors.js';
import type { SourceFile } from '../content/load.js';
import type { ParseSetup, ProblemData, RenderSetup, ThreadOptions, ThreadReply, ThreadSetup } from './protocol.js';

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

/** What every render thread is given, and the map the index files' words they make come back into (see `SearchWords`). */
export type SharedSetup = Omit<RenderSetup, 'task' | 'articles' | 'indices' | 'credit'> & { searchWords: Map<string, string> };

/**
 * Fewer article files to read and parse than this are parsed on the build's own thread: a file
 * costs less to parse than a page to render, and the threads' start the same.
 */
export const PARSE_THREADS_FROM = 1000;

/**
 * Reads and parses `sources` on `threads` threads, yielding each file's place in `sources` with
 * its article, or with the problems found in it.
 */
export async function* parseOnThreads(options: ThreadOptions, sources: readonly SourceFile[], threads: number): AsyncGenerator<[number, Article | BantinError[]]> {
  // Dealt in runs of files, so that each thread reads its files near each other.
  const shares = Array.from({ length: threads }, (): [number, SourceFile][] => []);
  sources.forEach((source, index) => shares[Math.floor(index / PARSE_RUN) % threads]!.push([index, source]));
  for await (const [reply] of threadReplies(shares.map((share): ParseSetup => ({ task: 'parse', options, sources: share })))) {
    if (reply.type !== 'parsed') continue;
    for (const [index, parsed] of reply.files) yield [index, Array.isArray(parsed) ? parsed.map(problem) : parsed];
  }
}

/** Files a thread takes in a row when they are dealt. */
const PARSE_RUN = 64;

/**
 * Renders the pages at the indices of the site's plan in `groups` on `threads` threads, yielding each page's
 * index and bytes as they come. Throws a BuildFailure naming the problem a thread met.
 */
export async function* renderOnThreads(
  { searchWords, ...setup }: SharedSetup,
  articles: readonly Article[],
  groups: readonly (readonly number[])[],
  threads: number,
): AsyncGenerator<[number, Uint8Array]> {
  // Dealt in turn, a group at a time: the pages of one group share work (an article's body).
  const shares = Array.from({ length: threads }, (_, thread) => groups.filter((_, i) => i % threads === thread).flat());
  const credits = shares.map(() => new Int32Array(new SharedArrayBuffer(4)).fill(CREDIT));
  const setups = shares.map((indices, thread): RenderSetup => ({ ...setup, task: 'render', articles, indices, credit: credits[thread]!.buffer as SharedArrayBuffer }));
  for await (const [reply, thread] of threadReplies(setups)) {
    // The index files' words a thread made come back into the build's map, for the record.
    if (reply.type === 'done') for (const [file, words] of reply.searchWords ?? []) searchWords.set(file, words);
    if (reply.type !== 'pages') continue;
    for (const [index, bytes] of reply.pages) yield [index, new Uint8Array(bytes)];
    // Written: the thread may send one more batch.
    Atomics.add(credits[thread]!, 0, 1);
    Atomics.notify(credits[thread]!, 0);
  }
}

/**
 * Starts a thread for each setup and yields what they reply, with the thread's number, until
 * each is done; a thread that failed throws. The threads end when the caller stops.
 */
async function* threadReplies(setups: readonly ThreadSetup[]): AsyncGenerator<[ThreadReply, number]> {
  const queue: [ThreadReply, number][] = [];
  let wake: (() => void) | undefined;
  const workers = setups.map((workerData, thread) => {
    const worker = new Worker(WORKER, { workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const tell = (reply: ThreadReply) => {
      queue.push([reply, thread]);
      wake?.();
    };
    worker.on('message', tell).on('error', (error) => tell({ type: 'failed', stack: error.stack ?? String(error) }));
    return worker;
  });
  try {
    for (let running = workers.length; running > 0; ) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const next = queue.shift()!;
      if (next[0].type === 'failed') throw failure(next[0]);
      if (next[0].type === 'done') running--;
      yield next;
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
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
