// An old address (aliases:) in Chromium: the browser lands on the article, in a sub-folder site too.
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { describeInChromium, launchChromium } from '../helpers/chromium.js';
import { serve, type StaticServer } from '../helpers/serve.js';
import { article, makeSite } from '../helpers/site.js';

describeInChromium('an old address in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const root = await makeSite({
      'bantin.yaml': 'baseUrl: https://backan.gov.vn/bantin/\n',
      'content/2021/03/cau-treo.md': article({ title: 'Khởi công cầu treo', aliases: '[/tin-cu/khoi-cong-cau-treo-ban-na-leng/, /2019/05/cau.html]' }),
    });
    await build({ root });
    // Served from its sub-folder, as the host will serve it.
    const host = join(root, 'host');
    await mkdir(host);
    await cp(join(root, 'dist'), join(host, 'bantin'), { recursive: true });
    server = await serve(host);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('takes the reader from each old address to the article', async () => {
    const page = await browser.newPage();
    for (const old of ['bantin/tin-cu/khoi-cong-cau-treo-ban-na-leng/', 'bantin/2019/05/cau.html']) {
      await page.goto(server.url(old));
      await page.waitForURL(server.url('bantin/cau-treo/'));
      expect(await page.textContent('h1')).toBe('Khởi công cầu treo');
    }
    await page.close();
  });

  it('gives readers a link, search engines the article\'s address, and keeps itself out of their index', async () => {
    const page = await browser.newPage();
    // The page as it is before its refresh runs.
    const html = await (await page.request.get(server.url('bantin/tin-cu/khoi-cong-cau-treo-ban-na-leng/'))).text();
    expect(html).toContain('<a href="../../cau-treo/">Khởi công cầu treo</a>');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<link rel="canonical" href="https://backan.gov.vn/bantin/cau-treo/">');
    await page.close();
  });
});
