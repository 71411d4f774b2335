// The build, start to finish: load -> parse -> collect -> render -> write.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { parseArticle } from './content/article.js';
import { loadSources } from './content/load.js';
import { createMarkdown } from './content/markdown.js';
import { collect } from './collect/site.js';
import { CONFIG_FILE, loadConfig, type SiteConfig } from './config.js';
import { BantinError, BuildFailure, collectProblems, pathShower } from './errors.js';
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
  /** Stops the build (Ctrl-C): what was written so far is thrown away, the previous output stays. */
  signal?: AbortSignal;
}

export interface BuildResult {
  articles: number;
  /** HTML pages written. */
  pages: number;
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
  const root = resolve(options.root ?? cwd);
  const contentDir = resolve(root, options.contentDir ?? 'content');
  const outDir = resolve(root, options.outDir ?? 'dist');
  const templatesDir = resolve(root, options.templatesDir ?? defaultTemplates(root));
  const templateDirs = templatesDir === BUILTIN_TEMPLATES ? [templatesDir] : [templatesDir, BUILTIN_TEMPLATES];
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
  const parsed = collectProblems(sources, (source) => parseArticle(source, { config: config!, markdown }), problems);
  const locale = locales[config!.language];
  const site = collect(
    parsed,
    { drafts: options.drafts ?? false, routes: locale.routes, relatedCount: config!.relatedCount },
    problems,
  );
  const templates = attempt(() => createTemplates(templateDirs, TEMPLATE_NAMES, locale, show), problems);
  if (problems.length > 0 || !templates) fail();

  options.signal?.throwIfAborted();
  const writer = options.writer ?? new DiskWriter(outDir, { shownOutDir: show(outDir) });
  let pages = 0;
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
      await writer.write(page.outputPath, page.content);
      if (page.outputPath.endsWith('.html')) pages++;
    }
    for (const asset of await loadThemeAssets(templateDirs)) {
      await writer.write(asset.outputPath, asset.content);
    }
    options.signal?.throwIfAborted();
    await writer.commit();
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
    files: writer.count,
    outDir,
    durationMs: performance.now() - started,
    warnings,
  };
}

function defaultTemplates(root: string): string {
  return existsSync(join(root, 'templates')) ? join(root, 'templates') : BUILTIN_TEMPLATES;
}

function attempt<T>(work: () => T, problems: BantinError[]): T | undefined {
  return collectProblems([undefined], work, problems)[0];
}
