// `bantin new --page "Giới thiệu"`: a new standalone page, pages/<slug>.md, ready to write.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE, loadConfig, type SiteConfig } from '../config.js';
import { SLUG_WORDS, slugFromTitle } from '../content/slug.js';
import { BantinError, pathShower } from '../errors.js';
import { locales } from '../locales.js';
import { msg } from '../messages/index.js';

export interface NewPageOptions {
  title: string;
  /** The site folder. Default: the working folder. */
  root?: string;
  /** Configuration to use instead of reading `<root>/bantin.yaml`. */
  config?: SiteConfig;
}

/** Writes `pages/<slug>.md`; never replaces a file. Returns its path and the path shown to the user. */
export async function newPage(options: NewPageOptions): Promise<{ path: string; displayPath: string }> {
  const cwd = process.cwd();
  const root = resolve(options.root ?? cwd);
  const show = pathShower(cwd, root);
  const config = options.config ?? loadConfig(join(root, CONFIG_FILE), show(join(root, CONFIG_FILE)));
  const t = locales[config.language].strings;
  const slug = slugFromTitle(options.title, config.language) || SLUG_WORDS[config.language].page;
  const path = join(root, 'pages', `${slug}.md`);
  const displayPath = show(path);
  const text = [
    '---',
    `title: ${JSON.stringify(options.title)}`,
    `description: ""  # ${t.newPageDescription}`,
    `menu: false  # ${t.newPageMenu}`,
    `footer: true  # ${t.newPageFooter}`,
    '---',
    '',
    '',
  ].join('\n');
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new BantinError(msg('page.exists'), { file: displayPath });
  }
  return { path, displayPath };
}
