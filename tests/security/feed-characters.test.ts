// Every character an editor can paste or escape: the article is refused with file:line, or every feed is well-formed XML.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BantinError, build, BuildFailure } from '../../src/index.js';
import { article, makeSite } from '../helpers/site.js';

/** Python's expat, a strict XML parser: a feed it cannot read, no feed reader can. */
async function parsesAsXml(path: string): Promise<string | undefined> {
  try {
    await promisify(execFile)('python3', ['-c', 'import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1])', path]);
    return undefined;
  } catch (error) {
    return (error as { stderr: string }).stderr.trim().split('\n').at(-1);
  }
}

/** Each as a YAML escape, so it reaches the front-matter value whatever the file may hold. */
const CHARACTERS = {
  'NUL': '\\0',
  'form feed': '\\f',
  'vertical tab': '\\v',
  'escape': '\\e',
  'DEL': '\\x7F',
  'C1 NEL': '\\x85',
  'C1 CSI': '\\x9B',
  'lone high surrogate': '\\uD800',
  'lone low surrogate': '\\uDFFF',
  'non-character U+FFFE': '\\uFFFE',
  'non-character U+FDD0': '\\uFDD0',
  'right-to-left override, unclosed': '\\u202E',
  'left-to-right embedding, unclosed': '\\u202A',
  'right-to-left isolate, unclosed': '\\u2067',
};

const FIELDS = ['title', 'summary', 'author', 'category', 'tags'] as const;

describe('a character in a YAML escape', () => {
  for (const [name, escape] of Object.entries(CHARACTERS)) {
    it.each(FIELDS)(`${name} in %s: refused with file:line:column, or the feeds are well-formed`, async (field) => {
      const value = field === 'tags' ? `["a${escape}b"]` : `"a${escape}b"`;
      const root = await makeSite({
        'bantin.yaml': 'baseUrl: https://tin.example/\nfeeds:\n  content: full\n',
        'content/tin.md': article({ title: '"Tin mẫu"', [field]: value }),
      });
      const failure = await build({ root }).then(() => undefined, (error: unknown) => error);
      if (failure !== undefined) {
        const problems = failure instanceof BuildFailure ? failure.problems : failure instanceof BantinError ? [failure] : [];
        expect(problems, String(failure)).not.toEqual([]);
        expect(problems[0]!.format()).toMatch(new RegExp(`^content/tin\\.md:${{ title: 2, author: 4 }[field as string] ?? 5}:\\d+  The value of ${field} contains the invisible character U\\+`));
        return;
      }
      for (const feed of ['rss.xml', 'atom.xml', 'sitemap.xml']) expect(await parsesAsXml(join(root, 'dist', feed)), feed).toBeUndefined();
    });
  }
});

describe('a closed bidi override', () => {
  it('builds, and every XML file of the site is well-formed', async () => {
    const root = await makeSite({
      'bantin.yaml': 'baseUrl: https://tin.example/\nfeeds:\n  content: full\n',
      'content/tin.md': article({ title: '"Tên \\u202Eabc\\u202C xong"', tags: '["x\\u2067y\\u2069"]' }, 'Văn bản \u202bעברית\u202c.'),
    });
    await build({ root });
    const files = (await readdir(join(root, 'dist'), { recursive: true })).filter((path) => path.endsWith('.xml'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) expect(await parsesAsXml(join(root, 'dist', file)), file).toBeUndefined();
  });
});

describe('a character typed as an HTML entity in the text', () => {
  it.each(['&#12;', '&#x85;', '&#xD800;', '&#xFFFE;', '&#x202E;', '&#1;'])('%s: refused, or the feeds are well-formed and no override is left open', async (entity) => {
    const root = await makeSite({
      'bantin.yaml': 'baseUrl: https://tin.example/\nfeeds:\n  content: full\n',
      'content/tin.md': article({}, `Trước ${entity} sau.`),
    });
    const failure = await build({ root }).then(() => undefined, (error: unknown) => error);
    if (failure !== undefined) {
      const problems = failure instanceof BuildFailure ? failure.problems : failure instanceof BantinError ? [failure] : [];
      expect(problems[0]?.format(), String(failure)).toMatch(new RegExp(`^content/tin\\.md:7:7  The entity ${entity} stands for the invisible character U\\+`));
      return;
    }
    for (const feed of ['rss.xml', 'atom.xml']) expect(await parsesAsXml(join(root, 'dist', feed)), feed).toBeUndefined();
    const page = await readFile(join(root, 'dist/tin/index.html'), 'utf8');
    expect(page).not.toMatch(/[\u202a-\u202e\u2066-\u2068]/);
  });
});

describe('a character typed as an entity in a link title', () => {
  it('is refused at its line', async () => {
    const root = await makeSite({
      'bantin.yaml': 'baseUrl: https://tin.example/\nfeeds:\n  content: full\n',
      'content/tin.md': article({}, 'Đoạn một.\n\nXem [trang](https://a.example/ "tiêu &#12; đề").'),
    });
    const failure = await build({ root }).then(() => undefined, (error: unknown) => error);
    const problems = failure instanceof BuildFailure ? failure.problems : failure instanceof BantinError ? [failure] : [];
    expect(problems[0]?.format(), String(failure)).toMatch(/^content\/tin\.md:9:\d+  An entity in a link title stands for the invisible character U\+000C/);
  });
});
