// Fingerprints of what a page shows, so an incremental build re-renders only pages whose inputs changed.
import { createHash } from 'node:crypto';

/**
 * A short hash of a page's template and context. Articles stand for themselves by their card
 * version (what a list shows of them; a page that shows an article's body adds its full version
 * itself), and lists of articles that a page only counts (sections, tags, archive years) by their
 * URL, name and length, so fingerprinting a page costs what it shows, not the size of the site.
 */
export function fingerprint(template: string, context: Record<string, unknown>): string {
  const hash = createHash('sha1');
  hash.update(template);
  feed(hash, context);
  return hash.digest('base64url');
}

type Hash = ReturnType<typeof createHash>;

function feed(hash: Hash, value: unknown): void {
  if (value === null || typeof value !== 'object') {
    hash.update(`${typeof value}:${String(value)};`);
    return;
  }
  if (Array.isArray(value)) {
    hash.update('[');
    for (const item of value) feed(hash, item);
    hash.update(']');
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.cardVersion === 'string' && typeof record.sourcePath === 'string') {
    hash.update(`A:${record.cardVersion};`);
    return;
  }
  if (Array.isArray(record.articles)) {
    hash.update(`L:${String(record.url)}|${String(record.name ?? '')}|${record.articles.length};`);
    return;
  }
  hash.update('{');
  for (const key of Object.keys(record)) {
    hash.update(key);
    feed(hash, record[key]);
  }
  hash.update('}');
}
