// What one build remembers for the next: parsed articles and page fingerprints, so a rebuild
// after one edit parses one file and renders only the pages that show it.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fg from 'fast-glob';
import type { Article } from './content/article.js';
import type { SiteConfig } from './config.js';

export class BuildCache {
  /** Hash of everything outside the content that shapes every page. */
  environment: string | undefined;
  /** Parsed articles by source version. */
  articles = new Map<string, Article>();
  /** Fingerprint of each page as last written. */
  pages = new Map<string, string>();

  /** Forgets everything when the configuration, templates or bantin itself changed. */
  useEnvironment(environment: string): void {
    if (environment === this.environment) return;
    this.environment = environment;
    this.articles.clear();
    this.pages.clear();
  }
}

const packageJson = new URL('../package.json', import.meta.url);

/** A hash of bantin's version, the configuration, the build options and every template file. */
export async function environmentKey(config: SiteConfig, templateDirs: readonly string[], options: object): Promise<string> {
  const hash = createHash('sha1');
  hash.update(await readFile(packageJson));
  hash.update(JSON.stringify(config));
  hash.update(JSON.stringify(options));
  for (const dir of templateDirs) {
    for (const file of (await fg('**/*', { cwd: dir, onlyFiles: true })).sort()) {
      hash.update(file).update(await readFile(join(dir, file)));
    }
  }
  return hash.digest('base64url');
}
