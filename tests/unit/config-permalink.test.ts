// The permalink pattern of bantin.yaml is refused at load time when it could lead out of the output folder.
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/config.js';
import { BantinError, BuildFailure } from '../../src/errors.js';

/** The printed problems of a bantin.yaml text. */
function problems(text: string): string[] {
  try {
    parseConfig(text, 'bantin.yaml');
  } catch (error) {
    if (error instanceof BuildFailure) return error.problems.map((problem) => problem.format());
    if (error instanceof BantinError) return [error.format()];
    throw error;
  }
  return [];
}

describe('permalink patterns', () => {
  it.each([
    '/:slug/',
    '/:year/:month/:slug/',
    '/:year/:month/:day/:slug/',
    '/:category/:slug/',
    '/tin-tức/:slug/',
    '/ban-tin.cu/:slug/',
  ])('accepts %s', (pattern) => {
    expect(parseConfig(`permalink: "${pattern}"\n`, 'bantin.yaml').permalink).toBe(pattern);
  });

  it.each([
    ['a ".." part', '"/../../:slug/"', /has a "\." or "\.\." part, which would put pages outside the site folder/],
    ['a "." part', '"/./:slug/"', /has a "\." or "\.\." part/],
    ['a ".." part behind a token', '"/:year/../../:slug/"', /has a "\." or "\.\." part/],
    ['an address of another host', '"//evil.example/:slug/"', /must start and end with "\/" and have no empty part/],
    ['no leading slash', '":slug/"', /must start and end with "\/"/],
    ['a drive letter', '"/C:/:slug/"', /uses ":", which bantin does not know/],
    ['a backslash', "'/..\\..\\:slug/'", /contains a backslash; separate the parts with "\/"/],
    ['a NUL character', '"/tin\\0/:slug/"', /contains the invisible character U\+0000/],
    ['a line break', '"/tin\\n/:slug/"', /contains the invisible character U\+000A/],
    ['percent escapes', '"/%2e%2e%2f:slug/"', /contains a "%" escape; write the characters themselves/],
    ['a query', '"/:slug/?x/"', /contains "\?" or "#"/],
    ['no :slug', '"/:year/:month/"', /has no :slug part; two articles would share one URL/],
    ['an unknown token', '"/:nam/:slug/"', /uses ":nam", which bantin does not know/],
  ])('refuses %s, naming bantin.yaml and the line and column of the key, with what to write', (_, value, message) => {
    const found = problems(`title: Bản tin\n  # một dòng chú thích\npermalink: ${value}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^bantin\.yaml:3:1 {2}permalink /);
    expect(found[0]).toMatch(message);
    expect(found[0]).toMatch(/"\/:slug\/"|:year, :month/);
  });

  it('points at the key, not at the value after it', () => {
    expect(problems('title: Bản tin\nperPage: 5\npermalink:     "/../:slug/"\n')[0]).toMatch(/^bantin\.yaml:3:1 {2}permalink/);
  });

  it('is reported once, with the other mistakes of the file', () => {
    const found = problems('permalink: "/../:slug/"\notherNewsCount: nhiều\n');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^bantin\.yaml:1:1 {2}permalink "\/\.\.\/:slug\/" has a/);
    expect(found[1]).toMatch(/^bantin\.yaml:2:17 {2}otherNewsCount/);
  });

  it('still says what type it must be when it is not text', () => {
    expect(problems('permalink: 5\n')).toEqual(['bantin.yaml:1:12  permalink is 5, but it must be text.']);
  });

  it('defaults to /:slug/', () => {
    expect(defaultConfig().permalink).toBe('/:slug/');
  });
});
