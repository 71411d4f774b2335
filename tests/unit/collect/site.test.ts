import { describe, expect, it } from 'vitest';
import { relatedArticles } from '../../../src/collect/related.js';
import { collect } from '../../../src/collect/site.js';
import { groupTerms, termIndex } from '../../../src/collect/taxonomies.js';
import { locales } from '../../../src/locales.js';
import type { BantinError } from '../../../src/errors.js';
import { makeArticle } from '../../helpers/articles.js';

const options = { drafts: false, routes: locales.vi.routes, relatedCount: 3 };

describe('collect', () => {
  const articles = [
    makeArticle({ title: 'Cam Na Rì', date: '2020-04-18', category: 'Kinh tế', tags: ['nông nghiệp', 'cam'], author: 'Hoàng Lan' }),
    makeArticle({ title: 'Hồng không hạt', date: '2020-10-02', category: 'Kinh tế', tags: ['nông nghiệp'], author: 'Hoàng Lan' }),
    makeArticle({ title: 'Khai giảng', date: '2020-09-05', category: 'Giáo dục', tags: ['học sinh'] }),
    makeArticle({ title: 'Bầu cử', date: '2021-05-23', category: 'Thời sự' }),
    makeArticle({ title: 'Nháp', date: '2021-06-01', category: 'Thời sự', draft: true }),
  ];
  const problems: BantinError[] = [];
  const site = collect(articles, options, problems);

  it('orders articles newest first and leaves drafts out', () => {
    expect(problems).toEqual([]);
    expect(site.articles.map((a) => a.title)).toEqual(['Bầu cử', 'Hồng không hạt', 'Khai giảng', 'Cam Na Rì']);
  });

  it('groups sections, tags and authors with localised URLs', () => {
    expect(site.sections.map((s) => [s.name, s.url, s.articles.length])).toEqual([
      ['Giáo dục', 'chuyen-muc/giao-duc/', 1],
      ['Kinh tế', 'chuyen-muc/kinh-te/', 2],
      ['Thời sự', 'chuyen-muc/thoi-su/', 1],
    ]);
    expect(site.tags.find((t) => t.name === 'nông nghiệp')?.url).toBe('tu-khoa/nong-nghiep/');
    expect(site.authors.map((a) => [a.url, a.articles.length])).toEqual([
      ['tac-gia/hoang-lan/', 2],
      ['tac-gia/minh-hiep/', 2],
    ]);
  });

  it('builds the archive by year and month, newest first', () => {
    expect(site.years.map((y) => [y.url, y.articles.length, y.months.map((m) => m.url)])).toEqual([
      ['luu-tru/2021/', 1, ['luu-tru/2021/05/']],
      ['luu-tru/2020/', 3, ['luu-tru/2020/10/', 'luu-tru/2020/09/', 'luu-tru/2020/04/']],
    ]);
  });

  it('links each article to its older and newer neighbours', () => {
    const links = site.links.get(site.articles[1]!)!;
    expect(links.next?.title).toBe('Bầu cử');
    expect(links.previous?.title).toBe('Khai giảng');
    expect(links.section?.name).toBe('Kinh tế');
    expect(links.tags.map((t) => t.name)).toEqual(['nông nghiệp']);
  });

  it('reports two articles with one URL, naming both files', () => {
    const found: BantinError[] = [];
    collect([makeArticle({ title: 'Tin' }), { ...makeArticle({ title: 'Tin' }), sourcePath: 'content/khac.md' }], options, found);
    expect(found).toHaveLength(1);
    expect(found[0]!.format()).toMatch(/content\/khac\.md.*content\/tin\.md|content\/tin\.md.*content\/khac\.md/);
  });

  it('uses English URL segments for an English site', () => {
    const english = collect(articles, { ...options, routes: locales.en.routes }, []);
    expect(english.sections[0]!.url).toBe('category/giao-duc/');
    expect(english.years[0]!.url).toBe('archive/2021/');
  });
});

describe('related news', () => {
  it('ranks shared tags above a shared section, and recent first on a tie', () => {
    const base = { category: 'Kinh tế' };
    const articles = [
      makeArticle({ title: 'Mới, cùng chuyên mục', date: '2021-03-01', ...base }),
      makeArticle({ title: 'Cũ, cùng hai từ khóa', date: '2019-01-01', tags: ['cam', 'quýt'] }),
      makeArticle({ title: 'Gốc', date: '2020-06-01', tags: ['cam', 'quýt'], ...base }),
      makeArticle({ title: 'Cùng một từ khóa và chuyên mục', date: '2020-01-01', tags: ['cam'], ...base }),
      makeArticle({ title: 'Cũ, cùng chuyên mục', date: '2018-01-01', ...base }),
      makeArticle({ title: 'Không liên quan', date: '2020-06-02', category: 'Giáo dục' }),
    ];
    const site = collect(articles, { ...options, relatedCount: 10 }, []);
    const origin = site.articles.find((a) => a.title === 'Gốc')!;
    expect(site.links.get(origin)!.related.map((a) => a.title)).toEqual([
      'Cũ, cùng hai từ khóa',
      'Cùng một từ khóa và chuyên mục',
      'Mới, cùng chuyên mục',
      'Cũ, cùng chuyên mục',
    ]);
  });

  it('looks at a bounded number of candidates per article, not every article in a big section', () => {
    const articles = Array.from({ length: 5000 }, (_, i) =>
      makeArticle({ title: `Tin số ${i}`, date: `20${10 + (i % 10)}-01-${String(1 + (i % 28)).padStart(2, '0')}`, category: 'Thời sự', tags: ['tỉnh'] }),
    );
    const sections = groupTerms(articles, (a) => [a.category!], 'chuyen-muc');
    const tags = groupTerms(articles, (a) => a.tags, 'tu-khoa');
    const stats = { candidates: 0 };
    const position = new Map(articles.map((article, i) => [article, i]));
    const relatedOf = relatedArticles({ section: termIndex(sections), tag: termIndex(tags), position: (a) => position.get(a)! }, 5, stats);
    for (const article of articles) expect(relatedOf(article)).toHaveLength(5);
    // Two terms each, a window of 25 either side in each: linear in the number of articles.
    expect(stats.candidates).toBeLessThanOrEqual(articles.length * 2 * 51);
    expect(stats.candidates).toBeLessThan(articles.length * articles.length / 10);
  });
});
