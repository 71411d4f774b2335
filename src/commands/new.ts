// `bantin new "Tiêu đề"`: a new article file with its front-matter filled in, ready to write.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Output } from '../cli.js';
import { CONFIG_FILE, loadConfig, type SiteConfig } from '../config.js';
import { atInstant, toIsoString, type PublishedAt } from '../content/dates.js';
import { SLUG_WORDS, slugFromFile, slugFromTitle } from '../content/slug.js';
import { filesUnder } from '../walk.js';
import { BantinError, BuildFailure, pathShower } from '../errors.js';
import type { Language } from '../locales.js';
import { newPage } from './new-page.js';
import { parseCommand } from './usage.js';
import { msg, say } from '../messages/index.js';

export interface NewArticleOptions {
  title: string;
  /** The site folder. Default: the working folder. */
  root?: string;
  /** Articles. Default: `<root>/content`. */
  contentDir?: string;
  /** Default: the configuration's `defaultAuthor`, else left for the editor to fill in. */
  author?: string;
  category?: string;
  draft?: boolean;
  /** The moment the article is dated, in milliseconds. Default: the clock. */
  now?: number;
  /** Configuration to use instead of reading `<root>/bantin.yaml`. */
  config?: SiteConfig;
}

export interface NewArticle {
  /** Absolute path of the file written. */
  path: string;
  /** The same, as shown to the user. */
  displayPath: string;
  /** The author written, if any: without one the build refuses the article until it is filled in. */
  author: string | undefined;
}

/**
 * Writes `content/<yyyy>/<mm>/<slug>.md`, dated now in the site's time zone. Never replaces a
 * file: if it exists, nothing is written and the error says so.
 */
export async function newArticle(options: NewArticleOptions): Promise<NewArticle> {
  const cwd = process.cwd();
  const root = resolve(options.root ?? cwd);
  const show = pathShower(cwd, root);
  const config = options.config ?? loadConfig(join(root, CONFIG_FILE), show(join(root, CONFIG_FILE)));
  const title = oneLine(options.title);
  const date = atInstant(options.now ?? Date.now(), config.timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const contentDir = resolve(root, options.contentDir ?? 'content');
  const slug = await freeSlug(contentDir, slugFromTitle(title, config.language) || SLUG_WORDS[config.language].article, date);
  const path = resolve(contentDir, String(date.year), pad(date.month), `${slug}.md`);
  const displayPath = show(path);

  const author = options.author ?? config.defaultAuthor;
  const text = articleText({
    title,
    date,
    ...(author !== undefined && { author: oneLine(author) }),
    ...(options.category !== undefined && { category: oneLine(options.category) }),
    draft: options.draft ?? false,
    language: config.language,
  });
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new BantinError(
      msg('new.exists'),
      { file: displayPath },
    );
  }
  return { path, displayPath, author };
}

/**
 * The title's slug, or when an article file of the site already has that name (a recurring
 * headline: "Thông báo", "Lịch công tác tuần"), the slug with the day: `thong-bao-2020-09-08`,
 * then `-2`, `-3`. The name is the article's address for good, so it is unique in the whole
 * content folder, whatever the permalink pattern.
 */
async function freeSlug(contentDir: string, slug: string, date: PublishedAt): Promise<string> {
  const taken = new Set(filesUnder(contentDir, '**/*.md', { caseless: true }).map((file) => slugFromFile(file)));
  const pad = (n: number) => String(n).padStart(2, '0');
  if (!taken.has(slug)) return slug;
  const dated = `${slug}-${date.year}-${pad(date.month)}-${pad(date.day)}`;
  let free = dated;
  for (let n = 2; taken.has(free); n++) free = `${dated}-${n}`;
  return free;
}

export interface ArticleFields {
  title: string;
  date: PublishedAt;
  author?: string;
  category?: string;
  draft: boolean;
  language: Language;
}

/** The text of a new article: front-matter with every field an editor fills in, then an empty body. */
export function articleText(fields: ArticleFields): string {
  // Hints beside the fields an editor fills in, in the site's language.
  const hint = (field: 'author' | 'summary' | 'category' | 'tags') => say(msg(`hint.${field}`), fields.language);
  // JSON strings are YAML double-quoted strings: any title is written safely.
  const quote = (text: string) => JSON.stringify(text);
  const lines = [
    '---',
    `title: ${quote(fields.title)}`,
    `date: ${toIsoString(fields.date)}`,
    `author: ${quote(fields.author ?? '')}${fields.author === undefined ? `  # ${hint('author')}` : ''}`,
    `summary: ""  # ${hint('summary')}`,
    `category: ${quote(fields.category ?? '')}${fields.category === undefined ? `  # ${hint('category')}` : ''}`,
    `tags: []  # ${hint('tags')}`,
    ...(fields.draft ? ['draft: true'] : []),
    '---',
    '',
    '',
  ];
  return lines.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The command: prints the new file's path, so `$EDITOR "$(bantin new "...")"` opens it. */
export async function newCommand(argv: string[], io: Output): Promise<number> {
  const parsed = parseCommand('new', argv, io, {
    positionals: true,
    options: {
      root: { type: 'string' },
      content: { type: 'string' },
      author: { type: 'string' },
      category: { type: 'string' },
      draft: { type: 'boolean' },
      page: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, language } = parsed;
  // Words typed without quotes are still one title.
  const title = oneLine(positionals.join(' '));
  if (title === '') {
    io.err(say(msg('new.noTitle'), language));
    return 2;
  }
  try {
    const created = values.page ? await newPage({ title, ...(values.root !== undefined && { root: values.root }) }) : await newArticle({
      title,
      ...(values.root !== undefined && { root: values.root }),
      ...(values.content !== undefined && { contentDir: values.content }),
      ...(values.author !== undefined && { author: values.author }),
      ...(values.category !== undefined && { category: values.category }),
      draft: values.draft ?? false,
    });
    if (values.quiet) return 0;
    io.out(created.displayPath);
    if ('author' in created && created.author === undefined) {
      io.err(say(msg('new.noAuthor', { file: CONFIG_FILE }), language));
    }
    return 0;
  } catch (error) {
    if (!(error instanceof BantinError || error instanceof BuildFailure)) throw error;
    for (const problem of error instanceof BuildFailure ? error.problems : [error]) io.err(problem.format(language));
    return 1;
  }
}
