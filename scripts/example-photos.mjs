// Draws the example site's photos (scripts/photos.mjs): landscapes made for bantin, no one else's
// pictures. Run again only to change them: node scripts/example-photos.mjs
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { makePhoto } from './photos.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const PHOTOS = [
  // seed % 4 picks the scene: 0 a bridge, 1 fields at dusk, 2 houses, 3 fields.
  { path: 'content/2020/09/thon-ban-binh-yen.jpg', seed: 6 },
  { path: 'content/2020/09/ruong-bac-thang.jpg', seed: 7 },
  { path: 'content/2021/11/cau-noi-trung-tam.jpg', seed: 4 },
  { path: 'content/2021/10/canh-dong-vung-cao.jpg', seed: 3 },
  { path: 'static/anh/chia-se.jpg', seed: 9, label: 'Bản tin Bắc Kạn' },
];

for (const { path, seed, label = '' } of PHOTOS) {
  await writeFile(REPO + path, await makePhoto({ width: 1200, height: 900, seed, label, grain: 0.3, quality: 75 }));
  console.log(`drew ${path}`);
}
