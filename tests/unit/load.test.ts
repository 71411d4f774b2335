import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource, loadSources } from '../../src/content/load.js';
import { BantinError } from '../../src/errors.js';
import { makeSite } from '../helpers/site.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeSource', () => {
  it('reads BOM, CRLF and CR-only files as the same LF text', () => {
    const lf = '---\ntitle: Tin\n---\n\nMột.\nHai.\n';
    for (const variant of ['\ufeff' + lf, lf.replaceAll('\n', '\r\n'), lf.replaceAll('\n', '\r'), '\ufeff' + lf.replaceAll('\n', '\r\n')]) {
      expect(decodeSource(utf8(variant), 'a.md')).toBe(lf);
    }
  });

  it.each([
    ['\u0001', 'U+0001'],
    ['\u001b', 'U+001B'],
    ['\u007f', 'U+007F'],
    ['\u0085', 'U+0085'],
    ['\ufffe', 'U+FFFE'],
    ['\u{10ffff}', 'U+10FFFF'],
  ])('refuses the invisible character %j, naming line and column', (character, name) => {
    expect(() => decodeSource(utf8(`---\ntitle: A${character}\n---\n`), 'a.md')).toThrow(
      expect.objectContaining({ file: 'a.md', line: 2, column: 9, message: expect.stringContaining(name) }),
    );
  });

  it('keeps tabs, and refuses a form feed, which HTML allows but XML feeds may not hold, at its line and column', () => {
    expect(decodeSource(utf8('a\tb'), 'a.md')).toBe('a\tb');
    expect(() => decodeSource(utf8('---\nab\fc'), 'a.md')).toThrow(
      expect.objectContaining({ line: 2, column: 3, message: expect.stringMatching(/invisible character U\+000C/) }),
    );
  });

  it('refuses NUL bytes and invalid UTF-8 with their line', () => {
    expect(() => decodeSource(utf8('---\n\n\0'), 'a.md')).toThrow(expect.objectContaining({ line: 3, message: expect.stringMatching(/NUL byte/) }));
    expect(() => decodeSource(new Uint8Array([0x61, 0x0a, 0x62, 0xc3, 0x28]), 'a.md')).toThrow(
      expect.objectContaining({ line: 2, message: expect.stringMatching(/not valid UTF-8/) }),
    );
  });
});

describe('loadSources and links', () => {
  async function load(root: string) {
    const problems: BantinError[] = [];
    const sources = await loadSources(join(root, 'content'), (path) => path.slice(root.length + 1), problems);
    return { paths: sources.map((source) => source.relativePath), problems: problems.map((problem) => problem.format()) };
  }

  it('refuses links to files or folders outside the content folder, and dangling links', async () => {
    const root = await makeSite({ 'content/a.md': 'a', 'secret/mat-khau.md': 'x', 'secret.md': 'x' });
    await symlink('../secret.md', join(root, 'content/doc-trom.md'));
    await symlink('../secret', join(root, 'content/thu-muc'));
    await symlink('/etc/passwd', join(root, 'content/passwd.md'));
    await symlink('khong-co.md', join(root, 'content/treo.md'));
    const { paths, problems } = await load(root);
    expect(paths).toEqual(['a.md']);
    expect(problems).toEqual([
      'content/doc-trom.md  This is a link to a file outside the content folder; bantin only builds files inside it.',
      'content/passwd.md  This is a link to a file outside the content folder; bantin only builds files inside it.',
      'content/thu-muc  This is a link to a folder outside the content folder; bantin only builds files inside it.',
      'content/treo.md  This is a link to a file that does not exist.',
    ]);
  });

  it('follows links inside the folder, and loops of links end with each file read once', async () => {
    const root = await makeSite({ 'content/a.md': 'a', 'content/sub/b.md': 'b' });
    await symlink('..', join(root, 'content/sub/vong'));
    await symlink('.', join(root, 'content/x'));
    await symlink('.', join(root, 'content/y'));
    await symlink('sub/b.md', join(root, 'content/ban-sao.md'));
    const { paths, problems } = await load(root);
    expect(problems).toEqual([]);
    expect(paths).toEqual(['a.md', 'ban-sao.md', 'sub/b.md']);
  });

  it('leaves out files and folders whose name starts with a dot, and finds every file in nested folders', async () => {
    const root = await makeSite({
      'content/a.md': 'a',
      'content/2020/09/b.md': 'b',
      'content/2020/.nhap/c.md': 'c',
      'content/.git/d.md': 'd',
      'content/.e.md': 'e',
      'content/2020/09/.f.md': 'f',
      'content/2020/g.txt': 'g',
    });
    const { paths, problems } = await load(root);
    expect(problems).toEqual([]);
    expect(paths).toEqual(['2020/09/b.md', 'a.md']);
  });

  it('refuses file names that spell a way out, even if the file system allows them', async () => {
    const root = await makeSite({ 'content/a\\..\\..\\b.md': 'x', 'content/%2e%2e%2fc.md': 'x', 'content/dòng\u0001mới.md': 'x', 'content/tốt.md': 'x' });
    await mkdir(join(root, 'content/thư mục'));
    const { paths, problems } = await load(root);
    expect(paths).toEqual(['tốt.md']);
    expect(problems).toEqual([
      expect.stringMatching(/^content\/%2e%2e%2fc\.md {2}The file name cannot be used: it has a "\.\." or "\." part\./),
      expect.stringMatching(/^content\/a\\\.\.\\\.\.\\b\.md {2}The file name cannot be used: it contains a backslash\./),
      expect.stringMatching(/^content\/dòng\u0001mới\.md {2}The file name cannot be used: it contains a control character\./),
    ]);
  });
});
