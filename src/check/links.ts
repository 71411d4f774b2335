// Check rules for what an article's body points to: other pages of the site, files, and images.
import { posix } from 'node:path';
import type { Article } from '../content/article.js';
import type { Reference } from '../content/references.js';
import { relativeUrl } from '../render/templates.js';
import type { CheckProblem } from './problems.js';
import { msg, type Message } from '../messages/index.js';

/** What puts a file into the built site. */
export type Owner =
  | { kind: 'article'; article: Article }
  | { kind: 'page' }
  | { kind: 'static' }
  | { kind: 'theme' };

export interface SiteFiles {
  /** Every file of the built site, by output path (`tin-mau/index.html`, `images/a.jpg`). */
  files: ReadonlyMap<string, Owner>;
  /** The folder the site is served from: `/` or `/bantin/`. */
  basePath: string;
  /** Where the site lives (from `baseUrl`), so a link written in full to the site itself is checked too. */
  origin: string;
  /** Articles by the path of their file inside the content folder, for links to `.md` files. */
  bySource: ReadonlyMap<string, Article>;
}

export interface LinkFacts {
  article: Article;
  /** Path of the article's file inside the content folder. */
  relativePath: string;
  references: readonly Reference[];
  /** Why a linked article is not on the site yet ("a draft"...), or undefined when it is. */
  unpublished(article: Article): Message | undefined;
  /** Whether a file exists at this path inside the content folder (an image left beside its article). */
  inContent(relativePath: string): boolean;
}

/** A placeholder origin for sites that have not said where they live. */
export const NO_ORIGIN = 'https://bantin.invalid';

/** Links to pages of the site that do not exist, and images that are not there. */
export function checkLinks(facts: LinkFacts, site: SiteFiles): CheckProblem[] {
  const { article } = facts;
  const problems: CheckProblem[] = [];
  for (const reference of facts.references) {
    const at = { file: article.sourcePath, line: reference.line, column: reference.column };
    const path = sitePath(reference.target, site.basePath + article.url, site);
    if (path === undefined) continue;
    const owner = findFile(site.files, path);
    const quoted = `"${reference.target}"`;
    const what = reference.kind === 'image' ? 'image' : 'link';

    if (owner?.kind === 'article' && what === 'link') {
      const why = facts.unpublished(owner.article);
      if (why && !facts.unpublished(article)) {
        problems.push({
          severity: 'warning',
          message: msg('check.linkUnpublished', { link: quoted, file: owner.article.sourcePath, why }),
          ...at,
        });
      }
    }
    if (owner) continue;

    const source = contentPath(reference.target, facts.relativePath);
    const linked = source === undefined ? undefined : site.bySource.get(source);
    if (linked && what === 'link') {
      problems.push({
        severity: 'error',
        message: msg('check.linkMarkdown', { link: quoted, title: linked.title, url: relativeUrl(article.outputPath, linked.url) }),
        ...at,
      });
    } else if (source !== undefined && !linked && facts.inContent(source)) {
      const folder = what === 'image' ? 'images' : 'files';
      const name = posix.basename(source);
      problems.push({
        severity: 'error',
        message: msg('check.besideArticle', {
          what: msg(what === 'image' ? 'check.image' : 'check.link'),
          link: quoted,
          suggested: `${folder}/${name}`,
          url: relativeUrl(article.outputPath, `${folder}/${name}`),
        }),
        ...at,
      });
    } else if (what === 'image') {
      problems.push({
        severity: 'error',
        message: msg('check.imageMissing', { link: quoted, path }),
        ...at,
      });
    } else {
      problems.push({
        severity: 'error',
        message: msg('check.linkNowhere', { link: quoted, path: path || msg('check.home'), suggestion: suggestion(path, site, article) }),
        ...at,
      });
    }
  }
  return problems;
}

/**
 * The output path a link leads to, as the browser would resolve it from the article's page;
 * undefined for a link to another site, to the same page (`#...`), or to a part of the host
 * outside the site's folder, which bantin cannot see.
 */
export function sitePath(target: string, pageUrl: string, site: Pick<SiteFiles, 'basePath' | 'origin'>): string | undefined {
  if (target === '' || target.startsWith('#')) return undefined;
  let url: URL;
  try {
    url = new URL(target, site.origin + pageUrl);
  } catch {
    return undefined;
  }
  if (url.origin !== site.origin || !url.pathname.startsWith(site.basePath)) return undefined;
  const path = url.pathname.slice(site.basePath.length);
  try {
    return decodeURIComponent(path).normalize('NFC');
  } catch {
    return path;
  }
}

/** The file a site path is served from: `a/` is `a/index.html`; hosts also serve `a` from it. */
function findFile(files: ReadonlyMap<string, Owner>, path: string): Owner | undefined {
  if (path === '' || path.endsWith('/')) return files.get(`${path}index.html`);
  return files.get(path) ?? files.get(`${path}/index.html`);
}

/** Where a relative address leads from an article's file, inside the content folder. */
function contentPath(target: string, relativePath: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\//i.test(target)) return undefined;
  const path = posix.normalize(posix.join(posix.dirname(relativePath), target.replace(/[?#].*$/, '')));
  return path.startsWith('..') ? undefined : path.normalize('NFC');
}

/** " Did you mean ...?" for a link one small typo away from an article's address. */
function suggestion(path: string, site: SiteFiles, from: Article): Message {
  const wanted = path.replace(/index\.html$/, '').replace(/\/?$/, '/');
  let best: { article: Article; distance: number } | undefined;
  for (const owner of site.files.values()) {
    if (owner.kind !== 'article' || owner.article === from) continue;
    const distance = editDistance(wanted, owner.article.url);
    if (distance <= 3 && (!best || distance < best.distance)) best = { article: owner.article, distance };
  }
  return best ? msg('check.didYouMean', { url: relativeUrl(from.outputPath, best.article.url), title: best.article.title }) : msg('check.noSuggestion');
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
