// End to end: the reference bulletin imported into a new site and built shows what the old
// portal showed: date, title, lead, body and the author signed at the end.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { build, MemoryWriter } from '../../src/index.js';
import { importArchive } from '../../src/import/import.js';
import { makeSite } from '../helpers/site.js';

const REFERENCE = new URL('../fixtures/import/portal-article.txt', import.meta.url);
const lines = readFileSync(REFERENCE, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line !== '');

/** `&`, `<`, `>` and `"` as the page writes them. */
const escaped = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

describe('an imported bulletin, built', () => {
  it('shows the same facts as the old portal, in the same order', async () => {
    const root = await makeSite({ 'bantin.yaml': 'title: Bản tin Bắc Kạn\n' });
    const report = await importArchive({ paths: [REFERENCE.pathname], root });
    expect(report.entries.map((entry) => entry.status)).toEqual(['imported']);

    const writer = new MemoryWriter();
    const result = await build({ root, writer, now: Date.UTC(2024, 0, 1) });
    expect(result.articles).toBe(1);
    const page = writer.text('bac-kan-tiep-tuc-nhan-rong-mo-hinh-tu-quan-ho-an-toan-thon-ban-to-dan-pho-binh-yen-tren-dia-ban-tinh/index.html')!;

    const [date, title, lead] = [lines[1]!, lines[3]!, lines[4]!];
    const paragraphs = lines.slice(6, -1);
    expect(date).toBe('08/09/2020');
    expect(paragraphs).toHaveLength(9);
    const inOrder = [
      '<time datetime="2020-09-08T00:00:00+07:00">Thứ Ba, 08/09/2020</time>',
      `<h1 id="tieu-de" class="article__title">${escaped(title)}</h1>`,
      `<p class="article__lead">${escaped(lead)}</p>`,
      ...paragraphs.map((text) => `<p>${escaped(text.replace(/\s+/gu, ' '))}</p>`),
      'rel="author">Minh Hiệp</a></p>',
    ];
    let from = page.indexOf('<main');
    for (const part of inOrder) {
      const at = page.indexOf(part, from);
      expect(at, part.slice(0, 60)).toBeGreaterThan(from);
      from = at;
    }
    // Nothing of the old page's furniture came along.
    expect(page).not.toMatch(/PublishingPortal|Block_BanTin|Tăng cỡ chữ Giảm cỡ chữ/);
  });
});
