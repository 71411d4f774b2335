import { describe, expect, it } from 'vitest';
import { parseArticle, type FullArticle } from '../../src/content/article.js';
import { createMarkdown } from '../../src/content/markdown.js';
import { defaultConfig, type SiteConfig } from '../../src/config.js';
import { BantinError, BuildFailure } from '../../src/errors.js';

/** The article, with its body rendered as its page renders it (from where the parse says the body starts). */
function parse(text: string, config: SiteConfig = defaultConfig(), relativePath = '2020/09/bai.md'): FullArticle {
  const markdown = createMarkdown({ html: config.markdown.html });
  const article = parseArticle(
    { path: `/site/content/${relativePath}`, relativePath, displayPath: `content/${relativePath}`, text, digest: 'd' },
    { config, markdown },
  );
  return { ...article, html: markdown.render(text.slice(article.body.offset)) };
}

function problems(text: string, config?: SiteConfig): BantinError[] {
  try {
    parse(text, config);
  } catch (error) {
    if (error instanceof BuildFailure) return [...error.problems];
    if (error instanceof BantinError) return [error];
    throw error;
  }
  throw new Error('expected problems');
}

const valid = `---
title: Bắc Kạn tiếp tục nhân rộng mô hình tự quản
date: 2020-09-08
author: Minh Hiệp
summary: Mô hình đã có mặt ở 847 thôn.
category: Thời sự
tags: an ninh, Bắc Kạn,  an ninh
source: Báo Bắc Kạn
---

Thân bài **đậm**.
`;

