// `bantin check`: every problem, one a line, for editors, git hooks and CI; nothing written.
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { bantin, bantinOnTerminal, hasScript } from '../helpers/cli.js';
import { article, makeSite, snapshot } from '../helpers/site.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const config = 'title: Bản tin\nbaseUrl: https://bantin.example/\n';
const jpeg = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#246' } }).jpeg().toBuffer();

/** A small site with one of each problem `bantin check` looks for. */
const troubled = {
  'bantin.yaml': config,
  'static/images/cau.jpg': jpeg,
  'content/2020/09/bai-a.md': article(
    { title: 'Bài A', summary: `"${'Rất dài. '.repeat(40).trim()}"` },
    [
      'Xem [bài B](../bai-b/) và [bài cũ](../bai-c/).',
      '![](../images/cau.jpg) và ![Ảnh mất](../images/mat.jpg)',
      '',
      'Một [nháp](../ban-nhap/) và [tệp](bai-x.md).',
    ].join('\n'),
  ),
  'content/2020/09/bai-b.md': article({ title: 'Bài B' }, ''),
  'content/2020/09/ban-nhap.md': article({ title: 'Bản nháp', draft: 'true' }),
  'content/2020/09/sai.md': article({ title: 'Sai ngày', date: '31/02/2020' }),
};

