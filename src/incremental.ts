// The dependency record: what one build remembers for the next. Which articles each page read (its
// text or its card), under which environment (bantin, configuration, templates, options), and the
// static files copied. `bantin dev` keeps it in memory; `bantin build` keeps it on disk
// (disk-cache.ts). A rebuild parses only the files that changed and renders only the pages whose
// inputs changed; everything else is the same pipeline as a clean build.
import { hash } from 'node:crypto';
import type { Article } from './content/article.js';
import type { Remembered, SourceFile } from './content/load.js';
import type { StaticFile } from './static.js';
import type { PageInputs, PagePlan } from './render/pages.js';
import type { Templates } from './render/templates.js';
import type { RecordedPhoto } from './images/stage.js';

/** What a page read, and a hash of it all. */
export interface PageRecord {
  key: string;
  /** The files of the articles whose whole text it read. */
  full: string[];
  /** The files of the articles whose card it read. */
  cards: string[];
  /** The pictures it shows (their keys: `content/2020/09/anh-cau.jpg`). */
  images: string[];
  /** It reads every article's text (see `PageInputs.everyText`): any text changed touches it. */
  everyText?: true;
}

/** What a page reads, by kind: articles' whole texts, articles' cards, pictures. */
export interface ByRead<T> {
  full: T;
  cards: T;
  images: T;
}

const READS = ['full', 'cards', 'images'] as const;

/** The pages that read each article's text, each article's card, each picture; and those that read every text. */
export type Readers = ByRead<Map<string, string[]>> & { everyText: string[] };

/** An article file as the last build parsed it. */
export interface ParsedFile {
  stamp?: string;
  article: Article;
}

/** What the last build made, for the result of a build that finds nothing changed since. */
export interface BuildSummary {
  articles: number;
  pages: number;
  scheduled: number;
  /** When the first scheduled article is due, ISO 8601 and in milliseconds. */
  nextScheduled?: string;
  /** When the site next changes by itself: a scheduled article falls due, or a pinned notice comes down. */
  due?: number;
  /** The stamps of the standalone pages' files (see `pageFilesStamp`): an edited page is a change. */
  pageFiles?: string;
}

/** What a record tells before its cards are read: enough to see that nothing changed (see `nothingChanged`). */
export type RecordHead = Pick<BuildCache, 'remembered' | 'statics' | 'summary' | 'pictureStamps'>;

export class BuildCache {
  /** Hash of everything outside the content that shapes every page. */
  environment: string | undefined;
  /** Every article file the last build parsed, by its path in the content folder. */
  articles = new Map<string, ParsedFile>();
  /** The shape of the last build's site (see `Site.shape`). */
  shape: string | undefined;
  /** Every page the last build made. */
  pages = new Map<string, PageRecord>();
  /** The static files the last build copied: their output path, and the stamp of the file copied. */
  statics = new Map<string, string>();
  /** The pictures the last build made photos of, by key (see src/images/). */
  images = new Map<string, RecordedPhoto>();
  /** Each index file's folded words, by its name (see `SearchWords`): the directory is made of them. */
  searchWords = new Map<string, string>();
  /** The templates compiled for this environment, by a warm process. */
  templates: Templates | undefined;
  /** The pages that read each text or card (see `Readers`), worked out from `pages` when a rebuild asks. */
  readers: Readers | undefined;
  /** What the last build made. */
  summary: BuildSummary | undefined;

  /** Forgets everything when the environment changed. */
  useEnvironment(environment: string): void {
    if (environment === this.environment) return;
    this.environment = environment;
    this.articles = new Map();
    this.shape = undefined;
    this.pages = new Map();
    this.statics = new Map();
    this.images = new Map();
    this.searchWords = new Map();
    this.templates = undefined;
    this.readers = undefined;
    this.summary = undefined;
  }

  /** The stamps and digests of the files parsed last time: unchanged files are not read again. */
  remembered(): Map<string, Remembered> {
    const known = new Map<string, Remembered>();
    for (const [path, { stamp, article }] of this.articles) if (stamp !== undefined) known.set(path, { stamp, digest: article.version });
    return known;
  }

