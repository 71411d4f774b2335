// Check rules for what an article's body links to: other pages of the site, and files.
import { posix } from 'node:path';
import type { Article } from '../content/article.js';
import type { Reference } from '../content/references.js';
import { linkedFile, linkedStatic } from '../content/by-file.js';
import { TEMPLATE_IDS } from '../anchors.js';
import { relativeUrl } from '../render/templates.js';
import { quoted as quote, shortened } from '../errors.js';
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
  /** The static folder as seen from the content folder (`../static`), for links written to its files. */
  staticFolder?: string;
  /** Articles by the path of their file inside the content folder (NFC), for links to `.md` files. */
  bySource: ReadonlyMap<string, Article>;
  /** How many "Did you mean" suggestions were worked out so far, when they are counted. */
  suggested?: { count: number };
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
  /** The ids of an article's page: its `anchors`, or read from its body when the load did not parse it. */
  anchorsOf(article: Article): readonly string[];
}

/**
 * `LinkFacts.anchorsOf` from a way to read an article's ids from its body: each body is read once,
 * and only for an article the load did not parse (whose body has headings but no link).
 */
export function anchorsFrom(read: (article: Article) => string[]): (article: Article) => readonly string[] {
  const known = new Map<Article, string[]>();
  return (article) => {
    if (article.anchors) return article.anchors;
    if (!known.has(article)) known.set(article, read(article));
    return known.get(article)!;
  };
}

/** A placeholder origin for sites that have not said where they live. */
export const NO_ORIGIN = 'https://bantin.invalid';

/** Links to pages of the site that do not exist or to anchors their pages do not have, and images that are not there. */
export function checkLinks(facts: LinkFacts, site: SiteFiles): CheckProblem[] {
  const { article } = facts;
  const problems: CheckProblem[] = [];
  // Pictures are found where the build finds them, beside the article or in static/ (check/photos.ts).
  for (const reference of facts.references) {
    if (reference.kind === 'image') continue;
    const at = { file: article.sourcePath, line: reference.line, column: reference.column };
    // Quoted only for a problem: most links have none.
    const quoted = () => quote(reference.target);
    const byFile = reference.kind === 'link' ? linkedFile(reference.target, facts.relativePath) : undefined;
    if (byFile) {
      problems.push(...fileLinkProblems(reference.target, byFile, facts, site).map((problem) => ({ ...problem, ...at })));
      continue;
    }
    if (reference.kind === 'link' && reference.target.startsWith('#')) {
      const missing = missingAnchor(reference.target, article, facts.anchorsOf(article), true);
      if (missing) problems.push({ severity: 'error', message: msg('check.anchorMissing', { link: quoted(), ...missing }), ...at });
      continue;
    }
    const what = msg('check.link');
    const inStatic = site.staticFolder === undefined ? undefined : linkedStatic(reference.target, facts.relativePath, site.staticFolder);
    if (inStatic !== undefined) {
      if (site.files.get(inStatic)?.kind !== 'static') problems.push({ severity: 'error', message: msg('check.staticMissing', { what, link: quoted(), path: inStatic }), ...at });
      continue;
    }
    const path = sitePath(reference.target, site.basePath + article.url, site);
    if (path === undefined) {
      // Written relative to the page, it climbs out of the site's folder: a page deeper or less deep than it was written for.
      if (/^\.\.?\//.test(reference.target) && sitePath(reference.target, site.basePath + article.url, { ...site, basePath: '/' }) !== undefined) {
        problems.push({ severity: 'error', message: msg('check.climbsOut', { what, link: quoted(), url: article.url }), ...at });
      }
      continue;
    }
    const owner = findFile(site.files, path);

    if (owner?.kind === 'article') {
      const why = facts.unpublished(owner.article);
      if (why && !facts.unpublished(article)) {
        problems.push({
          severity: 'warning',
          message: msg('check.linkUnpublished', { link: quoted(), file: owner.article.sourcePath, why }),
          ...at,
        });
      }
      const missing = missingAnchor(reference.target, owner.article, facts.anchorsOf(owner.article), owner.article === article);
      if (missing) problems.push({ severity: 'error', message: msg('check.anchorMissing', { link: quoted(), ...missing }), ...at });
    }
    if (owner) continue;

    problems.push({ ...nowhere(reference, path, facts, site), ...at });
  }
  return problems;
}

