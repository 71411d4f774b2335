// Pictures bantin does not make: a cover on another site, used as its address says and never
// fetched; and pictures written as raw HTML (`<img>`) in sites that allow it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, BuildFailure } from '../../src/index.js';
import { checkSite } from '../../src/check/check.js';
import { article, makeSite } from '../helpers/site.js';
import { said } from '../helpers/messages.js';
import { makePhoto } from '../../scripts/photos.mjs';

const config = 'title: Bản tin ảnh\nbaseUrl: https://tin.example/bantin/\npermalink: /:year/:month/:slug/\n';
const COVER = 'https://anh.example/2020/cau%20moi.jpg?w=1200';

describe('a cover on another site', { timeout: 120_000 }, () => {
  it('is shown as written on the article, its listings, share previews, NewsArticle and the feeds', async () => {
    const root = await makeSite({
      'bantin.yaml': config,
      'content/2020/09/cau-moi.md': article({ title: 'Cầu mới', image: COVER, image_alt: 'Cây cầu mới', image_width: '1200', image_height: '800' }),
      'content/2020/09/cho.md': article({ title: 'Chợ phiên', date: '2020-09-07', image: 'https://anh.example/cho', image_alt: 'Chợ phiên' }),
    });
    const out = join(root, 'dist');
    const result = await build({ root, outDir: out });
    expect(result.warnings).toEqual([]);
    const read = (path: string) => readFile(join(out, path), 'utf8');
    const page = await read('2020/09/cau-moi/index.html');
    // Not made, not fetched: its address as the editor wrote it, its box as the front-matter gives it, seen at once.
    expect(page).toContain(`<figure class="article__cover"><img src="${COVER}" width="1200" height="800" alt="Cây cầu mới" fetchpriority="high" decoding="async"></figure>`);
    expect(page).toContain(`<meta property="og:image" content="${COVER}">`);
    expect(page).toContain('<meta property="og:image:type" content="image/jpeg">');
    expect(page).toContain('<meta property="og:image:width" content="1200">');
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image">');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!) as { image: unknown };
    expect(jsonLd.image).toEqual([{ '@type': 'ImageObject', url: COVER, width: 1200, height: 800 }]);

    // Without a size or a known type, the preview says only what bantin knows.
    const other = await read('2020/09/cho/index.html');
    expect(other).toContain('<meta property="og:image" content="https://anh.example/cho">');
    expect(other).not.toMatch(/og:image:(width|height|type)/);
    expect(other).toContain('<img src="https://anh.example/cho" alt="Chợ phiên" fetchpriority="high" decoding="async">');

    const home = await read('index.html');
    expect(home).toContain(`<img src="${COVER}" width="1200" height="800" alt="Cây cầu mới"`);
    expect(home).toMatch(/<img src="https:\/\/anh\.example\/cho" alt="Chợ phiên" (loading="lazy"|fetchpriority="high") decoding="async">/);

    const rss = await read('rss.xml');
    expect(rss).toContain(`<enclosure url="${COVER.replace('&', '&amp;')}" length="0" type="image/jpeg"/>`);
    // RSS needs a type: a picture whose address says none has no enclosure there.
    expect(rss.match(/<enclosure /g)).toHaveLength(1);
    const atom = await read('atom.xml');
    expect(atom).toContain(`<link rel="enclosure" type="image/jpeg" href="${COVER}"/>`);
    expect(atom).toContain('<link rel="enclosure" href="https://anh.example/cho"/>');
    const json = JSON.parse(await read('feed.json')) as { items: { image?: string }[] };
    expect(json.items.map((item) => item.image)).toEqual([COVER, 'https://anh.example/cho']);
  });

  it('warns of a missing alt text and of an address that is not on the web; a size needs both its numbers', async () => {
    const root = await makeSite({
      'bantin.yaml': config,
      'content/2020/09/cau-moi.md': article({ title: 'Cầu mới', image: COVER }),
      'content/2020/09/cho.md': article({ title: 'Chợ', date: '2020-09-07', image: 'ftp://anh.example/cho.jpg', image_alt: 'Chợ' }),
    });
    const result = await build({ root, outDir: join(root, 'dist') });
    expect(result.warnings.map((warning) => said(warning))).toEqual([
      expect.stringMatching(/^content\/2020\/09\/cau-moi\.md:5:8 {2}The cover picture "https:\/\/anh\.example\/2020\/cau%20moi\.jpg\?w=1200" has no alt text/),
      expect.stringMatching(/^content\/2020\/09\/cho\.md:5:8 {2}The cover picture "ftp:\/\/anh\.example\/cho\.jpg" is not shown: .* starting with https:\/\//),
    ]);

    const halfSized = await makeSite({ 'bantin.yaml': config, 'content/2020/09/cau-moi.md': article({ title: 'Cầu mới', image: COVER, image_alt: 'Cầu', image_width: '1200' }) });
    const failure = await build({ root: halfSized, outDir: join(halfSized, 'dist') }).catch((error: unknown) => error);
    expect((failure as BuildFailure).problems.map((problem) => problem.format())).toEqual([
      expect.stringMatching(/^content\/2020\/09\/cau-moi\.md:7:1 {2}image_width and image_height go together/),
    ]);
  });
});

describe('an <img> written as raw HTML', { timeout: 180_000 }, () => {
  const html = 'title: Bản tin ảnh\nbaseUrl: https://tin.example/bantin/\npermalink: /:year/:month/:slug/\nmarkdown:\n  html: true\n  sanitize: true\n';

  it('is made and shown as a Markdown image is, wherever its file is; one on another site loads lazily', async () => {
    const [photo] = await Promise.all([makePhoto({ width: 1000, height: 750, seed: 4 })]);
    const root = await makeSite({
      'bantin.yaml': html,
      'content/2020/09/cau-moi.md': article({ title: 'Cầu mới' }, [
        '<figure>\n<img src="ảnh-cầu.jpg" alt="Cây cầu mới">\n<figcaption>Cầu mới</figcaption>\n</figure>',
        'Văn bản <img src="../../../static/anh/ruong.jpg" alt="Ruộng"> và <img src="https://anh.example/a.jpg" alt="Ảnh">.',
        '![Cây cầu mới](ảnh-cầu.jpg)',
      ].join('\n\n')),
      'content/2020/09/ảnh-cầu.jpg': photo!,
      'static/anh/ruong.jpg': photo!,
    });
    const out = join(root, 'dist');
    await build({ root, outDir: out });
    const page = await readFile(join(out, '2020/09/cau-moi/index.html'), 'utf8');
    const pictures = page.match(/<picture>.*?<\/picture>/g) ?? [];
    expect(pictures).toHaveLength(3);
    expect(pictures[0]).toMatch(/^<picture><source type="image\/webp" srcset="\.\.\/\.\.\/\.\.\/anh\/anh-cau-[\w-]{10}-480\.webp 480w, .*" width="1000" height="750" alt="Cây cầu mới" fetchpriority="high" decoding="async"( \/)?><\/picture>$/);
    expect(pictures[1]).toContain('alt="Ruộng" loading="lazy" decoding="async"');
    // The same file written both ways is the same photo.
    expect(pictures[2]).toBe(pictures[0]!.replace('fetchpriority="high"', 'loading="lazy"'));
    // (The sanitiser writes void tags with " />".)
    expect(page).toContain('<img src="https://anh.example/a.jpg" alt="Ảnh" loading="lazy" decoding="async" />');
  });

  it('is an error where it is written when its file is missing or it has no alt text', async () => {
    const root = await makeSite({
      'bantin.yaml': html,
      'content/2020/09/loi.md': article({ title: 'Lỗi' }, 'Mở đầu.\n\n<p>\n  <img src="khong-co.jpg" alt="Mất">\n</p>\n\nVăn bản <img src="/anh/a.jpg">.\n'),
      'static/anh/a.jpg': await makePhoto({ width: 600, height: 450, seed: 5 }),
    });
    const failure = await build({ root, outDir: join(root, 'dist') }).catch((error: unknown) => error);
    expect((failure as BuildFailure).problems.map((problem) => problem.format())).toEqual([
      'content/2020/09/loi.md:10:13  The image "khong-co.jpg" is not there: bantin looked for content/2020/09/khong-co.jpg and static/2020/09/loi/khong-co.jpg. Put the file there (beside the article, or in static/), or correct the address.',
      expect.stringMatching(/^content\/2020\/09\/loi\.md:13:19 {2}The image "\/anh\/a\.jpg" has no alt text\./),
    ]);
    // `bantin check` says the same, at the same places.
    const report = await checkSite({ root });
    expect(report.problems.filter((problem) => problem.file?.endsWith('loi.md')).map((problem) => [problem.severity, problem.line, problem.column])).toEqual([['error', 10, 13], ['error', 13, 19]]);
  });
});
