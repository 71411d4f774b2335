import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { describe, expect, it, vi } from 'vitest';
import { build, BuildFailure, MemoryWriter } from '../../src/index.js';
import { article, makeSite, snapshot, writeFiles } from '../helpers/site.js';

async function buildInMemory(files: Record<string, string>, options = {}) {
  const root = await makeSite(files);
  const writer = new MemoryWriter();
  const result = await build({ root, writer, ...options });
  return { root, writer, result };
}

async function failure(promise: Promise<unknown>): Promise<BuildFailure> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BuildFailure);
  return error as BuildFailure;
}

const reference = article(
  {
    title: 'Bắc Kạn tiếp tục nhân rộng mô hình tự quản',
    summary: 'Mô hình đã có ở 847/1.310 thôn, tổ dân phố.',
    category: 'Thời sự',
    tags: '[an ninh, Bắc Kạn]',
  },
  'Qua 02 năm triển khai thực hiện.\n\n## Kết quả\n\nCó 76.303 hộ tham gia.',
);

describe('build', () => {
  it('writes an article page with toolbar, title, lead, body and the author signed at the end', async () => {
    const { writer, result } = await buildInMemory({ 'content/2020/09/bac-kan.md': reference });
    expect(result.articles).toBe(1);
    const html = writer.text('bac-kan/index.html')!;
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<time datetime="2020-09-08T00:00:00+07:00">Thứ Ba, 08/09/2020</time>');
    expect(html).toContain('aria-label="Cỡ chữ"');
    const order = ['class="toolbar"', '<h1', 'Mô hình đã có ở 847/1.310 thôn', 'Có 76.303 hộ tham gia', 'Minh Hiệp</a></p>'];
    // Each part appears after the one before it, in reading order.
    let from = html.indexOf('<main');
    for (const text of order) {
      const at = html.indexOf(text, from);
      expect(at, text).toBeGreaterThan(from);
      from = at;
    }
  });

  it('lists every bulletin on the home page, newest first, with date, title and lead', async () => {
    const { writer } = await buildInMemory({
      'content/a.md': article({ title: 'Tin cũ', date: '2020-01-05', summary: 'Sapo cũ' }),
      'content/tin-moi.md': article({ title: 'Tin mới', date: '"08/09/2021"', summary: 'Sapo mới' }),
      'content/c.md': article({ title: 'Tin giữa', date: '2020-06-01T08:00:00+07:00' }),
    });
    const home = writer.text('index.html')!;
    const titles = [...home.matchAll(/<h2 class="article-item__title"><a href="\.\/([^"]+)">([^<]+)</g)].map((m) => m[2]);
    expect(titles).toEqual(['Tin mới', 'Tin giữa', 'Tin cũ']);
    expect(home).toContain('Thứ Tư, 08/09/2021');
    expect(home).toContain('Sapo mới');
    expect(home).toContain('href="./tin-moi/"');
  });

  it('links "Các tin khác" to other recent bulletins, relative so the site works in a sub-folder', async () => {
    const { writer } = await buildInMemory({
      'content/mot.md': article({ title: 'Một' }),
      'content/hai.md': article({ title: 'Hai', date: '2020-09-09' }),
    });
    const html = writer.text('mot/index.html')!;
    expect(html).toMatch(/<h2 id="cac-tin-khac">Các tin khác<\/h2>[\s\S]*href="\.\.\/hai\/">Hai</);
    expect(html).not.toContain('href="/');
    const stylesheet = /href="\.\.\/(assets\/bantin\.[0-9a-f]{8}\.css)"/.exec(html)?.[1];
    expect(stylesheet).toBeDefined();
    expect(writer.files.has(stylesheet!)).toBe(true);
  });

  it('prints every value escaped', async () => {
    const { writer } = await buildInMemory({
      'content/script-alert-1-script.md': article({
        title: '"<script>alert(1)</script>"',
        summary: '"\\"><img src=x onerror=alert(1)>"',
        author: '"</title>{{ 7 * 7 }}"',
      }, '{{ 7 * 7 }} {% raw %}'),
    });
    const html = writer.text('script-alert-1-script/index.html')!;
    expect(html).not.toMatch(/<script>alert|<img src=x/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;/title&gt;{{ 7 * 7 }}');
    // Asset names carry a hex hash, which may well contain "49".
    expect(html.replace(/assets\/[\w.-]+/g, '')).not.toContain('49');
  });

  it('leaves drafts out unless asked', async () => {
    const files = { 'content/a.md': article({ title: 'Công khai' }), 'content/nhap.md': article({ title: 'Nháp', draft: 'true' }) };
    const published = await buildInMemory(files);
    expect(published.writer.files.has('nhap/index.html')).toBe(false);
    expect(published.writer.text('index.html')).not.toContain('Nháp');
    const withDrafts = await buildInMemory(files, { drafts: true });
    expect(withDrafts.writer.text('nhap/index.html')).toContain('Bản nháp');
  });

  it('reports every problem in every file, not just the first', async () => {
    const error = await failure(
      buildInMemory({
        'content/a.md': article({ date: '31/02/2020' }),
        'content/b.md': article({ author: null, title: '123' }),
        'content/c.md': '---js\n{ title: "x" }\n---\n',
        'content/ok.md': article({ title: 'Đúng' }),
      }),
    );
    expect(error.problems.map((p) => p.format())).toEqual([
      expect.stringMatching(/^content\/a\.md:3:7 {2}"31\/02\/2020" is not a real date/),
      expect.stringMatching(/^content\/b\.md:2:8 {2}title must be text/),
      expect.stringMatching(/^content\/b\.md:\d+:\d+ {2}The article has no author/),
      expect.stringMatching(/^content\/c\.md:1:4 {2}Front-matter in js is code/),
    ]);
  });

  it('names both files when two articles share a slug', async () => {
    const error = await failure(
      buildInMemory({
        'content/2020/tin-moi.md': article({ title: 'Tin mới' }),
        'content/2021/Tin-Mới.md': article({ title: 'Tin Mới', date: '2021-01-01' }),
      }),
    );
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]!.format()).toMatch(/content\/2020\/tin-moi\.md.*"tin-moi\/".*content\/2021\/Tin-Mới\.md|content\/2021\/Tin-Mới\.md.*"tin-moi\/".*content\/2020\/tin-moi\.md/);

    // At the place the URL comes from: the file (its first line), or the slug when there is one.
    expect(error.problems[0]!.format()).toMatch(/^content\/(2020\/tin-moi|2021\/Tin-Mới)\.md:1:1 /);
    const bySlug = await failure(
      buildInMemory({
        'content/tin-mot.md': article({ title: 'Tin một' }),
        'content/b.md': article({ title: 'Tin hai', date: '2019-01-01', author: 'Hoàng Lan', slug: 'tin-mot' }),
      }),
    );
    expect(bySlug.problems[0]!.format()).toMatch(/^content\/b\.md:5:7 /);
  });

  it('gives NFC and NFD file names and titles the same URL', async () => {
    const title = 'Hội nghị tổng kết năm học';
    const { writer } = await buildInMemory({ [`content/${title.normalize('NFD')}.md`]: article({ title: title.normalize('NFD') }) });
    expect(writer.files.has('hoi-nghi-tong-ket-nam-hoc/index.html')).toBe(true);
  });

  it('uses the site configuration from bantin.yaml', async () => {
    const { writer } = await buildInMemory({
      'bantin.yaml': 'title: Bản tin Bắc Kạn\ndefaultAuthor: Ban biên tập\n',
      'content/tin-mau.md': article({ author: null }),
    });
    const html = writer.text('tin-mau/index.html')!;
    expect(html).toContain('<title>Tin mẫu – Bản tin Bắc Kạn</title>');
    expect(html).toContain('Ban biên tập</a></p>');
  });

  it('reports configuration mistakes with the article problems', async () => {
    const error = await failure(buildInMemory({ 'bantin.yaml': 'language: fr\n', 'content/a.md': article() }));
    expect(error.problems[0]!.format()).toMatch(/^bantin\.yaml:1:11 {2}language is "fr"/);
  });
});

