// Standalone pages, the agency footer, the site map and the accessibility statement (issue 17).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BantinError } from '../../src/errors.js';
import { build, BuildFailure, MemoryWriter } from '../../src/index.js';
import { MemorySite } from '../../src/dev/memory-site.js';
import { BuildCache } from '../../src/incremental.js';
import { newPage } from '../../src/commands/new-page.js';
import { parseConfig } from '../../src/config.js';
import { article, makeSite } from '../helpers/site.js';

const page = (fields: string, body = 'Nội dung trang.') => `---\n${fields}\n---\n\n${body}\n`;

const AGENCY = `agency:
  name: Ủy ban nhân dân tỉnh Bắc Kạn
  address: Số 7, đường Trường Chinh
  phone: 0209 3870 888
  fax: 0209 3870 889
  email: bbt@backan.example
  responsible: Chánh Văn phòng
  licence: Giấy phép số 01/GP-TTĐT
  links:
    - { title: Cổng thông tin Chính phủ, url: "https://chinhphu.vn/" }
`;

async function built(files: Record<string, string>) {
  const root = await makeSite(files);
  const writer = new MemoryWriter();
  const result = await build({ root, writer, now: Date.UTC(2022, 0, 1) });
  return { root, writer, result, text: (path: string) => writer.text(path)! };
}

async function failure(files: Record<string, string>): Promise<string[]> {
  const root = await makeSite(files);
  const error = await build({ root, writer: new MemoryWriter() }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BuildFailure);
  return (error as BuildFailure).problems.map((problem) => problem.format());
}

const footerOf = (html: string) => html.slice(html.indexOf('<footer'), html.indexOf('</footer>'));
const navOf = (html: string) => html.slice(html.indexOf('<nav class="site-nav"'), html.indexOf('</nav>', html.indexOf('<nav class="site-nav"')));

