import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/frontmatter.js';
import { BantinError } from '../../src/errors.js';

function problem(text: string): BantinError {
  try {
    parseFrontMatter(text, 'content/bai.md');
  } catch (error) {
    if (error instanceof BantinError) return error;
    throw error;
  }
  throw new Error('expected a BantinError');
}

describe('parseFrontMatter', () => {
  it('splits YAML and body and knows where the body starts', () => {
    const front = parseFrontMatter('---\ntitle: Tin\ndate: 2020-09-08\n---\n\nThân bài\n', 'a.md');
    expect(front.data).toEqual({ title: 'Tin', date: '2020-09-08' });
    expect(front.body).toBe('\nThân bài\n');
    expect(front.bodyLine).toBe(5);
  });

  it('reads a __proto__ field as a field like any other, in lists and mappings too, and changes no prototype', () => {
    for (const text of [
      '---\ntitle: Một tiêu đề đủ dài\n__proto__:\n  polluted: một giá trị đủ dài\n---\n',
      // Anchors send the file to the reference parser.
      '---\ntitle: &t Một tiêu đề đủ dài\nlist: [*t, { __proto__: { polluted: một giá trị đủ dài } }]\n---\n',
    ]) {
      const { data } = parseFrontMatter(text, 'a.md');
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
      expect(JSON.stringify(data)).toContain('"polluted":"một giá trị đủ dài"');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(data.title).toBe('Một tiêu đề đủ dài');
    }
  });

  it('cuts the body where gray-matter cuts it from the whole text, however the delimiters fall', () => {
    // gray-matter is handed only the front-matter; the body is cut beside it, so check the cut
    // against gray-matter given the whole text, on texts made of delimiters and line breaks.
    const pieces = ['---', '\n', '\r', ' ', '-', 'x: 1', 'y: "a"', '\n---', '----', '# c', 'Thân bài'];
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 48271) % 2147483647) % n);
    let compared = 0;
    for (let i = 0; i < 20_000; i++) {
      let text = ['---', '---yaml', '---  '][next(3)]!;
      for (let j = next(12); j > 0; j--) text += pieces[next(pieces.length)];
      let front;
      try {
        front = parseFrontMatter(text, 'a.md');
      } catch {
        continue;
      }
      const whole = matter(text, { engines: { yaml: () => ({}) } });
      expect(front.body, JSON.stringify(text)).toBe(whole.content);
      compared++;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('keeps dates as text, for bantin to read in the site time zone', () => {
    const front = parseFrontMatter('---\ndate: 2020-09-08\nx: 2020-09-08T14:30:00+07:00\n---\n', 'a.md');
    expect(front.data.date).toBe('2020-09-08');
    expect(front.data.x).toBe('2020-09-08T14:30:00+07:00');
  });

  it('locates keys and values on the lines of the file', () => {
    const front = parseFrontMatter('---\ntitle: Tin\n\ndate:   31/02/2020\n---\nx', 'a.md');
    expect(front.locate('date')).toEqual({ line: 4, column: 9 });
    expect(front.locate('date', 'key')).toEqual({ line: 4, column: 1 });
    expect(front.locate('missing')).toBeUndefined();
  });

  it('refuses JavaScript front-matter without running it', () => {
    (globalThis as Record<string, unknown>).pwned = false;
    const error = problem('---js\n{ title: (globalThis.pwned = true, "x") }\n---\nbody');
    expect(error.message).toMatch(/never runs code/);
    expect(error.line).toBe(1);
    expect((globalThis as Record<string, unknown>).pwned).toBe(false);
  });

  it.each(['---javascript', '--- coffee', '---toml'])('refuses %j', (opening) => {
    expect(problem(`${opening}\ntitle: x\n---\nbody`).line).toBe(1);
  });

  it('reports YAML syntax errors at their line in the article', () => {
    const error = problem('---\ntitle: Tin\ndate: 2020-09-08\ntags: [a, b\n---\nbody');
    expect(error.file).toBe('content/bai.md');
    expect(error.line).toBeGreaterThanOrEqual(4);
    expect(error.message).toMatch(/not valid YAML/);
  });

  it('reports a duplicate key', () => {
    const error = problem('---\ntitle: A\ntitle: B\n---\n');
    expect(error.line).toBe(3);
  });

  it('refuses an unterminated block', () => {
    expect(problem('---\ntitle: A\ndate: 2020-09-08\n\nThân bài').message).toMatch(/not closed/);
  });

  it('refuses front-matter that is not a mapping', () => {
    expect(problem('---\n- a\n- b\n---\nbody').message).toMatch(/list of fields/);
    expect(problem('---\n42\n---\nbody').message).toMatch(/list of fields/);
  });

  it('refuses a file without front-matter', () => {
    expect(problem('Chỉ có thân bài.').message).toMatch(/no front-matter/);
  });

  it('refuses YAML tags that would construct objects', () => {
    expect(problem('---\ntitle: !!js/function "function () {}"\n---\n').line).toBe(2);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = [
      '---',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill('*' + 'abcdefghi'[i]).join(',')}]`),
      'title: *i',
      '---',
      '',
    ].join('\n');
    expect(problem(bomb).message).toMatch(/alias/i);
  });
});
