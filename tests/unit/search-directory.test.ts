// The search index's directory: which index files hold each word, in files cut by a word's first letters.
import { describe, expect, it } from 'vitest';
import { bucketOf, directorySize, ranges, renderDirectory } from '../../src/search/directory.js';

describe('the directory of the search index', () => {
  it('grows with the site, by powers of two, to 64 files', () => {
    expect([1, 400, 401, 20_000, 200_000].map(directorySize)).toEqual([1, 1, 2, 64, 64]);
  });

  it('puts every word beginning with the same two letters in one file', () => {
    const file = bucketOf('thon', 64);
    for (const word of ['th', 'thoi', 'thu', 'thuong']) expect(bucketOf(word, 64), word).toBe(file);
    expect(new Set(['an', 'ba', 'cho', 'duong', 'ho', 'ngo', '2020'].map((word) => bucketOf(word, 64))).size).toBeGreaterThan(4);
  });

  it('maps each word to the index files holding it, counted from the oldest, as ranges', () => {
    const parts = [new Set(['lua', 'ngo']), new Set(['lua']), new Set(['lua', 'long']), new Set(['lua'])];
    const [text] = renderDirectory(parts, 1);
    expect(JSON.parse(text!)).toEqual({ long: '2', lua: '0-3', ngo: '0' });
    expect(ranges([0, 1, 2, 5, 7, 8])).toBe('0-2,5,7-8');
  });
});