describe('standalone pages', () => {
  const site = {
    'content/tin-mau.md': article({ title: 'Tin mẫu', category: 'Thời sự' }),
    'pages/gioi-thieu.md': page('title: Giới thiệu\nmenu: true\nfooter: true\norder: 1', 'Bản tin của **tỉnh**.'),
    'pages/lien-he.md': page('title: Liên hệ\nfooter: true\norder: 2\ndescription: Địa chỉ và điện thoại.'),
    'pages/en/about.md': page('title: About us'),
  };

  it('puts each page at its own address in the layout, with no date and in no listing', async () => {
    const { text, writer } = await built(site);
    const html = text('gioi-thieu/index.html');
    expect(html).toContain('<h1 id="tieu-de" class="article__title">Giới thiệu</h1>');
    expect(html).toContain('Bản tin của <strong>tỉnh</strong>.');
    expect(html).toContain('class="site-header"');
    expect(html).not.toContain('<time');
    expect(text('lien-he/index.html')).toContain('<meta name="description" content="Địa chỉ và điện thoại.">');
    expect(writer.files.has('en/about/index.html')).toBe(true);
    for (const listing of ['index.html', 'luu-tru/2020/index.html', 'chuyen-muc/thoi-su/index.html']) expect(text(listing)).not.toContain('Giới thiệu</a></h2>');
  });

  it('lists pages with menu: true in the navigation bar and footer: true in every footer', async () => {
    const { text } = await built(site);
    for (const path of ['index.html', 'tin-mau/index.html', 'lien-he/index.html']) {
      const nav = navOf(text(path));
      expect(nav).toContain('>Giới thiệu</a>');
      expect(nav).not.toContain('Liên hệ');
      const footer = footerOf(text(path));
      expect(footer.indexOf('>Giới thiệu</a>')).toBeGreaterThan(0);
      expect(footer.indexOf('>Liên hệ</a>')).toBeGreaterThan(footer.indexOf('>Giới thiệu</a>'));
      expect(footer).not.toContain('About us');
    }
    expect(navOf(text('gioi-thieu/index.html'))).toContain('<a href="../gioi-thieu/" aria-current="page">Giới thiệu</a>');
  });

  it('refuses a page whose address is an article\'s or a listing\'s, naming both', async () => {
    const problems = await failure({
      'content/gioi-thieu.md': article({ title: 'Giới thiệu' }),
      'pages/gioi-thieu.md': page('title: Giới thiệu'),
      'pages/chuyen-muc.md': page('title: Chuyên mục'),
    });
    expect(problems).toContainEqual(expect.stringMatching(/^pages\/gioi-thieu\.md:1:1 .*gioi-thieu\/index\.html, where the article content\/gioi-thieu\.md goes/));
    expect(problems).toContainEqual(expect.stringMatching(/^pages\/chuyen-muc\.md:1:1 .*where the page bantin makes at chuyen-muc\/ goes/));
  });

  it('reports a page without a title, and a field of the wrong kind, at its line', async () => {
    const problems = await failure({ 'content/tin.md': article(), 'pages/x.md': page('description: Không tiêu đề\nmenu: có') });
    expect(problems).toContainEqual(expect.stringMatching(/^pages\/x\.md:\d+:\d+ +The page has no title/));
    expect(problems).toContainEqual(expect.stringMatching(/^pages\/x\.md:3:7 +menu must be true or false/));
  });

  it('re-renders only the edited page, and every page when a page joins the menu', async () => {
    const root = await makeSite({ ...site, 'bantin.yaml': 'baseUrl: https://tin.example/\n' });
    const memory = new MemorySite();
    const cache = new BuildCache();
    await build({ root, writer: memory, cache });
    await writeFile(join(root, 'pages/lien-he.md'), page('title: Liên hệ\nfooter: true\norder: 2', 'Điện thoại mới.'));
    await build({ root, writer: memory, cache });
    expect(memory.changedPaths).toEqual(['lien-he/index.html']);
    await writeFile(join(root, 'pages/en/about.md'), page('title: About us\nmenu: true'));
    await build({ root, writer: memory, cache });
    expect(memory.changedPaths).toContain('tin-mau/index.html');
    expect(memory.changedPaths).toContain('index.html');
    expect(Buffer.from(memory.get('tin-mau/index.html')!).toString()).toContain('>About us</a>');
  });

  it('bantin build run again sees a page edited, added or removed, with nothing else changed', async () => {
    const root = await makeSite(site);
    const read = (path: string) => readFile(join(root, 'dist', path), 'utf8').catch(() => undefined);
    await build({ root, incremental: true });
    await writeFile(join(root, 'pages/lien-he.md'), page('title: Liên hệ\nfooter: true', 'Số điện thoại mới.'));
    const edited = await build({ root, incremental: true });
    expect(edited.rendered).toBeGreaterThan(0);
    expect(await read('lien-he/index.html')).toContain('Số điện thoại mới.');
    await writeFile(join(root, 'pages/hoi-dap.md'), page('title: Hỏi đáp'));
    await build({ root, incremental: true });
    expect(await read('hoi-dap/index.html')).toContain('Hỏi đáp');
    const { rm } = await import('node:fs/promises');
    await rm(join(root, 'pages/hoi-dap.md'));
    await build({ root, incremental: true });
    expect(await read('hoi-dap/index.html')).toBeUndefined();
    expect((await build({ root, incremental: true })).rendered).toBe(0);
  });

  it('bantin new --page starts a page in pages/, and never replaces one', async () => {
    const root = await makeSite({ 'content/tin.md': article() });
    const made = await newPage({ title: 'Giới thiệu', root });
    expect(made.path).toBe(join(root, 'pages', 'gioi-thieu.md'));
    const text = await readFile(made.path, 'utf8');
    expect(text).toMatch(/^---\ntitle: "Giới thiệu"\n/);
    expect(text).toContain('footer: true');
    const refused = (await newPage({ title: 'Giới thiệu', root }).catch((error: unknown) => error)) as BantinError;
    expect(refused).toBeInstanceOf(BantinError);
    expect(refused.text('vi')).toContain('không ghi đè');
    expect(refused.message).toContain('bantin does not overwrite it');
    // What it starts builds as a page at once.
    await build({ root, writer: new MemoryWriter() });
  });
});

describe('the agency footer', () => {
  it('shows on every page what the agency block sets, and the builder credit without one', async () => {
    const { text } = await built({ 'bantin.yaml': AGENCY, 'content/tin-mau.md': article(), 'pages/lien-he.md': page('title: Liên hệ') });
    for (const path of ['index.html', 'tin-mau/index.html', 'lien-he/index.html', 'so-do-trang/index.html', 'kha-nang-tiep-can/index.html', '404.html']) {
      const footer = footerOf(text(path));
      expect(footer, path).toContain('Cơ quan chủ quản: <strong>Ủy ban nhân dân tỉnh Bắc Kạn</strong>');
      expect(footer).toContain('Chịu trách nhiệm nội dung: Chánh Văn phòng');
      expect(footer).toContain('Địa chỉ: Số 7, đường Trường Chinh');
      expect(footer).toContain('<a href="tel:02093870888">0209 3870 888</a>');
      expect(footer).toContain('· Fax: 0209 3870 889');
      expect(footer).toContain('<a href="mailto:bbt@backan.example">bbt@backan.example</a>');
      expect(footer).toContain('Giấy phép số 01/GP-TTĐT');
      expect(footer).toContain('<a href="https://chinhphu.vn/">Cổng thông tin Chính phủ</a>');
      expect(footer).not.toContain('bantin.');
    }
    const bare = await built({ 'content/tin.md': article() });
    expect(footerOf(bare.text('index.html'))).toContain('Trang được tạo bằng bantin.');
    const some = await built({ 'bantin.yaml': 'agency:\n  name: UBND tỉnh\n', 'content/tin.md': article() });
    const footer = footerOf(some.text('index.html'));
    expect(footer).toContain('UBND tỉnh');
    expect(footer).not.toMatch(/Địa chỉ|Điện thoại|Thư điện tử|Chịu trách nhiệm|tel:|mailto:/);
  });

  it('refuses a mistake in the agency block at its line', () => {
    const text = 'title: Bản tin\nagency:\n  name: UBND\n  email: không-phải-thư\n  phone: 123\n  website: x\n';
    const error = (() => { try { parseConfig(text, 'bantin.yaml'); } catch (e) { return e; } })() as BuildFailure;
    const problems = error.problems.map((problem) => problem.format());
    expect(problems).toContainEqual(expect.stringMatching(/^bantin\.yaml:4:10 +agency\.email is "không-phải-thư"/));
    expect(problems).toContainEqual(expect.stringMatching(/^bantin\.yaml:5:10 +agency\.phone is 123, but it must be text/));
    expect(problems).toContainEqual(expect.stringMatching(/^bantin\.yaml:6:3 +"agency\.website" is not a setting/));
  });
});

