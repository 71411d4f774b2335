// Importing into a site: where articles go, that they build, that nothing comes in twice, and
// that hostile sources stay harmless.
import { readFile, symlink, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { parseArticle } from '../../src/content/article.js';
import { createMarkdown } from '../../src/content/markdown.js';
import { importArchive } from '../../src/import/import.js';
import { article, makeSite, snapshot } from '../helpers/site.js';
import { msg } from '../../src/messages/index.js';
import { said } from '../helpers/messages.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);
const REFERENCE_FILE = 'content/2020/09/bac-kan-tiep-tuc-nhan-rong-mo-hinh-tu-quan-ho-an-toan-thon-ban-to-dan-pho-binh-yen-tren-dia-ban-tinh.md';

async function run(root: string, paths: string[], options: { dryRun?: boolean; defaultAuthor?: string } = {}) {
  const config = defaultConfig(options.defaultAuthor === undefined ? {} : { defaultAuthor: options.defaultAuthor });
  return importArchive({ paths, root, config, dryRun: options.dryRun ?? false });
}

/** The article as bantin's build reads it. */
async function parsed(root: string, path: string) {
  const text = await readFile(join(root, path), 'utf8');
  const config = defaultConfig();
  const markdown = createMarkdown(config.markdown);
  const article = parseArticle({ path: join(root, path), relativePath: path, displayPath: path, text, digest: '' }, { config, markdown });
  return { ...article, html: markdown.render(text.slice(article.body.offset)) };
}

describe('bantin import', () => {
  it('writes the reference bulletin to content/<yyyy>/<mm>/<slug>.md with front-matter the build reads', async () => {
    const root = await makeSite({});
    const report = await run(root, [fixture('portal-article.txt')]);
    expect(report.entries).toEqual([
      { status: 'imported', source: expect.stringMatching(/portal-article\.txt$/), line: 1, file: REFERENCE_FILE },
    ]);
    const imported = await parsed(root, REFERENCE_FILE);
    expect(imported.title).toMatch(/^Bắc Kạn tiếp tục nhân rộng mô hình tự quản “Hộ an toàn/);
    expect(imported.publishedAt).toMatchObject({ year: 2020, month: 9, day: 8, hasTime: false, offsetMinutes: 420 });
    expect(imported.author).toBe('Minh Hiệp');
    expect(imported.summary).toMatch(/^Trong thời gian qua/);
    expect(imported.html.match(/<p>/g)).toHaveLength(9);
    expect(imported.data).toMatchObject({ importedFrom: 'portal-article.txt:1', importId: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });

  it('changes nothing when the same sources are imported again, and says they are there', async () => {
    const root = await makeSite({});
    const paths = [fixture('portal-article.txt'), fixture('two-articles.txt')];
    await run(root, paths);
    const before = await snapshot(join(root, 'content'));
    const again = await run(root, paths);
    expect(again.entries.map((entry) => entry.status)).toEqual(['present', 'present', 'present']);
    expect(await snapshot(join(root, 'content'))).toEqual(before);
  });

  it('knows an article already there by its title and date, even written by hand', async () => {
    const root = await makeSite({
      'content/cau-treo.md': article({ title: 'Cầu treo mới nối đôi bờ sông Năng', date: '"03/10/2020 09:00"' }),
    });
    const report = await run(root, [fixture('photo.html')]);
    expect(report.entries).toMatchObject([{ status: 'present', file: 'content/cau-treo.md' }]);
  });

  it('gives a bulletin whose address is taken an address of its own', async () => {
    const root = await makeSite({ 'content/khac.md': article({ title: 'Khai giảng năm học mới tại Chợ Đồn!', date: '2019-09-05' }) });
    const report = await run(root, [fixture('crlf.txt')]);
    expect(report.entries[0]!.file).toBe('content/2020/09/khai-giang-nam-hoc-moi-tai-cho-don-2.md');
    const imported = await parsed(root, 'content/2020/09/khai-giang-nam-hoc-moi-tai-cho-don-2.md');
    expect(imported.url).toBe('khai-giang-nam-hoc-moi-tai-cho-don-2/');
    expect(imported.publishedAt).toMatchObject({ hour: 14, minute: 30, hasTime: true });
  });

  it('with dryRun lists what would be written and writes nothing', async () => {
    const root = await makeSite({});
    const report = await run(root, [FIXTURES], { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.entries.filter((entry) => entry.status === 'imported')).toHaveLength(6);
    expect(await snapshot(root)).toEqual({});
  });

  it('skips a bulletin without a signature, naming the file and line, unless the site has a default author', async () => {
    const root = await makeSite({});
    const skipped = await run(root, [fixture('no-author.txt')]);
    expect(skipped.entries).toEqual([
      { status: 'skipped', source: expect.stringMatching(/no-author\.txt$/), line: 12, reason: msg('import.noAuthor') },
    ]);
    expect(await snapshot(root)).toEqual({});
    const taken = await run(root, [fixture('no-author.txt')], { defaultAuthor: 'Ban Biên tập' });
    expect(taken.entries[0]!.status).toBe('imported');
    const text = await readFile(join(root, taken.entries[0]!.file!), 'utf8');
    expect(text).not.toContain('author:');
    expect(text).toContain('Các địa phương khuyến cáo bà con thu hoạch nhanh, gọn, tránh mưa bão./.\n');
  });

  it('skips an impossible date and a file that is not UTF-8, with the line, and imports the rest', async () => {
    const root = await makeSite({
      'old/a.txt': 'PublishingPortal - Block_BanTin_Toolbar\n31/02/2020\nTiêu đề\nSapo\nThân bài.\nMinh Hiệp\n',
      'old/b.txt': new Uint8Array([0x54, 0x69, 0xea, 0x75, 0x0a]),
    });
    const report = await run(root, [join(root, 'old'), fixture('crlf.txt')]);
    expect(report.entries.map(({ status, line, reason }) => [status, line, said(reason)?.slice(0, 39)])).toEqual([
      ['skipped', 2, '"31/02/2020" is not a real date: month '],
      ['skipped', 1, 'The file is not valid UTF-8 text. Save '],
      ['imported', 1, undefined],
    ]);
  });

  it('keeps scripts, event handlers and javascript: links of a hostile page out of the article', async () => {
    const root = await makeSite({});
    const report = await run(root, [fixture('hostile.html')]);
    const path = report.entries[0]!.file!;
    expect(path).toMatch(/^content\/2020\/10\/etc-passwd-tin-50-nong-script-alert-3-script\.md$/);
    const text = await readFile(join(root, path), 'utf8');
    const body = text.slice(text.indexOf('\n---\n') + 5);
    // Only the sentence that shows a tag as text, which stays text, names an event.
    expect(body).not.toMatch(/javascript|on(click|load|mouseover)|<script|<svg|<iframe|<form|evil|alert\((?!9)/i);
    expect(body).toContain('&lt;img src=x onerror=alert(9)> là chữ');
    const imported = await parsed(root, path);
    // The title is kept word for word, as text; the page escapes it.
    expect(imported.title).toBe('../../../etc/passwd "Tin": 50% # nóng <script>alert(3)</script>');
    expect(imported.summary).toBe('Sapo --- có dấu: hai chấm và #thăng');
    expect(imported.html).toContain('<a href="https://backan.gov.vn/" rel="noopener">Cổng tỉnh</a>');
    expect(imported.html).toContain('&lt;img src=x onerror=alert(9)&gt; là chữ');
    expect(imported.html).not.toMatch(/<script|<img[^>]*onerror|javascript:/i);
  });

  it('never writes through a folder that links outside the content folder', async () => {
    const root = await makeSite({ 'outside/keep.txt': 'x' });
    await mkdir(join(root, 'content/2020'), { recursive: true });
    await symlink(join(root, 'outside'), join(root, 'content/2020/09'));
    const report = await run(root, [fixture('portal-article.txt')]);
    expect(report.entries[0]).toMatchObject({ status: 'skipped' });
    expect(said(report.entries[0]!.reason)).toMatch(/outside the content folder/);
    expect(Object.keys(await snapshot(join(root, 'outside')))).toEqual(['keep.txt']);
  });

  it('leaves no temporary file behind, and no half file when writing fails', async () => {
    const root = await makeSite({});
    await mkdir(join(root, 'content/2020'), { recursive: true });
    // A file where the month's folder should be: the write fails.
    await writeFile(join(root, 'content/2020/09'), 'not a folder');
    const report = await run(root, [fixture('portal-article.txt'), fixture('two-articles.txt')]);
    expect(report.entries.map((entry) => entry.status)).toEqual(['skipped', 'imported', 'imported']);
    expect(said(report.entries[0]!.reason)).toMatch(/^Could not write the article \(E[A-Z]+: /);
    expect(Object.keys(await snapshot(join(root, 'content'))).sort()).toEqual([
      '2020/09', '2020/11/hoi-nghi-tong-ket-cong-tac-dan-van.md', '2020/11/tap-huan-phong-chong-thien-tai.md',
    ]);
  });
});