describe('parseArticle', () => {
  it('reads the fields of a bulletin', () => {
    const article = parse(valid, defaultConfig(), '2020/09/bac-kan-tiep-tuc-nhan-rong-mo-hinh-tu-quan.md');
    expect(article.title).toBe('Bắc Kạn tiếp tục nhân rộng mô hình tự quản');
    expect(article.slug).toBe('bac-kan-tiep-tuc-nhan-rong-mo-hinh-tu-quan');
    expect(article.url).toBe('bac-kan-tiep-tuc-nhan-rong-mo-hinh-tu-quan/');
    expect(article.outputPath).toBe('bac-kan-tiep-tuc-nhan-rong-mo-hinh-tu-quan/index.html');
    expect(article.author).toBe('Minh Hiệp');
    expect(article.summary).toBe('Mô hình đã có mặt ở 847 thôn.');
    expect(article.category).toBe('Thời sự');
    expect(article.tags).toEqual(['an ninh', 'Bắc Kạn']);
    expect(article.draft).toBe(false);
    expect(article.html).toContain('<strong>đậm</strong>');
  });

  it('keeps unknown keys for templates', () => {
    expect(parse(valid).data.source).toBe('Báo Bắc Kạn');
  });

  it('takes tags as a YAML list too', () => {
    expect(parse(valid.replace('tags: an ninh, Bắc Kạn,  an ninh', 'tags: [an ninh, Bắc Kạn]')).tags).toEqual(['an ninh', 'Bắc Kạn']);
  });

  it('lets slug: override the title', () => {
    expect(parse(valid.replace('category:', 'slug: ho-an-toan\ncategory:')).url).toBe('ho-an-toan/');
  });

  it('takes its address from the file name: editing the title never moves it', () => {
    const before = parse(valid, defaultConfig(), '2020/09/ho-an-toan.md');
    const after = parse(valid.replace('tự quản', 'tự quản (sửa lỗi chính tả)'), defaultConfig(), '2020/09/ho-an-toan.md');
    expect([before.url, after.url]).toEqual(['ho-an-toan/', 'ho-an-toan/']);
    // A page bundle's index.md takes its folder's name.
    expect(parse(valid, defaultConfig(), '2020/09/Hộ-an-toàn/index.md').url).toBe('ho-an-toan/');
  });

  it('takes its address from the title on a site that asks for it (slugFrom: title)', () => {
    const config = defaultConfig({ slugFrom: 'title' });
    expect(parse(valid, config, '2020/09/bai.md').url).toBe('bac-kan-tiep-tuc-nhan-rong-mo-hinh-tu-quan/');
    expect(parse(valid.replace(/^title: .*$/m, 'title: 日本語'), config, '2020/09/tin-nhat-ban.md').slug).toBe('tin-nhat-ban');
  });

  it('reads old addresses (aliases) and says where a wrong one is written', () => {
    const config = defaultConfig({ baseUrl: 'https://backan.gov.vn/bantin/' });
    const aliases = (list: string) => parse(valid.replace('source:', `aliases: ${list}\nsource:`), config).aliases;
    expect(aliases('[/tin-cu/, /2019/05/tin.html, "https://backan.gov.vn/bantin/tin-cu-2", /tin.aspx]')).toMatchObject([
      { path: 'tin-cu/', outputPath: 'tin-cu/index.html', line: 8 },
      { path: '2019/05/tin.html', outputPath: '2019/05/tin.html' },
      { path: 'tin-cu-2/', outputPath: 'tin-cu-2/index.html' },
      { path: 'tin.aspx' },
    ]);
    expect(aliases('/mot-dia-chi/')).toMatchObject([{ path: 'mot-dia-chi/' }]);
    const wrong = problems(valid.replace('source:', 'aliases:\n  - /dung/\n  - tin-cu/\n  - /a/../../b/\n  - https://khac.vn/x/\nsource:'), config);
    expect(wrong.map((problem) => [problem.line, problem.column])).toEqual([[10, 5], [11, 5], [12, 5]]);
    expect(wrong[0]!.message).toContain('must start with "/"');
    expect(wrong[1]!.message).toContain('not a plain path inside the site');
    expect(wrong[2]!.message).toContain('not an address of this site');
  });

  it('gives headings ids from their Vietnamese words, unique in the page, and footnotes that link both ways', () => {
    const article = parse(`${valid}\n## Kết quả đạt được\n\n## Kết quả đạt được\n\n## Nội dung\n\nCâu có chú thích.[^1]\n\n[^1]: Nguồn: Sở Nội vụ.\n`);
    expect(article.anchors).toEqual(['ket-qua-dat-duoc', 'ket-qua-dat-duoc-1', 'muc-noi-dung', 'fnref1', 'fn1']);
    expect(article.html).toContain('<h2 id="ket-qua-dat-duoc">Kết quả đạt được</h2>');
    expect(article.html).toContain('<h2 id="ket-qua-dat-duoc-1">');
    expect(article.html).toContain('<a href="#fn1" id="fnref1" aria-label="Chú thích 1">[1]</a>');
    expect(article.html).toMatch(/<li id="fn1" class="footnote-item"><p>Nguồn: Sở Nội vụ. <a href="#fnref1" class="footnote-backref" aria-label="Quay lại chỗ trích dẫn 1">/);
    expect(article.html).toContain('<section class="footnotes" aria-label="Chú thích">');
  });

  it('uses the site default author', () => {
    const article = parse(valid.replace('author: Minh Hiệp\n', ''), defaultConfig({ defaultAuthor: 'Ban biên tập' }));
    expect(article.author).toBe('Ban biên tập');
  });

  it('reports each missing required field on its own, at the front-matter', () => {
    const found = problems('---\nsummary: x\n---\nbody');
    expect(found.map((p) => p.message)).toEqual([
      expect.stringMatching(/no title/),
      expect.stringMatching(/no date/),
      expect.stringMatching(/no author/),
    ]);
    expect(found.every((p) => p.file === 'content/2020/09/bai.md')).toBe(true);
  });

  it('points at the line of an impossible date, counting the front-matter lines', () => {
    const [problem] = problems(valid.replace('date: 2020-09-08', 'date: 31/02/2020'));
    expect(problem!.format()).toMatch(/^content\/2020\/09\/bai\.md:3:7 {2}"31\/02\/2020" is not a real date/);
  });

  it('says which key has the wrong type and what was expected', () => {
    const found = problems(valid.replace(/^title: .*$/m, 'title: 123').replace(/^tags: .*$/m, 'tags: 5'));
    expect(found.map((p) => [p.line, p.message])).toEqual([
      [2, expect.stringMatching(/^title must be text, but it is the number 123/)],
      [7, expect.stringMatching(/^tags must be a list/)],
    ]);
    expect(problems(valid.replace('date: 2020-09-08', 'date: [1]'))[0]!.message).toMatch(/^date must be a date/);
    expect(problems(valid.replace('category:', 'draft: maybe\ncategory:'))[0]!.message).toMatch(/^draft must be true or false/);
  });

  it('refuses a slug that would leave the output folder', () => {
    for (const slug of ['../x', '/etc', '"%2e%2e%2fx"']) {
      const [problem] = problems(valid.replace('category:', `slug: ${slug}\ncategory:`));
      expect(problem!.message).toMatch(/would leave the site folder/);
      expect(problem!.line).toBe(6);
    }
  });

  it('refuses an empty file', () => {
    expect(problems('')[0]!.message).toMatch(/empty/);
  });
});

describe('Markdown', () => {
  it('shows raw HTML as text by default', () => {
    const html = parse(valid.replace('Thân bài', '<script>alert(1)</script> <b>x</b>')).html;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('lets raw HTML through when the site turns it on', () => {
    const config = defaultConfig({ markdown: { html: true } });
    expect(parse(valid.replace('Thân bài', '<b>x</b>'), config).html).toContain('<b>x</b>');
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'vbscript:x', 'data:text/html;base64,PHNjcmlwdD4=', 'javascript%3Aalert(1)'])(
    'never links to %j',
    (url) => {
      const html = parse(valid.replace('Thân bài', `[bấm](${url})`)).html;
      expect(html).not.toMatch(/<a /);
    },
  );

  it('keeps ordinary links and relative links to other articles', () => {
    const html = parse(valid.replace('Thân bài', '[a](https://backan.gov.vn) [b](../tin-khac/)')).html;
    expect(html).toContain('<a href="https://backan.gov.vn" rel="noopener">a</a>');
    expect(html).toContain('<a href="../tin-khac/">b</a>');
  });
});
