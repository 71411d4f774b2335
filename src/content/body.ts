// An article's body, rendered when a page shows it whole. It is read from its file again then:
// a build holds every article's card, never every article's text.
import { join } from 'node:path';
import type { Article, FullArticle } from './article.js';
import { BantinError } from '../errors.js';
import { nativePath, normalized, readSource, sourceDigest } from './load.js';
import type { MarkdownRenderer } from './markdown.js';
import { msg } from '../messages/index.js';

const decoder = new TextDecoder();

/**
 * The article with its body rendered, read from `contentDir`. A file changed since it was parsed
 * (an editor saved it while the site was building) is a problem: its card would not match it.
 */
export function renderBody(article: Article, contentDir: string, markdown: MarkdownRenderer): FullArticle {
  const html = markdown.render(readBody(article, contentDir), { file: article.sourcePath, line: article.body.line });
  return { ...article, html };
}

/** The Markdown of the article's body, read from `contentDir` and checked as `renderBody` says. */
export function readBody(article: Article, contentDir: string): string {
  const file = article.sourcePath;
  const bytes = readSource({ path: join(contentDir, nativePath(article.relativePath)), displayPath: file });
  if (sourceDigest(article.relativePath, bytes) !== article.version) {
    throw new BantinError(msg('file.changed'), { file });
  }
  // The same bytes the parse checked (the digest says so): decoded again, not checked again.
  return normalized(decoder.decode(bytes)).slice(article.body.offset);
}
