// Pictures bantin does not make: a cover on another site, used as its address says and never
// fetched; and pictures written as raw HTML (`<img>`) in sites that allow it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, BuildFailure } from '../../src/index.js';
import { article, makeSite } from '../helpers/site.js';

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
    expect(result.warnings).toEqual([
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
