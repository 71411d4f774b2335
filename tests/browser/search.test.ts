// Search in real Chromium: Vietnamese folding, ranking, highlights, filters, the keyboard, axe,
// the form without JavaScript, and the same search from a sub-folder and from `bantin dev`.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { MemorySite } from '../../src/dev/memory-site.js';
import { DevServer } from '../../src/dev/server.js';
import { describeInChromium, launchChromium } from '../helpers/chromium.js';
import { serve, type StaticServer } from '../helpers/serve.js';
import { article, makeSite } from '../helpers/site.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Bulletins whose titles differ only by tone marks, a word in a title and in a body, and a tie. */
export const SEARCH_SITE = {
  'bantin.yaml': 'title: Bản tin Bắc Kạn\n',
  'content/ho-an-toan.md': article({ title: 'Hộ an toàn, thôn bản bình yên', date: '2020-09-08', category: 'Thời sự' }, 'Mô hình tự quản được nhân rộng khắp tỉnh.'),
  'content/ho-du-khach.md': article({ title: 'Hồ an toàn, du khách yên tâm', date: '2021-05-04', category: 'Văn hóa' }, 'Ban quản lý tăng cường cứu hộ.'),
  'content/lam-duong.md': article({ title: 'Làm đường bê tông ở Chợ Đồn', date: '2021-03-01', category: 'Kinh tế' }, 'Người dân góp công.'),
  'content/htx-tieu-de.md': article({ title: 'Hợp tác xã chè Bằng Phúc', date: '2019-04-02', category: 'Kinh tế' }, 'Sản lượng tăng.'),
  'content/htx-than-bai.md': article({ title: 'Nông dân Na Rì thu hoạch lúa', date: '2021-10-02', category: 'Kinh tế' }, 'Nhiều hộ tham gia hợp tác xã kiểu mới.'),
  'content/tiem-2020.md': article({ title: 'Tiêm chủng mở rộng năm 2020', date: '2020-06-01', category: 'Y tế' }, 'Nội dung.'),
  'content/tiem-2021.md': article({ title: 'Tiêm chủng mở rộng năm 2021', date: '2021-06-01', category: 'Y tế' }, 'Nội dung.'),
};

const HO_AN_TOAN = 'Hộ an toàn, thôn bản bình yên';

