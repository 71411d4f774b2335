// Messages between a build and its worker threads. Everything here crosses by structured clone.
import type { Article } from '../content/article.js';
import type { SourceFile } from '../content/load.js';
import type { SiteConfig } from '../config.js';
import type { Visibility } from '../collect/schedule.js';

export interface WorkerSetup {
  index: number;
  count: number;
  config: SiteConfig;
  templateDirs: string[];
  cwd: string;
  root: string;
  contentDir: string;
  /** The temporary file this worker keeps article HTML in (see `spool.ts`). */
  spool: number;
}

/** A BantinError, flattened to cross the thread boundary. */
export interface ProblemData {
  message: string;
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
}

export type Request =
  /** Sources not yet read: each worker reads and decodes its own files. */
  | { type: 'parse'; sources: SourceFile[] }
  | {
      type: 'render';
      /** Every article that parsed, in source order, as cards (no HTML). */
      articles: Article[];
      visibility: Visibility;
      staging: string;
      /** Sources of the articles that full-text feeds show, for every worker to parse whole. */
      fullText: SourceFile[];
      /** Theme file names with their content hashes, as the templates link to them. */
      assetNames: [string, string][];
      /** Whether the first worker returns every page's fingerprint, for the next build's cache. */
      fingerprints: boolean;
    };

export type Reply =
  | { type: 'parsed'; articles: (Article | null)[]; problems: ProblemData[] }
  | { type: 'progress'; done: number }
  | {
      type: 'rendered';
      pages: number;
      rendered: number;
      outputPaths: string[];
      problems: ProblemData[];
      fingerprints: [string, string][];
    }
  | { type: 'failed'; stack: string };
