// One tag, one mention: spellings that differ by case, soft hyphens or zero-width characters are one tag.
import { describe, expect, it } from 'vitest';
import { groupTerms, termIndex, termSlug } from '../../src/collect/taxonomies.js';
import { tagKey, tagName, uniqueTags } from '../../src/content/tags.js';
import { makeArticle } from '../helpers/articles.js';

/** "Giáo dục" as editors paste it: other case, NFD accents, invisible characters inside and around. */
const SPELLINGS = [
  'Giáo dục',
  'giáo dục',
  'GIÁO DỤC',
  'Giáo dục'.normalize('NFD'),
  'Gi\u00adáo dục', // soft hyphen inside a word
  'Giáo\u200b dục', // zero-width space
  '\ufeffGiáo dục\u2060', // byte-order mark, word joiner
  'Giáo  d\u200bục ', // double space, zero-width space inside a word, trailing space
  'Giáo \u202adục\u202c', // bidi embedding
];

describe('tagName and tagKey', () => {
  it('give every spelling of one tag one key, and a name without invisible characters', () => {
    for (const spelling of SPELLINGS) {
      expect(tagKey(spelling), JSON.stringify(spelling)).toBe('giáo dục');
      expect(tagName(spelling), JSON.stringify(spelling)).toMatch(/^(Giáo dục|giáo dục|GIÁO DỤC)$/);
    }
  });

  it('keep apart what a reader sees as different', () => {
    expect(tagKey('Giáo dục')).not.toBe(tagKey('Giáo đục'));
    expect(tagKey('giáodục')).not.toBe(tagKey('giáo dục'));
    expect(tagKey('Hà Nội')).not.toBe(tagKey('Hạ Nội'));
  });

  it('keep the joiners emoji and some scripts are drawn with in the name, not in the key', () => {
    const family = '\u{1f468}\u200d\u{1f469}';
    expect(tagName(family)).toBe(family);
    expect(tagKey(family)).toBe('\u{1f468}\u{1f469}');
  });
});

describe('uniqueTags (what an article\'s tag list holds)', () => {
  it('keeps each tag once, in the first spelling, and drops the empty ones', () => {
    expect(uniqueTags([...SPELLINGS, 'Học sinh', 'học sinh', '\u200b', '  '])).toEqual(['Giáo dục', 'Học sinh']);
  });
});

describe('tag pages', () => {
  it('one term for every spelling, with one slug and every article on it', () => {
    const articles = SPELLINGS.map((tag, i) => makeArticle({ title: `Tin số ${i}`, tags: [tag] }));
    const terms = groupTerms(articles, (a) => a.tags, 'tu-khoa');
    expect(terms).toHaveLength(1);
    expect(terms[0]!.slug).toBe('giao-duc');
    expect(terms[0]!.name).toBe('Giáo dục');
    expect(terms[0]!.articles).toHaveLength(SPELLINGS.length);
    const find = termIndex(terms);
    for (const spelling of SPELLINGS) expect(find(spelling), JSON.stringify(spelling)).toBe(terms[0]);
  });

  it('shows the name without its invisible characters, and gives names in other scripts one hashed slug whatever their case', () => {
    const [term] = groupTerms([makeArticle({ title: 'Tin', tags: ['Gi\u00adáo\u200b dục'] })], (a) => a.tags, 'tu-khoa');
    expect(term!.name).toBe('Giáo dục');
    expect(termSlug('中国\u200b')).toBe(termSlug('中国'));
    expect(termSlug('中国')).toMatch(/^muc-[0-9a-f]{8}$/);
  });
});
