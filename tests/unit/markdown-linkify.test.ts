// The quick pretest in front of linkify-it must never hide a link linkify-it would have made.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/content/markdown.js';

const ours = createMarkdown({ html: false });
const reference = new MarkdownIt({ linkify: true });
const links = (html: string) => [...html.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1]);

describe('bare links in article text', () => {
  it.each([
    'Xem tại https://backan.gov.vn/tin-tuc.',
    'Trang www.backan.gov.vn có tin mới.',
    'Cổng backan.gov.vn và baobackan.vn đưa tin.',
    'Liên hệ toasoan@baobackan.vn hoặc mailto:bbt@backan.gov.vn.',
    'Tải về ftp://ftp.example.org/tai-lieu.pdf hôm nay.',
    'Địa chỉ //cdn.example.com/anh.png không đổi.',
    'Tên miền tiếng Việt: bắckạn.vn.',
    'Số liệu 76.303 hộ, 1.310 thôn; 2.5 tỷ đồng.',
  ])('finds the same links as linkify-it in %j', (text) => {
    expect(links(ours.render(text))).toEqual(links(reference.render(text)));
  });

  it('agrees with linkify-it on 5,000 generated paragraphs', () => {
    const words = ['Bắc Kạn', 'tỉnh', 'số 1.310', '76.303', 'a.b', 'x@y', 'www.x.vn', 'http://a.vn/b', 'gov.vn', 'vn.', '...', 'e.g', 'mailto:z', '//k.l', 'ngày 08/09/2020', 'hộ.', '3.5km'];
    let seed = 11;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: 12 }, () => words[Math.floor(random() * words.length)]).join(random() < 0.5 ? ' ' : '');
      expect(links(ours.render(text)), text).toEqual(links(reference.render(text)));
    }
  });
});
