// Rendering: the collected site becomes pages, articles first, then the listings built from them.
import type { Article } from '../content/article.js';
import type { SiteConfig } from '../config.js';
import { otherNews, type Site } from '../collect.js';
import type { Templates } from './templates.js';

/** One output file. */
export interface Page {
  /** Relative to the output folder, `/`-separated. */
  outputPath: string;
  content: string;
}

/** Text sizes the reader can step through, in percent of their browser's own size. */
export const TEXT_SIZES = [90, 100, 110, 125, 150, 175, 200] as const;

export const TEMPLATE_NAMES = ['article.njk', 'home.njk'] as const;

export function* renderPages(site: Site, templates: Templates, config: SiteConfig): Generator<Page> {
  const shared = {
    site: { title: config.title, description: config.description },
    textSizes: TEXT_SIZES,
  };
  for (const article of site.articles) {
    yield {
      outputPath: article.outputPath,
      content: templates.render('article.njk', {
        ...shared,
        page: pageOf(article.outputPath, article.title, article.summary),
        article,
        otherNews: otherNews(site, article, config.otherNewsCount),
      }),
    };
  }
  yield {
    outputPath: 'index.html',
    content: templates.render('home.njk', {
      ...shared,
      page: pageOf('index.html', config.title, config.description),
      articles: site.articles,
    }),
  };
}

function pageOf(outputPath: string, title: string, description: string) {
  return { outputPath, title, description };
}

export type { Article };