describe('templates', () => {
  it('uses a site\'s own templates folder', async () => {
    const { writer } = await buildInMemory({
      'content/tin-mau.md': article(),
      'templates/article.njk': '<h1>{{ article.title }}</h1><p>{{ article.publishedAt | longDate }}</p>',
      'templates/home.njk': '<ul>{% for item in articles %}<li>{{ item.title }}</li>{% endfor %}</ul>',
    });
    expect(writer.text('tin-mau/index.html')).toBe('<h1>Tin mẫu</h1><p>Thứ Ba, 08/09/2020</p>');
  });

  it('names the template file and line of a template error', async () => {
    const error = await failure(
      buildInMemory({
        'content/a.md': article(),
        'templates/article.njk': '<h1>{{ article.title }}</h1>\n\n{% if article.title %}\n{{ article.nothing.here() }}\n{% endif %}\n',
        'templates/home.njk': 'home',
      }),
    );
    expect(error.problems[0]!.format()).toMatch(/^templates\/article\.njk:4:\d+ {2}Template error while making the page of content\/[^:]+\.md: Unable to call/);
  });

  it('names the template and line of a syntax error', async () => {
    const error = await failure(
      buildInMemory({
        'content/a.md': article(),
        'templates/article.njk': '<h1>\n\n{{ article.title + }}\n',
        'templates/home.njk': 'home',
      }),
    );
    expect(error.problems[0]!.format()).toMatch(/^templates\/article\.njk:3:\d+ {2}Template error: unexpected token/);
  });

  it('compiles each template once per build, however many articles', async () => {
    const compile = vi.spyOn(nunjucks.Template.prototype as unknown as { _compile(): void }, '_compile');
    const few = { 'content/a.md': article({ title: 'A' }) };
    await buildInMemory(few);
    const compilesForOne = compile.mock.calls.length;
    compile.mockClear();
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`content/${i}.md`, article({ title: `Tin số ${i}` })]));
    await buildInMemory(many);
    expect(compile.mock.calls.length).toBe(compilesForOne);
    compile.mockRestore();
  });
});

