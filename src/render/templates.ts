// Nunjucks adapter: one environment per build, autoescaping on, templates only from the site's folder.
import nunjucks from 'nunjucks';
import { FolderLoader } from './template-loader.js';
import { toIsoString, toRfc822String, formatTime, type PublishedAt } from '../content/dates.js';
import { BantinError } from '../errors.js';
import type { Locale } from '../locales.js';
import { BODY_SIZES, coverHtml, THUMB_SIZES } from '../images/html.js';
import type { Cover } from '../images/site-photos.js';
import { msg, type Message } from '../messages/index.js';

export interface Templates {
  /** Renders a template compiled earlier in this build. */
  render(name: string, context: Record<string, unknown>): string;
}

/** Partials that show one article in a list, each rendered once per article and page depth (the `card` filter). */
export const CARD_PARTIALS = ['partials/article-item.njk', 'partials/news-item.njk', 'partials/article-lead.njk'] as const;

/** What the link filters need to know of the page being rendered. */
export interface PageContext {
  /** Site-relative output path, e.g. `bac-kan/index.html`. */
  outputPath: string;
  /** Link from the site root (for 404.html, which a host serves at any URL). */
  fromRoot?: boolean;
  /** A card rendered once for every page (see the `card` filter): links start from `CARD_ROOT`. */
  card?: boolean;
}

/**
 * Where a card's links start: NUL, which no article, front-matter value or template text can
 * hold (the loader refuses it), so nothing else in a card is taken for it.
 */
const CARD_ROOT = '\u0000';

/** How a page reaches the site's root: `./`, `../../`, or the base path for a page served from the root. */
function rootFrom(page: PageContext, site: { basePath?: string } | undefined): string {
  if (page.card) return CARD_ROOT;
  if (page.fromRoot) return site?.basePath ?? '/';
  return pathToRoot(page.outputPath);
}

type FilterThis = { ctx: { page: PageContext; site?: { basePath?: string; cover?: (item: object) => Cover | undefined } } & Record<string, unknown> };

export interface TemplateOptions {
  locale: Locale;
  /** How a path appears in an error message. */
  show: (path: string) => string;
  /** The hashed names of theme files (`assets/bantin.css` -> `assets/bantin.3f2a9c1b.css`). */
  assetNames?: ReadonlyMap<string, string>;
}

/**
 * Compiles the named templates once, looking in `dirs` in order. Template errors come back as
 * BantinErrors naming the template file and line.
 */
export function createTemplates(dirs: readonly string[], names: readonly string[], options: TemplateOptions): Templates {
  const { locale, show, assetNames = new Map<string, string>() } = options;
  const dir = dirs[0]!;
  const html = environment(dirs, true, locale, assetNames);
  // Plain text (robots.txt) is not HTML: `&` stays `&`.
  const text = environment(dirs, false, locale, assetNames);
  addCardFilter(html, render);

  const compiled = new Map<string, nunjucks.Template>();
  for (const name of names) {
    try {
      compiled.set(name, (PLAIN_TEXT_TEMPLATES.includes(name) ? text : html).getTemplate(name, true));
    } catch (error) {
      throw templateError(error, dir, show, { phase: 'compile' });
    }
  }

  // A card's error, met while the page that shows the card renders: Nunjucks hands the page only its text.
  let cardProblem: BantinError | undefined;
  let depth = 0;
  function render(name: string, context: Record<string, unknown>): string {
    const template = compiled.get(name);
    if (!template) throw new Error(`template ${name} was not compiled for this build`);
    depth++;
    try {
      return template.render(context);
    } catch (error) {
      const problem = cardProblem ?? templateError(error, dir, show, { phase: 'render', making: madeFor(context) });
      cardProblem = depth > 1 ? problem : undefined;
      throw problem;
    } finally {
      depth--;
    }
  }
  return { render };
}

/** Templates of files that are plain text, not HTML or XML: compiled without HTML escaping. */
export const PLAIN_TEXT_TEMPLATES: readonly string[] = ['robots.njk'];

/** A Nunjucks environment on the site's templates folder (the site's own first, then bantin's), with bantin's filters. */
function environment(dirs: readonly string[], autoescape: boolean, locale: Locale, assetNames: ReadonlyMap<string, string>): nunjucks.Environment {
  const env = new nunjucks.Environment(new FolderLoader(dirs), { autoescape, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  addDateFilters(env, locale);
  addLinkFilters(env, assetNames);
  env.addGlobal('t', locale.strings);
  env.addGlobal('language', locale.language);
  env.addGlobal('routes', locale.routes);
  return env;
}

/** A date is shown on every listing its article is in: each format is worked out once per date. */
function addDateFilters(env: nunjucks.Environment, locale: Locale): void {
  env.addFilter('date', remembered((date: PublishedAt) => locale.formatDate(date)));
  env.addFilter('longDate', remembered((date: PublishedAt) => locale.formatLongDate(date)));
  env.addFilter('time', remembered((date: PublishedAt) => formatTime(date)));
  env.addFilter('iso', remembered((date: PublishedAt) => toIsoString(date)));
  env.addFilter('rfc822', remembered((date: PublishedAt) => toRfc822String(date)));
  env.addFilter('month', (month: { year: number; month: number }) => locale.formatMonth(month.year, month.month));
  // A day written in the configuration ("2020-12-01"), said as the site says dates.
  env.addFilter('day', (day: string) => {
    const [year, month, date] = day.split('-').map(Number);
    return locale.formatDate({ year, month, day: date } as PublishedAt);
  });
}

function addLinkFilters(env: nunjucks.Environment, assetNames: ReadonlyMap<string, string>): void {
  /** A site-relative path as a link from the current page, so the site works in any sub-folder. */
  env.addFilter('url', function (this: FilterThis, path: string) {
    return rootFrom(this.ctx.page, this.ctx.site) + withoutLeadingSlashes(path);
  });
  /** A theme file under the name it is written with, as a link. */
  env.addFilter('asset', function (this: FilterThis, path: string) {
    return env.getFilter('url').call(this, assetNames.get(path) ?? path);
  });
  /**
   * A cover as a <picture>, linked from the current page: `cover` above an article and `lead` on
   * the home page are seen at once; a listing's `thumb` loads when scrolled to.
   */
  env.addFilter('picture', function (this: FilterThis, cover: Cover | undefined, kind: 'cover' | 'lead' | 'thumb' = 'cover') {
    if (!cover) return '';
    const thumb = kind === 'thumb';
    const html = coverHtml(cover, { alt: cover.alt, root: rootFrom(this.ctx.page, this.ctx.site), sizes: thumb ? THUMB_SIZES : BODY_SIZES, eager: !thumb });
    return new nunjucks.runtime.SafeString(html);
  });
  /** A link written by the site's editors: a full address as it is, a site path (`/chuyen-muc/`) made relative. */
  env.addFilter('href', function (this: FilterThis, link: string) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('#')) return link;
    return env.getFilter('url').call(this, link);
  });
}

