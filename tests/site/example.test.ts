// The example site in content/ builds, and its Bắc Kạn bulletin carries what the portal page carried.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/index.js';
import { makeSite } from '../helpers/site.js';

const REPO = new URL('../..', import.meta.url).pathname;
let out: string;
let result: BuildResult;

beforeAll(async () => {
  out = join(await makeSite({}), 'dist');
  result = await build({ root: REPO, outDir: out });
});

const page = (path: string) => readFile(join(out, path), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the example site', () => {
  it('has at least six published bulletins from several months, sections and authors', async () => {
    expect(result.articles).toBeGreaterThanOrEqual(6);
    const home = await page('index.html');
    const months = new Set([...home.matchAll(/datetime="(\d{4}-\d{2})/g)].map((m) => m[1]));
    const sections = new Set([...home.matchAll(/article-item__category">([^<]+)</g)].map((m) => m[1]));
    expect(months.size).toBeGreaterThanOrEqual(6);
    expect(sections.size).toBeGreaterThanOrEqual(3);
    const authors = (await readdir(join(out, 'tac-gia'), { withFileTypes: true })).filter((entry) => entry.isDirectory());
    expect(authors.length).toBeGreaterThanOrEqual(3);
  });

  it('leaves the draft out', async () => {
    const entries = await readdir(out);
    expect(entries).not.toContain('dinh-huong-phat-trien-du-lich-cong-dong-nam-2022');
  });

  it('reports the facts of the Bắc Kạn portal page: date, toolbar, title, lead, body, author', async () => {
    const slug = (await readdir(out)).find((name) => name.startsWith('bac-kan-tiep-tuc-nhan-rong'));
    expect(slug).toBeDefined();
    const html = await page(`${slug}/index.html`);
    expect(html).toContain('<time datetime="2020-09-08T00:00:00+07:00">Thứ Ba, 08/09/2020</time>');
    expect(html).toContain('aria-label="Cỡ chữ"');
    expect(html).toMatch(/<h1[^>]*>Bắc Kạn tiếp tục nhân rộng mô hình tự quản “Hộ an toàn - Thôn, bản, tổ dân phố bình yên”<\/h1>/);
    const body = text(html);
    for (const fact of ['847/1.310', '108 xã, phường, thị trấn', '76.303']) expect(body).toContain(fact);
    expect(html).toMatch(/<p class="article__author">.*>Minh Hiệp<\/a><\/p>/);
  });

  it('uses the site title from bantin.yaml', async () => {
    expect(await page('index.html')).toContain('<title>Bản tin Bắc Kạn</title>');
  });
});
