// Reading the old portal's text dumps and saved pages into bulletins: title, date, lead, body, signature.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/content/load.js';
import { htmlPageBlocks } from '../../src/import/html-page.js';
import { readPortalArticles, type PortalArticle } from '../../src/import/portal.js';
import { textDumpBlocks } from '../../src/import/text-dump.js';

const fixture = (name: string) => decodeSource(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)), name);
const fromText = (name: string) => readPortalArticles(textDumpBlocks(fixture(name)));
const fromPage = (name: string) => readPortalArticles(htmlPageBlocks(fixture(name)));

function facts(article: PortalArticle) {
  return {
    date: article.date?.text,
    title: article.title?.text,
    lead: article.lead?.text,
    author: article.author?.text,
    paragraphs: article.body.length,
  };
}

describe('text dumps', () => {
  it('reads the reference page: date, title, lead, nine paragraphs and the signature', () => {
    const [article, ...more] = fromText('portal-article.txt');
    expect(more).toEqual([]);
    expect(facts(article!)).toEqual({
      date: '08/09/2020',
      title: 'Bắc Kạn tiếp tục nhân rộng mô hình tự quản “Hộ an toàn - Thôn, bản, tổ dân phố bình yên” trên địa bàn tỉnh',
      lead: expect.stringMatching(/^Trong thời gian qua, phong trào Toàn dân .* của địa phương\.$/),
      author: 'Minh Hiệp',
      paragraphs: 9,
    });
    expect(article!.body[0]!.text).toMatch(/^Qua 02 năm triển khai/);
    expect(article!.body[0]!.line).toBe(10);
    // The no-break spaces of the copied page are plain spaces.
    expect(article!.body[1]!.text).toContain('địa phương đã phát huy');
  });

  it('reads CRLF line endings, a byte-order mark, a time of day and all three size labels', () => {
    expect(fixture('crlf.txt')).not.toContain('\r');
    const [article] = fromText('crlf.txt');
    expect(facts(article!)).toEqual({
      date: '16/09/2020 14:30',
      title: 'Khai giảng năm học mới tại Chợ Đồn',
      lead: 'Sáng 5/9, các trường học trên địa bàn huyện Chợ Đồn tổ chức lễ khai giảng năm học 2020 - 2021.',
      author: 'Hoàng Anh',
      paragraphs: 2,
    });
    expect(article!.line).toBe(1);
  });

  it('finds no author when the last line is a sentence, and says where it looked', () => {
    const [article] = fromText('no-author.txt');
    expect(article!.author).toBeUndefined();
    expect(article!.body.at(-1)!.text).toMatch(/tránh mưa bão\.\/\.$/);
    expect(article!.endLine).toBe(12);
  });

  it('splits two bulletins in one file at the toolbar, leaving out the other blocks between them', () => {
    const articles = fromText('two-articles.txt');
    expect(articles.map((a) => [a.line, a.title?.text, a.date?.text, a.author?.text])).toEqual([
      [1, 'Hội nghị tổng kết công tác dân vận', '03/11/2020', 'Thu Hà'],
      [21, 'Tập huấn phòng chống thiên tai', '05/11/2020', 'Đức Minh'],
    ]);
    expect(articles[0]!.body.map((b) => b.text).join(' ')).not.toContain('Các tin khác');
  });
});

describe('saved HTML pages', () => {
  it('reads the page with a photo, leaving out the menu and the footer', () => {
    const [article] = fromPage('photo.html');
    expect(facts(article!)).toEqual({
      date: '03/10/2020',
      title: 'Cầu treo mới nối đôi bờ sông Năng',
      lead: 'Cây cầu dài 120 m giúp người dân hai xã đi lại thuận tiện hơn.',
      author: 'Ngọc Lan',
      paragraphs: 3,
    });
    const figure = article!.body[1]!;
    expect(figure.media).toBe(true);
    // Relative addresses now lead to the page the portal served.
    expect(figure.html).toContain('src="https://backan.gov.vn/SiteAssets/2020/10/cau-treo.jpg"');
    expect(article!.body[0]!.html).toContain('href="https://backan.gov.vn/Pages/so-gtvt.aspx"');
    expect(article!.title!.line).toBe(18);
  });

  it('never takes the text of scripts, styles, forms or frames for the bulletin\'s', () => {
    const [article] = fromPage('hostile.html');
    expect(article!.date!.text).toBe('12/10/2020');
    expect(article!.lead!.text).toBe('Sapo --- có dấu: hai chấm và #thăng');
    expect(article!.author!.text).toBe('Quốc Huy');
    const text = article!.body.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/alert\((?!9)|gõ vào|Gửi/);
  });
});
