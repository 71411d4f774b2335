import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/content/markdown.js';

const markdown = createMarkdown({ html: false });

describe('Markdown references', () => {
  it('finds links and images at the line and column of their address in the file', () => {
    const body = 'Mở đầu.\n\nXem [bài trước](../bai-truoc/) và\nảnh ![Cầu Bắc Kạn](../images/cau.jpg).\n';
    // The body starts on line 7 of the file, after six lines of front-matter.
    expect(markdown.references(body, 7)).toEqual([
      { kind: 'link', target: '../bai-truoc/', alt: '', line: 9, column: 17 },
      { kind: 'image', target: '../images/cau.jpg', alt: 'Cầu Bắc Kạn', line: 10, column: 20 },
    ]);
  });

  it('gives addresses as written, not percent-encoded', () => {
    const [link] = markdown.references('[x](../bài-viết/)', 1);
    expect(link).toMatchObject({ target: '../bài-viết/', column: 5 });
  });

  it('tells two links with the same address apart', () => {
    const refs = markdown.references('[a](../x/) [b](../x/)\n[c](../x/)', 1);
    expect(refs.map((r) => [r.line, r.column])).toEqual([[1, 5], [1, 16], [2, 5]]);
  });

  it('points a reference-style link at its definition', () => {
    const refs = markdown.references('Xem [bài][1].\n\n[1]: ../bai/\n', 4);
    expect(refs).toEqual([{ kind: 'link', target: '../bai/', alt: '', line: 6, column: 6 }]);
  });

  it('reads an image without alt text as an empty alt', () => {
    expect(markdown.references('![](a.jpg)', 1)[0]).toMatchObject({ kind: 'image', alt: '' });
  });

  it('finds links inside lists and quotes', () => {
    const refs = markdown.references('- một\n- [hai](../hai/)\n\n> [ba](../ba/)\n', 1);
    expect(refs.map((r) => [r.target, r.line])).toEqual([['../hai/', 2], ['../ba/', 4]]);
  });
});
