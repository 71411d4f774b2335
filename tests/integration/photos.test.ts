// Photos in a built site: where they live, the pages that show them, and what a rebuild makes again.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, BuildFailure } from '../../src/index.js';
import { checkSite } from '../../src/check/check.js';
import { MemorySite } from '../../src/dev/memory-site.js';
import { BuildCache } from '../../src/incremental.js';
import { article, makeSite, snapshot } from '../helpers/site.js';
import { makePhoto } from '../../scripts/photos.mjs';
import { said } from '../helpers/messages.js';

let photos: Buffer[];
beforeAll(async () => {
  photos = await Promise.all([1, 2, 3].map((seed) => makePhoto({ width: 1400, height: 1050, seed })));
}, 120_000);

const config = 'title: Bản tin ảnh\nbaseUrl: https://tin.example/bantin/\npermalink: /:year/:month/:slug/\nimages:\n  default: /anh-chung/chia-se.jpg\n';

function files(): Record<string, string | Uint8Array> {
  return {
    'bantin.yaml': config,
    'content/2020/09/cau-moi.md': article(
      { title: 'Cầu mới', image: 'anh-cau.jpg', image_alt: 'Cây cầu mới bắc qua sông', category: 'Thời sự' },
      'Mở đầu.\n\n![Ruộng bậc thang](/anh-chung/ruong.jpg "Ruộng lúa chín | Ảnh: Ban Biên tập")\n',
    ),
    'content/2020/09/anh-cau.jpg': photos[0]!,
    'content/2020/09/tin-khong-anh.md': article({ title: 'Tin không ảnh', date: '2020-09-07', category: 'Thời sự' }),
    'static/anh-chung/ruong.jpg': photos[1]!,
    'static/anh-chung/chia-se.jpg': photos[2]!,
  };
}

async function cleanBuild(root: string): Promise<Record<string, string>> {
  const out = join(await makeSite({}), 'dist');
  await build({ root, outDir: out });
  return snapshot(out);
}

