// An article's body, rendered when a page shows it whole. It is read from its file again then:
// a build holds every article's card, never every article's text.
import { join } from 'node:path';
import type { Article, FullArticle } from './article.js';
import { BantinError } from '../errors.js';
import { nativePath, normalized, readSource, sourceDigest } from './load.js';
import type { MarkdownRenderer } from './markdown.js';

const decoder = new TextDecoder();

/**
 * The article with its body rendered, read from `contentDir`. A file changed since it was parsed
 * (an editor saved it while the site was building) is a problem: its card would not match it.
 */
export function renderBody(article: Article, contentDir: string, markdown: MarkdownRenderer): FullArticle {
  const file = article.sourcePath;
  const bytes = readSource({ path: join(contentDir, nativePath(article.relativePath)), displayPath: file });
  if (sourceDigest(article.relativePath, bytes) !== article.version) {
    throw new BantinError('The file changed while the site was being built. Build again.', { file });
  }
  // The same bytes the parse checked (the digest says so): decoded again, not checked again.
  const text = normalized(decoder.decode(bytes));
  const html = markdown.render(text.slice(article.body.offset), { file, line: article.body.line });
  return { ...article, html };
}
