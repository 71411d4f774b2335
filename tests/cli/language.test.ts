// The editor's language: every message in Vietnamese and English, chosen by the site's language
// or --lang, at the same file:line:column in both.
import { describe, expect, it } from 'vitest';
import { catalogues, editorLanguage, msg, say, type MessageId } from '../../src/messages/index.js';
import { bantin } from '../helpers/cli.js';
import { article, makeSite } from '../helpers/site.js';

/** The site's own language decides here, not the English the rest of the tests read in. */
const asEditor = { BANTIN_LANG: undefined };

/** Letters only Vietnamese writes (tone marks, ơ, ư, đ). */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** Sample values for every parameter the messages take: numbers where they count, else a marked word. */
const NUMBERS = ['again', 'articles', 'count', 'days', 'done', 'files', 'height', 'item', 'length', 'limit', 'max', 'month', 'ms', 'pages', 'pid', 'port', 'total', 'widest', 'width', 'year'];
const WORDS = [
  'actual', 'advice', 'allowed', 'anchor', 'argument', 'article', 'baseUrl', 'cause', 'code', 'command', 'config', 'counts',
  'detail', 'dir', 'doing', 'duration', 'entity', 'example', 'expected', 'field', 'file', 'first', 'fix', 'format', 'from',
  'host', 'ids', 'keep', 'key', 'kind', 'known', 'language', 'link', 'making', 'mistake', 'name', 'named', 'names', 'next',
  'option', 'other', 'outcome', 'output', 'path', 'paths', 'place', 'problem', 'reason', 'second', 'shown', 'signal', 'site',
  'size', 'slug', 'source', 'started', 'statement', 'suggested', 'suggestion', 'target', 'text', 'theme', 'title', 'to',
  'todo', 'token', 'url', 'value', 'what', 'when', 'where', 'who', 'why',
];
const params = Object.fromEntries([...NUMBERS.map((key) => [key, 7]), ...WORDS.map((key) => [key, `«${key}»`])]);

describe('the message catalogue', () => {
  const ids = Object.keys(catalogues.en) as MessageId[];

  it('says every message in both languages, with the same ids', () => {
    expect(Object.keys(catalogues.vi).sort()).toEqual([...ids].sort());
    expect(ids.length).toBeGreaterThan(150);
  });

  it('has a Vietnamese sentence of its own for every English sentence, with every parameter in it', () => {
    for (const id of ids) {
      const english = say({ id, params }, 'en');
      const vietnamese = say({ id, params }, 'vi');
      // Sentences, not the parts that are only a value or a file name.
      if (english.split(/\s+/).length < 3 || id.startsWith('yamlReason.') || id.startsWith('usage.other')) continue;
      expect(vietnamese, id).not.toBe(english);
      expect(vietnamese, id).toMatch(VIETNAMESE);
      for (const shown of english.match(/«\w+»/g) ?? []) expect(vietnamese, `${id} ${shown}`).toContain(shown);
    }
  });

  it('says a message inside a message in the same language', () => {
    const problem = msg('field.type', { field: 'draft', expected: msg('expected.flag'), actual: msg('value.number', { value: '5' }) });
    expect(say(problem, 'en')).toBe('draft must be true or false, but it is the number 5.');
    expect(say(problem, 'vi')).toBe('draft phải là true hoặc false, nhưng đang là số 5.');
  });

  it('takes the language from --lang, else BANTIN_LANG, else the site, else Vietnamese', async () => {
    const en = await makeSite({ 'bantin.yaml': 'title: News\nlanguage: en\nperPage: -1\n' });
    const vi = await makeSite({ 'bantin.yaml': 'title: Bản tin\n' });
    const none = await makeSite({});
    expect(editorLanguage(en, undefined, {})).toBe('en');
    expect(editorLanguage(vi, undefined, {})).toBe('vi');
    expect(editorLanguage(none, undefined, {})).toBe('vi');
    expect(editorLanguage(en, 'vi', {})).toBe('vi');
    expect(editorLanguage(vi, undefined, { BANTIN_LANG: 'en' })).toBe('en');
  });
});