// Each test builds a site several times, photos and all: more than the default 30 s on a busy machine.
describe('photos in a built site', { timeout: 180_000 }, () => {
  it('serves photos beside an article and in static/ from any address, and makes each once', async () => {
    const root = await makeSite(files());
    const outDir = join(root, 'dist');
    const first = await build({ root, outDir, incremental: true });
    expect(first.photosMade).toBe(3);
    const page = await readFile(join(outDir, '2020/09/cau-moi/index.html'), 'utf8');
    // Links relative to the page: the site works in its sub-folder, at a domain's root, from disk.
    const cover = /<figure class="article__cover"><picture><source type="image\/webp" srcset="(\.\.\/\.\.\/\.\.\/anh\/anh-cau-[\w-]{10}-(480|800|1200)\.webp \d+w(, )?){3}"/;
    expect(page).toMatch(cover);
    expect(page).toMatch(/<figure><picture>.*src="\.\.\/\.\.\/\.\.\/anh\/ruong-[\w-]{10}-800\.jpg".*width="1200" height="900" alt="Ruộng bậc thang" loading="lazy" decoding="async"><\/picture><figcaption>Ruộng lúa chín <span class="credit">Ảnh: Ban Biên tập<\/span><\/figcaption><\/figure>/);
    for (const [, src] of page.matchAll(/(?:src|srcset)="\.\.\/\.\.\/\.\.\/([^" ]+)/g)) expect(await readFile(join(outDir, src!))).toBeTruthy();
    expect(page).toMatch(/<meta property="og:image" content="https:\/\/tin\.example\/bantin\/anh\/anh-cau-[\w-]{10}-1200\.jpg">\n<meta property="og:image:type" content="image\/jpeg">\n<meta property="og:image:width" content="1200">\n<meta property="og:image:height" content="900">\n<meta property="og:image:alt" content="Cây cầu mới bắc qua sông">/);
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(page).toMatch(/"image":\[\{"@type":"ImageObject","url":"https:\/\/tin\.example\/bantin\/anh\/anh-cau-[\w-]{10}-1200\.jpg","width":1200,"height":900\}\]/);

    // The home page's lead story has its photo across the column, seen at once; the article without one shares the default picture.
    const home = await readFile(join(outDir, 'index.html'), 'utf8');
    expect(home).toMatch(/<a class="article-item__lead-photo"[^>]*><picture>.*fetchpriority="high"/);
    expect(home).toMatch(/og:image" content="https:\/\/tin\.example\/bantin\/anh\/chia-se-[\w-]{10}-1200\.jpg"/);
    const other = await readFile(join(outDir, '2020/09/tin-khong-anh/index.html'), 'utf8');
    expect(other).toMatch(/og:image" content="[^"]*chia-se-/);
    expect(other).not.toContain('article__cover');
    const section = await readFile(join(outDir, 'chuyen-muc/thoi-su/index.html'), 'utf8');
    expect(section).toMatch(/<a class="article-item__thumb" href="\.\.\/\.\.\/2020\/09\/cau-moi\/"[^>]*><picture><source [^>]*sizes="8rem">.*loading="lazy"/);

    // Feeds: an RSS enclosure, an Atom enclosure link, a JSON Feed image; full-text srcsets absolute.
    const rss = await readFile(join(outDir, 'rss.xml'), 'utf8');
    expect(rss).toMatch(/<enclosure url="https:\/\/tin\.example\/bantin\/anh\/anh-cau-[\w-]{10}-1200\.jpg" length="\d+" type="image\/jpeg"\/>/);
    expect(await readFile(join(outDir, 'atom.xml'), 'utf8')).toMatch(/<link rel="enclosure" type="image\/jpeg" length="\d+" href="https:\/\/tin\.example\/bantin\/anh\/anh-cau-/);
    const json = JSON.parse(await readFile(join(outDir, 'feed.json'), 'utf8')) as { items: { image?: string }[] };
    expect(json.items[0]!.image).toMatch(/^https:\/\/tin\.example\/bantin\/anh\/anh-cau-/);

    // The original beside the article is not published; the one in static/ is, as every static file.
    expect(Object.keys(await snapshot(outDir)).filter((path) => path.endsWith('anh-cau.jpg'))).toEqual([]);
  });

  it('encodes nothing again on a rebuild, nor after the record is gone; a changed photo renders again only the pages that show it', async () => {
    const root = await makeSite(files());
    const outDir = join(root, 'dist');
    await build({ root, outDir, incremental: true });

    const again = await build({ root, outDir, incremental: true });
    expect(again.photosMade).toBe(0);
    expect(again.rendered).toBeLessThanOrEqual(1);

    // Without the record, the photos made before are found by their bytes and settings.
    const fresh = await build({ root, outDir });
    expect(fresh.photosMade).toBe(0);
    await build({ root, outDir, incremental: true });

    await writeFile(join(root, 'content/2020/09/anh-cau.jpg'), await makePhoto({ width: 1400, height: 1050, seed: 7 }));
    const changed = await build({ root, outDir, incremental: true });
    expect(changed.photosMade).toBe(1);
    // Its article, the listings that show its thumbnail (home, section, author, archive year and
    // month), the three feeds; not the article without a photo, nor the tag and author indexes.
    expect(changed.rendered).toBeGreaterThanOrEqual(6);
    expect(changed.rendered).toBeLessThanOrEqual(12);
    expect(await snapshot(outDir)).toEqual(await cleanBuild(root));
  });

  it('knows which pages show a photo: a changed one changes those pages and its own files, nothing else', async () => {
    const root = await makeSite(files());
    const site = new MemorySite();
    const cache = new BuildCache();
    await build({ root, writer: site, cache });
    await writeFile(join(root, 'content/2020/09/anh-cau.jpg'), await makePhoto({ width: 1400, height: 1050, seed: 8 }));
    const result = await build({ root, writer: site, cache });
    expect(result.photosMade).toBe(1);
    const pages = site.changedPaths.filter((path) => !path.startsWith('anh/')).sort();
    expect(pages).toEqual([
      '2020/09/cau-moi/index.html', 'atom.xml', 'chuyen-muc/thoi-su/atom.xml',
      'chuyen-muc/thoi-su/feed.json', 'chuyen-muc/thoi-su/index.html', 'chuyen-muc/thoi-su/rss.xml', 'feed.json', 'index.html',
      'luu-tru/2020/09/index.html', 'luu-tru/2020/index.html', 'rss.xml',
      'tac-gia/minh-hiep/index.html',
    ]);
    // Six new files (three widths, two formats), and the old six gone.
    expect(site.changedPaths.filter((path) => path.startsWith('anh/anh-cau-'))).toHaveLength(12);
  });

  it('serves a photo written from the article file to static/, as links by file are written', async () => {
    const root = await makeSite({
      ...files(),
      'content/2020/09/theo-tep.md': article({ title: 'Theo tệp', date: '2020-09-06' }, '![Ruộng bậc thang](../../../static/anh-chung/ruong.jpg)\n'),
    });
    const outDir = join(root, 'dist');
    await build({ root, outDir });
    const page = await readFile(join(outDir, '2020/09/theo-tep/index.html'), 'utf8');
    expect(page).toMatch(/<picture><source type="image\/webp" srcset="\.\.\/\.\.\/\.\.\/anh\/ruong-[\w-]{10}-480\.webp 480w/);
    expect(page).toContain('alt="Ruộng bậc thang"');
  });

  it('refuses a photo without alt text, a missing picture and a file that is not one, where they are written', async () => {
    const root = await makeSite({
      ...files(),
      'content/2020/09/loi.md': article({ title: 'Lỗi', image: 'khong-co.jpg' }, '![](anh-cau.jpg)\n\n![Giả](gia.jpg)\n\nXem [tin khác](khong-co.md).\n'),
      'content/2020/09/gia.jpg': 'không phải ảnh',
    });
    const failure = await build({ root, outDir: join(root, 'dist') }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildFailure);
    expect((failure as BuildFailure).problems.map((problem) => problem.format())).toEqual([
      'content/2020/09/loi.md:5:8  The cover picture "khong-co.jpg" has no alt text. Add a line "image_alt: ..." saying what it shows, for readers who cannot see it.',
      'content/2020/09/loi.md:5:8  The image "khong-co.jpg" is not there: bantin looked for content/2020/09/khong-co.jpg and static/2020/09/loi/khong-co.jpg. Put the file there (beside the article, or in static/), or correct the address.',
      'content/2020/09/loi.md:8:5  The image "anh-cau.jpg" has no alt text. Say what it shows between the brackets, such as ![Lễ khai giảng tại Bắc Kạn](anh-cau.jpg), for readers who cannot see it.',
      'content/2020/09/loi.md:10:8  The image content/2020/09/gia.jpg is not a picture (or is damaged): save it again as JPEG, PNG or WebP.',
      // A broken link is told in the same run as the photos' problems.
      expect.stringMatching(/^content\/2020\/09\/loi\.md:12:16 {2}The link "khong-co\.md" leads to the article file 2020\/09\/khong-co\.md/),
    ]);
    // `bantin check` says the same, with the same places.
    const report = await checkSite({ root });
    expect(report.problems.filter((problem) => problem.file?.endsWith('loi.md')).map((problem) => [problem.severity, problem.line, problem.column])).toEqual([
      ['error', 5, 8], ['error', 5, 8], ['error', 8, 5], ['error', 10, 8], ['error', 12, 16],
    ]);
  });

  it('only warns under brokenLinks: warn, and for a remote picture without alt text', async () => {
    const root = await makeSite({
      ...files(),
      'bantin.yaml': `${config}brokenLinks: warn\n`,
      'content/2020/09/loi.md': article({ title: 'Lỗi' }, '![](anh-cau.jpg)\n\n![Mất](mat.jpg)\n\n![](https://anh.example/a.jpg)\n'),
    });
    const result = await build({ root, outDir: join(root, 'dist') });
    expect(result.warnings.map((warning) => said(warning)!).filter((warning) => warning.includes('loi.md'))).toEqual([
      expect.stringMatching(/^content\/2020\/09\/loi\.md:7:5 {2}The image "anh-cau\.jpg" has no alt text/),
      expect.stringMatching(/^content\/2020\/09\/loi\.md:9:8 {2}The image "mat\.jpg" is not there/),
      expect.stringMatching(/^content\/2020\/09\/loi\.md:11:5 {2}The image "https:\/\/anh\.example\/a\.jpg" has no alt text/),
    ]);
  });
});
