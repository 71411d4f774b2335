import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/frontmatter.js';

describe('front-matter values', () => {
  it.each([
    ['"a\\0b"', 'U+0000'],
    ['"đỏ \\e[31m"', 'U+001B'],
    ['"\\x07"', 'U+0007'],
    ['"\\u0085"', 'U+0085'],
    ['"\\uFFFE"', 'U+FFFE'],
    ['["ổn", "x\\u0001"]', 'U+0001'],
    ['{ "khóa\\u0002": 1 }', 'U+0002'],
  ])('may not hold a control character made by a YAML escape: %s', (value, name) => {
    expect(() => parseFrontMatter(`---\ntitle: Tin\nsummary: ${value}\n---\nx\n`, 'a.md')).toThrow(
      expect.objectContaining({ line: 3, column: 10, message: expect.stringContaining(`The value of summary contains the invisible character ${name}`) }),
    );
  });

  it('may hold tabs and line breaks written as escapes', () => {
    expect(parseFrontMatter('---\ntitle: "a\\tb\\nc\\r"\n---\nx\n', 'a.md').data.title).toBe('a\tb\nc\r');
  });
});