/** One of each failure an editor meets most: a bad date, no title, two articles at one address, broken YAML. */
const broken = {
  'content/2020/09/ngay.md': article({ title: 'Sai ngày', date: '31/02/2020' }),
  'content/2020/09/khong-tieu-de.md': article({ title: null }),
  'content/2020/09/mot.md': article({ title: 'Trùng địa chỉ', slug: 'trung-dia-chi' }),
  'content/2020/09/hai.md': article({ title: 'Trùng địa chỉ', date: '2020-09-09', slug: 'trung-dia-chi' }),
  'content/2020/09/yaml.md': '---\ntitle: "Thiếu ngoặc\ndate: 2020-09-08\n---\n\nNội dung.\n',
};

/** `file:line:column` of each problem line, the part that must not change with the language. */
const places = (output: string) => output.split('\n').filter((line) => line.startsWith('content/')).map((line) => line.split('  ')[0]);

describe('bantin build, check and new speak the site\'s language', () => {
  it('on a Vietnamese site, says every problem in Vietnamese, at the same places as in English', async () => {
    const root = await makeSite({ 'bantin.yaml': 'title: Bản tin\nlanguage: vi\n', ...broken });
    const vi = await bantin(['build'], root, asEditor);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toContain('content/2020/09/ngay.md:3:7  "31/02/2020" không phải là ngày có thật: tháng 2 năm 2020 chỉ có 29 ngày.');
    expect(vi.stderr).toMatch(/content\/2020\/09\/khong-tieu-de\.md:\d+:\d+  Bài viết chưa có title\. Hãy thêm một dòng "title: \.\.\." vào phần đầu bài\./);
    expect(vi.stderr).toMatch(/content\/2020\/09\/mot\.md:5:7  Bài này có địa chỉ "trung-dia-chi\/", trùng với content\/2020\/09\/hai\.md/);
    expect(vi.stderr).toMatch(/content\/2020\/09\/yaml\.md:\d+:\d+  Phần đầu bài \(front-matter\) viết sai cú pháp YAML: /);
    expect(vi.stderr).toContain('Có 4 lỗi; chưa ghi gì cả, trang đã dựng lần trước vẫn giữ nguyên.');
    expect(vi.stderr).not.toMatch(/problem|nothing was written|is not a real date/);

    const en = await bantin(['build', '--lang', 'en'], root, asEditor);
    expect(en.stderr).toContain('content/2020/09/ngay.md:3:7  "31/02/2020" is not a real date: month 2 of 2020 has 29 days.');
    expect(en.stderr).toContain('4 problems found; nothing was written, the previous site is unchanged.');
    expect(places(en.stderr)).toEqual(places(vi.stderr));
    expect(places(vi.stderr)).toHaveLength(4);
  });

  it('says the problems of photos, pages, aliases and links between articles in the editor\'s language too', async () => {
    const root = await makeSite({
      'bantin.yaml': 'title: Bản tin\nbaseUrl: https://x.example/\n',
      'content/2020/09/cu.md': article({ aliases: '[tin-cu]' }),
      'content/2020/09/mot.md': article({}, '![](mat.jpg)\n\n[x](#khong-co) [y](bai-mat.md) [z](../../../static/khong.pdf)'),
      'pages/gioi-thieu.md': '---\ndescription: x\n---\n\nNội dung.\n',
    });
    const vi = await bantin(['check'], root, asEditor);
    for (const words of ['Địa chỉ cũ "tin-cu" phải bắt đầu bằng "/"', 'Ảnh "mat.jpg" chưa có lời mô tả', 'Không có ảnh "mat.jpg": bantin đã tìm',
      'nhưng bài này không có đề mục', 'dẫn đến tệp bài viết 2020/09/bai-mat.md', 'được viết đến tệp static/khong.pdf', 'pages/gioi-thieu.md:1:1  lỗi  Trang chưa có tiêu đề.']) {
      expect(vi.stdout, words).toContain(words);
    }
    const en = await bantin(['check', '--lang', 'en'], root, asEditor);
    for (const words of ['The alias "tin-cu" must start with "/"', 'The image "mat.jpg" has no alt text', 'but this article has no heading', 'pages/gioi-thieu.md:1:1  error  The page has no title.']) {
      expect(en.stdout, words).toContain(words);
    }
    const problemLines = (output: string) => output.split('\n').filter((line) => /^(content|pages)\//.test(line));
    expect(problemLines(vi.stdout)).toHaveLength(7);
    expect(problemLines(vi.stdout).map((line) => line.split('  ')[0])).toEqual(problemLines(en.stdout).map((line) => line.split('  ')[0]));
    // Nothing English is left in the Vietnamese lines but the names and addresses they quote.
    for (const line of problemLines(vi.stdout)) expect(line).not.toMatch(/\b(the|is|not|there|link|image|page)\b/);
  });

  it('on an English site, says them in English, and in Vietnamese with --lang vi', async () => {
    const root = await makeSite({ 'bantin.yaml': 'title: News\nlanguage: en\n', ...broken });
    const en = await bantin(['build'], root, asEditor);
    expect(en.stderr).toContain('"31/02/2020" is not a real date');
    expect(en.stderr).toMatch(/khong-tieu-de\.md:\d+:\d+  The article has no title\./);
    expect(en.stderr).not.toMatch(/không|lỗi|chưa|Hãy/);
    const vi = await bantin(['build', '--lang', 'vi'], root, asEditor);
    expect(vi.stderr).toContain('không phải là ngày có thật');
    expect(places(vi.stderr)).toEqual(places(en.stderr));
  });

  it('reports a broken configuration in the language it names, even when the rest cannot be read', async () => {
    const vi = await makeSite({ 'bantin.yaml': 'title: Bản tin\nperPage: mười\n', 'content/a.md': article() });
    const viRun = await bantin(['build'], vi, asEditor);
    expect(viRun.stderr).toContain('bantin.yaml:2:10  perPage đang là "mười", nhưng phải là một số nguyên.');
    const en = await makeSite({ 'bantin.yaml': 'language: en\nperPage: ten\ntitle: [News\n', 'content/a.md': article() });
    const enRun = await bantin(['build'], en, asEditor);
    expect(enRun.stderr).toMatch(/^bantin\.yaml:\d+:\d+  The configuration is not valid YAML: /m);
    expect((await bantin(['build', '--lang', 'vi'], en, asEditor)).stderr).toMatch(/^bantin\.yaml:\d+:\d+  Tệp cấu hình viết sai cú pháp YAML: /m);
  });

  it('says what it built, what check found and what new needs in the site\'s language', async () => {
    const root = await makeSite({ 'bantin.yaml': 'title: Bản tin\n', 'content/2020/09/a.md': article({}, '') });
    const built = await bantin(['build'], root, asEditor);
    expect(built.stdout).toMatch(/^Đã dựng 1 bài thành \d+ trang \(\d+ tệp\) vào dist\/ trong (\d+ ms|\d+,\d\d giây)\.$/m);
    expect(built.stderr).toContain('cảnh báo: bantin.yaml chưa có baseUrl');
    const checked = await bantin(['check'], root, asEditor);
    expect(checked.stdout).toContain('content/2020/09/a.md:6:1  cảnh báo  Bài viết chưa có nội dung');
    expect(checked.stdout).toMatch(/Đã kiểm tra 1 bài trong \d+ ms: 2 cảnh báo\./);
    const json = JSON.parse((await bantin(['check', '--format', 'json', '--lang', 'en'], root, asEditor)).stdout) as { problems: { id: string; message: string }[] };
    expect(json.problems.map((problem) => problem.id)).toContain('check.noText');
    expect(json.problems.find((problem) => problem.id === 'check.noText')?.message).toMatch(/^The article has no text/);
    const created = await bantin(['new', 'Tin mới'], root, asEditor);
    expect(created.stderr).toContain('bantin new: bài viết chưa có tác giả');
    expect((await bantin(['new', '--lang', 'en'], root, asEditor)).stderr).toContain('bantin new: the article needs a title.');
    expect((await bantin(['new', '--lang', 'fr', 'x'], root, asEditor)).stderr).toBe('bantin new: --lang là "vi" hoặc "en", không phải "fr".\n');
  });

  it('gives help and usage mistakes in the site\'s language', async () => {
    const root = await makeSite({});
    expect((await bantin(['--help'], root, asEditor)).stdout).toContain('Tùy chọn của build:');
    expect((await bantin(['check', '--help', '--lang', 'en'], root, asEditor)).stdout).toMatch(/^Usage: bantin check /);
    expect((await bantin(['import', 'khong-co.txt'], root, asEditor)).stderr).toBe(
      'bantin import: Không có tệp hay thư mục "khong-co.txt".\nChạy "bantin import --help" để xem các tùy chọn.\n',
    );
    const mistake = await bantin(['build', '--bogus'], root, asEditor);
    expect(mistake).toMatchObject({ code: 2, stderr: 'bantin build: không có tùy chọn --bogus. Chạy "bantin build --help" để xem các tùy chọn.\n' });
  });
});
