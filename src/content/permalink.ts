// Permalinks: where an article lives, from the site's pattern such as `/:slug/` or `/:year/:month/:slug/`.
import type { PublishedAt } from './dates.js';
import { slugFromTitle } from './slug.js';

export interface Location {
  /** Site-relative URL, no leading slash, trailing slash: `2020/09/bac-kan/`. */
  url: string;
  /** Output file: `2020/09/bac-kan/index.html`. */
  outputPath: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

export function permalink(
  pattern: string,
  fields: { slug: string; publishedAt: PublishedAt; category?: string | undefined },
): Location {
  const { slug, publishedAt, category } = fields;
  const values: Record<string, string> = {
    slug,
    year: String(publishedAt.year),
    month: pad(publishedAt.month),
    day: pad(publishedAt.day),
    category: (category && slugFromTitle(category)) || 'tin',
  };
  const url = pattern.replace(/^\/+/, '').replace(/:(year|month|day|slug|category)\b/g, (_, token: string) => values[token]!);
  return { url, outputPath: `${url}index.html` };
}