  /** The stamp of each picture the last build made photos of (see `images`). */
  pictureStamps(): Map<string, string | undefined> {
    return new Map([...this.images].map(([key, { stamp }]) => [key, stamp]));
  }

  /** The article parsed last time from these very bytes, if any. */
  reuse(source: SourceFile): Article | undefined {
    const known = this.articles.get(source.relativePath)?.article;
    return known && known.version === source.digest && known.sourcePath === source.displayPath ? known : undefined;
  }
}

/** What a build finds before it parses: the article and static files, and a picture's stamp by its key. */
export interface FoundFiles {
  sources: readonly SourceFile[];
  statics: readonly StaticFile[];
  pictures: (key: string) => string | undefined;
}

/**
 * Whether a build would make what the last one made: the same article, static and picture files
 * with the same stamps, and no scheduled article come due. Then the pipeline stops after load.
 */
export function nothingChanged(head: RecordHead, { sources, statics, pictures }: FoundFiles, now: number): boolean {
  const { summary } = head;
  if (summary === undefined || (summary.due !== undefined && summary.due <= now)) return false;
  // A file read again (one a watcher says was edited) has no stamp: no need to look further.
  if (!sources.every((source) => source.stamp !== undefined) || statics.length !== head.statics.size) return false;
  const known = head.remembered();
  // With the same articles, the same pictures are shown: each must have the stamp it had.
  return sources.length === known.size && sources.every((source) => known.get(source.relativePath)?.stamp === source.stamp)
    && statics.every((file) => file.stamp !== undefined && head.statics.get(file.outputPath) === file.stamp)
    && [...head.pictureStamps()].every(([key, stamp]) => stamp !== undefined && pictures(key) === stamp);
}

/** What `plan` reads, by `pageInputs`. */
export type InputsOf = (plan: PagePlan) => PageInputs;

/** Which pages to render, and the record of every page for the next build. */
export interface Decision {
  stale: PagePlan[];
  pages: Map<string, PageRecord>;
  /** The pages that read each text or card, when they are the last build's (see `BuildCache.readers`). */
  readers?: Readers;
}

/**
 * Decides which pages must be rendered again. `changed`: the reads that changed, when the site
 * has the last build's shape (see `changedReads`): then every page reads the same articles as
 * before, and only the pages that read a changed one are looked at. Otherwise every page's
 * inputs are worked out and compared with what it read last time.
 */
export function decide(plans: readonly PagePlan[], last: Pick<BuildCache, 'pages' | 'readers'>, inputsOf: InputsOf, changed?: ByRead<ReadonlySet<string>>): Decision {
  const readers = changed && last.pages.size > 0 ? (last.readers ?? readersOf(last.pages)) : undefined;
  const touched = readers && touchedBy(readers, changed!);
  if (touched && changed!.full.size > 0) for (const path of readers!.everyText) touched.add(path);
  // Looking at the touched pages only, the others keep their records as they were.
  const pages = touched ? new Map(last.pages) : new Map<string, PageRecord>();
  const stale: PagePlan[] = [];
  const added: [string, PageRecord][] = [];
  const looked = new Set<string>();
  for (const plan of plans) {
    // A page under a new name (an index file named by its version) is looked at too.
    const known = last.pages.get(plan.outputPath);
    if (touched && !touched.has(plan.outputPath) && known) continue;
    looked.add(plan.outputPath);
    const record = pageRecord(plan, inputsOf(plan));
    pages.set(plan.outputPath, record);
    if (!known) added.push([plan.outputPath, record]);
    if (record.key !== known?.key) stale.push(plan);
  }
  if (!touched || added.length === 0) return { stale, pages, ...(readers && { readers }) };
  // The records of the names no longer made go, and who reads what follows the names.
  const gone = goneRecords(pages, plans, [...touched].filter((path) => !looked.has(path)));
  for (const [path] of gone) pages.delete(path);
  return { stale, pages, readers: renamedReaders(readers!, gone, added) };
}

