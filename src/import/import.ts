// `bantin import`: the old portal's text dumps and saved pages become articles in the content
// folder, each once; the report says what went in, what was there already and what was not.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { CONFIG_FILE, loadConfig, type SiteConfig } from '../config.js';
import { decodeSource } from '../content/load.js';
import { filesUnder } from '../walk.js';
import { BantinError, pathShower } from '../errors.js';
import { articleFileText, articlePath } from './article-file.js';
import { convertArticle, type Converted } from './convert.js';
import { indexContent, rememberImported, sameArticleKey, type ContentIndex } from './existing.js';
import { htmlPageBlocks } from './html-page.js';
import { readPortalArticles } from './portal.js';
import { textDumpBlocks } from './text-dump.js';
import { writeArticleFile } from './write.js';
import { msg, type Message } from '../messages/index.js';

export interface ImportOptions {
  /** Text dumps (`.txt`), saved pages (`.html`, `.htm`), or folders of them. */
  paths: readonly string[];
  /** The site folder. Default: the working folder. */
  root?: string;
  /** Articles. Default: `<root>/content`. */
  contentDir?: string;
  /** Find out what would be written, and write nothing. */
  dryRun?: boolean;
  /** Configuration to use instead of reading `<root>/bantin.yaml`. */
  config?: SiteConfig;
}

/** `imported` (or would be, in a dry run), `present` (already in the content folder), or `skipped`. */
export type ImportStatus = 'imported' | 'present' | 'skipped';

export interface ImportEntry {
  status: ImportStatus;
  /** The source file, as shown to the user, and the line of the bulletin or of its problem. */
  source: string;
  line: number;
  /** The article file, as shown: written, to be written, or already holding the bulletin. */
  file?: string;
  /** Why a bulletin was skipped. */
  reason?: Message;
}

export interface ImportReport {
  entries: ImportEntry[];
  /** Source files read. */
  sources: number;
  dryRun: boolean;
}

interface Context {
  config: SiteConfig;
  contentDir: string;
  show: (path: string) => string;
  index: ContentIndex;
  dryRun: boolean;
}

interface Source {
  path: string;
  /** The name recorded in `importedFrom`: the path inside the folder imported, or the file's name. */
  label: string;
}

const SOURCE_FILES = '**/*.{txt,htm,html}';

export async function importArchive(options: ImportOptions): Promise<ImportReport> {
  const cwd = process.cwd();
  const root = resolve(options.root ?? cwd);
  const show = pathShower(cwd, root);
  const config = options.config ?? loadConfig(join(root, CONFIG_FILE), show(join(root, CONFIG_FILE)));
  const contentDir = resolve(root, options.contentDir ?? 'content');
  const sources = await findSources(options.paths.map((path) => resolve(cwd, path)), show);
  const index = await indexContent(contentDir, show, config.timeZone);
  const context: Context = { config, contentDir, show, index, dryRun: options.dryRun ?? false };
  const entries: ImportEntry[] = [];
  for (const source of sources) entries.push(...(await importSource(source, context)));
  return { entries, sources: sources.length, dryRun: context.dryRun };
}

async function findSources(paths: readonly string[], show: (path: string) => string): Promise<Source[]> {
  const sources: Source[] = [];
  for (const path of paths) {
    if (!existsSync(path)) throw new BantinError(msg('import.nothingThere'), { file: show(path) });
    if (!statSync(path).isDirectory()) {
      sources.push({ path, label: basename(path) });
      continue;
    }
    for (const file of filesUnder(path, SOURCE_FILES, { caseless: true, followLinks: false })) sources.push({ path: join(path, file), label: file });
  }
  return sources;
}

async function importSource(source: Source, context: Context): Promise<ImportEntry[]> {
  const shown = context.show(source.path);
  let text;
  try {
    text = decodeSource(await readFile(source.path), shown);
  } catch (error) {
    if (!(error instanceof BantinError)) throw error;
    return [{ status: 'skipped', source: shown, line: error.line ?? 1, reason: error.detail }];
  }
  const page = /\.html?$/i.test(extname(source.path)) || /^\s*<(!doctype\s+html|html)[\s>]/i.test(text);
  const articles = readPortalArticles(page ? htmlPageBlocks(text) : textDumpBlocks(text));
  if (articles.length === 0) {
    return [{ status: 'skipped', source: shown, line: 1, reason: msg('import.noText') }];
  }
  const entries: ImportEntry[] = [];
  for (const article of articles) {
    const converted = convertArticle(article, source.label, context.config);
    const at = { source: shown, line: article.line };
    entries.push('reason' in converted ? { status: 'skipped', ...at, ...converted } : await place(converted, at, context));
  }
  return entries;
}

/** Writes one article unless the content folder holds it already. */
async function place(converted: Converted, at: { source: string; line: number }, context: Context): Promise<ImportEntry> {
  const { article } = converted;
  const { index, contentDir, show } = context;
  const key = sameArticleKey(article.title, article.date);
  const present = index.importIds.get(article.importId) ?? index.titlesAndDates.get(key);
  if (present !== undefined) return { status: 'present', ...at, file: present };

  // A title whose address another article has gets an address of its own.
  let slug = converted.slug;
  for (let n = 2; index.slugs.has(slug) || existsSync(join(contentDir, articlePath(article.date, slug))); n++) {
    slug = `${converted.slug}-${n}`;
  }
  const relativePath = articlePath(article.date, slug);
  const file = show(join(contentDir, relativePath));
  const text = articleFileText(slug === converted.slug ? article : { ...article, slug });
  if (!context.dryRun) {
    try {
      await writeArticleFile(contentDir, relativePath, text, file);
    } catch (error) {
      return { status: 'skipped', ...at, reason: writeProblem(error) };
    }
  }
  rememberImported(index, file, { importId: article.importId, key, slug });
  return { status: 'imported', ...at, file };
}

/** What went wrong in writing an article, for the report; a bug is thrown on. */
function writeProblem(error: unknown): Message {
  if (error instanceof BantinError) return error.detail;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) throw error;
  return msg('import.writeFailed', { code, detail: (error as Error).message });
}
