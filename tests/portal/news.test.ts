// Several authors, pinned notices and the lead story (issue 17).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, BuildFailure, MemoryWriter } from '../../src/index.js';
import { MemorySite } from '../../src/dev/memory-site.js';
import { BuildCache } from '../../src/incremental.js';
import { article, makeSite } from '../helpers/site.js';

async function built(files: Record<string, string>, now = Date.UTC(2022, 0, 1)) {
  const root = await makeSite(files);
  const writer = new MemoryWriter();
  await build({ root, writer, now });
  return (path: string) => writer.text(path)!;
}

const noticesOf = (html: string) => {
  const start = html.indexOf('<section class="notices"');
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
};
const titlesOf = (html: string) => [...html.matchAll(/<h2 class="article-item__title"><a [^>]*>([^<]+)</g)].map((m) => m[1]);

describe('several authors', () => {
  it('signs the article with every author, each with a page, and lists them in JSON-LD', async () => {
    const text = await built({
      'bantin.yaml': 'baseUrl: https://tin.example/\n',
      'content/tin-chung.md': article({ title: 'Tin chung', author: '[Minh Hiệp, Thu Hà]' }),
      'content/tin-rieng.md': article({ title: 'Tin riêng', author: null, authors: '[Thu Hà]', date: '2020-09-09' }),
    });
    const html = text('tin-chung/index.html');
    expect(html).toContain('<a href="../tac-gia/minh-hiep/" rel="author">Minh Hiệp</a>, <a href="../tac-gia/thu-ha/" rel="author">Thu Hà</a></p>');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as { author: unknown };
    expect(jsonLd.author).toEqual([
      { '@type': 'Person', name: 'Minh Hiệp', url: 'https://tin.example/tac-gia/minh-hiep/' },
      { '@type': 'Person', name: 'Thu Hà', url: 'https://tin.example/tac-gia/thu-ha/' },
    ]);
    expect(titlesOf(text('tac-gia/minh-hiep/index.html'))).toEqual(['Tin chung']);
    expect(titlesOf(text('tac-gia/thu-ha/index.html'))).toEqual(['Tin riêng', 'Tin chung']);
    const feed = JSON.parse(text('feed.json')) as { items: { title: string; authors: unknown }[] };
    expect(feed.items.find((item) => item.title === 'Tin chung')!.authors).toEqual([{ name: 'Minh Hiệp' }, { name: 'Thu Hà' }]);
  });

  it('refuses author: and authors: together, and a list of something else, at their lines', async () => {
    const root = await makeSite({
      'content/a.md': article({ title: 'A', authors: '[Thu Hà]' }),
      'content/b.md': article({ title: 'B', author: '[Thu Hà, 3]' }),
    });
    const error = await build({ root, writer: new MemoryWriter() }).then(() => undefined, (e: unknown) => e);
    const problems = (error as BuildFailure).problems.map((problem) => problem.format());
    expect(problems).toContainEqual(expect.stringMatching(/^content\/a\.md:5:1 +The article has both author: and authors:/));
    expect(problems).toContainEqual(expect.stringMatching(/^content\/b\.md:4:9 +author must be a name, or a list of names/));
  });
});

describe('pinned notices and the lead story', () => {
  const site = {
    'content/cu.md': article({ title: 'Thông báo lịch tiếp dân', date: '2020-01-05', category: 'Thời sự', pinned: 'true' }),
    'content/han.md': article({ title: 'Thông báo tuyển dụng', date: '2020-02-05', category: 'Kinh tế', pinned: '2021-12-31' }),
    'content/het.md': article({ title: 'Thông báo cũ', date: '2020-03-05', category: 'Kinh tế', pinned: '2021-06-30' }),
    'content/noi-bat.md': article({ title: 'Tin nổi bật', date: '2020-04-05', featured: 'true' }),
    ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`content/tin-${i}.md`, article({ title: `Tin ${i}`, date: `2021-0${1 + (i % 9)}-1${i % 10}`, category: 'Kinh tế' })])),
  };

  it('keeps notices at the top of the home page and their section until their date', async () => {
    const text = await built(site, Date.parse('2021-12-31T12:00:00+07:00'));
    const home = noticesOf(text('index.html'));
    expect(home).toContain('Thông báo lịch tiếp dân');
    expect(home).toContain('Thông báo tuyển dụng');
    expect(home).not.toContain('Thông báo cũ');
    expect(noticesOf(text('chuyen-muc/thoi-su/index.html'))).toContain('Thông báo lịch tiếp dân');
    expect(noticesOf(text('chuyen-muc/thoi-su/index.html'))).not.toContain('tuyển dụng');
    expect(noticesOf(text('chuyen-muc/kinh-te/index.html'))).toContain('Thông báo tuyển dụng');
    expect(noticesOf(text('trang/2/index.html'))).toBe('');
    // The day after its date, the notice is down.
    const later = await built(site, Date.parse('2022-01-01T00:00:00+07:00'));
    expect(noticesOf(later('index.html'))).not.toContain('tuyển dụng');
    expect(noticesOf(later('index.html'))).toContain('lịch tiếp dân');
  });

  it('gives the featured article the lead slot of the home page, once', async () => {
    const text = await built(site);
    const home = text('index.html');
    const lead = home.slice(home.indexOf('<section class="lead-story"'), home.indexOf('</section>', home.indexOf('<section class="lead-story"')));
    expect(titlesOf(lead)).toEqual(['Tin nổi bật']);
    expect(titlesOf(home)[0]).toBe('Tin nổi bật');
    const everyPage = [...titlesOf(home), ...titlesOf(text('trang/2/index.html'))];
    expect(everyPage.filter((title) => title === 'Tin nổi bật')).toHaveLength(1);
    expect(everyPage).toHaveLength(16);
  });

  it('bantin build run again after a notice\'s date takes it down, though no file changed', async () => {
    const root = await makeSite(site);
    await build({ root, incremental: true, now: Date.parse('2021-12-31T12:00:00+07:00') });
    const { readFile } = await import('node:fs/promises');
    const home = () => readFile(join(root, 'dist/index.html'), 'utf8');
    expect(noticesOf(await home())).toContain('Thông báo tuyển dụng');
    // Before the end of that day nothing is due: every file is kept.
    expect((await build({ root, incremental: true, now: Date.parse('2021-12-31T20:00:00+07:00') })).rendered).toBe(0);
    await build({ root, incremental: true, now: Date.parse('2022-01-01T00:30:00+07:00') });
    expect(noticesOf(await home())).not.toContain('Thông báo tuyển dụng');
  });

  it('re-renders the home page when a notice comes down, with nothing else changed', async () => {
    const root = await makeSite(site);
    const memory = new MemorySite();
    const cache = new BuildCache();
    await build({ root, writer: memory, cache, now: Date.parse('2021-12-31T12:00:00+07:00') });
    await build({ root, writer: memory, cache, now: Date.parse('2022-01-01T12:00:00+07:00') });
    expect(memory.changedPaths).toContain('index.html');
    expect(memory.changedPaths).toContain('chuyen-muc/kinh-te/index.html');
    expect(memory.changedPaths).not.toContain('chuyen-muc/thoi-su/index.html');
  });
});