/**
 * The records of the pages no longer planned. A name goes because what it was made of changed, so
 * its page read that: it is among `suspects`, the touched pages not planned. Should those not
 * account for every record too many, every record is looked at.
 */
function goneRecords(pages: ReadonlyMap<string, PageRecord>, plans: readonly PagePlan[], suspects: readonly string[]): [string, PageRecord][] {
  const gone = suspects.flatMap((path): [string, PageRecord][] => (pages.has(path) ? [[path, pages.get(path)!]] : []));
  if (pages.size - gone.length === plans.length) return gone;
  const planned = new Set(plans.map((plan) => plan.outputPath));
  return [...pages].filter(([path]) => !planned.has(path));
}

/**
 * `readers` after pages were renamed: the `gone` ones read nothing, the `added` ones what their
 * records say. New maps and lists: the last build's stay as they were, should this build fail.
 */
function renamedReaders(readers: Readers, gone: readonly [string, PageRecord][], added: readonly [string, PageRecord][]): Readers {
  const left = new Set(gone.map(([path]) => path));
  const everyText = [...readers.everyText.filter((path) => !left.has(path)), ...added.filter(([, record]) => record.everyText).map(([path]) => path)];
  const next: Readers = { full: new Map(readers.full), cards: new Map(readers.cards), images: new Map(readers.images), everyText };
  for (const kind of READS) {
    const map = next[kind];
    for (const [path, record] of gone) for (const file of record[kind]) map.set(file, (map.get(file) ?? []).filter((reader) => reader !== path));
    for (const [path, record] of added) for (const file of record[kind]) map.set(file, [...(map.get(file) ?? []), path]);
  }
  return next;
}

/** The pages that read a changed text or card. */
function touchedBy(readers: Readers, changed: ByRead<ReadonlySet<string>>): Set<string> {
  const touched = new Set<string>();
  for (const kind of READS) {
    for (const file of changed[kind]) for (const path of readers[kind].get(file) ?? []) touched.add(path);
  }
  return touched;
}

function readersOf(pages: ReadonlyMap<string, PageRecord>): Readers {
  const readers: Readers = { full: new Map(), cards: new Map(), images: new Map(), everyText: [] };
  for (const [path, record] of pages) {
    if (record.everyText) readers.everyText.push(path);
    for (const kind of READS) {
      for (const file of record[kind]) {
        const list = readers[kind].get(file);
        if (list) list.push(path);
        else readers[kind].set(file, [path]);
      }
    }
  }
  return readers;
}

/** What a page's record says it read, and the hash of it with everything else it shows. */
export function pageRecord(plan: PagePlan, inputs: PageInputs): PageRecord {
  // The files' own strings, not new ones: the record of a large site holds millions of reads.
  const full = inputs.full.map((article) => article.relativePath);
  const cards = inputs.cards.map((article) => article.relativePath);
  const images = inputs.images.map((photo) => photo.key);
  let text = `${plan.kind}\0${inputs.structure}\0`;
  for (const article of inputs.full) text += `F${article.relativePath}\0${article.version}\0`;
  for (const article of inputs.cards) text += `C${article.relativePath}\0${article.cardVersion}\0`;
  for (const photo of inputs.images) text += `I${photo.key}\0${photo.digest}\0`;
  return { key: hash('sha1', text, 'base64url'), full, cards, images, ...(inputs.everyText && { everyText: true }) };
}

/** The reads that no longer give what they gave: texts, cards and pictures that changed, or are gone. */
export function changedReads(before: Pick<BuildCache, 'articles' | 'images'>, now: Pick<BuildCache, 'articles' | 'images'>): ByRead<Set<string>> {
  const changed = { full: new Set<string>(), cards: new Set<string>(), images: new Set<string>() };
  for (const [path, { article }] of before.articles) {
    const current = now.articles.get(path)?.article;
    if (current?.version !== article.version) changed.full.add(path);
    if (current?.cardVersion !== article.cardVersion) changed.cards.add(path);
  }
  for (const [key, { photo }] of before.images) {
    if (now.images.get(key)?.photo.digest !== photo.digest) changed.images.add(key);
  }
  return changed;
}
