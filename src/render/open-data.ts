// Open data: a static JSON API under `api/`, described by schema/open-data.schema.json. Lists of
// articles (the whole site, and each section) paged as `index.json`, `page-2.json`...; one file per
// article with its text; an index of sections; `api/index.json` saying what is where. Dates carry
// their offset and every link is absolute, so the files can be read from anywhere.
import { linkedArticles } from '../content/by-file.js';
import type { Article } from '../content/article.js';
import { toIsoString } from '../content/dates.js';
import type { SiteConfig } from '../config.js';
import type { Site } from '../collect/site.js';
import { pageCount } from '../collect/pagination.js';
import { absolutize } from './feeds.js';
import type { PageInputs } from './pages.js';
import { absoluteUrl, describe } from './seo.js';

/** The version of the files' shape, as the schema names it. */
export const OPEN_DATA_VERSION = 1;

/** One file of the JSON API. */
export type OpenDataPlan = { kind: 'openData'; outputPath: string } & (
  | { shows: 'index' }
  | { shows: 'sections' }
  | { shows: 'list'; title: string; folder: string; articles: readonly Article[]; number: number; perPage: number }
  | { shows: 'article'; article: Article }
);

/** What the JSON files need of the build besides their plan. */
export interface OpenDataContext {
  site: Site;
  config: SiteConfig;
  /** The article with its body rendered. */
  html: (article: Article) => string;
}

/** `api/articles/` and `api/sections/<slug>/`: where each list's pages go. */
const ARTICLES = 'api/articles/';
const SECTIONS = 'api/sections/';

/** The file of page `number` of a list in `folder`. */
function listFile(folder: string, number: number): string {
  return number === 1 ? `${folder}index.json` : `${folder}page-${number}.json`;
}

/** Where an article's file goes: its address, without the last slash, as a `.json` file. */
export function articleFile(article: Article): string {
  return `${ARTICLES}${article.url.replace(/\/$/, '')}.json`;
}

/** An article's own file of the JSON API: planned right after its page, which renders the same body. */
export function articleDataPlan(article: Article): OpenDataPlan {
  return { kind: 'openData', shows: 'article', outputPath: articleFile(article), article };
}

/** The files of the JSON API but the articles' own (see `articleDataPlan`). */
export function planOpenData(site: Site, config: SiteConfig): OpenDataPlan[] {
  const plans: OpenDataPlan[] = [{ kind: 'openData', shows: 'index', outputPath: 'api/index.json' }];
  const lists = (title: string, folder: string, articles: readonly Article[]) => {
    for (let number = 1; number <= pageCount(articles.length, config.openData.perPage); number++) {
      plans.push({ kind: 'openData', shows: 'list', outputPath: listFile(folder, number), title, folder, articles, number, perPage: config.openData.perPage });
    }
  };
  lists(config.title, ARTICLES, site.articles);
  plans.push({ kind: 'openData', shows: 'sections', outputPath: `${SECTIONS}index.json` });
  for (const section of site.sections) lists(section.name, `${SECTIONS}${section.slug}/`, section.articles);
  return plans;
}

/** What a JSON file reads (see `PageInputs`). */
export function openDataInputs(plan: OpenDataPlan, site: Site): Omit<PageInputs, 'images'> {
  switch (plan.shows) {
    case 'article':
      // Its text holds the addresses of the articles it links to by their files, as its page does.
      return { full: [plan.article], cards: linkedArticles(plan.article, site.bySource), structure: '' };
    case 'list': {
      const shown = pageOf(plan.articles, plan.number, plan.perPage);
      return { full: [], cards: shown, structure: JSON.stringify([plan.title, plan.number, plan.articles.length]) };
    }
    case 'sections':
      return { full: [], cards: [], structure: JSON.stringify(site.sections.map((section) => [section.slug, section.articles.length])) };
    case 'index': {
      const newest = site.articles[0];
      return { full: [], cards: [], structure: JSON.stringify([site.articles.length, newest && (newest.updatedAt ?? newest.publishedAt).epochMs]) };
    }
  }
}

function pageOf(articles: readonly Article[], number: number, perPage: number): readonly Article[] {
  return articles.slice((number - 1) * perPage, number * perPage);
}

/** One file of the JSON API, as text. */
export function renderOpenData(plan: OpenDataPlan, context: OpenDataContext): string {
  const { config } = context;
  const link = (path: string) => absoluteUrl(config, path)!;
  let json: unknown;
  switch (plan.shows) {
    case 'index':
      json = apiIndex(context, link);
      break;
    case 'sections':
      json = { version: OPEN_DATA_VERSION, sections: context.site.sections.map((section) => ({
        name: section.name, url: link(section.url), articles: link(listFile(`${SECTIONS}${section.slug}/`, 1)), count: section.articles.length,
      })) };
      break;
    case 'list':
      json = articleList(plan, config, link);
      break;
    case 'article': {
      const url = link(plan.article.url);
      json = { version: OPEN_DATA_VERSION, ...card(plan.article, context.site, link), contentHtml: absolutize(context.html(plan.article), url) };
      break;
    }
  }
  return JSON.stringify(json, null, 2) + '\n';
}

function apiIndex({ site, config }: OpenDataContext, link: (path: string) => string): Record<string, unknown> {
  const { agency, openData } = config;
  return {
    version: OPEN_DATA_VERSION,
    title: config.title,
    ...(config.description && { description: config.description }),
    language: config.language,
    url: link(''),
    ...(agency?.name && { publisher: agency.name }),
    ...(openData.licence && { licence: openData.licence }),
    articles: link(listFile(ARTICLES, 1)),
    sections: link(`${SECTIONS}index.json`),
    count: site.articles.length,
    ...(site.articles[0] && { updated: toIsoString(site.articles[0].updatedAt ?? site.articles[0].publishedAt) }),
  };
}

function articleList(plan: Extract<OpenDataPlan, { shows: 'list' }>, config: SiteConfig, link: (path: string) => string): Record<string, unknown> {
  const { perPage } = plan;
  const pages = pageCount(plan.articles.length, perPage);
  const { number, folder } = plan;
  return {
    version: OPEN_DATA_VERSION,
    title: plan.title,
    page: number,
    pages,
    total: plan.articles.length,
    first: link(listFile(folder, 1)),
    ...(number > 1 && { previous: link(listFile(folder, number - 1)) }),
    ...(number < pages && { next: link(listFile(folder, number + 1)) }),
    items: pageOf(plan.articles, number, perPage).map((article) => ({ ...card(article, undefined, link), json: link(articleFile(article)) })),
  };
}

/** What every file says of an article: its addresses, title, lead, dates, authors, section and tags. */
function card(article: Article, site: Site | undefined, link: (path: string) => string): Record<string, unknown> {
  const links = site?.links.get(article);
  return {
    id: link(article.url),
    url: link(article.url),
    title: article.title,
    summary: describe(article),
    published: toIsoString(article.publishedAt),
    ...(article.updatedAt && { updated: toIsoString(article.updatedAt) }),
    authors: article.authors,
    ...(article.category !== undefined && { section: article.category }),
    tags: article.tags,
    ...(article.featured && { featured: true }),
    ...(links && { authorPages: links.authors.map((term) => link(term.url)) }),
  };
}
