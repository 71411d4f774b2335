// Making photos (src/images/encode.ts) and writing them into an article (markdown.ts, html.ts),
// in Markdown or as raw HTML (raw-images.ts).
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { createMarkdown } from '../../src/content/markdown.js';
import { encodePicture, inspectPicture, PictureProblem, widthsFor } from '../../src/images/encode.js';
import type { Photo } from '../../src/images/photos.js';
import { makePhoto } from '../../scripts/photos.mjs';

const settings = defaultConfig().images;

/** Whether EXIF data holds a GPS position: the GPS IFD pointer tag (0x8825), either byte order. */
function hasGps(exif: Buffer | undefined): boolean {
  return exif !== undefined && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
}

describe('making photos', () => {
  it('turns a photo upright by its EXIF orientation and publishes no metadata, no GPS position', async () => {
    // Stored 1200×900 (landscape), with orientation 6: the camera was held upright.
    const input = await makePhoto({ width: 1200, height: 900, gps: true, orientation: 6 });
    const before = await sharp(input).metadata();
    expect(hasGps(before.exif)).toBe(true);

    const facts = await inspectPicture(input);
    expect(facts).toEqual({ format: 'jpeg', width: 900, height: 1200 });
    const made = await encodePicture(input, facts, settings);
    expect(made.modern.map((file) => [file.name, file.type, file.width, file.height])).toEqual([
      ['480.webp', 'image/webp', 480, 640],
      ['800.webp', 'image/webp', 800, 1067],
      ['900.webp', 'image/webp', 900, 1200],
    ]);
    expect(made.fallback.map((file) => file.name)).toEqual(['480.jpg', '800.jpg', '900.jpg']);
    for (const file of [...made.modern, ...made.fallback]) {
      const meta = await sharp(file.bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect([meta.width, meta.height]).toEqual([file.width, file.height]);
    }
  });

  it('never makes a photo wider than it is', () => {
    expect(widthsFor(4000, [480, 800, 1200])).toEqual([480, 800, 1200]);
    expect(widthsFor(600, [1200, 480, 800])).toEqual([480, 600]);
    expect(widthsFor(300, [480, 800])).toEqual([300]);
  });

  it('keeps a picture with transparency as PNG, and AVIF when asked', async () => {
    const png = await sharp({ create: { width: 600, height: 400, channels: 4, background: { r: 200, g: 0, b: 0, alpha: 0.5 } } }).png().toBuffer();
    const made = await encodePicture(png, await inspectPicture(png), { ...settings, format: 'avif' });
    expect(made.modern.map((file) => file.type)).toEqual(['image/avif', 'image/avif']);
    expect(made.fallback.map((file) => file.name)).toEqual(['480.png', '600.png']);
  });

  it('passes SVG drawings and GIFs through as they are, and refuses an SVG that could run a script', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150"><rect width="300" height="150" fill="#246"/></svg>');
    const made = await encodePicture(svg, await inspectPicture(svg), settings);
    expect(made.modern).toEqual([]);
    expect(made.fallback).toEqual([{ name: '300.svg', type: 'image/svg+xml', width: 300, height: 150, bytes: svg }]);

    const gif = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#246' } }).gif().toBuffer();
    const gifMade = await encodePicture(gif, await inspectPicture(gif), settings);
    expect(gifMade.fallback.map((file) => [file.type, file.width, file.height, file.bytes])).toEqual([['image/gif', 40, 30, gif]]);

    for (const bad of ['<script>alert(1)</script>', '<rect onload="alert(1)"/>', '<a href="javascript:alert(1)"><rect/></a>', '<foreignObject/>']) {
      const hostile = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${bad}</svg>`);
      await expect(inspectPicture(hostile)).rejects.toThrow(PictureProblem);
    }
  });

  it('says a file that is not a picture is not one, and one cut off is damaged', async () => {
    await expect(inspectPicture(Buffer.from('Không phải ảnh'))).rejects.toThrow(/is not a picture/);
    const whole = await makePhoto({ width: 800, height: 600 });
    const cut = whole.subarray(0, 2000);
    await expect(encodePicture(cut, await inspectPicture(cut), settings)).rejects.toThrow(PictureProblem);
  });
});

const photo: Photo = {
  key: 'content/2020/09/anh-cau.jpg',
  digest: 'abcdefghijkl',
  width: 4000,
  height: 3000,
  modern: [480, 800].map((width) => ({ path: `anh/anh-cau-abcdefghij-${width}.webp`, type: 'image/webp', width, height: (width * 3) / 4, size: 1000 })),
  fallback: [480, 800].map((width) => ({ path: `anh/anh-cau-abcdefghij-${width}.jpg`, type: 'image/jpeg', width, height: (width * 3) / 4, size: 2000 })),
};

describe('photos in an article', () => {
  const markdown = createMarkdown({ html: false });
  const render = (body: string, firstEager = true) =>
    markdown.render(body, { file: 'a.md', line: 1 }, undefined, { find: (target) => (target === 'anh-cau.jpg' ? photo : undefined), root: '../../', firstEager });

  it('writes a picture with every size, its box, and loads all but the first lazily', () => {
    const html = render('![Cầu mới](anh-cau.jpg)\n\n![Cầu mới](anh-cau.jpg)');
    const [first, second] = html.split('\n');
    expect(first).toBe([
      '<p><picture><source type="image/webp" srcset="../../anh/anh-cau-abcdefghij-480.webp 480w, ../../anh/anh-cau-abcdefghij-800.webp 800w" sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)">',
      '<img src="../../anh/anh-cau-abcdefghij-800.jpg" srcset="../../anh/anh-cau-abcdefghij-480.jpg 480w, ../../anh/anh-cau-abcdefghij-800.jpg 800w" sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)" width="800" height="600" alt="Cầu mới" fetchpriority="high" decoding="async"></picture></p>',
    ].join(''));
    expect(second).toBe(first!.replace('fetchpriority="high"', 'loading="lazy"'));
    expect(render('![Cầu](anh-cau.jpg)', false)).toContain('loading="lazy"');
  });

  it('finds a photo whose name has Vietnamese letters or spaces, which markdown-it percent-encodes', () => {
    const find = (target: string) => (target === 'ảnh cầu.jpg' ? photo : undefined);
    const html = markdown.render('![Cầu mới](<ảnh cầu.jpg>)', { file: 'a.md', line: 1 }, undefined, { find, root: '../../', firstEager: true });
    expect(html).toContain('<picture>');
    expect(markdown.references('![Cầu mới](<ảnh cầu.jpg>)', 1)[0]!.target).toBe('ảnh cầu.jpg');
  });

  it('makes an image alone in its paragraph with a title a figure with its caption and credit line', () => {
    const html = render('![Cầu mới](anh-cau.jpg "Cầu mới nối hai bờ <sông> | Ảnh: Hà Linh")');
    expect(html).toMatch(/^<figure><picture>.*alt="Cầu mới" fetchpriority="high" decoding="async"><\/picture><figcaption>Cầu mới nối hai bờ &lt;sông&gt; <span class="credit">Ảnh: Hà Linh<\/span><\/figcaption><\/figure>\n$/);
    expect(html).not.toContain('title=');
    // A picture bantin did not make (another site's) is a figure too; in a sentence, it is not.
    expect(render('![Ảnh](https://x.example/a.jpg "Chú thích")')).toBe('<figure><img src="https://x.example/a.jpg" alt="Ảnh" loading="lazy" decoding="async"><figcaption>Chú thích</figcaption></figure>\n');
    expect(render('Xem ![Ảnh](anh-cau.jpg "Chú thích") ở đây.')).toContain('title="Chú thích"');
  });
});

describe('an <img> written as raw HTML', () => {
  const markdown = createMarkdown({ html: true });
  const render = (body: string, firstEager = true) =>
    markdown.render(body, { file: 'a.md', line: 1 }, undefined, { find: (target) => (target === 'anh-cau.jpg' ? photo : undefined), root: '../../', firstEager });
  const markdownPicture = (alt: string) => render(`![${alt}](anh-cau.jpg)`).replace(/^<p>|<\/p>\n$/g, '');

  it('is a photo of the site as a Markdown image is: every size, its box, the first at once', () => {
    const html = render('<figure>\n<img src="anh&#45;cau.jpg" alt="Cầu &amp; sông" class="lon">\n<figcaption>Cầu mới</figcaption>\n</figure>\n\nVăn bản <img src=\'anh-cau.jpg\' alt="Cầu"/> giữa dòng.');
    expect(html).toContain(`<figure>\n${markdownPicture('Cầu & sông')}\n<figcaption>`);
    expect(html).toContain(`Văn bản ${markdownPicture('Cầu').replace('fetchpriority="high"', 'loading="lazy"')} giữa dòng.`);
    // After a cover, none is seen at once.
    expect(render('<img src="anh-cau.jpg" alt="Cầu">', false)).toContain('loading="lazy" decoding="async"');
  });

  it('loads a picture on another site lazily, and leaves a tag in a comment or without an address alone', () => {
    expect(render('<p><img src="https://x.example/a.jpg" alt="Ảnh"></p>')).toBe('<p><img src="https://x.example/a.jpg" alt="Ảnh" loading="lazy" decoding="async"></p>');
    expect(render('<p><img src="https://x.example/a.jpg" alt="a > b"></p>')).toBe('<p><img src="https://x.example/a.jpg" alt="a > b" loading="lazy" decoding="async"></p>');
    expect(render('<p><img src="https://x.example/a.jpg" alt="Ảnh" loading="eager" /></p>')).toBe('<p><img src="https://x.example/a.jpg" alt="Ảnh" loading="eager" decoding="async" /></p>');
    expect(render('<!-- <img src="anh cau.jpg"> -->\n<div><img alt="trống"></div>')).toBe('<!-- <img src="anh cau.jpg"> -->\n<div><img alt="trống"></div>');
  });

  it('is found where its address is written, with its alt text, in blocks and in sentences', () => {
    const body = 'Mở đầu.\n\n<div>\n  <img alt="" src="anh.jpg">\n</div>\n\nVăn bản <img src="/anh/b.jpg" alt=" Ruộng &amp; đồi "> và <IMG SRC=c.jpg>.\n';
    const images = markdown.references(body, 10).filter((reference) => reference.kind === 'image');
    expect(images).toEqual([
      { kind: 'image', target: 'anh.jpg', alt: '', line: 13, column: 20 },
      { kind: 'image', target: '/anh/b.jpg', alt: 'Ruộng & đồi', line: 16, column: 19 },
      { kind: 'image', target: 'c.jpg', alt: '', line: 16, column: 68 },
    ]);
    // Raw HTML off: the tag is text, not a picture.
    expect(createMarkdown({ html: false }).references(body, 10).filter((reference) => reference.kind === 'image')).toEqual([]);
  });
});
