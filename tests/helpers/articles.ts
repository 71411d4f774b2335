// Articles made in memory, for tests of the stages after parsing.
import type { Article } from '../../src/content/article.js';
import { parseDate } from '../../src/content/dates.js';
import { slugFromTitle } from '../../src/content/slug.js';

export function makeArticle(fields: Partial<Omit<Article, 'publishedAt'>> & { title: string; date?: string }): Article {
  const slug = fields.slug ?? slugFromTitle(fields.title);
  const { date = '2020-09-08', ...rest } = fields;
  return {
    sourcePath: `content/${slug}.md`,
    relativePath: `${slug}.md`,
    body: { offset: 0, line: 1 },
    version: `${slug}@${date}`,
    cardVersion: `${slug}@${date}`,
    textVersion: `${slug}@${date}`,
    slug,
    url: `${slug}/`,
    outputPath: `${slug}/index.html`,
    publishedAt: parseDate(date),
    author: fields.authors?.join(', ') ?? fields.author ?? 'Minh Hiệp',
    authors: fields.authors ?? [fields.author ?? 'Minh Hiệp'],
    pinned: false,
    featured: false,
    summary: '',
    tags: [],
    draft: false,
    data: {},
    text: 'x',
    images: [],
    aliases: [],
    references: [],
    anchors: [],
    ...rest,
  };
}
