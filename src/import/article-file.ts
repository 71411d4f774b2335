// An imported bulletin as a bantin article: its front-matter, its Markdown text and its file name.
import { toYaml } from '../content/yaml.js';
import { toIsoString, type PublishedAt } from '../content/dates.js';

export interface ImportedArticle {
  title: string;
  date: PublishedAt;
  author?: string;
  summary?: string;
  /** The Markdown body, paragraphs separated by blank lines. */
  body: string;
  /** Where it came from, `file:line`, for the editor who wonders. */
  importedFrom: string;
  /** Names the source article: the same article imported again has the same id. */
  importId: string;
  /** An address of its own, when the title's is taken by another article. */
  slug?: string;
}

/** `2020-09-08`, or the moment with the site's offset when the source gave a time of day. */
export function dateText(date: PublishedAt): string {
  return date.hasTime ? toIsoString(date) : toIsoString(date).slice(0, 10);
}

/**
 * The article file. The front-matter is written by the `yaml` library with every text in double
 * quotes, so a title such as `"Tin: 50%" # 1` or `---` is read back exactly as it was.
 */
export function articleFileText(article: ImportedArticle): string {
  const data = {
    title: article.title,
    date: dateText(article.date),
    ...(article.author !== undefined && { author: article.author }),
    ...(article.summary !== undefined && { summary: article.summary }),
    ...(article.slug !== undefined && { slug: article.slug }),
    importedFrom: article.importedFrom,
    importId: article.importId,
  };
  const front = toYaml(data);
  return `---\n${front}---\n\n${article.body}\n`;
}

/** `content/<yyyy>/<mm>/<slug>.md`, relative to the content folder, with `/` separators. */
export function articlePath(date: PublishedAt, slug: string): string {
  return `${String(date.year).padStart(4, '0')}/${String(date.month).padStart(2, '0')}/${slug}.md`;
}
