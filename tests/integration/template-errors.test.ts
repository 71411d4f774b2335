// A template error met while rendering one article's page or list item names that article, as well
// as the template's file and line: the value that broke it is the article's.
import { describe, expect, it } from 'vitest';
import { build, BuildFailure, MemoryWriter } from '../../src/index.js';
import { article, makeSite } from '../helpers/site.js';

const withSource = article({ title: 'Có nguồn', source: 'Báo Bắc Kạn', date: '2020-09-09' });
const withoutSource = article({ title: 'Không nguồn' });

async function failure(files: Record<string, string>): Promise<string[]> {
  const error = await build({ root: await makeSite(files), writer: new MemoryWriter() }).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(BuildFailure);
  return (error as BuildFailure).problems.map((problem) => problem.format());
}

describe('a template error caused by an article', () => {
  it('on its page names the article, the template and its line', async () => {
    const printed = await failure({
      'content/co-nguon.md': withSource,
      'content/khong-nguon.md': withoutSource,
      'templates/article.njk': '{% extends "base.njk" %}{% block main %}\n<p>{{ article.data.source.toUpperCase() }}</p>\n{% endblock %}\n',
    });
    expect(printed).toEqual([expect.stringMatching(/^templates\/article\.njk:2:\d+ {2}Template error while making the page of content\/khong-nguon\.md: Unable to call `article\["data"\]\["source"\]\["toUpperCase"\]`/)]);
  });

  it('in its list item names the article, not only the list page that showed it', async () => {
    const printed = await failure({
      'content/co-nguon.md': withSource,
      'content/khong-nguon.md': withoutSource,
      'templates/partials/article-item.njk': '<p>{{ item.title }}</p>\n<p>{{ item.data.source.toUpperCase() }}</p>\n',
    });
    expect(printed).toEqual([expect.stringMatching(/^templates\/partials\/article-item\.njk:2:\d+ {2}Template error while making the list item of content\/khong-nguon\.md: /)]);
  });

  it('elsewhere names the page being made', async () => {
    const printed = await failure({
      'content/a.md': withSource,
      'templates/terms.njk': '{{ heading.nothing.toUpperCase() }}\n',
    });
    expect(printed).toEqual([expect.stringMatching(/^templates\/terms\.njk(:\d+:\d+)? {2}Template error while making chuyen-muc\/index\.html: /)]);
  });

  it('names the same article when the page is rendered on a thread', async () => {
    const files: Record<string, string> = { 'templates/article.njk': '{{ article.data.source.toUpperCase() }}\n' };
    for (let i = 0; i < 420; i++) files[`content/${i}.md`] = article({ title: `Tin ${i}`, source: 'Báo', date: '2020-09-08' });
    files['content/zz.md'] = withoutSource;
    const error = await build({ root: await makeSite(files), writer: new MemoryWriter(), threads: 2 }).then(() => undefined, (caught: unknown) => caught);
    expect((error as BuildFailure).problems.map((problem) => problem.format())).toEqual([
      expect.stringMatching(/^templates\/article\.njk(:\d+:\d+)? {2}Template error while making the page of content\/zz\.md: /),
    ]);
  });
});
