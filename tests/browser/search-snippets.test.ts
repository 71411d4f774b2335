// The search page's excerpts in real Chromium: a result found only by words of its body shows the
// sentence of its article holding them, read lazily from the article's page, marked; a result
// whose title or lead holds them reads nothing. Bounded by the requests made, not by time.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Request, Route } from 'playwright-core';
import { expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { describeInChromium } from '../helpers/chromium.js';
import { builtExample, servedInChromium } from '../helpers/served-site.js';
import { article, makeSite } from '../helpers/site.js';

const LONG = `${'Từ sáng sớm, người dân các thôn vùng cao đã gùi hàng xuống chợ, '.repeat(3)}ai cũng nói cuộc sống nay đã bình yên hơn, ${'đường bê tông về tận bản, trẻ em được đến trường, '.repeat(3)}và chợ họp đến trưa.`;

/** One result found by its title, one by its lead, two by their bodies, one whose page is gone, and twelve more by their bodies. */
const SITE = {
  'bantin.yaml': 'title: Bản tin Bắc Kạn\nbasePath: /tin/\n',
  'content/tieu-de.md': article({ title: 'Thôn bản bình yên', date: '2021-06-01', summary: 'Tin về thôn bản.' }, 'Nội dung khác.'),
  'content/dau-tin.md': article({ title: 'Mùa lúa ở Na Rì', date: '2021-05-01', summary: 'Một mùa bình yên ở Na Rì.' }, 'Nội dung khác.'),
  'content/cho-phien.md': article({ title: 'Chợ phiên Pác Nặm', date: '2021-04-01', summary: 'Phiên chợ đầu năm.' }, `Mở đầu.\n\n${LONG}`),
  'content/ngan.md': article({ title: 'Nước về hồ Ba Bể', date: '2021-03-01', summary: 'Mực nước dâng cao.' }, 'Trời mưa nhiều. Cuộc sống ở đây bình yên như xưa. Hết.'),
  'content/mat-trang.md': article({ title: 'Trang đã mất', date: '2021-02-01', summary: 'Tin cũ.' }, 'Cuộc sống bình yên.'),
  ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [
    `content/xa-${i}.md`, article({ title: `Tin xã số ${i + 1}`, date: `2020-0${1 + (i % 9)}-${String(10 + i).padStart(2, '0')}`, slug: `xa-${i}`, summary: 'Tin ngắn.' }, 'Ở xã, cuộc sống bình yên.'),
  ])),
};

/** Article pages the page asked for by script (not the index's files). */
function pagesFetched(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (request: Request) => {
    const path = new URL(request.url()).pathname;
    if (request.resourceType() === 'fetch' && !path.includes('/tim-kiem/')) fetched.push(path);
  });
  return fetched;
}

const excerpts = (page: Page) => page.locator('#ket-qua li').evaluateAll((items) => items.map((li) => {
  const excerpt = li.querySelector('p:not([class])');
  return { title: li.querySelector('a')!.textContent, titleMarks: li.querySelectorAll('a mark').length, excerpt: excerpt?.textContent ?? '', marks: [...(excerpt?.querySelectorAll('mark') ?? [])].map((mark) => mark.textContent) };
}));

