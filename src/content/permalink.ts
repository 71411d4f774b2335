// Permalinks: where an article lives, from the site's pattern such as `/:slug/` or `/:year/:month/:slug/`.
import type { PublishedAt } from './dates.js';
import { slugFromTitle } from './slug.js';
import { quoted } from '../errors.js';

export interface Location {
  /** Site-relative URL, no leading slash, trailing slash: `2020/09/bac-kan/`. */
  url: string;
  /** Output file: `2020/09/bac-kan/index.html`. */
  outputPath: string;
}

const TOKENS = ['year', 'month', 'day', 'slug', 'section', 'category'] as const;
const EXAMPLES = 'such as "/:slug/" or "/:year/:month/:slug/"';

/**
 * What is wrong with a permalink pattern, as a sentence that says what to write instead, or
 * undefined when it is fine. A pattern becomes a folder path under the output folder, so it may
 * hold only plain names and tokens: nothing that climbs out, means something else on another
 * system, or is decoded into such a thing later.
 */
export function permalinkProblem(pattern: string): string | undefined {
  const shown = quoted(pattern);
  const control = /[\u0000-\u001f\u007f]/.exec(pattern);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `permalink ${shown} contains the invisible character U+${code}; write the pattern with visible characters only, ${EXAMPLES}.`;
  }
  if (pattern.includes('\\')) {
    return `permalink ${shown} contains a backslash; separate the parts with "/", ${EXAMPLES}.`;
  }
  if (pattern.includes('%')) {
    return `permalink ${shown} contains a "%" escape; write the characters themselves, ${EXAMPLES}.`;
  }
  if (/[?#]/.test(pattern)) {
    return `permalink ${shown} contains "?" or "#", which end the path of a URL; use names and tokens only, ${EXAMPLES}.`;
  }
  if (!pattern.startsWith('/') || !pattern.endsWith('/') || pattern.includes('//')) {
    return `permalink ${shown} must start and end with "/" and have no empty part; write a path inside the site, ${EXAMPLES}.`;
  }
  const parts = pattern.slice(1, -1).split('/');
  if (parts.some((part) => part === '.' || part === '..')) {
    return `permalink ${shown} has a "." or ".." part, which would put pages outside the site folder; write a path inside the site, ${EXAMPLES}.`;
  }
  if (!parts.includes(':slug')) {
    return `permalink ${shown} has no :slug part; two articles would share one URL. Write ${EXAMPLES}.`;
  }
  const unknown = new RegExp(`:(?!(${TOKENS.join('|')})\\b)\\w*`).exec(pattern);
  if (unknown) {
    return `permalink ${shown} uses ${quoted(unknown[0])}, which bantin does not know; use :year, :month, :day, :slug or :section.`;
  }
  return undefined;
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
    // `:category` is the older name of `:section`.
    section: (category && slugFromTitle(category)) || 'tin',
  };
  values.category = values.section!;
  const url = pattern.replace(/^\/+/, '').replace(/:(year|month|day|slug|section|category)\b/g, (_, token: string) => values[token]!);
  return { url, outputPath: `${url}index.html` };
}
