// Writes a deterministic corpus of Vietnamese bulletins for benchmarks: N articles of about 700 words,
// each with P photos beside it (a cover and the rest in its text) when P is given.
// Usage: node generate.mjs <folder> <count> [photos per article]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [, , folder, countText = '4000', photosText = '0'] = process.argv;
if (!folder) {
  console.error('usage: node generate.mjs <folder> <count>');
  process.exit(2);
}
const count = Number(countText);
const photos = Number(photosText);
/** Photos are 1200×900 JPEGs, as an editor's resized upload; drawn by scripts/photos.mjs. */
const PHOTO = { width: 1200, height: 900 };
const makePhoto = photos > 0 ? await (await import('../scripts/photos.mjs')).photoSeries(PHOTO.width, PHOTO.height) : undefined;
const pending = [];

// A small linear congruential generator: the same corpus on every machine, for every run.
let seed = 20200908;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

const words = (
  'tỉnh huyện xã thôn bản người dân cán bộ chính quyền phát triển kinh tế xã hội nông nghiệp sản xuất ' +
  'hợp tác xã giáo dục học sinh giáo viên trường học y tế sức khỏe cộng đồng an ninh trật tự giao thông ' +
  'đường bê tông công trình dự án đầu tư ngân sách kế hoạch năm nay tháng trước kết quả tích cực hiệu quả ' +
  'triển khai thực hiện chương trình mục tiêu quốc gia nông thôn mới giảm nghèo bền vững văn hóa lễ hội ' +
  'du lịch hồ Ba Bể Bắc Kạn Chợ Đồn Na Rì Pác Nặm Ngân Sơn Bạch Thông cây trồng vật nuôi thu nhập ổn định ' +
  'đời sống vật chất tinh thần đồng bào dân tộc thiểu số phong trào thi đua khen thưởng chỉ đạo sát sao'
).split(' ');
const sections = ['Thời sự', 'Kinh tế', 'Văn hóa - Xã hội', 'Giáo dục', 'Y tế', 'Nông nghiệp'];
const authors = ['Minh Hiệp', 'Hoàng Lan', 'Nông Văn Tùng', 'Ma Thị Thu', 'Lường Thị Mai', 'Triệu Đức Hải', 'Bế Văn Khánh'];
const tags = ['nông thôn mới', 'giảm nghèo', 'chuyển đổi số', 'an ninh', 'du lịch', 'học sinh', 'y tế', 'giao thông', 'hợp tác xã', 'lễ hội'];

const sentence = (length) => {
  const text = Array.from({ length }, () => pick(words)).join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
};
const paragraph = () => Array.from({ length: 4 + Math.floor(random() * 3) }, () => sentence(10 + Math.floor(random() * 12))).join(' ');

rmSync(folder, { recursive: true, force: true });
for (let i = 0; i < count; i++) {
  const year = 2016 + (i % 9);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const title = `${sentence(6 + Math.floor(random() * 6)).slice(0, -1)} (số ${i + 1})`;
  const articleTags = [...new Set([pick(tags), pick(tags)])];
  const body = [];
  for (let section = 0; section < 4; section++) {
    body.push(`## ${sentence(5).slice(0, -1)}`, '', paragraph(), '', paragraph(), '');
    if (section === 1) body.push(`- ${sentence(8)}`, `- ${sentence(7)}`, `- ${sentence(9)}`, '');
    // A link written to an article's file, as editors write them (here its own, the one whose folder is known).
    if (section === 2) body.push(`Xem thêm [tin liên quan](bai-${i + 1}.md) và **${sentence(4)}**`, '');
  }
  const pictures = Array.from({ length: photos }, (_, n) => `anh-${i + 1}-${n + 1}.jpg`);
  // The cover first; the others after the first two sections of the text.
  for (const [n, name] of pictures.slice(1).entries()) body.splice(12 + n * 2, 0, `![Ảnh ${n + 2} của bài ${i + 1}](${name} "${sentence(6)} | Ảnh: ${pick(authors)}")`, '');
  const text = [
    '---',
    ...(pictures.length > 0 ? [`image: ${pictures[0]}`, `image_alt: "Ảnh bìa của bài ${i + 1}"`] : []),
    `title: "${title}"`,
    `date: ${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    `author: ${pick(authors)}`,
    `category: ${pick(sections)}`,
    `tags: [${articleTags.join(', ')}]`,
    `summary: "${sentence(25)}"`,
    '---',
    '',
    ...body,
  ].join('\n');
  const dir = join(folder, 'content', String(year), String(month).padStart(2, '0'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `bai-${i + 1}.md`), text);
  for (const [n, name] of pictures.entries()) pending.push({ n: i * photos + n, path: join(dir, name) });
}
// Two bulletins whose words the others never use, for search: one in the oldest month only (a rare
// word: "bình yên"), and one in the newest year; their titles differ only by tone marks.
const rare = [
  ['2016/01', 'ho-an-toan', 'Hộ an toàn, thôn bản bình yên ở Chợ Đồn', '2016-01-01'],
  ['2024/12', 'ho-du-khach', 'Hồ an toàn cho du khách mùa lễ hội', '2024-12-28'],
];
if (count >= 1000) {
  for (const [month, name, title, date] of rare) {
    mkdirSync(join(folder, 'content', month), { recursive: true });
    writeFileSync(join(folder, 'content', month, `${name}.md`), `---\ntitle: "${title}"\ndate: ${date}\nauthor: Minh Hiệp\ncategory: Thời sự\n---\n\n${title}.\n`);
  }
}
// Two at a time: drawing is mostly sharp's work, on its own threads.
let next = 0;
await Promise.all([0, 1].map(async () => {
  while (next < pending.length) {
    const { n, path } = pending[next++];
    writeFileSync(path, await makePhoto(n));
    if (next % 300 === 0) process.stdout.write(`  photos: ${next}/${pending.length}\r`);
  }
}));
console.log(`wrote ${count} articles${photos > 0 ? ` with ${pending.length} photos` : ''} to ${folder}/content`);
