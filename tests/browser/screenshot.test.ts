// Phone screenshots of the example site for the README; runs only with SCREENSHOT=1, since it rewrites docs/*.png.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { build } from '../../src/index.js';
import { launchChromium } from '../helpers/chromium.js';
import { serve, type StaticServer } from '../helpers/serve.js';
import { makeSite } from '../helpers/site.js';

declare const document: any;

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const DOCS = join(REPO, 'docs');
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 };
const MAX_HEIGHT = 1600;

const wanted = process.env.SCREENSHOT === '1';

describe.skipIf(!wanted)(wanted ? 'README screenshots' : 'README screenshots [skipped: run with SCREENSHOT=1]', () => {
  let browser: Browser;
  let server: StaticServer;
  let outDir: string;

  beforeAll(async () => {
    outDir = join(await makeSite({}), 'dist');
    await build({ root: REPO, outDir });
    browser = await launchChromium();
    server = await serve(outDir);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The folder of the article whose title contains `text`. */
  async function findArticle(text: string): Promise<string> {
    for (const entry of await readdir(outDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'assets') continue;
      const html = await readFile(join(outDir, entry.name, 'index.html'), 'utf8').catch(() => '');
      const title = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
      if (title.includes(text)) return entry.name;
    }
    throw new Error(`no article in content/ has "${text}" in its title`);
  }

  async function shoot(page: Page, path: string, file: string): Promise<void> {
    await page.goto(server.url(path));
    await page.evaluate(() => document.fonts.ready);
    const height = await page.evaluate(() => document.documentElement.scrollHeight as number);
    await page.screenshot({
      path: join(DOCS, file),
      fullPage: true,
      clip: { x: 0, y: 0, width: PHONE.viewport.width, height: Math.min(height, MAX_HEIGHT) },
    });
  }

  it('saves docs/screenshot-article.png (the Bắc Kạn bulletin) and docs/screenshot-home.png', async () => {
    const slug = await findArticle('Hộ an toàn');
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await shoot(page, `${slug}/`, 'screenshot-article.png');
    await shoot(page, '', 'screenshot-home.png');
    await context.close();
    for (const file of ['screenshot-article.png', 'screenshot-home.png']) {
      const png = await readFile(join(DOCS, file));
      expect(png.readUInt32BE(16), `${file} width`).toBe(PHONE.viewport.width);
    }
  });
});