describeInChromium('search page excerpts from the article body', () => {
  const example = servedInChromium(builtExample);

  it('on the example site, "binh yen" shows a marked sentence under every result, reading only the pages it needs', async () => {
    const page = await example.browser.newPage();
    const fetched = pagesFetched(page);
    await page.goto(example.server.url('tim-kiem/?q=binh+yen'));
    await expect.poll(() => page.locator('#ket-qua-dem').textContent()).toBe('3 kết quả');
    await expect.poll(async () => (await excerpts(page)).filter((result) => result.marks.length > 0).length).toBe(2);
    const results = await excerpts(page);
    // The first is found by its title, whose words are marked; the others by their bodies.
    expect(results[0]?.titleMarks).toBe(2);
    for (const result of results.slice(1)) expect(result.marks.map((mark) => mark!.normalize('NFC').toLowerCase()), result.title!).toEqual(['bình', 'yên']);
    // Found in its title or lead, the first result reads nothing; the two others read their pages once.
    expect(fetched).toHaveLength(2);
    const urls = await page.locator('#ket-qua li > a').evaluateAll((links) => links.map((link) => new URL((link as unknown as { href: string }).href).pathname));
    expect(urls).toEqual(expect.arrayContaining(fetched));
    await page.close();
  });

  const site = servedInChromium(async () => {
    const root = await makeSite(SITE);
    await build({ root, outDir: join(root, 'www/tin') });
    await rm(join(root, 'www/tin/mat-trang/index.html'));
    return join(root, 'www');
  });

  it('from a sub-folder: the sentence, cut with "…" when long; the lead kept when the page fails; nothing read for a title or lead', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 3000 } });
    const fetched = pagesFetched(page);
    await page.goto(site.server.url('tin/tim-kiem/?q=binh+yen'));
    await expect.poll(() => page.locator('#ket-qua-dem').textContent()).toBe('17 kết quả');
    await expect.poll(async () => (await excerpts(page)).filter((result) => result.marks.length > 0).length).toBe(15);
    const shown = Object.fromEntries((await excerpts(page)).map((result) => [result.title, result]));
    expect(shown['Nước về hồ Ba Bể']).toEqual({ title: 'Nước về hồ Ba Bể', titleMarks: 0, excerpt: 'Cuộc sống ở đây bình yên như xưa.', marks: ['bình', 'yên'] });
    const long = shown['Chợ phiên Pác Nặm'];
    expect(long.excerpt).toMatch(/^… .* …$/);
    expect(long.excerpt.length).toBeGreaterThan(150);
    expect(long.excerpt.length).toBeLessThan(220);
    expect(long.marks).toEqual(['bình', 'yên']);
    expect(shown['Trang đã mất'].excerpt).toBe('Tin cũ.');
    expect(shown['Thôn bản bình yên']).toMatchObject({ titleMarks: 2, excerpt: 'Tin về thôn bản.' });
    expect(shown['Mùa lúa ở Na Rì'].marks).toEqual(['bình', 'yên']);
    // Every page read is inside the sub-folder, once, and none of the two found by title or lead.
    expect(fetched.every((path) => path.startsWith('/tin/'))).toBe(true);
    expect(new Set(fetched).size).toBe(fetched.length);
    expect(fetched).toHaveLength(15);
    expect(fetched).not.toContain('/tin/tieu-de/');
    expect(fetched).not.toContain('/tin/dau-tin/');
    await page.close();
  });

  it('shows the results and count first, reads at most ten pages at a time in order, keeps the focus, and the count says nothing more', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 3000 } });
    const held: Route[] = [];
    let holding = true;
    await page.route((url) => !url.pathname.includes('/tim-kiem/'), (route) => {
      if (holding && route.request().resourceType() === 'fetch') held.push(route);
      else void route.continue();
    });
    await page.goto(site.server.url('tin/tim-kiem/?q=binh+yen'));
    await expect.poll(() => page.locator('#ket-qua-dem').textContent()).toBe('17 kết quả');
    await expect.poll(() => held.length).toBe(10);
    expect(await page.locator('#ket-qua li').count()).toBe(17);
    const urls = await page.locator('#ket-qua li > a').evaluateAll((links) => links.map((link) => new URL((link as unknown as { href: string }).href).pathname));
    const needed = urls.filter((url) => !['/tin/tieu-de/', '/tin/dau-tin/'].includes(url));
    expect(held.map((route) => new URL(route.request().url()).pathname)).toEqual(needed.slice(0, 10));
    // Changes to the count from now on would be spoken again by a screen reader.
    await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { getElementById(id: string): unknown; querySelector(s: string): { focus(): void } } }).document;
      (globalThis as unknown as { countChanges: number }).countChanges = 0;
      new (globalThis as unknown as { MutationObserver: new (f: () => void) => { observe(n: unknown, o: object): void } }).MutationObserver(() => {
        (globalThis as unknown as { countChanges: number }).countChanges++;
      }).observe(doc.getElementById('ket-qua-dem'), { childList: true, characterData: true, subtree: true });
      doc.querySelector('#ket-qua li:nth-child(5) a').focus();
    });
    await held.shift()!.continue();
    await expect.poll(() => held.length).toBe(10);
    holding = false;
    while (held.length) await held.shift()!.continue();
    await expect.poll(async () => (await excerpts(page)).filter((result) => result.marks.length > 0).length).toBe(15);
    expect(await page.evaluate(() => (globalThis as unknown as { countChanges: number }).countChanges)).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent)).toBe(
      await page.locator('#ket-qua li:nth-child(5) a').textContent(),
    );
    await page.close();
  });
});
