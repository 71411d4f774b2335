// Files of the site that cannot both be written: the same path, the same path in other letter case
// (one file on Windows, macOS and many hosts), or a file where another needs a folder of that name
// (`slug: rss.xml` makes `rss.xml/index.html`, where the feed `rss.xml` goes).
import type { Article } from '../content/article.js';
import { BantinError } from '../errors.js';
import type { StaticFile } from '../static.js';
import type { HashedAssets } from '../theme.js';
import type { PagePlan } from '../render/pages.js';
import { msg, type Message } from '../messages/index.js';

/** Who makes a file of the site: the one a clash is blamed on, or named beside it. */
export type Maker =
  /** `data`: the article's open-data file (`api/articles/<slug>.json`), not its page. */
  | { kind: 'article'; article: Article; data?: boolean }
  | { kind: 'static'; file: string }
  | { kind: 'theme'; file: string }
  | { kind: 'page' };

export interface SiteFile {
  /** Output path, `/`-separated. */
  path: string;
  maker: Maker;
}

type Clash = 'same' | 'case' | 'inside' | 'around';

/**
 * Every clash between `files`, each blamed on the side an editor can change (a static file, then an
 * article, then a theme file); a clash of two pages bantin makes is blamed on `config`, whose
 * permalink made it. Two articles at one address are collect's to report; so are their open-data
 * files, named after the address, which clash exactly when the pages do.
 */
export function fileClashes(files: readonly SiteFile[], config: string): BantinError[] {
  const byKey = new Map<string, SiteFile>();
  const problems = new Map<string, BantinError>();
  const report = (clash: Clash, file: SiteFile, other: SiteFile) => {
    if (file.maker.kind === 'article' && other.maker.kind === 'article' && (clash === 'same' || (clash === 'case' && file.maker.data && other.maker.data))) return;
    const [blamed, named, as] = rank(file) <= rank(other) ? [file, other, clash] : [other, file, flip(clash)];
    const problem = clashProblem(as, blamed, named, config);
    problems.set(`${problem.file}\0${problem.message}`, problem);
  };
  const keys = files.map((file) => fold(file.path));
  files.forEach((file, i) => {
    const first = byKey.get(keys[i]!);
    if (first) report(first.path === file.path ? 'same' : 'case', file, first);
    else byKey.set(keys[i]!, file);
  });
  // A folder on the way to a file that is a file of its own: `rss.xml/index.html` and `rss.xml`.
  // Only a folder named as some file is can be one; most are not, and are passed over unsliced.
  const names = new Set<string>(['index.html']);
  for (const key of byKey.keys()) if (!key.endsWith('/index.html')) names.add(key.slice(key.lastIndexOf('/') + 1));
  const lengths = new Set([...names].map((name) => name.length));
  files.forEach((file, i) => {
    const key = keys[i]!;
    for (let start = 0, slash = key.indexOf('/'); slash !== -1; start = slash + 1, slash = key.indexOf('/', start)) {
      if (!lengths.has(slash - start) || !names.has(key.slice(start, slash))) continue;
      const there = byKey.get(key.slice(0, slash));
      if (there) report('inside', file, there);
    }
  });
  return [...problems.values()];
}

/** A path as a host that ignores letter case and Unicode spelling sees it. */
function fold(path: string): string {
  return UNFOLDED.test(path) ? path.normalize('NFC').toLowerCase() : path;
}

/** A capital letter or a character outside ASCII: what `fold` may change. */
const UNFOLDED = /[^\x00-\x40\x5b-\x7f]/;

const RANKS: Record<Maker['kind'], number> = { static: 0, article: 1, theme: 2, page: 3 };
const rank = (file: SiteFile) => RANKS[file.maker.kind];
const flip = (clash: Clash): Clash => (clash === 'inside' ? 'around' : clash === 'around' ? 'inside' : clash);

/** What the editor sees: where `blamed` would go, what is there already, and what to change. */
function clashProblem(clash: Clash, blamed: SiteFile, other: SiteFile, config: string): BantinError {
  const what = { article: msg(blamed.maker.kind === 'article' && blamed.maker.data ? 'clash.articleData' : 'clash.article'), static: msg('clash.static'), theme: msg('clash.theme'), page: msg('clash.page') }[blamed.maker.kind];
  const named = nameOf(other);
  const why = {
    same: msg('clash.same', { named }),
    case: msg('clash.case', { named, path: other.path }),
    inside: msg('clash.inside', { named, path: other.path }),
    around: msg('clash.around', { named, path: other.path }),
  }[clash];
  const fix = {
    article: msg('clash.fixArticle'),
    static: msg(other.maker.kind === 'article' ? 'clash.fixStaticOrSlug' : 'clash.fixStatic'),
    theme: msg('clash.fixTheme'),
    page: msg('clash.fixPage', { config }),
  }[blamed.maker.kind];
  const where = blamed.maker.kind === 'article'
    ? { file: blamed.maker.article.sourcePath, ...blamed.maker.article.urlAt }
    : { file: blamed.maker.kind === 'page' ? config : blamed.maker.file };
  return new BantinError(msg('clash.problem', { what, path: blamed.path, why, fix }), where);
}

function nameOf(file: SiteFile): Message {
  switch (file.maker.kind) {
    case 'article':
      return msg(file.maker.data ? 'clash.articleDataOf' : 'clash.articlePage', { file: file.maker.article.sourcePath });
    case 'static':
      return msg('clash.staticFile', { file: file.maker.file });
    case 'theme':
      return msg('clash.themeFile', { file: file.maker.file });
    case 'page':
      return msg(file.path.endsWith('.html') ? 'clash.aPage' : 'clash.aFile');
  }
}

/** The pages planned, as files of the site. */
export function plannedFiles(plans: readonly PagePlan[]): SiteFile[] {
  // An old address's page and a standalone page are checked against the others by
  // `pathCollisions` and `pageCollisions`, which blame the alias or the page.
  return plans.filter((plan) => plan.kind !== 'redirect' && plan.kind !== 'page').map((plan) => ({ path: plan.outputPath, maker: makerOf(plan) }));
}

function makerOf(plan: PagePlan): Maker {
  if (plan.kind === 'article') return { kind: 'article', article: plan.article };
  // An article's JSON file goes where its slug says: the article is what an editor changes.
  if (plan.kind === 'openData' && plan.shows === 'article') return { kind: 'article', article: plan.article, data: true };
  return { kind: 'page' };
}

/** The theme's files and the site's static files, as files of the site. */
export function madeBeside(theme: HashedAssets, statics: readonly StaticFile[], show: (path: string) => string): SiteFile[] {
  return [
    ...theme.assets.map((asset): SiteFile => ({ path: asset.outputPath, maker: { kind: 'theme', file: show(asset.sourcePath) } })),
    ...statics.map((file): SiteFile => ({ path: file.outputPath, maker: { kind: 'static', file: file.displayPath } })),
  ];
}
