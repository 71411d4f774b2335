// What the content folder already holds, so that an import adds no article twice and takes no
// address another article has.
import { existsSync } from 'node:fs';
import { parseDate } from '../content/dates.js';
import { parseFrontMatter } from '../content/frontmatter.js';
import { loadSources } from '../content/load.js';
import { slugFromFile, slugFromTitle } from '../content/slug.js';
import { BantinError } from '../errors.js';

/** Each map gives the file (as shown) that holds the key. */
export interface ContentIndex {
  importIds: Map<string, string>;
  /** Keyed by `sameArticleKey`. */
  titlesAndDates: Map<string, string>;
  slugs: Map<string, string>;
}

/** Articles are the same when their titles read the same and they are dated the same day. */
export function sameArticleKey(title: string, day: { year: number; month: number; day: number }): string {
  const words = title.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
  return `${day.year}-${day.month}-${day.day}|${words}`;
}

export function emptyIndex(): ContentIndex {
  return { importIds: new Map(), titlesAndDates: new Map(), slugs: new Map() };
}

/**
 * Reads every article's front-matter. A file bantin cannot read is left out: the build reports
 * it, and it cannot hold an imported article.
 */
export async function indexContent(contentDir: string, show: (path: string) => string, timeZone: string): Promise<ContentIndex> {
  const index = emptyIndex();
  if (!existsSync(contentDir)) return index;
  const sources = await loadSources(contentDir, show, []);
  for (const source of sources) {
    try {
      const { data } = parseFrontMatter(source.text, source.displayPath);
      remember(index, source.displayPath, { data, relativePath: source.relativePath, timeZone });
    } catch (error) {
      if (!(error instanceof BantinError)) throw error;
    }
  }
  return index;
}

interface Entry {
  data: Record<string, unknown>;
  relativePath: string;
  timeZone: string;
}

function remember(index: ContentIndex, file: string, { data, relativePath, timeZone }: Entry): void {
  if (typeof data.importId === 'string') index.importIds.set(data.importId, file);
  const title = typeof data.title === 'string' ? data.title.trim() : '';
  // The slug the file's name gives and the one its title gives are both taken, whichever the site uses.
  const slugs = typeof data.slug === 'string' && data.slug !== '' ? [data.slug] : [slugFromFile(relativePath), slugFromTitle(title)];
  for (const slug of slugs) if (slug !== '') index.slugs.set(slug, file);
  if (title === '' || typeof data.date !== 'string') return;
  try {
    index.titlesAndDates.set(sameArticleKey(title, parseDate(data.date, timeZone)), file);
  } catch {
    // An impossible date is the build's to report; such an article matches nothing imported.
  }
}

/** Adds an article this import writes, so that a later one in the same run sees it. */
export function rememberImported(index: ContentIndex, file: string, fields: { importId: string; key: string; slug: string }): void {
  index.importIds.set(fields.importId, file);
  index.titlesAndDates.set(fields.key, file);
  index.slugs.set(fields.slug, file);
}
