// What a reader on a phone pays for an article with three large photos, measured in Chromium:
// every byte that crosses the network before they scroll.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { describeInChromium, launchChromium } from '../helpers/chromium.js';
import { serve, type StaticServer } from '../helpers/serve.js';
import { makeSite } from '../helpers/site.js';
import { PHOTO_ARTICLE, writePhotoArticle } from '../../scripts/photos.mjs';

declare const document: { querySelectorAll(selector: string): { currentSrc: string; complete: boolean }[] };

/** The budget of the issue: an article page before scrolling, photos included. */
const BUDGET = 300 * 1024;
describeInChromium('an article with three large photos on a phone', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const root = await makeSite({});
    await writePhotoArticle(root);
    const out = join(root, 'dist');
    await build({ root, outDir: out });
    server = await serve(out);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`transfers under ${BUDGET / 1024} KB before the reader scrolls, at 360 px`, async () => {
    // A cheap phone: 360 CSS pixels wide, two device pixels to each.
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const sizes = new Map<string, { url: string; bytes: number }>();
    const urls = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
    cdp.on('Network.loadingFinished', (event) => sizes.set(event.requestId, { url: urls.get(event.requestId) ?? '', bytes: event.encodedDataLength }));
    await page.goto(server.url(PHOTO_ARTICLE), { waitUntil: 'networkidle' });

    const transferred = [...sizes.values()].reduce((sum, { bytes }) => sum + bytes, 0);
    const photos = [...sizes.values()].filter(({ url }) => url.includes('/anh/'));
    console.log(`photo article at 360 px: ${(transferred / 1024).toFixed(1)} KB in ${sizes.size} requests; photos: ${photos.map(({ url, bytes }) => `${url.replace(/^.*\//, '')} ${(bytes / 1024).toFixed(1)} KB`).join(', ')}`);
    expect(transferred).toBeLessThan(BUDGET);
    // The cover is seen at once, in the modern format, at the width the screen needs, not the camera's.
    expect(photos.length).toBeGreaterThanOrEqual(1);
    for (const { url } of photos) expect(url).toMatch(/-(480|800)\.webp$/);
    const shown = await page.evaluate(() => [...document.querySelectorAll('img')].map((img) => [img.currentSrc, img.complete] as const));
    expect(shown[0]).toEqual([expect.stringMatching(/cau-[\w-]{10}-800\.webp$/), true]);
    await context.close();
  });

  it('reserves each photo\'s box before it loads, so the text does not jump', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    await page.route('**/anh/**', (route) => route.abort());
    await page.goto(server.url(PHOTO_ARTICLE));
    const boxes = await page.$$eval('img', (images) => images.map((img) => [img.getBoundingClientRect().width, img.getBoundingClientRect().height]));
    expect(boxes).toHaveLength(3);
    for (const [width, height] of boxes) {
      expect(width).toBeCloseTo(328, 0);
      expect(height).toBeCloseTo(246, 0);
    }
    await page.close();
  });
});
