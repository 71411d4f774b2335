import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/config.js';
import { BantinError, BuildFailure } from '../../src/errors.js';

function problems(text: string): BantinError[] {
  try {
    parseConfig(text, 'bantin.yaml');
  } catch (error) {
    if (error instanceof BuildFailure) return [...error.problems];
    if (error instanceof BantinError) return [error];
    throw error;
  }
  throw new Error('expected problems');
}

describe('config', () => {
  it('has sensible defaults', () => {
    expect(defaultConfig()).toMatchObject({
      title: 'Bản tin',
      language: 'vi',
      timeZone: 'Asia/Ho_Chi_Minh',
      otherNewsCount: 5,
      markdown: { html: false },
    });
  });

  it('reads a YAML file', () => {
    const config = parseConfig('title: Bản tin Bắc Kạn\ndefaultAuthor: Ban biên tập\nmarkdown:\n  html: true\n', 'bantin.yaml');
    expect(config.title).toBe('Bản tin Bắc Kạn');
    expect(config.defaultAuthor).toBe('Ban biên tập');
    expect(config.markdown.html).toBe(true);
    expect(config.language).toBe('vi');
  });

  it('names the key, the value and what was expected, with its line', () => {
    const found = problems('title: Bản tin\notherNewsCount: nhiều\nlanguage: fr\ntitel: x\n');
    expect(found.map((p) => p.format())).toEqual([
      'bantin.yaml:2:17  otherNewsCount is "nhiều", but it must be a whole number.',
      'bantin.yaml:3:11  language is "fr", but it must be one of "vi", "en".',
      'bantin.yaml:4:1  "titel" is not a setting bantin knows; check its spelling.',
    ]);
  });

  it('refuses an unknown time zone', () => {
    expect(problems('timeZone: Asia/Hanoii\n')[0]!.format()).toMatch(/^bantin\.yaml:1:11 {2}timeZone "Asia\/Hanoii" is not a time zone/);
  });
});

describe('characters a page or a feed may not contain', () => {
  it.each([
    ['title: "Bản\\ftin"\n', /^bantin\.yaml:1:8 {2}title contains the invisible character U\+000C \(written as an escape/],
    ['description: "a\\uD800b"\n', /^bantin\.yaml:1:14 {2}description contains the invisible character U\+D800 \(half of a character/],
    ['menu:\n  - { title: "Trang \\u202Echủ", url: / }\n', /^bantin\.yaml:2:\d+ {2}menu\.0\.title contains the invisible character U\+202E/],
    ['publisher:\n  name: "UBND\\x85"\n', /^bantin\.yaml:2:9 {2}publisher\.name contains the invisible character U\+0085/],
  ])('refuses an escape that makes one: %j', (text, message) => {
    const printed = () => {
      try {
        parseConfig(text, 'bantin.yaml');
        return 'no problem';
      } catch (error) {
        return (error as BantinError).format();
      }
    };
    expect(printed()).toMatch(message);
  });

  it('refuses one written in the file, at its line and column', () => {
    expect(() => parseConfig('title: Bản tin\ndescription: Tin\u001b[0m\n', 'bantin.yaml')).toThrow(
      expect.objectContaining({ line: 2, column: 17, message: expect.stringMatching(/^The configuration contains the invisible character U\+001B/) }),
    );
  });
});