describe('the site map and the accessibility statement', () => {
  it('lists the sections, the pages and the archive by year at so-do-trang/', async () => {
    const { text } = await built({
      'content/tin-a.md': article({ title: 'Tin A', date: '2020-09-08', category: 'Thời sự' }),
      'content/tin-b.md': article({ title: 'Tin B', date: '2021-03-01', category: 'Kinh tế' }),
      'pages/gioi-thieu.md': page('title: Giới thiệu'),
    });
    const map = text('so-do-trang/index.html');
    expect(map).toContain('<h1 class="listing-title">Sơ đồ trang</h1>');
    for (const link of ['href="../chuyen-muc/thoi-su/">Thời sự', 'href="../chuyen-muc/kinh-te/">Kinh tế', 'href="../gioi-thieu/">Giới thiệu',
      'href="../luu-tru/2020/">Năm 2020', 'href="../luu-tru/2021/">Năm 2021', 'href="../kha-nang-tiep-can/">']) expect(map).toContain(link);
    expect(footerOf(text('tin-a/index.html'))).toContain('<a href="../so-do-trang/">Sơ đồ trang</a>');
  });

  it('states the target, the known limits and the contact from the config, linked from every footer', async () => {
    const config = 'accessibility:\n  standard: WCAG 2.1 mức AA\n  conformance: partial\n  limits: [Các tệp PDF cũ là ảnh quét.]\n  contact: bbt@backan.example\n';
    const { text } = await built({ 'bantin.yaml': config, 'content/tin.md': article() });
    const statement = text('kha-nang-tiep-can/index.html');
    expect(statement).toContain('Tuyên bố về khả năng tiếp cận</h1>');
    expect(statement).toContain('<strong>WCAG 2.1 mức AA</strong>. Trang thông tin đáp ứng một phần');
    expect(statement).toContain('<li>Các tệp PDF cũ là ảnh quét.</li>');
    expect(statement).toContain('bbt@backan.example');
    expect(footerOf(text('index.html'))).toContain('<a href="./kha-nang-tiep-can/">Tuyên bố về khả năng tiếp cận</a>');
    const plain = await built({ 'content/tin.md': article() });
    expect(plain.text('kha-nang-tiep-can/index.html')).toContain('<strong>WCAG 2.1 AA</strong>. Trang thông tin đáp ứng một phần');
  });

  it('uses English words and addresses on an English site', async () => {
    const { text } = await built({ 'bantin.yaml': 'language: en\n', 'content/tin.md': article() });
    expect(text('site-map/index.html')).toContain('<h1 class="listing-title">Site map</h1>');
    expect(text('accessibility/index.html')).toContain('Accessibility statement</h1>');
  });
});

describe('standalone pages in bantin dev', () => {
  it('shows an edited page, and a new one, without a restart', async () => {
    const root = await makeSite({ 'content/tin.md': article(), 'pages/lien-he.md': page('title: Liên hệ', 'Điện thoại cũ.') });
    const { startDev } = await import('../../src/commands/dev.js');
    const session = await startDev({ root, port: 0, host: '127.0.0.1' }, { out: () => {}, err: () => {} });
    const text = async (path: string) => (await fetch(new URL(path, session.url))).text();
    const eventually = async (path: string, wanted: string) => {
      for (let tries = 0; tries < 200 && !(await text(path)).includes(wanted); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
      return text(path);
    };
    try {
      expect(await text('lien-he/')).toContain('Điện thoại cũ.');
      await writeFile(join(root, 'pages/lien-he.md'), page('title: Liên hệ', 'Điện thoại mới.'));
      expect(await eventually('lien-he/', 'Điện thoại mới.')).toContain('Điện thoại mới.');
      await writeFile(join(root, 'pages/gioi-thieu.md'), page('title: Giới thiệu\nmenu: true'));
      expect(await eventually('', '>Giới thiệu</a>')).toContain('>Giới thiệu</a>');
    } finally {
      await session.close();
    }
  });
});
