import { describe, expect, it } from 'vitest';
import { pageCount, pagerAt } from '../../../src/collect/pagination.js';

const numbers = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

/** Every page of `items`, as the listings make them one by one. */
const paginate = (items: number[], perPage: number, base: string, segment: string) =>
  Array.from({ length: pageCount(items.length, perPage) }, (_, i) => pagerAt(items, { perPage, base, segment }, i + 1));

describe('pagination', () => {
  it('puts the first page at the listing and the others under /trang/N/', () => {
    const pages = paginate(numbers(25), 10, 'chuyen-muc/thoi-su/', 'trang');
    expect(pages.map((p) => [p.url, p.outputPath, p.items.length])).toEqual([
      ['chuyen-muc/thoi-su/', 'chuyen-muc/thoi-su/index.html', 10],
      ['chuyen-muc/thoi-su/trang/2/', 'chuyen-muc/thoi-su/trang/2/index.html', 10],
      ['chuyen-muc/thoi-su/trang/3/', 'chuyen-muc/thoi-su/trang/3/index.html', 5],
    ]);
    expect(pages[0]!.previous).toBeUndefined();
    expect(pages[0]!.next?.url).toBe('chuyen-muc/thoi-su/trang/2/');
    expect(pages[1]!.previous?.url).toBe('chuyen-muc/thoi-su/');
    expect(pages[2]!.next).toBeUndefined();
  });

  it('gives an empty list one page', () => {
    const pages = paginate([], 10, '', 'trang');
    expect(pages).toHaveLength(1);
    expect(pages[0]!.items).toEqual([]);
    expect(pages[0]!.links).toEqual([{ number: 1, url: '' }]);
  });

  it('shows the first, the last and the nearby page numbers, with gaps', () => {
    const pages = paginate(numbers(200), 10, '', 'page');
    const shown = pages[9]!.links.map((link) => link?.number ?? '…');
    expect(shown).toEqual([1, '…', 8, 9, 10, 11, 12, '…', 20]);
    expect(pages[0]!.links.map((link) => link?.number ?? '…')).toEqual([1, 2, 3, '…', 20]);
  });

  it('keeps the links of every page short, however many pages', () => {
    const pages = paginate(numbers(10_000), 10, '', 'trang');
    expect(Math.max(...pages.map((p) => p.links.length))).toBeLessThanOrEqual(9);
  });

  it('links, from every page of lists of any length, the first, the last and the pages two either side, in order', () => {
    // What every page number is checked against: each number of the list, looked at one by one.
    const expected = (current: number, count: number) => {
      const links: (number | '…')[] = [];
      let last = 0;
      for (let n = 1; n <= count; n++) {
        if (n !== 1 && n !== count && Math.abs(n - current) > 2) continue;
        if (n - last > 1) links.push('…');
        links.push(n);
        last = n;
      }
      return links;
    };
    for (let count = 1; count <= 40; count++) {
      const pages = paginate(numbers(count * 10), 10, '', 'trang');
      for (const page of pages) expect(page.links.map((link) => link?.number ?? '…')).toEqual(expected(page.number, count));
    }
  });
});