describe('bantin check', () => {
  it('prints every problem as path:line:column  severity  message, in file order, and exits 1 on errors', async () => {
    const root = await makeSite(troubled);
    const run = await bantin(['check'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      'content/2020/09/bai-a.md:5:10  warning  The summary is 359 characters long; keep it under 300 so it reads as a lead and is not cut short in search results. Move the rest into the text.',
      'content/2020/09/bai-a.md:8:36  error  The link "../bai-c/" leads nowhere: the site has no page bai-c/. Did you mean "../bai-b/" (Bài B)?',
      'content/2020/09/bai-a.md:9:5  error  The image "../images/cau.jpg" has no alt text. Say what it shows between the brackets, such as ![Lễ khai giảng tại Bắc Kạn](../images/cau.jpg), for readers who cannot see it.',
      'content/2020/09/bai-a.md:9:38  error  The image "../images/mat.jpg" is not there: bantin looked for content/2020/images/mat.jpg and static/images/mat.jpg. Put the file there (beside the article, or in static/), or correct the address.',
      'content/2020/09/bai-a.md:11:12  warning  The link "../ban-nhap/" leads to content/2020/09/ban-nhap.md, which is a draft; until it is published the link leads nowhere.',
      'content/2020/09/bai-a.md:11:35  error  The link "bai-x.md" leads to the article file 2020/09/bai-x.md in the content folder, which is not there. Correct the path; it is written from this article\'s file.',
      'content/2020/09/bai-b.md:6:1  warning  The article has no text: write it below the front-matter (after the second "---").',
      'content/2020/09/sai.md:3:7  error  "31/02/2020" is not a real date: month 2 of 2020 has 29 days.',
    ]);
    // sai.md does not parse, and is counted: it was checked.
    expect(lines.slice(8)).toEqual(['', expect.stringMatching(/^Checked 4 articles in \d+ ms: 5 errors, 3 warnings\.$/), '']);
  });

  it('points at the line and column of missing fields, wrong types, impossible dates and a shared slug', async () => {
    const root = await makeSite({
      'bantin.yaml': config,
      'content/khong-tieu-de.md': article({ title: null }),
      'content/khong-ngay.md': article({ title: 'Không ngày', date: null }),
      'content/so.md': article({ title: '123' }),
      'content/danh-sach.md': article({ title: 'Danh sách', tags: '5', draft: '"có"' }),
      'content/thang-13.md': article({ title: 'Tháng 13', date: '2020-13-01' }),
      'content/nhuan.md': article({ title: 'Không nhuận', date: '2021-02-29' }),
      'content/gio.md': article({ title: 'Giờ sai', date: '2020-09-08T25:00' }),
      'content/tin-trung.md': article({ title: 'Tin trùng', date: '2020-09-08' }),
      'content/trung-2.md': article({ title: 'Tin khác', slug: 'tin-trung', date: '2020-09-09' }),
    });
    const run = await bantin(['check'], root);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      'content/danh-sach.md:5:7  error  tags must be a list such as [kinh tế, nông nghiệp] or a comma-separated text, but it is the number 5.',
      'content/danh-sach.md:6:8  error  draft must be true or false, but it is "có".',
      'content/gio.md:3:7  error  "2020-09-08T25:00" has an impossible time of day.',
      'content/khong-ngay.md:2:1  error  The article has no date. Add a line such as "date: 2020-09-08".',
      'content/khong-tieu-de.md:2:1  error  The article has no title. Add a line "title: ..." to the front-matter.',
      'content/nhuan.md:3:7  error  "2021-02-29" is not a real date: month 2 of 2021 has 28 days.',
      'content/so.md:2:8  error  title must be text, but it is the number 123. Put the value in quotes if it is meant as text.',
      'content/thang-13.md:3:7  error  "2020-13-01" has month 13; a month is 1 to 12.',
      // The older article is the one told, at its file name, which its URL comes from.
      'content/tin-trung.md:1:1  error  This article has the URL "tin-trung/", like content/trung-2.md:5:7; both would be written to tin-trung/index.html. Rename one of the files, or give one a "slug:" of its own.',
      '',
      expect.stringMatching(/^Checked 9 articles in \d+ ms: 9 errors\.$/),
      '',
    ]);
  });

  it('points a shared slug at the slug: line when there is one', async () => {
    const root = await makeSite({
      'bantin.yaml': config,
      'content/tin-mot.md': article({ title: 'Tin một', date: '2020-09-09' }),
      'content/b.md': article({ title: 'Tin hai', slug: 'tin-mot', date: '2020-09-08' }),
    });
    const run = await bantin(['check'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^content\/b\.md:5:7 {2}error {2}This article has the URL "tin-mot\/", like content\/tin-mot\.md:1:1;/);
  });

  it('names the article or static file that takes the place of a file bantin makes, as the build does', async () => {
    const root = await makeSite({
      'bantin.yaml': config,
      'content/a.md': article({ title: 'Tin một', slug: 'rss.xml' }),
      'content/b.md': article({ title: 'Tin hai', slug: 'tac-gia' }),
      'static/Sitemap.XML': '<urlset/>',
    });
    const run = await bantin(['check'], root);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').slice(0, 3);
    expect(lines).toEqual([
      'content/a.md:5:7  error  This article would be written to rss.xml/index.html, inside a folder rss.xml/, but rss.xml is a file bantin makes. Give the article a different "slug:".',
      'content/b.md:5:7  error  This article would be written to tac-gia/index.html, where a page bantin makes goes. Give the article a different "slug:".',
      expect.stringMatching(/^static\/Sitemap\.XML {2}error {2}This file would be written to Sitemap\.XML, and a file bantin makes to sitemap\.xml: hosts that do not tell capital from small letters/),
    ]);
    const built = await bantin(['build'], root);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain('content/a.md:5:7  This article would be written to rss.xml/index.html');
  });

  it('writes nothing, not even dist/', async () => {
    const root = await makeSite(troubled);
    const before = await snapshot(root);
    await bantin(['check'], root);
    expect(await snapshot(root)).toEqual(before);
  });

  it('exits 0 when there are only warnings, and says so', async () => {
    const root = await makeSite({ 'bantin.yaml': config, 'content/a.md': article({}, '') });
    const run = await bantin(['check'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ warning {2}The article has no text.*\n\nChecked 1 article in \d+ ms: 1 warning\.\n$/);
  });

  it('passes the example site, drafts and all, without a word but the summary', async () => {
    const run = await bantin(['check'], REPO);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Checked 25 articles in \d+ ms: no problems\.\n$/);
  });

  it('accepts links to every kind of page the build makes', async () => {
    const root = await makeSite({
      'bantin.yaml': config + 'perPage: 1\n',
      'static/files/bao-cao.pdf': '%PDF',
      'content/tin-mot.md': article({ title: 'Tin một', category: 'Thời sự', tags: '[lịch]' }),
      'content/b.md': article(
        { title: 'Tin hai', category: 'Thời sự', date: '2020-09-09' },
        ['../', '../tin-mot/', '../trang/2/', '../chuyen-muc/', '../chuyen-muc/thoi-su/', '../tu-khoa/lich/', '../tac-gia/minh-hiep/',
          '../luu-tru/2020/', '../luu-tru/2020/09/', '../rss.xml', '../atom.xml', '../feed.json', '../chuyen-muc/thoi-su/rss.xml',
          '../sitemap.xml', '../robots.txt', '../404.html', '../files/bao-cao.pdf', '../assets/favicon.svg']
          .map((target, i) => `[${i}](${target})`).join(' '),
      ),
    });
    const run = await bantin(['check'], root);
    expect(run.stdout).toMatch(/^Checked 2 articles in \d+ ms: no problems\.\n$/);
  });

  it('reports what the build reports about the site as a whole: configuration, templates, static files', async () => {
    const root = await makeSite({
      'bantin.yaml': 'title: Bản tin\nlanguage: fr\n',
      'content/a.md': article(),
    });
    const run = await bantin(['check'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^bantin\.yaml:2:11 {2}error {2}language is "fr", but it must be one of "vi", "en"\.\n/);

    const templates = await makeSite({ 'content/a.md': article(), 'templates/article.njk': '{% if %}', 'static/tin-mau/index.html': 'x' });
    const lines = (await bantin(['check'], templates)).stdout.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^bantin\.yaml {2}warning {2}No baseUrl in bantin\.yaml/));
    expect(lines).toContainEqual(expect.stringMatching(/^templates\/article\.njk:1:\d+ {2}error {2}Template error:/));
  });

  it('with --quiet prints only the errors', async () => {
    const run = await bantin(['check', '--quiet'], await makeSite(troubled));
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).toMatch(/^content\/\S+ {2}error {2}/);
  });

  it('with --format json gives tools the same problems', async () => {
    const run = await bantin(['check', '--format', 'json'], await makeSite(troubled));
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { articles: number; errors: number; warnings: number; problems: unknown[] };
    expect(report).toMatchObject({ articles: 4, errors: 5, warnings: 3 });
    expect(report.problems[0]).toEqual({
      severity: 'warning',
      id: 'check.summaryLong',
      message: expect.stringMatching(/^The summary is 359 characters long/),
      file: 'content/2020/09/bai-a.md',
      line: 5,
      column: 10,
    });
  });

  it('takes --content and --root, and exits 2 on wrong usage', async () => {
    const root = await makeSite({ 'site/bai/a.md': article() });
    expect((await bantin(['check', '--root', 'site', '--content', 'bai'], root)).stdout).toMatch(/Checked 1 article in \d+ ms: 1 warning\./);
    expect((await bantin(['check', '--format', 'xml'], root)).code).toBe(2);
    expect((await bantin(['check', 'extra'], root)).code).toBe(2);
  });

  it('reports a missing content folder instead of failing', async () => {
    const run = await bantin(['check'], await makeSite({}));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^content {2}error {2}The content folder does not exist/);
  });

  it.skipIf(!hasScript)('colours the severity on a terminal, and never with NO_COLOR', async () => {
    const root = await makeSite(troubled);
    const coloured = await bantinOnTerminal(['check'], root);
    expect(coloured.stdout).toContain('  \x1b[31merror\x1b[39m  ');
    expect(coloured.stdout).toContain('  \x1b[33mwarning\x1b[39m  ');
    const plain = await bantinOnTerminal(['check'], root, { NO_COLOR: '1' });
    expect(plain.stdout).toContain('  error  ');
    expect(plain.stdout).not.toContain('\x1b[');
  });
});