/**
 * An article as a list shows it, rendered once per build and reused on every list that shows
 * it: its links are made from a mark standing for the site's root, which each page replaces
 * with its own way there. The partial sees `item` and `site` only.
 */
function addCardFilter(env: nunjucks.Environment, render: Templates['render']): void {
  const cards = new Map<string, WeakMap<object, [photo: string, html: string]>>();
  env.addFilter('card', function (this: FilterThis, item: object, partial: string = CARD_PARTIALS[0]) {
    const made = cards.get(partial) ?? cards.set(partial, new WeakMap()).get(partial)!;
    // A card shows its cover: a warm process's next build may have made a new photo of it.
    const cover = this.ctx.site?.cover?.(item);
    const photo = cover?.photo?.digest ?? cover?.remote?.url ?? '';
    let html = made.get(item)?.[0] === photo ? made.get(item)![1] : undefined;
    if (html === undefined) made.set(item, [photo, (html = render(partial, { site: this.ctx.site, item, page: { outputPath: 'index.html', card: true } }))]);
    return new nunjucks.runtime.SafeString(html.replaceAll(CARD_ROOT, rootFrom(this.ctx.page, this.ctx.site)));
  });
}

/** The way from the page written at `outputPath` to the site's root: `./`, or `../` once per folder it is in. */
function pathToRoot(outputPath: string): string {
  let depth = 0;
  for (let i = outputPath.indexOf('/'); i !== -1; i = outputPath.indexOf('/', i + 1)) depth++;
  return depth === 0 ? './' : '../'.repeat(depth);
}

function withoutLeadingSlashes(path: string): string {
  let start = 0;
  while (path.charCodeAt(start) === 47 /* / */) start++;
  return start === 0 ? path : path.slice(start);
}

/** A date format that answers for each date object once. */
function remembered(format: (date: PublishedAt) => string): (date: PublishedAt) => string {
  const known = new WeakMap<PublishedAt, string>();
  return (date) => {
    if (typeof date !== 'object' || date === null) return format(date);
    let text = known.get(date);
    if (text === undefined) known.set(date, (text = format(date)));
    return text;
  };
}

/** How to reach `target` (site-relative, `''` for the home page) from the page written at `from`. */
export function relativeUrl(from: string, target: string): string {
  return pathToRoot(from) + withoutLeadingSlashes(target);
}

/** Nunjucks prefixes "(path) [Line L, Column C]" once per template in the chain; the last is the culprit. */
const NUNJUCKS_POSITION = /\(([^)\n]*)\)(?: \[Line (\d+), Column (\d+)\])?/g;

/** What a render was making, for its error to name: an article's page or card, or another page. */
function madeFor(context: Record<string, unknown>): Message | string | undefined {
  const source = (value: unknown) => (value as { sourcePath?: unknown } | undefined)?.sourcePath;
  const item = source(context.item);
  if (typeof item === 'string') return msg('template.listItem', { file: item });
  const article = source(context.article);
  if (typeof article === 'string') return msg('template.pageOf', { file: article });
  const page = (context.page as PageContext | undefined)?.outputPath;
  return page === undefined ? undefined : page;
}

function templateError(
  error: unknown,
  dir: string,
  show: (path: string) => string,
  when: { phase: 'compile' | 'render'; making?: Message | string | undefined },
): BantinError {
  const { phase, making } = when;
  const folder = show(dir);
  const text = error instanceof Error ? error.message : String(error);
  const missing = /template not found: ([^\n]*)/.exec(text);
  if (missing) {
    return new BantinError(msg('template.missing', { name: missing[1]!.trim() }), { file: folder });
  }
  const positions = [...text.matchAll(NUNJUCKS_POSITION)].filter((m) => m[1] !== 'unknown path');
  const culprit = positions.findLast((m) => m[2] !== undefined) ?? positions.at(-1);
  const detail = text
    .split('\n')
    .at(-1)!
    .replace(NUNJUCKS_POSITION, '')
    .replace(/^\s*(Template render error:\s*)?(Error: )?/, '')
    .trim();
  return new BantinError(making === undefined ? msg('template.error', { detail }) : msg('template.errorMaking', { making, detail }), {
    file: culprit?.[1] ? show(culprit[1]) : folder,
    // Nunjucks counts from 1 when it compiles but from 0 when it renders.
    ...(culprit?.[2] !== undefined && {
      line: Number(culprit[2]) + (phase === 'render' ? 1 : 0),
      column: Number(culprit[3]) + (phase === 'render' ? 1 : 0),
    }),
  });
}
