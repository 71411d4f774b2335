// What `bantin build` prints: a summary, scheduled articles, --quiet, progress and colours on a terminal only.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bantin, bantinOnTerminal, hasScript } from '../helpers/cli.js';
import { article, makeSite, writeFiles } from '../helpers/site.js';

describe('bantin build output', () => {
  it('says how many articles wait for their date, and when the next is due', async () => {
    const root = await makeSite({
      'content/a.md': article({ title: 'Hôm nay', date: '2020-09-08' }),
      'content/nam-sau.md': article({ title: 'Năm sau', date: '2999-01-01T08:00' }),
    });
    const run = await bantin(['build'], root);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      expect.stringMatching(/^Built 1 article into \d+ pages/),
      '1 scheduled article was left out; the next is due at 2999-01-01T08:00:00+07:00. Build again then to publish it.',
      '',
    ]);
    expect(await readdir(join(root, 'dist'))).not.toContain('nam-sau');
  });

  it('says, when it builds again from the cache, how many files it wrote again', async () => {
    const root = await makeSite({ 'content/tin-mot.md': article({ title: 'Tin một', summary: 'Sapo' }), 'content/tin-hai.md': article({ title: 'Tin hai', date: '2020-09-09' }) });
    const first = await bantin(['build'], root);
    expect(first.stdout).toMatch(/^Built 2 articles into \d+ pages \(\d+ files\) in dist\/ in [\d.]+ m?s\.\n$/);
    const files = Number(/\((\d+) files\)/.exec(first.stdout)![1]);
    const again = await bantin(['build'], root);
    // Nothing to do: one line, no "Built ..." before it.
    expect(again.stdout.split('\n')).toEqual([`Nothing had changed since the last build: the ${files} files in dist/ were kept as they were.`, '']);
    // Its text alone changed, not its card (it has its own lead): its page, its month's search
    // index (which holds its words, under a new name), the list of index files that names it, and
    // the directory that says where its new words are, are the only files written again (no feeds without baseUrl).
    await writeFile(join(root, 'content/tin-mot.md'), article({ title: 'Tin một', summary: 'Sapo' }, 'Nội dung đã sửa.'));
    const edited = await bantin(['build'], root);
    expect(edited.stdout.split('\n')[1]).toBe(`4 of ${files} files were written again; the others were kept as they were.`);
    expect(await readFile(join(root, 'dist/tin-mot/index.html'), 'utf8')).toContain('Nội dung đã sửa.');
    const whole = await bantin(['build', '--no-cache'], root);
    expect(whole.stdout.split('\n')).toHaveLength(2);
  });

  it('ends, when it only warned of broken links and missing images, with their count and "bantin check"', async () => {
    const root = await makeSite({
      'bantin.yaml': 'title: Bản tin\nbrokenLinks: warn\n',
      'content/a.md': article({}, 'Xem [tin khác](khong-co.md), [tin nữa](/khong-co-nua/) và ![Ảnh cầu](mat.jpg).'),
    });
    const run = await bantin(['build'], root);
    expect(run.code).toBe(0);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('warning: content/a.md:'))).toHaveLength(3);
    expect(lines.at(-1)).toBe('3 broken links or missing images left in the site (brokenLinks: warn): "bantin check" lists each, with what to do.');
    // Mended, the build says nothing of them.
    await writeFiles(root, { 'content/a.md': article() });
    expect((await bantin(['build'], root)).stderr).not.toMatch(/broken/);
  });

  it('builds scheduled articles with --future', async () => {
    const root = await makeSite({ 'content/nam-sau.md': article({ title: 'Năm sau', date: '2999-01-01' }) });
    const run = await bantin(['build', '--future'], root);
    expect(run.stdout).toMatch(/^Built 1 article into \d+ pages \(\d+ files\) in dist\/ in [\d.]+ m?s\.\n$/);
    expect(await readdir(join(root, 'dist'))).toContain('nam-sau');
  });

  it('leaves a draft out of its page, every listing, the feeds and the sitemap, unless --drafts', async () => {
    const root = await makeSite({
      'bantin.yaml': 'title: Bản tin\nbaseUrl: https://bantin.example/\n',
      'content/a.md': article({ title: 'Tin đã đăng', category: 'Thời sự', tags: '[giao thông]' }),
      'content/bai-nhap-moi.md': article({ title: 'Bài nháp mới', date: '2020-09-09', author: 'Lan Anh', category: 'Thời sự', tags: '[giao thông]', draft: 'true' }),
    });
    /** Every output file that mentions the draft, by its address or its title. */
    const mentioning = async () => {
      const files = await readdir(join(root, 'dist'), { recursive: true, withFileTypes: true });
      const found: string[] = [];
      for (const file of files.filter((entry) => entry.isFile())) {
        const path = join(file.parentPath, file.name);
        if (/bai-nhap-moi|Bài nháp mới/.test(await readFile(path, 'utf8'))) found.push(path.slice(root.length + 6));
      }
      return found;
    };

    const without = await bantin(['build'], root);
    expect(without.stdout).toMatch(/^Built 1 article into /);
    expect(await readdir(join(root, 'dist'))).not.toContain('bai-nhap-moi');
    expect(await readdir(join(root, 'dist/tac-gia'))).not.toContain('lan-anh');
    expect(await mentioning()).toEqual([]);

    const withDrafts = await bantin(['build', '--drafts'], root);
    expect(withDrafts.stdout).toMatch(/^Built 2 articles into /);
    expect(await readFile(join(root, 'dist/bai-nhap-moi/index.html'), 'utf8')).toContain('<p class="draft-mark">Bản nháp</p>');
    expect(await mentioning()).toEqual(expect.arrayContaining([
      'index.html', 'chuyen-muc/thoi-su/index.html', 'tu-khoa/giao-thong/index.html', 'tac-gia/lan-anh/index.html',
      'luu-tru/2020/09/index.html', 'rss.xml', 'atom.xml', 'feed.json', 'chuyen-muc/thoi-su/rss.xml', 'sitemap.xml',
    ]));
  });

  it('with --quiet prints nothing on success, not even warnings, and still every error', async () => {
    const root = await makeSite({ 'content/a.md': article(), 'content/b.md': article({ title: 'Năm sau', date: '2999-01-01' }) });
    expect(await bantin(['build', '--quiet'], root)).toEqual({ code: 0, stdout: '', stderr: '' });
    const broken = await makeSite({ 'content/a.md': article({ date: '31/02/2020' }) });
    const run = await bantin(['build', '-q'], broken);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^content\/a\.md:3:7 {2}"31\/02\/2020" is not a real date/);
  });

  it('in a log, prints plain lines without colours or terminal controls', async () => {
    const run = await bantin(['build'], await makeSite({ 'content/a.md': article() }));
    expect(run.stderr).toMatch(/^warning: No baseUrl/);
    expect(run.stdout + run.stderr).not.toMatch(/[\r\x1b]/);
  });

  it.skipIf(!hasScript)('on a terminal, counts pages in place, erases the counter, and colours warnings', async () => {
    const root = await makeSite({ 'content/a.md': article() });
    const run = await bantinOnTerminal(['build'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\rRendering… 1 page\x1b\[K/);
    // The counter is gone before the summary, which stays alone on its line.
    expect(run.stdout).toMatch(/\r\x1b\[K\x1b\[33mwarning:\x1b\[39m No baseUrl[^\n]*\r\nBuilt 1 article into/);
  });

  it.skipIf(!hasScript)('on a terminal with NO_COLOR, has no colours', async () => {
    const run = await bantinOnTerminal(['build'], await makeSite({ 'content/a.md': article() }), { NO_COLOR: '1' });
    expect(run.stdout).toMatch(/\r\nBuilt 1 article/);
    expect(run.stdout).not.toMatch(/\x1b\[\d+m/);
  });
});
