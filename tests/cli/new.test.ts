// `bantin new`: from a title to an article file an editor can start writing in.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/content/dates.js';
import { bantin } from '../helpers/cli.js';
import { makeSite } from '../helpers/site.js';

describe('bantin new', () => {
  it('creates content/<year>/<month>/<slug>.md dated now in the site\'s time zone, and prints its path', async () => {
    const root = await makeSite({ 'bantin.yaml': 'defaultAuthor: Ban Biên tập\n' });
    const before = Date.now();
    const run = await bantin(['new', 'Bắc Kạn: Khai giảng năm học mới'], root, { TZ: 'America/Los_Angeles' });
    const after = Date.now();
    expect(run.code).toBe(0);
    const path = run.stdout.trim();
    expect(path).toMatch(/^content\/\d{4}\/\d{2}\/bac-kan-khai-giang-nam-hoc-moi\.md$/);
    const text = await readFile(join(root, path), 'utf8');
    const date = /^date: (.+)$/m.exec(text)![1]!;
    // Vietnam's time, whatever the machine's clock says.
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    const written = parseDate(date, 'Asia/Ho_Chi_Minh');
    expect(written.epochMs).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(written.epochMs).toBeLessThanOrEqual(after);
    expect(path).toBe(`content/${written.year}/${String(written.month).padStart(2, '0')}/bac-kan-khai-giang-nam-hoc-moi.md`);
    expect(text).toBe(
      `---\ntitle: "Bắc Kạn: Khai giảng năm học mới"\ndate: ${date}\nauthor: "Ban Biên tập"\n` +
        'summary: ""  # Sapo: một hai câu tóm tắt, in đậm dưới tiêu đề\n' +
        'category: ""  # Chuyên mục, ví dụ: Thời sự\n' +
        'tags: []  # Từ khóa, ví dụ: [giáo dục, học sinh]\n---\n\n',
    );
  });

  it('makes a file that builds as it is, with the title exactly as typed', async () => {
    const root = await makeSite({ 'bantin.yaml': 'defaultAuthor: Ban Biên tập\n' });
    const title = 'Tin "nóng": 50% hộ dân #1 — đã xong';
    expect((await bantin(['new', title], root)).code).toBe(0);
    const build = await bantin(['build'], root);
    expect(build.code).toBe(0);
    const html = await readFile(join(root, 'dist/tin-nong-50-ho-dan-1-da-xong/index.html'), 'utf8');
    expect(html).toContain('<h1 id="tieu-de" class="article__title">Tin &quot;nóng&quot;: 50% hộ dân #1 — đã xong</h1>');
  });

  it('takes --author, --category and --draft', async () => {
    const root = await makeSite({});
    const run = await bantin(['new', 'Họp báo', '--author', 'Minh Hiệp', '--category', 'Thời sự', '--draft'], root);
    const text = await readFile(join(root, run.stdout.trim()), 'utf8');
    expect(text).toContain('author: "Minh Hiệp"\n');
    expect(text).toContain('category: "Thời sự"\n');
    expect(text).toContain('draft: true\n');
  });

  it('leaves the author for the editor to fill in when the site has no default, and the build says so', async () => {
    const root = await makeSite({});
    const run = await bantin(['new', 'Họp báo'], root);
    expect(await readFile(join(root, run.stdout.trim()), 'utf8')).toContain('author: ""  # Tác giả\n');
    const build = await bantin(['build'], root);
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/hop-bao\.md:4:9 {2}author is empty\./);
  });

  it('never overwrites an article: a recurring headline gets a file, and an address, of its own', async () => {
    const root = await makeSite({});
    const first = await bantin(['new', 'Họp báo'], root);
    const path = join(root, first.stdout.trim());
    const original = await readFile(path, 'utf8');
    const second = await bantin(['new', 'Họp   báo'], root);
    expect(second.code).toBe(0);
    const day = /^date: (\d{4}-\d{2}-\d{2})/m.exec(await readFile(join(root, second.stdout.trim()), 'utf8'))![1];
    expect(second.stdout).toBe(first.stdout.replace('hop-bao.md', `hop-bao-${day}.md`));
    const third = await bantin(['new', 'Họp báo'], root);
    expect(third.stdout).toBe(first.stdout.replace('hop-bao.md', `hop-bao-${day}-2.md`));
    expect(await readFile(path, 'utf8')).toBe(original);
  });

  it('reads words typed without quotes as one title, and uses --content and the config\'s time zone', async () => {
    const root = await makeSite({ 'bantin.yaml': 'timeZone: America/New_York\n' });
    const run = await bantin(['new', 'Tin', 'mới', '--content', 'bai-viet'], root);
    expect(run.stdout).toMatch(/^bai-viet\/\d{4}\/\d{2}\/tin-moi\.md\n$/);
    expect(await readFile(join(root, run.stdout.trim()), 'utf8')).toMatch(/^date: .*-0[45]:00$/m);
  });

  it('exits 2 without a title or with an unknown option, and 1 on a broken configuration', async () => {
    const root = await makeSite({});
    expect((await bantin(['new'], root)).stderr).toMatch(/^bantin new: the article needs a title\./);
    expect((await bantin(['new'], root)).code).toBe(2);
    expect((await bantin(['new', 'x', '--nope'], root)).code).toBe(2);
    const broken = await makeSite({ 'bantin.yaml': 'language: fr\n' });
    const run = await bantin(['new', 'Tin'], broken);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^bantin\.yaml:1:11 {2}language is "fr"/);
  });
});
