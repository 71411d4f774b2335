// The example site's article page in Chromium: printing, sharing, and a phone with JavaScript off.
import { expect, it } from 'vitest';
import { describeInChromium } from '../helpers/chromium.js';
import { builtExample, servedInChromium } from '../helpers/served-site.js';

declare const document: { querySelector(selector: string): unknown; documentElement: { scrollWidth: number } };
declare const window: { innerWidth: number };
declare function getComputedStyle(element: unknown): { display: string; fontSize: string; borderTopStyle: string };

const ARTICLE = 'bac-kan-tiep-tuc-nhan-rong-mo-hinh-tu-quan-ho-an-toan-thon-ban-to-dan-pho-binh-yen/';

describeInChromium('the article page in Chromium', () => {
  const site = servedInChromium(builtExample);

  it('prints the article alone, with the address it came from', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url(ARTICLE));
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) =>
      page.evaluate((s) => {
        const element = document.querySelector(s);
        return element !== null && getComputedStyle(element).display !== 'none';
      }, selector);
    for (const hidden of ['.site-nav', '.site-header', '.site-footer', '.text-size', '.share', '.other-news', '.related', '.breadcrumbs']) {
      expect(await shown(hidden), hidden).toBe(false);
    }
    for (const visible of ['.article__title', '.article__lead', '.article__body', '.article__author', '.print-only']) {
      expect(await shown(visible), visible).toBe(true);
    }
    expect(await page.textContent('.print-only')).toContain(`https://bantin.backan.example/${ARTICLE}`);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('sets footnotes apart on a 360 px phone: smaller, below a rule, the way back big enough to tap; not on paper', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 640 } });
    await page.goto(site.server.url(ARTICLE));
    const style = (selector: string) => page.$eval(selector, (element) => {
      const css = getComputedStyle(element);
      const box = (element as { getBoundingClientRect(): { width: number; height: number } }).getBoundingClientRect();
      return { fontSize: parseFloat(css.fontSize), display: css.display, border: css.borderTopStyle, width: box.width, height: box.height };
    });
    const text = await style('.article__body > p');
    expect((await style('.footnotes')).fontSize).toBeLessThan(text.fontSize);
    expect((await style('.footnotes-sep')).border).toBe('solid');
    const back = await style('.footnote-backref');
    expect(Math.min(back.width, back.height)).toBeGreaterThanOrEqual(24);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.emulateMedia({ media: 'print' });
    expect((await style('.footnote-backref')).display).toBe('none');
    expect((await style('.footnotes')).display).not.toBe('none');
    await page.close();
  });

  it('copies the article link with the copy button', async () => {
    const context = await site.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(site.server.url(ARTICLE));
    await page.getByRole('button', { name: 'Sao chép liên kết', exact: true }).click();
    await expect.poll(() => page.textContent('.share [role=status]')).toBe('Đã sao chép liên kết');
    expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe(
      `https://bantin.backan.example/${ARTICLE}`,
    );
    await context.close();
  });

  it('opens the phone\'s share sheet (where Zalo is) with the title and address, and copies the link where there is none', async () => {
    const context = await site.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    // Headless Chromium has no share sheet: a stand-in records what the page asks it to share.
    await page.addInitScript(() => {
      const nav = (globalThis as unknown as { navigator: Record<string, unknown> }).navigator;
      (globalThis as unknown as { shared: unknown[] }).shared = [];
      nav.share = async (data: unknown) => void (globalThis as unknown as { shared: unknown[] }).shared.push(data);
    });
    await page.goto(site.server.url(ARTICLE));
    await page.getByRole('button', { name: /^Zalo/ }).click();
    expect(await page.evaluate(() => (globalThis as unknown as { shared: unknown[] }).shared)).toEqual([
      { title: await page.textContent('h1'), url: `https://bantin.backan.example/${ARTICLE}` },
    ]);

    const plain = await context.newPage();
    await plain.addInitScript(() => void delete (Object.getPrototypeOf((globalThis as unknown as { navigator: object }).navigator) as { share?: unknown }).share);
    await plain.goto(site.server.url(ARTICLE));
    await plain.getByRole('button', { name: 'Zalo (sao chép liên kết)' }).click();
    await expect.poll(() => plain.textContent('.share [role=status]')).toBe('Đã sao chép liên kết: mở Zalo và dán vào tin nhắn để chia sẻ.');
    await context.close();
  });

  it('works on a 360 px phone with JavaScript off: links to share, no buttons that would do nothing', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(site.server.url(ARTICLE));
    expect(await page.getByRole('link', { name: /Facebook/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sao chép liên kết' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'In bài viết' }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByRole('navigation', { name: 'Đường dẫn' }).getByRole('link', { name: 'Thời sự' }).click();
    await expect.poll(() => page.url()).toBe(site.server.url('chuyen-muc/thoi-su/'));
    await context.close();
  });
});
