// Where a picture written in an article is looked for (src/images/photos.ts, resolve.ts).
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { photoCandidates } from '../../src/images/photos.js';
import { resolvePhotos } from '../../src/images/resolve.js';
import { makeArticle } from '../helpers/articles.js';
import { makeSite } from '../helpers/site.js';
import { said } from '../helpers/messages.js';

const from = { relativePath: '2020/09/cau.md', url: '2020/09/cau-moi/' };

describe('where a picture is looked for', () => {
  it('beside the article first, then in static/ as the browser would resolve it from the page', () => {
    expect(photoCandidates('anh-cau.jpg', from, '/')).toEqual(['content/2020/09/anh-cau.jpg', 'static/2020/09/cau-moi/anh-cau.jpg']);
    expect(photoCandidates('../anh/cau.jpg', from, '/')).toEqual(['content/2020/anh/cau.jpg', 'static/2020/09/anh/cau.jpg']);
    expect(photoCandidates('/anh/cau.jpg', from, '/')).toEqual(['static/anh/cau.jpg']);
    // In a sub-folder, "/anh/" is the site's folder, and "../../../anh/" leads there from the page too.
    expect(photoCandidates('/anh/cau.jpg', from, '/bantin/')).toEqual(['static/anh/cau.jpg']);
    expect(photoCandidates('../../../anh/c%E1%BA%A7u.jpg?v=2', from, '/bantin/')).toEqual(['static/anh/cầu.jpg']);
    // Never outside the content folder (a browser stops at the site's root), never a remote address.
    expect(photoCandidates('../../../../x.jpg', from, '/')).toEqual(['static/x.jpg']);
    expect(photoCandidates('https://anh.example/a.jpg', from, '/')).toEqual([]);
    expect(photoCandidates('//anh.example/a.jpg', from, '/')).toEqual([]);
  });

  it('takes a picture written from the article file to static/ as that file only, whatever the address', () => {
    expect(photoCandidates('../../../static/anh/cau.jpg', from, '/', '../static')).toEqual(['static/anh/cau.jpg']);
    expect(photoCandidates('../../../static/anh/cau.jpg', from, '/bantin/', '../static')).toEqual(['static/anh/cau.jpg']);
    // Without the static folder's place, the address is read from the page as before.
    expect(photoCandidates('../../../static/anh/cau.jpg', from, '/')).toEqual(['static/static/anh/cau.jpg']);
  });

  it('says where a missing picture could go, at the place it is written', async () => {
    const root = await makeSite({ 'content/2020/09/anh-cau.jpg': 'x', 'static/anh/cau.jpg': 'x' });
    const article = makeArticle({
      title: 'Cầu mới', relativePath: '2020/09/cau.md', sourcePath: 'content/2020/09/cau.md', url: '2020/09/cau-moi/',
      images: [
        { target: 'anh-cau.jpg', alt: 'Cầu', line: 8, column: 13, cover: true },
        { target: '/anh/cau.jpg', alt: 'Cầu', line: 9, column: 7 },
        { target: 'mat.jpg', alt: 'Mất', line: 10, column: 7 },
      ],
    });
    const found = resolvePhotos([article], defaultConfig(), { contentDir: `${root}/content`, staticDir: `${root}/static`, show: (path) => path.slice(root.length + 1), configFile: 'bantin.yaml' });
    expect([...found.files.keys()]).toEqual(['content/2020/09/anh-cau.jpg', 'static/anh/cau.jpg']);
    expect([...found.byArticle.get('2020/09/cau.md')!]).toEqual([['anh-cau.jpg', 'content/2020/09/anh-cau.jpg'], ['/anh/cau.jpg', 'static/anh/cau.jpg']]);
    expect(found.problems.map((problem) => ({ ...problem, message: said(problem.message) }))).toEqual([{
      severity: 'error',
      message: 'The image "mat.jpg" is not there: bantin looked for content/2020/09/mat.jpg and static/2020/09/cau-moi/mat.jpg. Put the file there (beside the article, or in static/), or correct the address.',
      file: 'content/2020/09/cau.md', line: 10, column: 7,
    }]);
    expect(said(found.problems[0]!.message, 'vi')).toBe(
      'Không có ảnh "mat.jpg": bantin đã tìm content/2020/09/mat.jpg và static/2020/09/cau-moi/mat.jpg. Hãy đặt tệp vào đó (cạnh bài viết, hoặc trong static/), hoặc sửa địa chỉ.',
    );
  });
});
