// Static files and the theme's hashed CSS and scripts, through the whole build.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, BuildFailure, MemoryWriter } from '../../src/index.js';
import { article, makeSite, snapshot } from '../helpers/site.js';

const photo = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);

async function buildInMemory(files: Record<string, string | Uint8Array>) {
  const root = await makeSite(files);
  const writer = new MemoryWriter();
  await build({ root, writer });
  return writer;
}

async function failure(files: Record<string, string | Uint8Array>): Promise<BuildFailure> {
  const error = await buildInMemory(files).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BuildFailure);
  return error as BuildFailure;
}

describe('static files', () => {
  it('are copied as they are to the root of the site, hidden ones included, system leftovers not', async () => {
    const writer = await buildInMemory({
      'content/tin-mau.md': article(),
      'static/images/2020/cau.jpg': photo,
      'static/files/báo cáo.pdf': '%PDF-1.4',
      'static/.well-known/security.txt': 'Contact: mailto:it@backan.example',
      'static/images/.DS_Store': 'junk',
    });
    expect(writer.files.get('images/2020/cau.jpg')).toEqual(Buffer.from(photo));
    expect(writer.text('files/báo cáo.pdf')).toBe('%PDF-1.4');
    expect(writer.text('.well-known/security.txt')).toContain('Contact:');
    expect(writer.files.has('images/.DS_Store')).toBe(false);
  });

  it('may be absent: a site without static/ builds as before', async () => {
    const writer = await buildInMemory({ 'content/tin-mau.md': article() });
    expect(writer.files.has('tin-mau/index.html')).toBe(true);
  });

  it('may not replace an article\'s page: the error names both files', async () => {
    const error = await failure({ 'content/tin-mau.md': article(), 'static/tin-mau/index.html': '<p>cũ</p>' });
    expect(error.problems.map((p) => p.format())).toEqual([
      'static/tin-mau/index.html  This file would be written to tin-mau/index.html, where the page of the article content/tin-mau.md goes. ' +
        'Rename or move the file in the static folder, or give the article a different "slug:".',
    ]);
  });

  it('may not replace an article\'s open-data file: the error names the article', async () => {
    const error = await failure({
      'bantin.yaml': 'baseUrl: https://tin.example/\n',
      'content/tin-mau.md': article(),
      'static/api/articles/tin-mau.json': '{}',
    });
    expect(error.problems.map((p) => p.format())).toEqual([
      'static/api/articles/tin-mau.json  This file would be written to api/articles/tin-mau.json, where the open-data file of the article content/tin-mau.md goes. ' +
        'Rename or move the file in the static folder, or give the article a different "slug:".',
    ]);
  });

  it('may not replace a page bantin makes, or a theme file', async () => {
    const error = await failure({ 'content/tin-mau.md': article(), 'static/index.html': 'x', 'static/assets/favicon.svg': '<svg/>' });
    const messages = error.problems.map((p) => p.message);
    expect(messages).toEqual([
      expect.stringContaining('written to assets/favicon.svg, where the theme\'s file'),
      expect.stringContaining('written to index.html, where a page bantin makes goes'),
    ]);
  });

  it('are written to disk with the site, and a failed build leaves the previous site', async () => {
    const root = await makeSite({ 'content/tin-mau.md': article(), 'static/images/cau.jpg': photo });
    await build({ root });
    expect(await readFile(join(root, 'dist/images/cau.jpg'))).toEqual(Buffer.from(photo));
  });

  it('disappear from the site when deleted, also in an incremental build', async () => {
    const root = await makeSite({ 'content/tin-mau.md': article(), 'static/images/cau.jpg': photo, 'static/images/cu.jpg': photo });
    await build({ root, incremental: true });
    await rm(join(root, 'static/images/cu.jpg'));
    await build({ root, incremental: true });
    expect(await readdir(join(root, 'dist/images'))).toEqual(['cau.jpg']);
  });
});

describe('theme CSS and scripts', () => {
  it('get names made from their content, and every page links to those names', async () => {
    const root = await makeSite({ 'content/tin-mau.md': article() });
    await build({ root });
    const assets = (await readdir(join(root, 'dist/assets'))).sort();
    expect(assets).toEqual([
      expect.stringMatching(/^bantin\.[0-9a-f]{8}\.css$/),
      'favicon.svg',
      expect.stringMatching(/^minisearch\.[0-9a-f]{8}\.js$/),
      expect.stringMatching(/^search\.[0-9a-f]{8}\.js$/),
      expect.stringMatching(/^share\.[0-9a-f]{8}\.js$/),
      expect.stringMatching(/^text-size\.[0-9a-f]{8}\.js$/),
    ]);
    const html = await readFile(join(root, 'dist/tin-mau/index.html'), 'utf8');
    // search.js is named in the script that loads it when the reader comes to the search box.
    for (const name of assets) expect(html).toMatch(new RegExp(`["']\\.\\./assets/${name.replaceAll('.', '\\.')}["']`));
    const css = assets[0]!;
    expect(await readFile(join(root, 'dist/index.html'), 'utf8')).toContain(`href="./assets/${css}"`);
  });

  it('change name when a site overrides them, so no browser keeps the old file', async () => {
    const builtin = await buildInMemory({ 'content/tin-mau.md': article() });
    const own = await buildInMemory({ 'content/tin-mau.md': article(), 'templates/assets/bantin.css': 'body { color: navy; }' });
    const cssOf = (writer: MemoryWriter) => [...writer.files.keys()].find((path) => /^assets\/bantin\..*\.css$/.test(path));
    expect(cssOf(own)).not.toBe(cssOf(builtin));
    expect(own.text(cssOf(own)!)).toBe('body { color: navy; }');
    expect(own.text('tin-mau/index.html')).toContain(`href="../${cssOf(own)}"`);
  });

  it('leave the output the same, byte for byte, from one build to the next', async () => {
    const root = await makeSite({ 'content/tin-mau.md': article(), 'content/b.md': article({ title: 'Tin hai' }), 'static/images/cau.jpg': photo });
    await build({ root, now: Date.UTC(2024, 0, 1) });
    const first = await snapshot(join(root, 'dist'));
    await build({ root, now: Date.UTC(2024, 0, 1) });
    expect(await snapshot(join(root, 'dist'))).toEqual(first);
  });
});
