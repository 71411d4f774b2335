// Search on a site of many months, in real Chromium: a word found only in the oldest month is
// found by reading the directory and that month alone, never the months in between; a common word
// reads the newest months only. Bounded by the files fetched, not by time.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { describeInChromium } from '../helpers/chromium.js';
import { servedInChromium } from '../helpers/served-site.js';
import { article, makeSite } from '../helpers/site.js';

/**
 * Five years of bulletins, seven a month (420: the directory is cut in two files), and one in the
 * oldest month with words no other has.
 */
const MONTHS = Object.fromEntries(Array.from({ length: 420 }, (_, i) => {
  const month = Math.floor(i / 7);
  const date = `${2017 + Math.floor(month / 12)}-${String(1 + (month % 12)).padStart(2, '0')}-${String(3 + (i % 7) * 3).padStart(2, '0')}`;
  return [`content/mua-vu-${i}.md`, article({ title: `Mùa vụ tháng ${1 + (month % 12)}`, date, category: 'Kinh tế', slug: `mua-vu-${i}` }, 'Người dân thu hoạch lúa và ngô.')];
}));
const RARE = 'Lễ hội Lồng Tồng ở Ba Bể';

describeInChromium('search on a site of many months', () => {
  const served = servedInChromium(async () => {
    const root = await makeSite({ ...MONTHS, 'content/long-tong.md': article({ title: RARE, date: '2017-01-02', category: 'Văn hóa' }, 'Người dân xuống đồng.') });
    await build({ root, outDir: join(root, 'dist') });
    return join(root, 'dist');
  });

  /** Types in the header's box; gives the count shown and the index files fetched meanwhile. */
  async function search(query: string): Promise<{ page: Page; count: string | null; fetched: string[] }> {
    const page = await served.browser.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (/^\/tim-kiem\/.*\.json$/.test(path)) fetched.push(path.slice('/tim-kiem/'.length));
    });
    await page.goto(served.server.url(''));
    await page.locator('#o-tim-kiem').fill(query);
    const status = page.locator('.search-panel [role=status]');
    await expect.poll(() => status.textContent()).toMatch(/\d+ kết quả|Không tìm thấy/);
    return { page, count: await status.textContent(), fetched };
  }

  it('finds a word of the oldest month with the list, one directory file and that month alone', async () => {
    const { page, count, fetched } = await search('long tong');
    expect(count).toBe('1 kết quả');
    expect(await page.locator('.search-panel li > a').allTextContents()).toEqual([RARE]);
    // 60 months hold bulletins; read are the list, the directory's file of each word, January 2017.
    expect(fetched.filter((file) => /^\d{4}-/.test(file))).toEqual([expect.stringMatching(/^2017-01\.[0-9a-f]{10}\.json$/)]);
    expect(fetched.filter((file) => file.startsWith('terms-')).length).toBeLessThanOrEqual(2);
    expect(fetched.length).toBeLessThanOrEqual(4);
    await page.close();
  });

  it('finds nothing without reading a month when no month holds every word', async () => {
    // "Lồng Tồng" is in January 2017, "12" in the Decembers only.
    const { page, count, fetched } = await search('long tong thang 12');
    expect(count).toBe('Không tìm thấy bản tin nào.');
    expect(fetched.filter((file) => /^\d{4}-/.test(file))).toEqual([]);
    await page.close();
  });

  it('reads the newest months first for a word every month has', async () => {
    const { page, count, fetched } = await search('thu hoach lua');
    // About 100 articles a step: the newest 15 months (105), not the 60.
    expect(count).toBe('105 kết quả trong các tin từ 10/2020');
    const months = fetched.filter((file) => /^\d{4}-/.test(file)).sort().reverse();
    expect(months).toHaveLength(15);
    expect(months[0]).toMatch(/^2021-12\./);
    expect(months[14]).toMatch(/^2020-10\./);
    await page.close();
  });
});
