// Page fingerprints: equal for what shows the same, different for anything a page would show differently.
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/render/fingerprint.js';

const card = (cardVersion: string, title = 'Tin') => ({ sourcePath: 'content/tin.md', cardVersion, title });
const section = (count: number, name = 'Thời sự') => ({ name, url: 'chuyen-muc/thoi-su/', articles: Array.from({ length: count }, (_, i) => card(`v${i}`)) });

describe('fingerprint', () => {
  it('is the same for the same template and context, and differs by template', () => {
    const context = { article: card('a'), links: { section: section(3), related: [card('b'), card('c')] }, published: '2020-09-08' };
    expect(fingerprint('article.njk', context)).toBe(fingerprint('article.njk', structuredClone(context)));
    expect(fingerprint('list.njk', context)).not.toBe(fingerprint('article.njk', context));
  });

  it('takes an article by its card version: a new card, a new fingerprint', () => {
    expect(fingerprint('list.njk', { items: [card('a', 'Tin cũ')] })).toBe(fingerprint('list.njk', { items: [card('a', 'Tin mới')] }));
    expect(fingerprint('list.njk', { items: [card('a')] })).not.toBe(fingerprint('list.njk', { items: [card('b')] }));
    expect(fingerprint('list.njk', { items: [card('a'), card('b')] })).not.toBe(fingerprint('list.njk', { items: [card('b'), card('a')] }));
  });

  it('takes a list of articles by its address, name and length', () => {
    expect(fingerprint('article.njk', { section: section(3) })).not.toBe(fingerprint('article.njk', { section: section(4) }));
    expect(fingerprint('article.njk', { section: section(3) })).not.toBe(fingerprint('article.njk', { section: section(3, 'Kinh tế') }));
  });

  it('takes a group of articles by its other fields too: an archive year by its months and their lengths', () => {
    const month = (number: number, count: number) => ({ month: number, url: `luu-tru/2020/0${number}/`, articles: Array.from({ length: count }, (_, i) => card(`m${i}`)) });
    const year = (may: number, june: number) => ({ year: 2020, url: 'luu-tru/2020/', articles: Array.from({ length: may + june }, (_, i) => card(`y${i}`)), months: [month(6, june), month(5, may)] });
    // One article moved from June to May: the year counts as many, its months do not.
    expect(fingerprint('archive.njk', { years: [year(4, 5)] })).not.toBe(fingerprint('archive.njk', { years: [year(5, 4)] }));
    expect(fingerprint('archive.njk', { years: [year(4, 5)] })).toBe(fingerprint('archive.njk', { years: [year(4, 5)] }));
  });

  it('tells values, types and places apart', () => {
    const pairs: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ a: 1 }, { a: '1' }],
      [{ a: undefined }, { a: 'undefined' }],
      [{ a: null }, { a: {} }],
      [{ a: { b: 1 } }, { a: {}, b: 1 }],
      [{ a: [1, 2] }, { a: [[1], 2] }],
      [{ ab: 1 }, { a: { b: 1 } }],
      // A text written to look like the description of more fields describes only itself.
      [{ a: 's', b: 1 }, { a: 's;bnumber:1' }],
      [{ a: 's', b: 1 }, { a: '1:s1:bnumber1:1' }],
      [{ section: section(3, 'a') }, { section: section(3, 'a|3;') }],
    ];
    for (const [one, other] of pairs) expect(fingerprint('t', one), JSON.stringify(one)).not.toBe(fingerprint('t', other));
  });
});
