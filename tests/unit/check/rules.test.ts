import { describe, expect, it } from 'vitest';
import { checkArticle, SUMMARY_LIMIT } from '../../../src/check/articles.js';
import { checkLinks, NO_ORIGIN, sitePath, type Owner, type SiteFiles } from '../../../src/check/links.js';
import { formatProblem, sortProblems, type CheckProblem } from '../../../src/check/problems.js';
import { msg, say } from '../../../src/messages/index.js';
import type { Article } from '../../../src/content/article.js';
import type { Reference } from '../../../src/content/references.js';
import { makeArticle } from '../../helpers/articles.js';

const english = (problem: CheckProblem | undefined) => problem && say(problem.message, 'en');
const inEnglish = (problem: CheckProblem) => ({ ...problem, message: say(problem.message, 'en') });
/** A message that says exactly `value`, in every language. */
const text = (value: string) => msg('value.text', { value });

const link = (target: string, line = 8, column = 5): Reference => ({ kind: 'link', target, alt: '', line, column });
const image = (target: string, alt = 'Ảnh'): Reference => ({ kind: 'image', target, alt, line: 9, column: 3 });

const here = makeArticle({ title: 'Bài này', anchors: ['phan-2'] });
const other = makeArticle({ title: 'Bài khác', anchors: ['ket-qua', 'fn1'] });
const draft = makeArticle({ title: 'Bản nháp', draft: true });

function siteWith(extra: Record<string, Owner> = {}, basePath = '/'): SiteFiles {
  const files = new Map<string, Owner>([
    ['index.html', { kind: 'page' }],
    ['chuyen-muc/thoi-su/index.html', { kind: 'page' }],
    ['rss.xml', { kind: 'page' }],
    ['images/cau.jpg', { kind: 'static' }],
    ['files/bao cao.pdf', { kind: 'static' }],
    ...[here, other, draft].map((article): [string, Owner] => [article.outputPath, { kind: 'article', article }]),
    ...Object.entries(extra),
  ]);
  return { files, basePath, origin: NO_ORIGIN, bySource: new Map([['2020/09/bai-khac.md', other]]) };
}

function linksOf(references: Reference[], site = siteWith(), options: { inContent?: string[]; article?: Article } = {}) {
  return checkLinks(
    {
      article: options.article ?? here,
      relativePath: '2020/09/bai-nay.md',
      references,
      unpublished: (article) => (article.draft ? msg('check.draft') : undefined),
      inContent: (path) => (options.inContent ?? []).includes(path),
      anchorsOf: (article) => article.anchors ?? [],
    },
    site,
  );
}

describe('links between articles', () => {
  it('accepts links to articles, listings, feeds and static files, from the article\'s own address', () => {
    const ok = ['../bai-khac/', '../bai-khac', '../', '..', '../chuyen-muc/thoi-su/', '../rss.xml', '../files/bao%20cao.pdf', '../bai-khac/#ket-qua', './'];
    expect(linksOf(ok.map((target) => link(target)))).toEqual([]);
  });

  it('ignores other sites, e-mail, telephone and links within the page', () => {
    const elsewhere = ['https://baobackan.vn/', '//cdn.example/x', 'mailto:toasoan@backan.vn', 'tel:+84209', '#phan-2'];
    expect(linksOf(elsewhere.map((target) => link(target)))).toEqual([]);
  });

  it('reports a link that leads nowhere, where it is written, with the closest article', () => {
    expect(linksOf([link('../bai-khak/', 12, 30)]).map(inEnglish)).toEqual([{
      severity: 'error',
      message: 'The link "../bai-khak/" leads nowhere: the site has no page bai-khak/. Did you mean "../bai-khac/" (Bài khác)?',
      file: here.sourcePath,
      line: 12,
      column: 30,
    }]);
  });

  it('picks the closest of several near addresses, and stops guessing after many dead links', () => {
    const near = makeArticle({ title: 'Bài khắc', slug: 'bai-khak' });
    expect(english(linksOf([link('../bai-khakk/')], siteWith({ [near.outputPath]: { kind: 'article', article: near } }))[0])).toContain('Did you mean "../bai-khak/" (Bài khắc)?');
    // An imported archive can hold thousands of dead links; each guess compares with every article.
    const site = { ...siteWith(), suggested: { count: 0 } };
    const messages = linksOf(Array.from({ length: 60 }, () => link('../bai-khak/')), site).map((problem) => english(problem)!);
    expect(messages.filter((message) => message.includes('Did you mean'))).toHaveLength(50);
    expect(messages.at(-1)).toBe('The link "../bai-khak/" leads nowhere: the site has no page bai-khak/.');
  });

  it('does not guess when nothing is close', () => {
    const [problem] = linksOf([link('../hoan-toan-khac-han/')]);
    expect(english(problem)).toBe('The link "../hoan-toan-khac-han/" leads nowhere: the site has no page hoan-toan-khac-han/.');
  });

  it('resolves a link written from the site root, and one in full to the site\'s own address', () => {
    const site = { ...siteWith(), origin: 'https://bantin.backan.example' };
    expect(linksOf([link('/bai-khac/'), link('https://bantin.backan.example/bai-khac/')], site)).toEqual([]);
    expect(linksOf([link('https://bantin.backan.example/mat-tich/')], site)).toHaveLength(1);
  });

  it('in a sub-folder, checks the site\'s own pages and leaves the rest of the host alone', () => {
    const site = siteWith({}, '/bantin/');
    expect(linksOf([link('../bai-khac/'), link('/bantin/bai-khac/'), link('/gioi-thieu/')], site)).toEqual([]);
    expect(linksOf([link('/bantin/khong-co/')], site)).toHaveLength(1);
  });

  it('accepts a link to an article\'s file, relative to the file it is written in, with its anchors', () => {
    expect(linksOf([link('bai-khac.md'), link('./bai-khac.md#ket-qua'), link('../09/bai-khac.md#fn1'), link('../../2020/09/bai-khac.md')])).toEqual([]);
  });

  it('reports a link to an article file that is not there, or to an anchor its page does not have', () => {
    const [missing, anchor, own] = linksOf([link('bai-mat.md', 4, 2), link('bai-khac.md#ket-qa', 5, 3), link('#phan-3', 6, 4)]);
    expect(missing).toMatchObject({ severity: 'error', line: 4, column: 2 });
    expect(english(missing)).toContain('the article file 2020/09/bai-mat.md');
    expect(anchor).toMatchObject({ severity: 'error', line: 5, column: 3 });
    expect(english(anchor)).toContain('"Bài khác" has no heading or footnote with that id. Its ids: #ket-qua, #fn1.');
    expect(own).toMatchObject({ severity: 'error', line: 6, column: 4 });
    expect(english(own)).toContain('this article has no heading');
    expect(own && say(own.message, 'vi')).toContain('bài này');
    expect(english(linksOf([link('../bai-khac/#khong-co')])[0])).toContain('"#khong-co"');
  });

  it('warns about a link to a draft, which leads nowhere until it is published', () => {
    const [problem] = linksOf([link('../ban-nhap/')]);
    expect(problem).toMatchObject({ severity: 'warning', message: msg('check.linkUnpublished', expect.objectContaining({ why: msg('check.draft') })) });
    // A draft linking to a draft is fine: both are published together, or not at all.
    expect(linksOf([link('../ban-nhap/')], siteWith(), { article: draft })).toEqual([]);
  });
});

