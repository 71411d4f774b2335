import { readdir, readFile, symlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build } from '../../src/index.js';
import { checkOutputFolder } from '../../src/output/safety.js';
import { article, makeSite } from '../helpers/site.js';

function check(outDir: string, root: string) {
  return () => checkOutputFolder(outDir, { root, contentDir: join(root, 'content'), templatesDir: join(root, 'templates'), staticDir: join(root, 'static') });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the output folder', () => {
  it('may be dist/ or any folder beside the content', async () => {
    const root = await makeSite({ 'content/a.md': article() });
    expect(check(join(root, 'dist'), root)).not.toThrow();
    expect(check(join(root, 'public/site'), root)).not.toThrow();
  });

  it.each([
    ['the content folder', (root: string) => join(root, 'content'), /it is the content folder/],
    ['a folder inside the content', (root: string) => join(root, 'content/2020'), /it is inside the content folder/],
    ['the site folder, parent of the content', (root: string) => root, /it is the site folder itself/],
    ['a parent of the site folder', (root: string) => join(root, '..'), /the site folder is inside it/],
    ['the templates folder', (root: string) => join(root, 'templates'), /it is the templates folder/],
    ['the root of the file system', () => '/', /it is the root of the file system/],
    ['the home folder', () => homedir(), /it is your home folder/],
  ])('refuses %s', async (_, outDir, reason) => {
    const root = await makeSite({ 'content/a.md': article(), 'templates/article.njk': 'x' });
    expect(check(outDir(root), root)).toThrow(reason);
  });

  it('refuses a parent of the home folder', async () => {
    const home = await makeSite({});
    vi.stubEnv('HOME', join(home, 'nguoi-dung'));
    const root = await makeSite({ 'content/a.md': article() });
    expect(check(home, root)).toThrow(/your home folder is inside it/);
  });

  it('refuses a link that leads to the content folder, and a file in the way', async () => {
    const root = await makeSite({ 'content/a.md': article(), 'dist-file': 'x' });
    await symlink(join(root, 'content'), join(root, 'dist'));
    expect(check(join(root, 'dist'), root)).toThrow(/it is the content folder/);
    expect(check(join(root, 'dist-file'), root)).toThrow(/it is a file, not a folder/);
  });

  it('is checked before anything is touched: a build into the home folder deletes nothing', async () => {
    const home = await makeSite({ 'ghi-chu.txt': 'giữ nguyên' });
    vi.stubEnv('HOME', home);
    const root = await makeSite({ 'content/a.md': article() });
    await expect(build({ root, outDir: home })).rejects.toThrow(/will not write the site to .*: it is your home folder\. Choose another folder with --out\./);
    await expect(build({ root, outDir: '/' })).rejects.toThrow(/it is the root of the file system/);
    await expect(build({ root, outDir: 'content' })).rejects.toThrow(/it is the content folder/);
    await expect(build({ root, outDir: '..' })).rejects.toThrow(/folder is inside it and would be deleted/);
    expect(await readdir(home)).toEqual(['ghi-chu.txt']);
    expect(await readdir(join(root, 'content'))).toEqual(['a.md']);
  });

  it('a content folder that is a link still counts as the content folder', async () => {
    const root = await makeSite({ 'real-content/a.md': article() });
    await symlink(join(root, 'real-content'), join(root, 'content'));
    await expect(build({ root, outDir: 'real-content' })).rejects.toThrow(/it is the content folder/);
    expect(await readdir(join(root, 'real-content'))).toEqual(['a.md']);
  });
});

describe('the output folder, among the site\'s own folders', () => {
  it.each(['.git', 'static', 'pages', 'node_modules', '.bantin-cache'])('refuses the site\'s %s folder and any folder inside it', async (name) => {
    const root = await makeSite({ 'content/a.md': article(), [`${name}/giu.txt`]: 'x' });
    expect(check(join(root, name), root)).toThrow(new RegExp(`it is the site's ${name.replace('.', '\\.')} folder, which the build would replace\\.`));
    expect(check(join(root, name, 'site'), root)).toThrow(new RegExp(`it is inside the site's ${name.replace('.', '\\.')} folder\\.`));
  });

  it('refuses any path through a .git or node_modules folder, even of another repository', async () => {
    const root = await makeSite({ 'content/a.md': article() });
    expect(check(join(root, '..', 'other', '.git', 'x'), root)).toThrow(/it is inside a \.git folder/);
    expect(check(join(root, 'web', 'node_modules', 'site'), root)).toThrow(/it is inside a node_modules folder/);
  });

  it('refuses an existing folder of files bantin did not write, and says which', async () => {
    const root = await makeSite({ 'content/a.md': article(), 'public/bao-cao.docx': 'x', 'public/anh/cau.jpg': 'x', 'repo/.git/HEAD': 'x' });
    expect(check(join(root, 'public'), root)).toThrow(
      /will not write the site to .*public: it holds files such as "anh", "bao-cao\.docx", which bantin did not write, and the build replaces the whole folder\. Choose another folder with --out, or move what you keep there elsewhere first\./,
    );
    expect(check(join(root, 'repo'), root)).toThrow(/it holds a git repository \(\.git\)/);
  });

  it('accepts an empty folder, a folder holding only what a file browser leaves, a new nested folder and bantin\'s own output', async () => {
    const root = await makeSite({
      'content/a.md': article(),
      'empty/.DS_Store': 'x',
      'old/index.html': '<!doctype html>',
      'old/assets/bantin.3f2a9c1b.css': 'x',
      'old/tin/index.html': 'x',
    });
    expect(check(join(root, 'empty'), root)).not.toThrow();
    expect(check(join(root, 'build/site/public'), root)).not.toThrow();
    expect(check(join(root, 'old'), root)).not.toThrow();
  });

  it('is checked before anything is touched, and a site built there is built there again', async () => {
    const root = await makeSite({ 'content/a.md': article(), 'static/images/cau.jpg': 'anh', 'ghi-chu/viec.txt': 'giữ nguyên' });
    for (const outDir of ['static', 'ghi-chu', '.git', 'node_modules/x']) {
      await expect(build({ root, outDir }), outDir).rejects.toThrow(/will not write the site to/);
    }
    expect(await readFile(join(root, 'static/images/cau.jpg'), 'utf8')).toBe('anh');
    expect(await readdir(join(root, 'ghi-chu'))).toEqual(['viec.txt']);
    await build({ root, outDir: 'build/site/public' });
    await build({ root, outDir: 'build/site/public' });
    expect(await readdir(join(root, 'build/site/public'))).toContain('index.html');
  });
});