describe('writing to disk', () => {
  it('replaces the output, with no trace of pages that no longer exist', async () => {
    const root = await makeSite({ 'content/cu.md': article({ title: 'Cũ' }) });
    await build({ root });
    expect(await readdir(join(root, 'dist'))).toContain('cu');
    await rm(join(root, 'content/cu.md'));
    await writeFiles(root, { 'content/moi.md': article({ title: 'Mới' }) });
    await build({ root });
    const entries = await readdir(join(root, 'dist'));
    expect(entries).toContain('moi');
    expect(entries).not.toContain('cu');
    expect((await readdir(root)).filter((name) => name.includes('staging'))).toEqual([]);
  });

  it('leaves the previous site exactly as it was when the build fails', async () => {
    const root = await makeSite({ 'content/tin-tot.md': article({ title: 'Tin tốt' }) });
    await build({ root });
    await writeFile(join(root, 'dist/extra.txt'), 'giữ nguyên');
    const before = await snapshot(join(root, 'dist'));
    expect(Object.keys(before)).toContain('tin-tot/index.html');
    await writeFiles(root, { 'content/tin-tot.md': article({ title: 'Tin tốt', date: '2020-13-01' }), 'content/b.md': article({ title: 'Khác' }) });
    await failure(build({ root }));
    expect(await snapshot(join(root, 'dist'))).toEqual(before);
    expect((await readdir(root)).filter((name) => name.includes('staging'))).toEqual([]);
  });

  it('refuses to replace the content folder or the site folder', async () => {
    const root = await makeSite({ 'content/a.md': article() });
    await expect(build({ root, outDir: 'content' })).rejects.toThrow(/will not write the site/);
    await expect(build({ root, outDir: '.' })).rejects.toThrow(/will not write the site/);
    expect(await readdir(join(root, 'content'))).toEqual(['a.md']);
  });
});
