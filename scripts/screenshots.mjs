// Phone screenshots of the example site for the README: docs/screenshot-article.png and docs/screenshot-home.png.
// Run with `npm run screenshots` (compiles bantin first); uses Debian's /usr/bin/chromium, never downloads one.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { build } from '../lib/index.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const DOCS = join(REPO, 'docs');
const CHROMIUM_PATH = '/usr/bin/chromium';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 };
const MAX_HEIGHT = 1600;
const ARTICLE_TITLE = 'Hộ an toàn';

/** The folder of the built article whose title contains `text`. */
async function findArticle(outDir, text) {
  for (const entry of await readdir(outDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'assets') continue;
    const html = await readFile(join(outDir, entry.name, 'index.html'), 'utf8').catch(() => '');
    const title = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
    if (title.includes(text)) return entry.name;
  }
  throw new Error(`no article in content/ has "${text}" in its title`);
}

/** Serves `dir` on 127.0.0.1 on a free port; resolves to its origin and a close function. */
async function serve(dir) {
  const files = sirv(dir, { dev: true, etag: true, dotfiles: false });
  const server = createServer((request, response) =>
    files(request, response, () => {
      response.statusCode = 404;
      response.end('Not found');
    }),
  );
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { origin: `http://127.0.0.1:${server.address().port}`, close };
}

async function shoot(page, url, file) {
  await page.goto(url);
  await page.evaluate(() => document.fonts.ready);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const path = join(DOCS, file);
  await page.screenshot({
    path,
    fullPage: true,
    clip: { x: 0, y: 0, width: PHONE.viewport.width, height: Math.min(height, MAX_HEIGHT) },
  });
  const width = (await readFile(path)).readUInt32BE(16);
  if (width !== PHONE.viewport.width) throw new Error(`${file} is ${width} px wide, not ${PHONE.viewport.width}`);
  console.log(`wrote docs/${file} (${width} x ${Math.min(height, MAX_HEIGHT)})`);
}

async function main() {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  const tmp = await mkdtemp(join(tmpdir(), 'bantin-screenshots-'));
  let browser;
  let server;
  try {
    const outDir = join(tmp, 'dist');
    await build({ root: REPO, outDir });
    const slug = await findArticle(outDir, ARTICLE_TITLE);
    server = await serve(outDir);
    // The flags the browser tests use (tests/helpers/chromium.ts).
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      ignoreDefaultArgs: ['--disable-back-forward-cache'],
    });
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await shoot(page, `${server.origin}/${slug}/`, 'screenshot-article.png');
    await shoot(page, `${server.origin}/`, 'screenshot-home.png');
  } finally {
    await browser?.close();
    await server?.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
