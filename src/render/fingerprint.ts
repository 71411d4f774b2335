// Fingerprints of what a page shows, so an incremental build re-renders only pages whose inputs changed.
import { createHash } from 'node:crypto';

/**
 * A short hash of a page's template and context. Articles stand for themselves by their card
 * version (what a list shows of them; a page that shows an article's body adds its full version
 * itself), and lists of articles that a page only counts (sections, tags, archive years) by their
 * URL, name and length, so fingerprinting a page costs what it shows, not the size of the site.
 */
export function fingerprint(template: string, context: Record<string, unknown>): string {
  // The description is gathered as one text and hashed once: a call into the hash per value
  // cost more than the hashing.
  const parts = [template];
  describe(parts, context);
  return createHash('sha1').update(parts.join('')).digest('base64url');
}

function describe(parts: string[], value: unknown): void {
  if (value === null || typeof value !== 'object') {
    parts.push(`${typeof value}:${String(value)};`);
    return;
  }
  if (Array.isArray(value)) {
    parts.push('[');
    for (const item of value) describe(parts, item);
    parts.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.cardVersion === 'string' && typeof record.sourcePath === 'string') {
    parts.push(`A:${record.cardVersion};`);
    return;
  }
  if (Array.isArray(record.articles)) {
    parts.push(`L:${String(record.url)}|${String(record.name ?? '')}|${record.articles.length};`);
    return;
  }
  parts.push('{');
  for (const key of Object.keys(record)) {
    parts.push(key);
    describe(parts, record[key]);
  }
  parts.push('}');
}
