// An article's body, rendered when a page shows it whole. It is read from its file again then:
// a build holds every article's card, never every article's text.
import { join, relative, sep } from 'node:path';
import type { Article, FullArticle } from './article.js';
import { BantinError } from '../errors.js';
import { normalized, readSource, sourceDigest } from './load.js';
import { nativePath } from '../walk.js';
import type { MarkdownRenderer } from './markdown.js';
import { msg } from '../messages/index.js';
import { NO_PHOTOS, type SitePhotos } from '../images/site-photos.js';
import { linkedFile, linkedStatic } from './by-file.js';
import { relativeUrl } from '../render/templates.js';

const decoder = new TextDecoder();

/**
 * The article with its body rendered, read from `contentDir`. A file changed since it was parsed
 * (an editor saved it while the site was building) is a problem: its card would not match it.
 */
export function renderBody(article: Article, folders: { contentDir: string; staticDir: string }, markdown: MarkdownRenderer, site: { bySource: ReadonlyMap<string, Article>; photos?: SitePhotos }): FullArticle {
  const { contentDir } = folders;
  const { bySource, photos = NO_PHOTOS } = site;
  // A photo's files are linked from the article's page; the first is seen at once unless a cover is above it.
  const bodyPhotos = { find: (target: string) => photos.at(article, target), root: relativeUrl(article.outputPath, ''), firstEager: !photos.cover(article) };
  // A link to another article's file leads to its page, and one to a file of static/ to that file, from this page.
  const staticFolder = relative(contentDir, folders.staticDir).split(sep).join('/');
  const resolveLink = (target: string) => {
    const linked = linkedFile(target, article.relativePath);
    const to = linked && bySource.get(linked.file);
    if (to) return relativeUrl(article.outputPath, to.url) + (linked.anchor ? `#${encodeURI(linked.anchor)}` : '');
    const file = linkedStatic(target, article.relativePath, staticFolder);
    return file === undefined ? undefined : relativeUrl(article.outputPath, encodeURI(file));
  };
  const html = markdown.render(readBody(article, contentDir), { file: article.sourcePath, line: article.body.line }, resolveLink, bodyPhotos);
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
