// `bantin dev` as an editor uses it: the real CLI on a free port, a real HTTP client, a real browser.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devCommand } from '../../src/commands/dev.js';
import { describeInChromium, launchChromium } from '../helpers/chromium.js';
import { article, makeSite } from '../helpers/site.js';

declare const document: { querySelector(selector: string): { textContent: string } | null };

const BIN = fileURLToPath(new URL('../../bin/bantin.js', import.meta.url));

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

const running: Running[] = [];

/** Starts `bantin dev` (on a free port unless `args` say otherwise) in `root` and waits for the address it prints. */
function startDev(root: string, args = ['--port', '0']): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'dev', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bantin dev exited with ${code}:\n${output}`)));
    const poll = setInterval(() => {
      const match = /Preview at (http:\/\/\S+) /.exec(output);
      if (match) {
        clearInterval(poll);
        const dev = { child, url: match[1]!, output: () => output };
        running.push(dev);
        resolve(dev);
      }
    }, 20);
  });
}

async function stopDev(dev: Running): Promise<number | null> {
  running.splice(running.indexOf(dev), 1);
  if (dev.child.exitCode !== null) return dev.child.exitCode;
  const exited = new Promise<number | null>((resolve) => dev.child.once('exit', resolve));
  dev.child.kill('SIGINT');
  return exited;
}

afterAll(async () => {
  await Promise.all([...running].map(stopDev));
});

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

const text = async (url: string) => (await fetch(url)).text();

/** The server's event stream as an open page receives it: the names of the events so far. */
async function subscribe(base: string): Promise<{ events: string[]; close(): void }> {
  const controller = new AbortController();
  const response = await fetch(new URL('/__bantin/events', base), { signal: controller.signal });
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const events: string[] = [];
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body!) {
        for (const match of decoder.decode(chunk, { stream: true }).matchAll(/^event: (\S+)$/gm)) events.push(match[1]!);
      }
    } catch {
      // Aborted by close().
    }
  })();
  return { events, close: () => controller.abort() };
}

/** A port nothing listens on just now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const config = 'title: Bản tin thử\nbaseUrl: https://bantin.example/\n';
const good = article({ title: 'Tin xem trước', summary: 'Sapo ban đầu' }, 'Nội dung ban đầu.');
const broken = good.replace('date: 2020-09-08', 'date: 31/02/2020');
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let root: string;
let dev: Running;

beforeAll(async () => {
  root = await makeSite({
    'bantin.yaml': config,
    'content/tin-xem-truoc.md': good,
    'content/bai-nhap.md': article({ title: 'Bài nháp', draft: 'true' }),
    'static/images/logo.png': png,
    'static/images/dau.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
    'static/favicon.ico': Uint8Array.from([0, 0, 1, 0]),
    'static/site.webmanifest': '{"name": "Bản tin thử"}',
  });
  dev = await startDev(root);
});

describe('bantin dev', () => {
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

  it('serves images from static/ and the feeds with their types', async () => {
    const logo = await fetch(`${dev.url}images/logo.png`);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await logo.arrayBuffer())).toEqual(png);
    expect((await fetch(`${dev.url}images/dau.svg`)).headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    // Two that mrmime does not know.
    expect((await fetch(`${dev.url}favicon.ico`)).headers.get('content-type')).toBe('image/x-icon');
    expect((await fetch(`${dev.url}site.webmanifest`)).headers.get('content-type')).toBe('application/manifest+json; charset=utf-8');

    const rss = await fetch(`${dev.url}rss.xml`);
    expect(rss.headers.get('content-type')).toMatch(/^(text|application)\/(rss\+)?xml; charset=utf-8$/);
    expect(await rss.text()).toMatch(/<rss[^>]*>[\s\S]*Tin xem trước/);
    const atom = await fetch(`${dev.url}atom.xml`);
    expect(atom.headers.get('content-type')).toMatch(/^(text|application)\/(atom\+)?xml; charset=utf-8$/);
    expect(await atom.text()).toMatch(/<feed[^>]*>[\s\S]*Tin xem trước/);
    const json = await fetch(`${dev.url}feed.json`);
    expect(json.headers.get('content-type')).toMatch(/^application\/(feed\+)?json; charset=utf-8$/);
    expect(((await json.json()) as { items: { title: string }[] }).items.map((item) => item.title)).toContain('Tin xem trước');
  });

  it('shows drafts, marked as such', async () => {
    const html = await text(`${dev.url}bai-nhap/`);
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

  it('listens on the port given with --port', async () => {
    const port = await freePort();
    const other = await startDev(root, ['--port', String(port)]);
    expect(other.url).toBe(`http://127.0.0.1:${port}/`);
    expect(await text(`${other.url}tin-xem-truoc/`)).toContain('Nội dung ban đầu.');
    await stopDev(other);
  });

  it('rebuilds when a template or bantin.yaml changes, and tells open pages to reload', async () => {
    const site = await makeSite({
      'bantin.yaml': config,
      'content/tin-xem-truoc.md': good,
      'templates/partials/nav.njk': '<nav class="site-nav">Menu thứ nhất</nav>',
    });
    const other = await startDev(site);
    expect(await text(other.url)).toContain('Menu thứ nhất');
    const stream = await subscribe(other.url);

    await writeFile(join(site, 'templates/partials/nav.njk'), '<nav class="site-nav">Menu thứ hai</nav>');
    await eventually(async () => (await text(other.url)).includes('Menu thứ hai'));
    await eventually(async () => stream.events.includes('reload'));

    await writeFile(join(site, 'bantin.yaml'), config.replace('Bản tin thử', 'Bản tin đổi tên'));
    await eventually(async () => (await text(`${other.url}tin-xem-truoc/`)).includes('<title>Tin xem trước – Bản tin đổi tên</title>'));
    await eventually(async () => stream.events.filter((event) => event === 'reload').length >= 2);
    expect(other.output()).toMatch(/^Rebuilt in \d+ ms: \d+ files? changed\.$/m);
    stream.close();
    await stopDev(other);
  });

  it('started on a broken site, shows the problems at every address, and the site once fixed', async () => {
    const site = await makeSite({ 'bantin.yaml': config, 'content/tin-xem-truoc.md': broken });
    const other = await startDev(site);
    expect(other.output()).toMatch(/content\/tin-xem-truoc\.md:3:7 {2}"31\/02\/2020" is not a real date/);
    expect(other.output()).toContain('1 problem; there is no good build to serve yet, so every page shows it.');
    expect(other.output()).not.toContain('last good build');

    for (const path of ['', 'tin-xem-truoc/', 'rss.xml']) {
      const waiting = await fetch(`${other.url}${path}`);
      expect(waiting.status).toBe(503);
      expect(waiting.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await waiting.text();
      expect(html).toContain('content/tin-xem-truoc.md:3:7  &#34;31/02/2020&#34; is not a real date');
      expect(html).toContain('<script src="/__bantin/live-reload.js" defer></script>');
    }
    const stream = await subscribe(other.url);
    await eventually(async () => stream.events.includes('problems'));

    await writeFile(join(site, 'content/tin-xem-truoc.md'), good);
    await eventually(async () => stream.events.includes('reload'));
    const page = await fetch(`${other.url}tin-xem-truoc/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Nội dung ban đầu.');
    expect(other.output()).toMatch(/Built in \d+ ms: the problems are fixed, and the preview shows the site\./);
    stream.close();
    await stopDev(other);
  });

  it('stops cleanly on Ctrl-C', async () => {
    const other = await startDev(root);
    expect(await stopDev(other)).toBe(0);
    expect(other.output()).toContain('Stopped.');
  });

  it('is listening for Ctrl-C by the time it says "Ctrl-C stops"', async () => {
    // An editor may press Ctrl-C the moment the line appears. Run in this process, the command is
    // sent Ctrl-C from inside the very call that prints the line: it must stop cleanly, not fall
    // to Node's default handler (which ends the process without closing the server).
    const lines: string[] = [];
    const listening: number[] = [];
    const before = process.listenerCount('SIGINT');
    const beforeTerm = process.listenerCount('SIGTERM');
    const io = {
      out(line: string) {
        lines.push(line);
        if (line.includes('Ctrl-C stops')) {
          listening.push(process.listenerCount('SIGINT') - before);
          process.emit('SIGINT');
        }
      },
      err: (line: string) => lines.push(line),
    };
    const code = await devCommand(['--port', '0', '--root', root], io);
    expect(listening).toEqual([1]);
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe('Stopped.');
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual([before, beforeTerm]);
  });
});

describeInChromium('bantin dev in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('rebuilds on save, reloads the open page, overlays an error, and clears it when fixed', async () => {
    const page = await browser.newPage();
    await page.goto(`${dev.url}tin-xem-truoc/`);
    await page.waitForFunction(() => document.querySelector('.article__body') !== null);
    // The page marks itself; a reload replaces the document and the mark is gone.
    await page.evaluate(() => ((globalThis as unknown as { stale: boolean }).stale = true));

    await writeFile(join(root, 'content/tin-xem-truoc.md'), good.replace('Nội dung ban đầu.', 'Nội dung đã sửa.'));
    await eventually(async () => (await text(`${dev.url}tin-xem-truoc/`)).includes('Nội dung đã sửa.'));
    await page.waitForFunction(() => !(globalThis as unknown as { stale?: boolean }).stale, undefined, { timeout: 10_000 });
    expect(await page.textContent('.article__body')).toContain('Nội dung đã sửa.');

    await writeFile(join(root, 'content/tin-xem-truoc.md'), broken);
    const overlay = page.locator('#bantin-problems');
    await overlay.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await overlay.textContent()).toContain('content/tin-xem-truoc.md:3:7');
    expect(dev.output()).toMatch(/content\/tin-xem-truoc\.md:3:7 {2}"31\/02\/2020" is not a real date/);
    // The server keeps serving the last good build.
    expect((await fetch(`${dev.url}tin-xem-truoc/`)).status).toBe(200);
    expect(dev.output()).toContain('1 problem; still serving the last good build.');

    await writeFile(join(root, 'content/tin-xem-truoc.md'), good.replace('Nội dung ban đầu.', 'Nội dung đúng trở lại.'));
    await page.waitForFunction(() => document.querySelector('.article__body')?.textContent.includes('Nội dung đúng trở lại.'), undefined, {
      timeout: 10_000,
    });
    expect(await overlay.count()).toBe(0);
    await page.close();
  });

  it('started on a broken site, overlays the problems and shows the page once fixed', async () => {
    const site = await makeSite({ 'bantin.yaml': config, 'content/tin-xem-truoc.md': broken });
    const other = await startDev(site);
    const page = await browser.newPage();
    await page.goto(`${other.url}tin-xem-truoc/`);
    const overlay = page.locator('#bantin-problems');
    await overlay.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await overlay.textContent()).toContain('content/tin-xem-truoc.md:3:7  "31/02/2020" is not a real date');

    await writeFile(join(site, 'content/tin-xem-truoc.md'), good);
    await page.waitForFunction(() => document.querySelector('.article__body')?.textContent.includes('Nội dung ban đầu.'), undefined, {
      timeout: 10_000,
    });
    expect(await overlay.count()).toBe(0);
    await page.close();
    await stopDev(other);
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
