// What a reader on a 360 px phone sees: feedback from the share buttons, the whole menu, a pager clear of the footer, the printout, the lead at 200%.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { describeInChromium, launchChromium } from '../helpers/chromium.js';
import { serve, type StaticServer } from '../helpers/serve.js';
import { makeSite } from '../helpers/site.js';

declare const document: {
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
};
declare const window: { innerWidth: number };
interface Element {
  getBoundingClientRect(): { top: number; bottom: number; left: number; right: number; width: number; height: number };
  scrollWidth: number;
  clientWidth: number;
}
declare function getComputedStyle(element: Element): { fontSize: string; display: string; visibility: string };

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const ARTICLE = 'bac-kan-tiep-tuc-nhan-rong-mo-hinh-tu-quan-ho-an-toan-thon-ban-to-dan-pho-binh-yen/';
const PHONE = { viewport: { width: 360, height: 740 } };

describeInChromium('the reader on a 360 px phone', () => {
  let browser: Browser;
  let server: StaticServer;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    const out = join(await makeSite({}), 'dist');
    await build({ root: REPO, outDir: out });
    server = await serve(out);
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

  async function phone(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    context = await browser.newContext({ ...PHONE, ...options });
    return context.newPage();
  }

  /** The status line under the share buttons, if a reader can see it: its text, and whether it is on screen by the buttons. */
  const visibleStatus = (page: Page) =>
    page.evaluate(() => {
      const status = document.querySelector('.share [role=status]')!;
      const box = status.getBoundingClientRect();
      const buttons = document.querySelector('.share button')!.getBoundingClientRect();
      const seen = box.width > 100 && box.height > 10 && box.right <= window.innerWidth && getComputedStyle(status).visibility !== 'hidden';
      return { text: (status as unknown as { textContent: string }).textContent, seen, below: box.top >= buttons.top && box.top - buttons.bottom < 120 };
    });

  it('"copy link" says, visibly under the buttons, that the link was copied', async () => {
    const page = await phone({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(server.url(ARTICLE));
    await page.getByRole('button', { name: 'Sao chép liên kết', exact: true }).click();
    await expect.poll(() => visibleStatus(page)).toEqual({ text: 'Đã sao chép liên kết', seen: true, below: true });
  });

  it('"copy link" shows the address to copy by hand where the clipboard is refused', async () => {
    const page = await phone();
    await page.addInitScript(() => {
      const clipboard = (globalThis as unknown as { navigator: { clipboard: { writeText(text: string): Promise<void> } } }).navigator.clipboard;
      clipboard.writeText = () => Promise.reject(new Error('denied'));
    });
    await page.goto(server.url(ARTICLE));
    await page.getByRole('button', { name: 'Sao chép liên kết', exact: true }).click();
    await expect.poll(async () => (await visibleStatus(page)).seen).toBe(true);
    expect((await visibleStatus(page)).text).toBe(`Không sao chép được. Liên kết của bài: https://bantin.backan.example/${ARTICLE}`);
  });

  it('the Zalo button says it copies the link where there is no share sheet, and says what to do next', async () => {
    const page = await phone({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.addInitScript(() => void delete (Object.getPrototypeOf((globalThis as unknown as { navigator: object }).navigator) as { share?: unknown }).share);
    await page.goto(server.url(ARTICLE));
    const zalo = page.getByRole('button', { name: /^Zalo/ });
    expect(await zalo.textContent()).toBe('Zalo (sao chép liên kết)');
    expect(await zalo.isVisible()).toBe(true);
    await zalo.click();
    await expect.poll(() => visibleStatus(page)).toEqual({
      text: 'Đã sao chép liên kết: mở Zalo và dán vào tin nhắn để chia sẻ.',
      seen: true,
      below: true,
    });
  });

  it('the Zalo button of a phone with a share sheet is just "Zalo"', async () => {
    const page = await phone();
    await page.addInitScript(() => {
      (globalThis as unknown as { navigator: Record<string, unknown> }).navigator.share = async () => undefined;
    });
    await page.goto(server.url(ARTICLE));
    expect(await page.getByRole('button', { name: /^Zalo/ }).textContent()).toBe('Zalo – Chia sẻ qua Zalo');
  });

  it.each(['', 'chuyen-muc/van-hoa-xa-hoi/', ARTICLE])('the menu shows every section without sideways scrolling, the current one among them: /%s', async (path) => {
    const page = await phone();
    await page.goto(server.url(path));
    const menu = await page.evaluate(() => {
      const list = document.querySelector('.site-nav ul')!;
      const links = Array.from(document.querySelectorAll('.site-nav a')).map((link) => link.getBoundingClientRect());
      return {
        hidden: list.scrollWidth > list.clientWidth,
        outside: links.filter((box) => box.left < 0 || box.right > window.innerWidth).length,
        links: links.length,
        current: document.querySelector('.site-nav [aria-current=page]')?.getBoundingClientRect() ?? null,
      };
    });
    expect(menu.links).toBeGreaterThan(4);
    expect(menu.hidden).toBe(false);
    expect(menu.outside).toBe(0);
    if (path !== ARTICLE) {
      expect(menu.current).not.toBeNull();
      expect(menu.current!.left).toBeGreaterThanOrEqual(0);
      expect(menu.current!.right).toBeLessThanOrEqual(360);
      expect(menu.current!.bottom).toBeLessThanOrEqual(740);
    }
  });

  it('the pager stands clear of the footer', async () => {
    const page = await phone();
    await page.goto(server.url(''));
    const gap = await page.evaluate(
      () => document.querySelector('.site-footer')!.getBoundingClientRect().top - document.querySelector('.pagination')!.getBoundingClientRect().bottom,
    );
    expect(gap).toBeGreaterThanOrEqual(16);
  });

  it('the printout starts with the site\'s name', async () => {
    const page = await phone();
    await page.goto(server.url(ARTICLE));
    await page.emulateMedia({ media: 'print' });
    const masthead = await page.evaluate(() => {
      const element = document.querySelector('.print-masthead');
      if (!element) return null;
      return {
        shown: getComputedStyle(element).display !== 'none',
        text: (element as unknown as { textContent: string }).textContent,
        aboveTitle: element.getBoundingClientRect().bottom <= document.querySelector('h1')!.getBoundingClientRect().top,
      };
    });
    expect(masthead).toEqual({ shown: true, text: 'Bản tin Bắc Kạn', aboveTitle: true });
    await page.emulateMedia({ media: 'screen' });
    expect(await page.isVisible('.print-masthead')).toBe(false);
  });

  it.each([100, 150, 200])('at text size %i percent the lead stays clearly smaller than the title', async (size) => {
    const page = await phone();
    await page.addInitScript((value) => (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage.setItem('bantin:co-chu', String(value)), size);
    await page.goto(server.url(ARTICLE));
    const px = (selector: string) => page.evaluate((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize), selector);
    const [title, lead, body] = [await px('.article__title'), await px('.article__lead'), await px('.article__body p')];
    expect(body).toBeCloseTo(18 * (size / 100), 0);
    expect(lead).toBeLessThanOrEqual(title * 0.75);
    expect(lead).toBeGreaterThanOrEqual(18 * Math.min(1, size / 100));
  });
});
