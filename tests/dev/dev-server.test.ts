// `bantin dev` as an editor uses it: the real CLI on a free port, a real HTTP client, a real browser.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, launchChromium, skipBrowserTests } from '../helpers/chromium.js';
import { article, makeSite } from '../helpers/site.js';

declare const document: { querySelector(selector: string): { textContent: string } | null };

const BIN = fileURLToPath(new URL('../../bin/bantin.js', import.meta.url));

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `bantin dev --port 0` in `root` and waits for the address it prints. */
function startDev(root: string): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'dev', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bantin dev exited with ${code}:\n${output}`)));
    const poll = setInterval(() => {
      const match = /Preview at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearInterval(poll);
        resolve({ child, url: match[1]!, output: () => output });
      }
    }, 20);
  });
}

/** Waits until `check` returns something truthy, or fails after `ms`. */
async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting for the preview to update');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const good = article({ title: 'Tin xem trước', summary: 'Sapo ban đầu' }, 'Nội dung ban đầu.');

describe(browserSuite('bantin dev'), () => {
  let root: string;
  let dev: Running;
  let browser: Browser;

  beforeAll(async () => {
    root = await makeSite({ 'content/tin.md': good, 'content/nhap.md': article({ title: 'Bài nháp', draft: 'true' }) });
    dev = await startDev(root);
    if (!skipBrowserTests) browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    dev?.child.kill('SIGINT');
    if (dev) await new Promise((resolve) => dev.child.once('exit', resolve));
  });

  it('listens on 127.0.0.1 and serves pages with the right content types', async () => {
    expect(dev.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(`${dev.url}tin-xem-truoc/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('Nội dung ban đầu.');
    // The theme's CSS and scripts have content-hashed names: follow the page's own links.
    const linked = (pattern: RegExp) => new URL(pattern.exec(html)![1]!, page.url);
    const css = await fetch(linked(/href="([^"]*assets\/bantin\.[0-9a-f]{8}\.css)"/));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const script = await fetch(linked(/src="([^"]*assets\/text-size\.[0-9a-f]{8}\.js)"/));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const missing = await fetch(`${dev.url}khong-co/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Không tìm thấy trang');
  });

  it('shows drafts, marked as such', async () => {
    const html = await (await fetch(`${dev.url}bai-nhap/`)).text();
    expect(html).toContain('<p class="draft-mark">Bản nháp</p>');
  });

  it.each(['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json', '/..%5c..%5cetc/passwd', '/%00'])(
    'never serves a file outside the site: %s',
    async (path) => {
      const response = await rawGet(dev.url, path);
      expect(response.status).toBe(404);
      expect(response.body).not.toMatch(/root:|"name"/);
    },
  );

  it('rebuilds on save, reloads the open page, overlays an error, and clears it when fixed', async () => {
    const page = await browser.newPage();
    await page.goto(`${dev.url}tin-xem-truoc/`);
    await page.waitForFunction(() => document.querySelector('.article__body') !== null);
    // The page marks itself; a reload replaces the document and the mark is gone.
    await page.evaluate(() => ((globalThis as unknown as { stale: boolean }).stale = true));

    await writeFile(join(root, 'content/tin.md'), good.replace('Nội dung ban đầu.', 'Nội dung đã sửa.'));
    await eventually(async () => (await (await fetch(`${dev.url}tin-xem-truoc/`)).text()).includes('Nội dung đã sửa.'));
    await page.waitForFunction(() => !(globalThis as unknown as { stale?: boolean }).stale, undefined, { timeout: 10_000 });
    expect(await page.textContent('.article__body')).toContain('Nội dung đã sửa.');

    await writeFile(join(root, 'content/tin.md'), good.replace('date: 2020-09-08', 'date: 31/02/2020'));
    const overlay = page.locator('#bantin-problems');
    await overlay.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await overlay.textContent()).toContain('content/tin.md:3:7');
    expect(dev.output()).toMatch(/content\/tin\.md:3:7 {2}"31\/02\/2020" is not a real date/);
    // The server keeps serving the last good build.
    expect((await fetch(`${dev.url}tin-xem-truoc/`)).status).toBe(200);

    await writeFile(join(root, 'content/tin.md'), good.replace('Nội dung ban đầu.', 'Nội dung đúng trở lại.'));
    await page.waitForFunction(() => document.querySelector('.article__body')?.textContent.includes('Nội dung đúng trở lại.'), undefined, {
      timeout: 10_000,
    });
    expect(await overlay.count()).toBe(0);
    await page.close();
  });

  it('stops cleanly on Ctrl-C', async () => {
    const other = await startDev(root);
    other.child.kill('SIGINT');
    const code = await new Promise((resolve) => other.child.once('exit', resolve));
    expect(code).toBe(0);
    expect(other.output()).toContain('Stopped.');
  });
});

/** A GET that sends the path exactly as written, as a hostile client would. */
async function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { request } = await import('node:http');
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