describeInChromium('search', () => {
  let browser: Browser;
  let server: StaticServer;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    // Served from a sub-folder, as many hosts do: every address must stay inside /tin/.
    const root = await makeSite({ ...SEARCH_SITE, 'bantin.yaml': 'title: Bản tin Bắc Kạn\nbasePath: /tin/\n' });
    await build({ root, outDir: join(root, 'www/tin') });
    server = await serve(join(root, 'www'));
    browser = await launchChromium();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 360, height: 740 }, ...options });
    const page = await context.newPage();
    await page.goto(server.url(`tin/${path}`));
    return page;
  }

  const titles = (page: Page, list: string) => page.locator(`${list} li > a`).allTextContents();

  /** Types in the header's box and waits for the live count. */
  async function typeInHeader(page: Page, query: string): Promise<string[]> {
    const box = page.getByRole('search', { name: 'Tìm kiếm' }).getByRole('searchbox');
    // Emptied first, so the count waited for is this query's, not the last one's.
    await box.fill('');
    await box.fill(query);
    await expect.poll(() => page.locator('.search-panel [role=status]').textContent()).toMatch(/kết quả|Không tìm thấy/);
    return titles(page, '.search-panel');
  }

  async function searchPage(query: string, filters = ''): Promise<Page> {
    const page = await open(`tim-kiem/?q=${encodeURIComponent(query)}${filters}`);
    await expect.poll(() => page.locator('#ket-qua-dem').textContent()).toMatch(/kết quả|Không tìm thấy/);
    return page;
  }

  it('finds "Hộ an toàn" however the reader types it, the exact spelling first when typed with tone marks', async () => {
    const page = await open('');
    for (const query of ['ho an toan', 'hộ an toàn', 'HỘ AN TOÀN', 'Ho An Toan']) {
      expect(await typeInHeader(page, query), query).toContain(HO_AN_TOAN);
    }
    expect((await typeInHeader(page, 'hộ an toàn'))[0]).toBe(HO_AN_TOAN);
    expect((await typeInHeader(page, 'HỒ AN TOÀN'))[0]).toBe('Hồ an toàn, du khách yên tâm');
    expect(await typeInHeader(page, 'duong')).toEqual(['Làm đường bê tông ở Chợ Đồn']);
    expect(await page.locator('.search-panel [role=status]').textContent()).toBe('1 kết quả');
  });

  it('weighs a title over a body, puts the newer first on a tie, and marks the words found', async () => {
    const page = await searchPage('hop tac xa');
    expect(await titles(page, '#ket-qua')).toEqual(['Hợp tác xã chè Bằng Phúc', 'Nông dân Na Rì thu hoạch lúa']);
    const tie = await searchPage('tiem chung mo rong');
    expect(await titles(tie, '#ket-qua')).toEqual(['Tiêm chủng mở rộng năm 2021', 'Tiêm chủng mở rộng năm 2020']);
    const marked = await searchPage('ho an toan');
    const first = marked.locator('#ket-qua li').filter({ hasText: HO_AN_TOAN });
    expect(await first.locator('a mark').allTextContents()).toEqual(['Hộ', 'an', 'toàn']);
    expect(await first.locator('.search-results__about').textContent()).toBe('08/09/2020 · Thời sự');
  });

  it('filters by section and by year, and keeps the query and filters in the address', async () => {
    const page = await searchPage('an toan', '&year=2020');
    expect(await titles(page, '#ket-qua')).toEqual([HO_AN_TOAN]);
    await page.getByLabel('Năm').selectOption('');
    await page.getByLabel('Chuyên mục').selectOption('Văn hóa');
    await expect.poll(() => titles(page, '#ket-qua')).toEqual(['Hồ an toàn, du khách yên tâm']);
    expect(new URL(page.url()).search).toBe('?q=an+toan&section=V%C4%83n+h%C3%B3a');
    expect(await page.locator('#ket-qua-dem').textContent()).toBe('1 kết quả');
  });

  it('is used with the keyboard alone, with the focus always visible', async () => {
    const page = await open('ho-an-toan/');
    // The skip link, the site's name, then the box.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('o-tim-kiem');
    await page.keyboard.type('lam duong');
    await expect.poll(() => titles(page, '.search-panel')).toEqual(['Làm đường bê tông ở Chợ Đồn']);
    await page.keyboard.press('ArrowDown');
    const link = page.locator('.search-panel li a');
    await expect.poll(() => link.evaluate((element) => element === (element.ownerDocument as unknown as { activeElement: unknown }).activeElement)).toBe(true);
    const outline = await link.evaluate((element) => (globalThis as unknown as { getComputedStyle(e: unknown): { outlineStyle: string } }).getComputedStyle(element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Escape');
    expect(await page.locator('.search-panel').isHidden()).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type(' ');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/lam-duong\/$/);
  });

  it('passes axe on the search page and with the header panel open', async () => {
    for (const page of [await searchPage('ho an toan'), await open('')]) {
      if (!page.url().includes('tim-kiem')) await typeInHeader(page, 'an toan');
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        return (await axe.run()).violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
      });
      expect(violations, page.url()).toEqual([]);
    }
  });

  it('without JavaScript, the box leads to the search page, which offers the sections and the archive', async () => {
    const page = await open('', { javaScriptEnabled: false });
    await page.getByRole('searchbox', { name: 'Tìm bản tin' }).first().fill('hộ an toàn');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tin\/tim-kiem\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('hộ an toàn');
    expect(await page.locator('main').innerText()).toContain('Tìm kiếm cần JavaScript');
    expect(await page.getByRole('link', { name: 'Thời sự' }).last().getAttribute('href')).toBe('../chuyen-muc/thoi-su/');
    expect(await page.getByRole('link', { name: 'Lưu trữ 2021' }).getAttribute('href')).toBe('../luu-tru/2021/');
  });

  it('loads the search code and index only once the reader comes to the box', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(server.url('tin/'));
    expect(requested.filter((path) => /search|minisearch|tim-kiem/.test(path))).toEqual([]);
    await page.locator('#o-tim-kiem').focus();
    await expect.poll(() => requested.filter((path) => /search|minisearch|tim-kiem/.test(path)).length).toBe(3);
  });

  it('from a sub-folder, the index and the results stay inside it', async () => {
    const page = await open('chuyen-muc/kinh-te/');
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await typeInHeader(page, 'duong');
    await page.locator('.search-panel li a').click();
    await page.waitForURL(server.url('tin/lam-duong/'));
    expect(requested.filter((path) => !path.startsWith('/tin/'))).toEqual([]);
    expect(requested).toContain('/tin/tim-kiem/index.json');
  });

  it('reads the newest files first, and older ones when the reader asks', async () => {
    // 130 articles in February 2021 (split into weeks), and one years older.
    const busy = Object.fromEntries(Array.from({ length: 130 }, (_, i) => [
      `content/lua-${i}.md`, article({ title: `Thu hoạch lúa đợt ${i + 1}`, date: `2021-02-${String(1 + (i % 28)).padStart(2, '0')}`, slug: `lua-${i}` }),
    ]));
    const root = await makeSite({ ...busy, 'content/cu.md': article({ title: 'Lúa nếp Pác Nặm', date: '2019-03-01' }) });
    await build({ root, outDir: join(root, 'dist') });
    const local = await serve(join(root, 'dist'));
    try {
      context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(local.url('tim-kiem/?q=lua'));
      await expect.poll(() => page.locator('#ket-qua-dem').textContent()).toBe('130 kết quả trong các tin từ 2/2021');
      await page.getByRole('button', { name: 'Tìm thêm trong các tin cũ hơn' }).click();
      await expect.poll(() => page.locator('#ket-qua-dem').textContent()).toBe('131 kết quả');
      expect(await titles(page, '#ket-qua')).toContain('Lúa nếp Pác Nặm');
      expect(await page.getByRole('button', { name: 'Tìm thêm trong các tin cũ hơn' }).isHidden()).toBe(true);
    } finally {
      await local.close();
    }
  });

  it('works from bantin dev, which serves the index it built in memory', async () => {
    const root = await makeSite(SEARCH_SITE);
    const site = new MemorySite();
    await build({ root, writer: site });
    const dev = new DevServer({ site, host: '127.0.0.1', port: 0, basePath: '/' });
    try {
      const url = await dev.listen();
      context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      expect(await typeInHeader(page, 'hộ an toàn')).toContain(HO_AN_TOAN);
    } finally {
      await dev.close();
    }
  });
});
