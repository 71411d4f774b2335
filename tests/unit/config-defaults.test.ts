// Defaults that depend on the site's language come from the locale table.
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/config.js';
import { locales } from '../../src/locales.js';

describe('the default title', () => {
  it('is the Vietnamese one for a Vietnamese site', () => {
    expect(defaultConfig().title).toBe('Bản tin');
    expect(parseConfig('language: vi\n', 'bantin.yaml').title).toBe(locales.vi.strings.siteTitle);
  });

  it('is the English one for an English site', () => {
    expect(parseConfig('language: en\n', 'bantin.yaml').title).toBe('News bulletin');
    expect(defaultConfig({ language: 'en' }).title).toBe(locales.en.strings.siteTitle);
  });

  it('gives way to the site\'s own title', () => {
    expect(parseConfig('language: en\ntitle: Provincial Bulletin\n', 'bantin.yaml').title).toBe('Provincial Bulletin');
  });
});

describe('the locale tables', () => {
  it('have the same strings in every language, none empty', () => {
    const keys = Object.keys(locales.vi.strings).sort();
    expect(Object.keys(locales.en.strings).sort()).toEqual(keys);
    for (const locale of Object.values(locales)) {
      for (const key of keys) expect(locale.strings[key], `${locale.language}.${key}`).toMatch(/\S/);
    }
  });
});
