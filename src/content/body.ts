// An article's body, rendered when a page shows it whole. It is read from its file again then:
// a build holds every article's card, never every article's text.
import { join } from 'node:path';
import type { Article, FullArticle } from './article.js';
import { BantinError } from '../errors.js';
import { nativePath, normalized, readSource, sourceDigest } from './load.js';
import type { MarkdownRenderer } from './markdown.js';
import { NO_PHOTOS, type SitePhotos } from '../images/site-photos.js';
import { relativeUrl } from '../render/templates.js';

const decoder = new TextDecoder();

/**
 * The article with its body rendered, read from `contentDir`. A file changed since it was parsed
 * (an editor saved it while the site was building) is a problem: its card would not match it.
 */
export function renderBody(article: Article, contentDir: string, markdown: MarkdownRenderer, photos: SitePhotos = NO_PHOTOS): FullArticle {
  // A photo's files are linked from the article's page; the first is seen at once unless a cover is above it.
  const bodyPhotos = { find: (target: string) => photos.at(article, target), root: relativeUrl(article.outputPath, ''), firstEager: !photos.cover(article) };
  const html = markdown.render(readBody(article, contentDir), { file: article.sourcePath, line: article.body.line }, bodyPhotos);
  return { ...article, html };
}

/** The Markdown of the article's body, read from `contentDir` and checked as `renderBody` says. */
export function readBody(article: Article, contentDir: string): string {
  const file = article.sourcePath;
  const bytes = readSource({ path: join(contentDir, nativePath(article.relativePath)), displayPath: file });
  if (sourceDigest(article.relativePath, bytes) !== article.version) {
    throw new BantinError('The file changed while the site was being built. Build again.', { file });
  }
  // The same bytes the parse checked (the digest says so): decoded again, not checked again.
  return normalized(decoder.decode(bytes)).slice(article.body.offset);
}
