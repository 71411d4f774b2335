// Permalinks: where an article lives, from the site's pattern such as `/:slug/` or `/:year/:month/:slug/`.
import type { PublishedAt } from './dates.js';
import { SLUG_WORDS, slugFromTitle } from './slug.js';
import type { Language } from '../locales.js';
import { msg, type Message } from '../messages/index.js';
import { quoted } from '../errors.js';

export interface Location {
  /** Site-relative URL, no leading slash, trailing slash: `2020/09/bac-kan/`. */
  url: string;
  /** Output file: `2020/09/bac-kan/index.html`. */
  outputPath: string;
}

const TOKENS = ['year', 'month', 'day', 'slug', 'section', 'category'] as const;

/**
 * What is wrong with a permalink pattern, as a sentence that says what to write instead, or
 * undefined when it is fine. A pattern becomes a folder path under the output folder, so it may
 * hold only plain names and tokens: nothing that climbs out, means something else on another
 * system, or is decoded into such a thing later.
 */
export function permalinkProblem(pattern: string): Message | undefined {
  const shown = quoted(pattern);
  const control = /[\u0000-\u001f\u007f]/.exec(pattern);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return msg('permalink.invisible', { shown, code });
  }
  if (pattern.includes('\\')) {
    return msg('permalink.backslash', { shown });
  }
  if (pattern.includes('%')) {
    return msg('permalink.percent', { shown });
  }
  if (/[?#]/.test(pattern)) {
    return msg('permalink.query', { shown });
  }
  if (!pattern.startsWith('/') || !pattern.endsWith('/') || pattern.includes('//')) {
    return msg('permalink.slashes', { shown });
  }
  const parts = pattern.slice(1, -1).split('/');
  if (parts.some((part) => part === '.' || part === '..')) {
    return msg('permalink.dots', { shown });
  }
  if (!parts.includes(':slug')) {
    return msg('permalink.noSlug', { shown });
  }
  const unknown = new RegExp(`:(?!(${TOKENS.join('|')})\\b)\\w*`).exec(pattern);
  if (unknown) {
    return msg('permalink.unknown', { shown, token: quoted(unknown[0]) });
  }
  return undefined;
}

const pad = (value: number) => String(value).padStart(2, '0');

export function permalink(
  pattern: string,
  fields: { slug: string; publishedAt: PublishedAt; category?: string | undefined; language?: Language },
): Location {
  const { slug, publishedAt, category, language = 'vi' } = fields;
  const values: Record<string, string> = {
    slug,
    year: String(publishedAt.year),
    month: pad(publishedAt.month),
    day: pad(publishedAt.day),
    // `:category` is the older name of `:section`.
    section: (category && slugFromTitle(category, language)) || SLUG_WORDS[language].section,
  };
  values.category = values.section!;
  const url = pattern.replace(/^\/+/, '').replace(/:(year|month|day|slug|section|category)\b/g, (_, token: string) => values[token]!);
  return { url, outputPath: `${url}index.html` };
}
