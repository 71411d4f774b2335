// The build, start to finish: load -> parse -> collect -> render -> write.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { parseArticle, sourceVersion, type Article } from './content/article.js';
import { loadSources, type SourceFile } from './content/load.js';
import { createMarkdown } from './content/markdown.js';
import { collect } from './collect/site.js';
import { CONFIG_FILE, loadConfig, type SiteConfig } from './config.js';
import { BantinError, BuildFailure, collectProblems, pathShower } from './errors.js';
import { BuildCache, environmentKey } from './incremental.js';
import { locales } from './locales.js';
import { checkOutputFolder } from './output/safety.js';
import { DiskWriter, type Writer } from './output/writer.js';
import { renderPages, TEMPLATE_NAMES } from './render/pages.js';
import { createTemplates } from './render/templates.js';
import { loadThemeAssets } from './theme.js';

export interface BuildOptions {
  /** The site folder; other paths are relative to it. Default: the working folder. */
  root?: string;
  /** Articles. Default: `<root>/content`. */
  contentDir?: string;
  /** The built site. Default: `<root>/dist`. */
  outDir?: string;
  /** Nunjucks templates and `assets/`. Default: `<root>/templates` if it exists, else bantin's own. */
  templatesDir?: string;
  /** Configuration to use instead of reading `<root>/bantin.yaml`. */
  config?: SiteConfig;
  /** Include articles marked `draft: true`. */
  drafts?: boolean;
  /** Where pages go. Default: a DiskWriter on `outDir`. */
  writer?: Writer;
  /**
   * Memory of the previous build, for rebuilds (`bantin dev`): unchanged articles are not parsed
   * again, and pages whose inputs did not change are kept if the writer can keep them.
   */
  cache?: BuildCache;
  /** Stops the build (Ctrl-C): what was written so far is thrown away, the previous output stays. */
  signal?: AbortSignal;
}

export interface BuildResult {
  articles: number;
  /** HTML pages in the site. */
  pages: number;
  /** Pages, feeds and other generated files rendered by this build; fewer than all when a cache let it keep some. */
  rendered: number;
  /** Every file written: pages, feeds, sitemap, assets. */
  files: number;
  outDir: string;
  durationMs: number;
  /** Things worth fixing that did not stop the build. */
  warnings: string[];
}

/** bantin's own templates, used when a site has none. */
export const BUILTIN_TEMPLATES = resolve(fileURLToPath(new URL('../templates/', import.meta.url)));

/**
 * Builds a site. Throws a BuildFailure listing every problem found in the content, the
 * configuration or the templates; then nothing is written and the previous output stays.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const cwd = process.cwd();
  const { root, contentDir, outDir, templatesDir, templateDirs } = sitePaths(options);
  const show = pathShower(cwd, root);
  const problems: BantinError[] = [];
  const fail = (): never => {
    throw new BuildFailure(problems);
  };

  const config = options.config ?? attempt(() => loadConfig(join(root, CONFIG_FILE), show(join(root, CONFIG_FILE))), problems);
  if (!options.writer) checkOutputFolder(outDir, { contentDir, root, templatesDir });

  const sources = await loadSources(contentDir, show, problems);
  if (!config) fail();
  const markdown = createMarkdown(config!.markdown);
  const cache = options.cache;
  if (cache) cache.useEnvironment(await environmentKey(config!, templateDirs, { drafts: options.drafts }));
  const parse = (source: SourceFile) => parseArticle(source, { config: config!, markdown });
  const parsedNow = new Map<string, Article>();
  const parsed = collectProblems(sources, cache ? (source) => reuseArticle(cache, parsedNow, source, parse) : parse, problems);
  if (cache) cache.articles = parsedNow;
  const locale = locales[config!.language];
  const site = collect(
    parsed,
    { drafts: options.drafts ?? false, routes: locale.routes, relatedCount: config!.relatedCount },
    problems,
  );
  const templates = attempt(() => createTemplates(templateDirs, TEMPLATE_NAMES, locale, show), problems);
  if (problems.length > 0 || !templates) fail();

  options.signal?.throwIfAborted();
  const writer: Writer = options.writer ?? new DiskWriter(outDir, { shownOutDir: show(outDir) });
  let pages = 0;
  let rendered = 0;
  const fingerprints = new Map<string, string>();
  try {
    const written = new Set<string>();
    for (const page of renderPages(site, templates!, config!, locale)) {
      if (written.has(page.outputPath)) {
        throw new BantinError(
          `Two pages would be written to ${page.outputPath}; an article's URL collides with a listing page. Give the article a "slug:" of its own.`,
          { file: show(contentDir) },
        );
      }
      written.add(page.outputPath);
      options.signal?.throwIfAborted();
      if (page.outputPath.endsWith('.html')) pages++;
      if (cache && writer.keep) {
        const fingerprint = page.fingerprint();
        fingerprints.set(page.outputPath, fingerprint);
        if (cache.pages.get(page.outputPath) === fingerprint && writer.keep(page.outputPath)) continue;
      }
      await writer.write(page.outputPath, page.render());
      rendered++;
    }
    for (const asset of await loadThemeAssets(templateDirs)) {
      await writer.write(asset.outputPath, asset.content);
    }
    options.signal?.throwIfAborted();
    await writer.commit();
    if (cache) cache.pages = fingerprints;
  } catch (error) {
    await writer.abort();
    if (error instanceof BantinError) throw new BuildFailure([error]);
    throw error;
  }

  const warnings: string[] = [];
  if (config!.baseUrl === undefined) {
    warnings.push(
      `No baseUrl in ${CONFIG_FILE}: feeds, the sitemap and canonical links need the site's address (e.g. "baseUrl: https://example.gov.vn/") and were left out.`,
    );
  }
  return {
    articles: site.articles.length,
    pages,
    rendered,
    files: writer.count,
    outDir,
    durationMs: performance.now() - started,
    warnings,
  };
}

/** The article parsed last time from the same source, or a fresh parse; remembered in `now`. */
function reuseArticle(
  cache: BuildCache,
  now: Map<string, Article>,
  source: SourceFile,
  parse: (source: SourceFile) => Article,
): Article {
  const version = sourceVersion(source);
  const article = cache.articles.get(version) ?? parse(source);
  now.set(version, article);
  return article;
}

export interface SitePaths {
  root: string;
  contentDir: string;
  outDir: string;
  configFile: string;
  /** The site's templates folder, or bantin's own. */
  templatesDir: string;
  /** Where templates are looked up, in order: the site's, then bantin's. */
  templateDirs: string[];
  staticDir: string;
}

/** The folders of a site, resolved from the build options. */
export function sitePaths(options: Pick<BuildOptions, 'root' | 'contentDir' | 'outDir' | 'templatesDir'>): SitePaths {
  const root = resolve(options.root ?? process.cwd());
  const defaultTemplates = existsSync(join(root, 'templates')) ? join(root, 'templates') : BUILTIN_TEMPLATES;
  const templatesDir = resolve(root, options.templatesDir ?? defaultTemplates);
  return {
    root,
    contentDir: resolve(root, options.contentDir ?? 'content'),
    outDir: resolve(root, options.outDir ?? 'dist'),
    configFile: join(root, CONFIG_FILE),
    templatesDir,
    templateDirs: templatesDir === BUILTIN_TEMPLATES ? [templatesDir] : [templatesDir, BUILTIN_TEMPLATES],
    staticDir: join(root, 'static'),
  };
}

function attempt<T>(work: () => T, problems: BantinError[]): T | undefined {
  return collectProblems([undefined], work, problems)[0];
}
