// Photos drawn for bantin: a landscape scene (sky, hills, a river, a bridge or fields) with
// a grain like a camera's, so they weigh what real photos weigh. Used by the example content,
// the tests and the benchmark; no picture of anyone else's.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

/** A small deterministic random number generator, so the same seed draws the same photo. */
function random(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SCENES = [
  { sky: ['#8fb8de', '#e8f1f8'], hills: ['#4f7a3a', '#2f5a2a'], water: '#3f7fa8', thing: 'bridge' },
  { sky: ['#f2b27a', '#fde7c8'], hills: ['#6b8a3a', '#3e5f26'], water: '#c98a4a', thing: 'fields' },
  { sky: ['#a7c7e7', '#f4f8fb'], hills: ['#5d7d8c', '#34505e'], water: '#2f6f8f', thing: 'houses' },
  { sky: ['#cfd9e0', '#f7f7f2'], hills: ['#7a9a4a', '#4a6a2a'], water: '#5a8a6a', thing: 'fields' },
];

/** The scene as SVG, `width` by `height`. */
export function sceneSvg(width, height, seed = 1, label = '') {
  const rnd = random(seed);
  const scene = SCENES[seed % SCENES.length];
  const y = (f) => Math.round(height * f);
  const hill = (base, amp, colour) => {
    let d = `M0 ${height} L0 ${y(base)}`;
    for (let x = 0; x <= 8; x++) d += ` L${Math.round((width * x) / 8)} ${y(base - amp * rnd())}`;
    return `<path d="${d} L${width} ${height} Z" fill="${colour}"/>`;
  };
  const things = [];
  if (scene.thing === 'bridge') {
    const top = y(0.62);
    things.push(`<rect x="0" y="${top}" width="${width}" height="${y(0.03)}" fill="#6d6d6d"/>`);
    for (let i = 1; i < 6; i++) things.push(`<rect x="${Math.round((width * i) / 6) - y(0.01)}" y="${top}" width="${y(0.02)}" height="${y(0.2)}" fill="#555"/>`);
  } else if (scene.thing === 'houses') {
    for (let i = 0; i < 5; i++) {
      const x = Math.round(width * (0.1 + 0.17 * i + 0.05 * rnd()));
      const w = y(0.12);
      things.push(`<rect x="${x}" y="${y(0.58)}" width="${w}" height="${y(0.12)}" fill="#e9dcc5"/><path d="M${x - 10} ${y(0.58)} L${x + w / 2} ${y(0.5)} L${x + w + 10} ${y(0.58)} Z" fill="#a0452e"/>`);
    }
  } else {
    for (let i = 0; i < 12; i++) things.push(`<rect x="0" y="${y(0.7 + i * 0.025)}" width="${width}" height="${y(0.012)}" fill="#8fae4f" opacity="0.6"/>`);
  }
  const sun = `<circle cx="${Math.round(width * (0.2 + 0.6 * rnd()))}" cy="${y(0.18)}" r="${y(0.07)}" fill="#fff6d0"/>`;
  const text = label ? `<text x="${y(0.04)}" y="${y(0.95)}" font-family="sans-serif" font-size="${y(0.06)}" fill="#fff">${label}</text>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${scene.sky[0]}"/><stop offset="1" stop-color="${scene.sky[1]}"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#s)"/>${sun}${hill(0.5, 0.15, scene.hills[0])}${hill(0.6, 0.1, scene.hills[1])}
<rect x="0" y="${y(0.78)}" width="${width}" height="${y(0.22)}" fill="${scene.water}"/>${things.join('')}${text}</svg>`;
}

/**
 * A JPEG (or PNG) photo. `grain`: how much camera grain (0 to 1); `exif`: camera metadata with a
 * GPS position, and `orientation` the EXIF orientation, for tests that they do not reach readers.
 */
export async function makePhoto({ width = 1600, height = 1200, seed = 1, label = '', grain = 0.5, format = 'jpeg', quality = 90, gps = false, orientation } = {}) {
  // Drawn at most 1200 pixels wide, then enlarged from its pixels (librsvg drawing 4000 pixels is slow).
  const drawn = Math.min(1, 1200 / width);
  const svg = Buffer.from(sceneSvg(Math.round(width * drawn), Math.round(height * drawn), seed, label));
  const small = await sharp(svg).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const scene = await sharp(small.data, { raw: small.info }).resize(width, height).raw().toBuffer({ resolveWithObject: true });
  let image = sharp(scene.data, { raw: scene.info });
  if (grain > 0) {
    // Grain two pixels wide, as a camera's sensor and lens leave it.
    const rnd = random(seed * 7919);
    const size = { width: Math.ceil(width / 2), height: Math.ceil(height / 2), channels: 3 };
    const bytes = Buffer.alloc(size.width * size.height * 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = 128 + Math.round((rnd() + rnd() + rnd() - 1.5) * 120 * grain);
    const noise = await sharp(bytes, { raw: size }).resize(width, height).raw().toBuffer();
    image = image.composite([{ input: noise, raw: { width, height, channels: 3 }, blend: 'soft-light' }]);
  }
  image = format === 'png' ? image.png() : image.jpeg({ quality });
  if (gps) image = image.withExif({ IFD0: { Make: 'bantin', Model: 'test camera' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 8/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 50/1 0/1' } });
  if (orientation) image = image.withMetadata({ orientation });
  return image.toBuffer();
}

/**
 * Many distinct photos quickly, for the benchmark: a few scenes drawn once, each photo one of
 * them in its own tint and light under its own grain. Returns `(n) => JPEG bytes`.
 */
export async function photoSeries(width, height, { scenes = 8, grains = 8 } = {}) {
  const raw = { width, height, channels: 3 };
  const drawn = await Promise.all(Array.from({ length: scenes }, async (_, i) => {
    const image = await makePhoto({ width, height, seed: i + 1, grain: 0 });
    return sharp(image).removeAlpha().raw().toBuffer();
  }));
  const noise = await Promise.all(Array.from({ length: grains }, async (_, i) => {
    const image = await makePhoto({ width, height, seed: 100 + i, grain: 1 });
    return sharp(image).removeAlpha().raw().toBuffer();
  }));
  return (n) => sharp(drawn[n % scenes], { raw })
    // Periods 8, 64, 360 and 31: no two photos alike below 89,280.
    .modulate({ hue: (n * 37) % 360, brightness: 0.85 + (n % 31) / 100 })
    .composite([{ input: noise[Math.floor(n / scenes) % grains], raw, blend: 'soft-light' }])
    .jpeg({ quality: 88 })
    .toBuffer();
}

const PARAGRAPH = 'Sáng nay, cây cầu mới bắc qua sông Cầu đã được đưa vào sử dụng, nối liền hai xã vùng cao. '.repeat(4);

/** Where the article of `writePhotoArticle` is published. */
export const PHOTO_ARTICLE = 'khanh-thanh-cau-moi-noi-hai-xa-vung-cao/';

/**
 * A site of one article with three 4000×3000 camera-sized JPEGs (a cover and two in its text),
 * for the budget measured in Chromium and by Lighthouse.
 */
export async function writePhotoArticle(root) {
  // Grain like a camera's, so the photos weigh what photos weigh once made smaller.
  const [cover, first, second] = await Promise.all([1, 2, 3].map((seed) => makePhoto({ width: 4000, height: 3000, seed, grain: 1 })));
  const body = [PARAGRAPH, '![Người dân đi qua cầu](nguoi-dan.jpg "Người dân đi qua cầu | Ảnh: Ban Biên tập")', PARAGRAPH, PARAGRAPH, '![Ruộng bậc thang bên sông](ruong.jpg)', PARAGRAPH];
  const files = {
    'bantin.yaml': 'title: Bản tin ảnh\nbaseUrl: https://tin.example/bantin/\n',
    'content/2020/09/khanh-thanh-cau-moi-noi-hai-xa-vung-cao.md': [
      '---', 'title: Khánh thành cầu mới nối hai xã vùng cao', 'date: 2020-09-08', 'author: Minh Hiệp',
      'summary: Cây cầu dài 120 mét giúp hơn 3.000 người dân đi lại thuận tiện.', 'image: cau.jpg', 'image_alt: Cây cầu mới bắc qua sông', '---', '', ...body.flatMap((part) => [part, '']),
    ].join('\n'),
    'content/2020/09/cau.jpg': cover,
    'content/2020/09/nguoi-dan.jpg': first,
    'content/2020/09/ruong.jpg': second,
  };
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}