/** Why a link or image that leads to no file of the site is broken, and what to write instead. */
function nowhere(reference: Reference, path: string, facts: LinkFacts, site: SiteFiles): Omit<CheckProblem, 'file'> {
  const { article } = facts;
  const quoted = quote(reference.target);
  const what = reference.kind === 'image' ? 'image' : 'link';
  const source = contentPath(reference.target, facts.relativePath);
  if (source !== undefined && facts.inContent(source)) {
    const folder = what === 'image' ? 'images' : 'files';
    const name = posix.basename(source);
    return {
      severity: 'error',
      message: msg('check.besideArticle', {
        what: msg(what === 'image' ? 'check.image' : 'check.link'),
        link: quoted,
        suggested: `${folder}/${name}`,
        url: relativeUrl(article.outputPath, `${folder}/${name}`),
      }),
    };
  }
  if (what === 'image') {
    return { severity: 'error', message: msg('check.imageMissing', { link: quoted, path: shortened(path) }) };
  }
  return { severity: 'error', message: msg('check.linkNowhere', { link: quoted, path: shortened(path) || msg('check.home'), suggestion: suggestion(path, site, article) }) };
}

/** A link written to an article's file: the file must be an article's, and have the anchor. */
function fileLinkProblems(target: string, to: { file: string; anchor: string }, facts: LinkFacts, site: SiteFiles): Omit<CheckProblem, 'file'>[] {
  // Quoted only for a problem, as in `checkLinks`.
  const quoted = () => quote(target);
  const linked = site.bySource.get(to.file);
  if (!linked) {
    // A file that is there but did not parse has its own problem; this link is not one more.
    if (facts.inContent(to.file)) return [];
    return [{ severity: 'error', message: msg('check.articleFileMissing', { link: quoted(), file: to.file }) }];
  }
  const problems: Omit<CheckProblem, 'file'>[] = [];
  const why = facts.unpublished(linked);
  if (why && !facts.unpublished(facts.article)) {
    problems.push({ severity: 'warning', message: msg('check.linkUnpublished', { link: quoted(), file: linked.sourcePath, why }) });
  }
  const missing = missingAnchor(to.anchor === '' ? '' : `#${to.anchor}`, linked, facts.anchorsOf(linked), linked === facts.article);
  if (missing) problems.push({ severity: 'error', message: msg('check.anchorMissing', { link: quoted(), ...missing }) });
  return problems;
}

/** The parts of 'check.anchorMissing' besides the link. */
type AnchorProblem = { anchor: string; where: Message | string; ids: Message };

/** What is wrong with the `#...` part of a link to an article's page, or undefined. */
function missingAnchor(target: string, article: Article, anchors: readonly string[], samePage: boolean): AnchorProblem | undefined {
  const hash = target.indexOf('#');
  if (hash === -1 || hash === target.length - 1) return undefined;
  let anchor = target.slice(hash + 1);
  try {
    anchor = decodeURIComponent(anchor);
  } catch {
    // Judged as written.
  }
  // The page around the article has ids of its own (the skip link's target, "Các tin khác"...).
  if (anchors.includes(anchor) || TEMPLATE_IDS.has(anchor)) return undefined;
  const where = samePage ? msg('check.thisArticle') : `"${article.title}"`;
  const known = anchors.slice(0, 6).map((id) => `#${id}`).join(', ');
  return { anchor, where, ids: known ? msg('check.anchorIds', { known }) : msg('check.noSuggestion') };
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

/** Broken links given a "Did you mean": each one compares its address with every article's, so an archive full of dead links stays fast. */
const SUGGESTIONS = 50;
/** How many typos a suggestion may be away from the address written. */
const TYPOS = 3;

/** " Did you mean ...?" for a link one small typo away from an article's address. */
function suggestion(path: string, site: SiteFiles, from: Article): Message {
  if (site.suggested !== undefined && site.suggested.count++ >= SUGGESTIONS) return msg('check.noSuggestion');
  const wanted = path.replace(/index\.html$/, '').replace(/\/?$/, '/');
  let best: { article: Article; distance: number } | undefined;
  for (const owner of site.files.values()) {
    if (owner.kind !== 'article' || owner.article === from) continue;
    const distance = editDistance(wanted, owner.article.url, best ? best.distance - 1 : TYPOS);
    if (distance !== undefined) best = { article: owner.article, distance };
  }
  return best ? msg('check.didYouMean', { url: relativeUrl(from.outputPath, best.article.url), title: best.article.title }) : msg('check.noSuggestion');
}

/** The edit distance of two texts when it is at most `most`, else undefined: rows stop as soon as every cell is over it. */
function editDistance(a: string, b: string, most: number): number | undefined {
  if (most < 0 || Math.abs(a.length - b.length) > most) return undefined;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      least = Math.min(least, current[j]!);
    }
    if (least > most) return undefined;
    previous = current;
  }
  return previous[b.length]! <= most ? previous[b.length] : undefined;
}
