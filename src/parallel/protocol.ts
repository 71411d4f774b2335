// What crosses between a build and its threads, by structured clone.
import type { Article } from '../content/article.js';
import type { SourceFile } from '../content/load.js';
import type { BuildOptions } from '../build.js';
import type { Message } from '../messages/index.js';
import type { SitePhotosData } from '../images/site-photos.js';
import type { StandalonePage } from '../content/pages.js';

/** The options that decide the site: its folders, configuration and visibility. */
export type ThreadOptions = Pick<BuildOptions, 'root' | 'contentDir' | 'templatesDir' | 'config' | 'drafts' | 'future' | 'now'>;

/** What a thread is started for: parse its share of the article files, or render the pages it is sent. */
export type ThreadSetup = ParseSetup | RenderStart;

/** Everything a thread needs to read and parse its share of the article files. */
export interface ParseSetup {
  task: 'parse';
  options: ThreadOptions;
  /** Each file with its place in the build's list of sources. */
  sources: [index: number, source: SourceFile][];
}

/**
 * What a render thread starts with: enough to load bantin and compile the templates, which it
 * may do while the build parses. Then it is sent its `RenderJob`.
 */
export interface RenderStart {
  task: 'render';
  options: ThreadOptions;
  /** Theme file names with their content hashes, as the templates link to them. */
  assetNames: [string, string][];
}

/** Everything else a render thread needs to collect the site and render its share of the pages. */
export interface RenderJob {
  /** The site's photos, as the build made them. */
  photos: SitePhotosData;
  /** The site's published articles, serialized once for every thread (`v8.serialize`). */
  articles: Uint8Array;
  /** The site's standalone pages, rendered. */
  pages: readonly StandalonePage[];
  /** The places in `planPages` of the pages this thread renders. */
  indices: readonly number[];
  /**
   * One 32-bit count of the batches this thread may still send before the build has written
   * them: the thread waits at zero, so pages rendered never pile up in memory.
   */
  credit: SharedArrayBuffer;
}

/** A BantinError, flattened. */
export interface ProblemData {
  /** The catalogue's message: a plain record, said in the editor's language by the command line. */
  detail: Message;
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
}

export type ThreadReply =
  | { type: 'parsed'; files: [index: number, parsed: Article | ProblemData[]][] }
  | { type: 'pages'; pages: [index: number, text: string][] }
  | { type: 'done'; searchWords?: [file: string, words: string][] }
  /** Said for a thread that outgrew the heap it was given (`maxOldGenerationSizeMb`), by the build itself. */
  | { type: 'outOfMemory' }
  | { type: 'failed'; stack: string; problems?: ProblemData[] };