describe('images', () => {
  it('are left to the photo rules, which find them where the build does (tests/unit/photo-places.test.ts)', () => {
    expect(linksOf([image('../images/mat.jpg'), image('anh-cau.jpg', '')], siteWith(), { inContent: ['2020/09/anh-cau.jpg'] })).toEqual([]);
  });
});

describe('sitePath', () => {
  const site = { basePath: '/', origin: NO_ORIGIN };
  it('resolves like a browser, from the page\'s address', () => {
    expect(sitePath('../a/', '/2020/09/bai/', site)).toBe('2020/09/a/');
    expect(sitePath('../../../../../a/', '/bai/', site)).toBe('a/');
    expect(sitePath('anh.jpg?v=2#x', '/bai/', site)).toBe('bai/anh.jpg');
    expect(sitePath('../b%C3%A0i/', '/x/', site)).toBe('bài/');
  });
});

describe('article rules', () => {
  const facts = ({ html = '<p>x</p>', ...fields }: Partial<Article> & { html?: string }, references: Reference[] = []) => ({
    article: { ...here, ...fields },
    html,
    bodyLine: 7,
    references,
    locate: (field: string) => (field === 'summary' ? { line: 5, column: 10 } : undefined),
  });

  it('warns about an empty body at the line where the text should start', () => {
    expect(checkArticle(facts({ html: '' })).map(inEnglish)).toEqual([{
      severity: 'warning',
      message: 'The article has no text: write it below the front-matter (after the second "---").',
      file: here.sourcePath,
      line: 7,
      column: 1,
    }]);
    expect(checkArticle(facts({ html: '<p><img src="a.jpg" alt="x"></p>' }))).toEqual([]);
  });

  it(`warns about a summary over ${SUMMARY_LIMIT} characters, counting letters, not bytes`, () => {
    expect(checkArticle(facts({ summary: 'ắ'.repeat(SUMMARY_LIMIT) }))).toEqual([]);
    const [problem] = checkArticle(facts({ summary: 'ắ'.repeat(SUMMARY_LIMIT + 1) }));
    expect(problem).toMatchObject({ severity: 'warning', line: 5, column: 10 });
    expect(english(problem)).toMatch(/^The summary is 301 characters long; keep it under 300/);
  });
});

describe('problem lines', () => {
  it('read path:line:column  severity  message', () => {
    expect(formatProblem({ severity: 'error', message: text('Sai.'), file: 'content/a.md', line: 3, column: 7 })).toBe('content/a.md:3:7  error  Sai.');
    expect(formatProblem({ severity: 'warning', message: text('Lưu ý.'), file: 'bantin.yaml' })).toBe('bantin.yaml  warning  Lưu ý.');
    expect(formatProblem({ severity: 'error', message: text('Sai.'), file: 'a.md', line: 1 }, 'en', true)).toBe('a.md:1  \x1b[31merror\x1b[39m  Sai.');
    expect(formatProblem({ severity: 'warning', message: text('Lưu ý.'), file: 'bantin.yaml' }, 'vi')).toBe('bantin.yaml  cảnh báo  Lưu ý.');
  });

  it('come in file and line order', () => {
    const sorted = sortProblems([
      { severity: 'error', message: text('3'), file: 'content/b.md', line: 1 },
      { severity: 'error', message: text('2'), file: 'content/a.md', line: 10, column: 2 },
      { severity: 'error', message: text('1'), file: 'content/a.md', line: 2 },
    ]);
    expect(sorted.map(english)).toEqual(['1', '2', '3']);
  });
});
