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
    const article = parse(valid);
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

  it('falls back to the file name when the title has no Latin letters', () => {
    expect(parse(valid.replace(/^title: .*$/m, 'title: 日本語'), defaultConfig(), '2020/09/tin-nhat-ban.md').slug).toBe('tin-nhat-ban');
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
