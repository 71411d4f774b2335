// `bantin build` run again with nothing changed finds it out from the snapshot of its inputs, and
// anything that did change (an article, a static file, the configuration, a template, an option,
// the clock reaching a scheduled article, the output itself) still gets a whole rebuild.
import { cp, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { BUILTIN_TEMPLATES } from '../../src/site-paths.js';
import { article, makeSite, snapshot, writeFiles } from '../helpers/site.js';

const NOW = Date.parse('2024-05-12T08:00:00+07:00');
const LATER = Date.parse('2024-05-20T08:00:00+07:00');

async function site(extra: Record<string, string> = {}) {
  return makeSite({
    'bantin.yaml': 'baseUrl: https://tin.example/\n',
    'content/tin-a.md': article({ title: 'Tin A', date: '2024-05-01', category: 'Thời sự' }, 'Nội dung A.'),
    'content/tin-b.md': article({ title: 'Tin B', date: '2024-05-02', category: 'Kinh tế' }, 'Nội dung B.'),
    'content/nhap.md': article({ title: 'Bản nháp', date: '2024-05-03', draft: 'true' }),
    'content/hen-gio.md': article({ title: 'Tin hẹn giờ', date: '2024-05-15 07:00' }),
    'static/files/van-ban.txt': 'Văn bản 1',
    ...extra,
  });
}

/** A build of `root` as `bantin build` makes it, at `now`. */
const again = (root: string, options: { now?: number; drafts?: boolean } = {}) => build({ root, incremental: true, now: NOW, ...options });

/** The output of a clean build, for comparison. */
async function clean(root: string, options: { now?: number; drafts?: boolean } = {}) {
  const out = join(await makeSite({}), 'dist');
  await build({ root, outDir: out, now: NOW, ...options });
  return snapshot(out);
}

describe('a rebuild with nothing changed', () => {
  it('writes nothing and says what the last build said', async () => {
    const root = await site({ 'bantin.yaml': 'title: Không có địa chỉ\n' });
    const first = await again(root);
    const second = await again(root);
    expect(second.rendered).toBe(0);
    expect(first.kept).toBe(0);
    expect(second.kept).toBe(second.files);
    expect({ ...second, durationMs: 0, rendered: 0, kept: 0 }).toEqual({ ...first, durationMs: 0, rendered: 0, kept: 0 });
    // The warning about the missing baseUrl is given again, and the scheduled article is announced again.
    expect(second.warnings).toHaveLength(1);
    expect(second.nextScheduled).toBe('2024-05-15T07:00:00+07:00');
  });

  it('publishes a scheduled article once its time has come', async () => {
    const root = await site();
    await again(root);
    expect((await again(root)).rendered).toBe(0);
    const later = await again(root, { now: LATER });
    expect(later.scheduled).toBe(0);
    expect(await snapshot(join(root, 'dist'))).toEqual(await clean(root, { now: LATER }));
  });

  it.each<[string, (root: string) => Promise<unknown>]>([
    ['an article edited', (root) => writeFile(join(root, 'content/tin-a.md'), article({ title: 'Tin A đã sửa', date: '2024-05-01' }))],
    ['an article added', (root) => writeFiles(root, { 'content/tin-c.md': article({ title: 'Tin C', date: '2024-05-04' }) })],
    ['an article removed', (root) => rm(join(root, 'content/tin-b.md'))],
    ['an article touched but not changed', (root) => utimes(join(root, 'content/tin-a.md'), new Date(), new Date())],
    ['a static file edited', (root) => writeFile(join(root, 'static/files/van-ban.txt'), 'Văn bản 2')],
    ['a static file added', (root) => writeFiles(root, { 'static/anh.txt': 'ảnh' })],
    ['the configuration edited', (root) => writeFile(join(root, 'bantin.yaml'), 'baseUrl: https://tin.example/\ntitle: Bản tin mới\n')],
    ['a template of the site', async (root) => {
      await cp(BUILTIN_TEMPLATES, join(root, 'templates'), { recursive: true });
      await writeFile(join(root, 'templates/404.njk'), (await readFile(join(BUILTIN_TEMPLATES, '404.njk'), 'utf8')) + '<!-- mới -->');
    }],
    ['the output emptied by hand', async (root) => {
      await rm(join(root, 'dist'), { recursive: true });
      await writeFiles(root, { 'dist/.keep': '' });
      await rm(join(root, 'dist/.keep'));
    }],
    ['a page deleted from the output by hand', (root) => rm(join(root, 'dist/tin-a/index.html'))],
  ])('is built again after %s, as a clean build makes it', async (_, change) => {
    const root = await site();
    await again(root);
    await change(root);
    await again(root);
    expect(await snapshot(join(root, 'dist'))).toEqual(await clean(root));
    // And the build after that, with nothing changed, writes nothing again.
    expect((await again(root)).rendered).toBe(0);
    expect(await snapshot(join(root, 'dist'))).toEqual(await clean(root));
  });

  it('reads an article through a link every time: its target may change and the link not', async () => {
    const root = await site({ 'content/kho/c.txt': article({ title: 'Tin C', date: '2024-05-04' }, 'Bản đầu.') });
    await symlink(join(root, 'content/kho/c.txt'), join(root, 'content/tin-c.md'));
    await again(root);
    await again(root);
    await writeFile(join(root, 'content/kho/c.txt'), article({ title: 'Tin C', date: '2024-05-04' }, 'Bản sửa.'));
    await again(root);
    expect(await readFile(join(root, 'dist/tin-c/index.html'), 'utf8')).toContain('Bản sửa.');
    expect(await snapshot(join(root, 'dist'))).toEqual(await clean(root));
  });

  it('is built again with other options, and after a build without the cache', async () => {
    const root = await site();
    await again(root);
    await again(root, { drafts: true });
    expect(await snapshot(join(root, 'dist'))).toEqual(await clean(root, { drafts: true }));
    // `bantin build --no-cache --drafts` replaces the output: the cache no longer describes it.
    await again(root);
    await build({ root, now: NOW, drafts: true });
    await again(root);
    expect(await snapshot(join(root, 'dist'))).toEqual(await clean(root));
  });
});
