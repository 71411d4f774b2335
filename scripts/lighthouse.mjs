// Lighthouse (mobile, its default) on an article with three 4000×3000 photos: every category must
// score 100. Run with `npm run lighthouse` (compiles bantin first); uses the machine's Chromium
// (CHROME_PATH, default /usr/bin/chromium), never downloads one. Exit 1 below 100.
//   node scripts/lighthouse.mjs [--json] [--report FILE]   (FILE: Lighthouse's whole report, as JSON)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import sirv from 'sirv';
import { build } from '../lib/index.js';
import { PHOTO_ARTICLE, writePhotoArticle } from './photos.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const root = await mkdtemp(join(tmpdir(), 'bantin-lighthouse-'));
let chrome;
let server;
try {
  await writePhotoArticle(root);
  await build({ root, outDir: join(root, 'dist') });
  const files = sirv(join(root, 'dist'), { dev: false, etag: true, maxAge: 3600, gzip: false });
  server = createServer((request, response) => files(request, response, () => {
    response.statusCode = 404;
    response.end('Not found');
  }));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/${PHOTO_ARTICLE}`;
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
  const { categories, audits } = result.lhr;
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)]));
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'total-byte-weight', 'mainthread-work-breakdown', 'max-potential-fid']
    .map((id) => `${id} ${audits[id]?.displayValue ?? '?'}`);
  const failing = Object.values(audits).filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary').map((audit) => audit.id);
  // The metrics that cost the performance score points, by what each costs.
  const costs = categories.performance.auditRefs.filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
    .map((ref) => `${ref.id} ${audits[ref.id].displayValue} (score ${audits[ref.id].score}, weight ${ref.weight})`);
  const report = process.argv.indexOf('--report');
  if (report !== -1) await writeFile(process.argv[report + 1], JSON.stringify(result.lhr));
  if (process.argv.includes('--json')) console.log(JSON.stringify({ url, scores, metrics, failing, costs }, null, 2));
  else {
    console.log(`Lighthouse (mobile) on ${PHOTO_ARTICLE}: ${CATEGORIES.map((id) => `${id} ${scores[id]}`).join(', ')}`);
    console.log(`  ${metrics.join('; ')}`);
    if (failing.length > 0) console.log(`  failing audits: ${failing.join(', ')}`);
    if (costs.length > 0) console.log(`  costing points: ${costs.join('; ')}`);
  }
  process.exitCode = Object.values(scores).every((score) => score === 100) ? 0 : 1;
} finally {
  await chrome?.kill();
  server?.closeAllConnections();
  server?.close();
  await rm(root, { recursive: true, force: true });
}
