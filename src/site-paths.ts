// Where a site's parts are: resolved from the build options, without loading anything else.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The configuration file, at the site root. */
export const CONFIG_FILE = 'bantin.yaml';

/** bantin's own templates. */
export const BUILTIN_TEMPLATES = resolve(fileURLToPath(new URL('../templates/', import.meta.url)));

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
  /** Standalone pages (Giới thiệu, Liên hệ): `<root>/pages`. */
  pagesDir: string;
}

/** The folders of a site, resolved from the build options. */
export function sitePaths(options: { root?: string; contentDir?: string; outDir?: string; templatesDir?: string }): SitePaths {
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
    pagesDir: join(root, 'pages'),
  };
}
