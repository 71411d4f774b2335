// Fingerprints of what a page shows, so an incremental build re-renders only pages whose inputs changed.
import { hash } from 'node:crypto';
import type { Article } from '../content/article.js';

/** Told of every article a fingerprint describes: what a page shows of the site. */
export type Seen = (article: Article) => void;

/**
 * A short hash of a page's template and context. Articles stand for themselves by their card
 * version (what a list shows of them; a page that shows an article's body adds its full version
 * itself), and groups of articles that a page only counts (sections, tags, archive years) by
 * their length and other fields, so fingerprinting a page costs what it shows, not the size of
 * the site.
 */
export function fingerprint(template: string, context: Record<string, unknown>, seen?: Seen): string {
  // The description is gathered as one text (appending makes a rope, flattened once) and hashed
  // in one call: a call into the hash per value cost more than the hashing.
  return hash('sha1', describe(text(template), context, seen), 'base64url');
}

/**
 * `described` with `value` described after it. Every text goes in with its length before it, so
 * no value can pass for another: a title written to look like the rest of a description
 * describes only itself.
 */
function describe(described: string, value: unknown, seen: Seen | undefined): string {
  if (value === null || typeof value !== 'object') return `${described}${typeof value}${text(String(value))}`;
  if (Array.isArray(value)) {
    let list = `${described}[`;
    for (const item of value) list = describe(list, item, seen);
    return `${list}]`;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.cardVersion === 'string' && typeof record.sourcePath === 'string') {
    seen?.(record as unknown as Article);
    return `${described}A${text(record.cardVersion)}`;
  }
  // A group of articles that a page only counts (a section, a tag, an archive year) stands for
  // its length and its other fields: an archive year for its months with their own lengths.
  const group = Array.isArray(record.articles);
  let fields = group ? `${described}L${(record.articles as unknown[]).length}{` : `${described}{`;
  for (const key of Object.keys(record)) {
    if (group && key === 'articles') continue;
    fields = describe(fields + text(key), record[key], seen);
  }
  return `${fields}}`;
}

/** A text as it goes into a description: its length, then itself. */
function text(value: string): string {
  return `${value.length}:${value}`;
}
