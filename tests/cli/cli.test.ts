// The real `bantin` binary, as an editor or a CI job runs it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { article, makeSite, writeFiles } from '../helpers/site.js';

const BIN = fileURLToPath(new URL('../../bin/bantin.js', import.meta.url));
const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function bantin(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('bantin CLI', () => {
  it('is compiled JavaScript that runs on plain Node', () => {
    expect(existsSync(fileURLToPath(new URL('../../lib/cli.js', import.meta.url)))).toBe(true);
  });

  it('runs as a program of its own, as an installed command does, with a first line every env understands', async () => {
    // `env -S node --flag` fails where env has no -S (BusyBox: Alpine and its Node images).
    expect((await readFile(BIN, 'utf8')).split('\n')[0]).toBe('#!/usr/bin/env node');
    const root = await makeSite({ 'content/tin-mot.md': article({ title: 'Tin một' }) });
    const { stdout } = await promisify(execFile)(BIN, ['build'], { cwd: root });
    expect(stdout).toMatch(/^Built 1 article into \d+ pages/);
    expect(await readFile(join(root, 'dist/tin-mot/index.html'), 'utf8')).toContain('Tin một');
  });

  it('ends as the build ends when the reader of its output stops early, with no error of its own', async () => {
    const root = await makeSite({ 'content/tin-mot.md': article({ title: 'Tin một' }) });
    // `true` reads nothing and exits: every line bantin prints meets a closed pipe.
    const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;
    const { stdout, stderr } = await promisify(execFile)('bash', ['-c', `${quote(process.execPath)} ${quote(BIN)} build 2>&1 | true; echo "\${PIPESTATUS[0]}"`], { cwd: root });
    expect(stdout.trim()).toBe('0');
    expect(stderr).toBe('');
    expect(await readFile(join(root, 'dist/tin-mot/index.html'), 'utf8')).toContain('Tin một');
  });

  it('builds a site and prints one summary line', async () => {
    const root = await makeSite({ 'content/tin-mot.md': article({ title: 'Tin một' }), 'content/b.md': article({ title: 'Tin hai' }) });
    const run = await bantin(['build'], root);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/^Built 2 articles into \d+ pages \(\d+ files\) in dist\/ in [\d.]+ m?s\.\n$/);
    // Without a baseUrl the site builds, and the editor is told what is missing.
    expect(run.stderr).toMatch(/^warning: No baseUrl in bantin\.yaml/);
    expect(await readFile(join(root, 'dist/tin-mot/index.html'), 'utf8')).toContain('Tin một');
  });

  it('takes --content, --out and --templates', async () => {
    const root = await makeSite({
      'bai-viet/tin-mau.md': article(),
      'giao-dien/article.njk': '<p>{{ article.title }}</p>',
      'giao-dien/home.njk': '<p>{{ articles.length }}</p>',
    });
    const run = await bantin(['build', '--content', 'bai-viet', '--out', 'public', '--templates', 'giao-dien'], root);
    expect(run.code).toBe(0);
    expect(await readFile(join(root, 'public/tin-mau/index.html'), 'utf8')).toBe('<p>Tin mẫu</p>');
  });

  it('dates the same under any machine time zone', async () => {
    const root = await makeSite({ 'content/tin-mau.md': article({ date: '2020-09-08' }) });
    for (const TZ of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
      expect((await bantin(['build'], root, { TZ })).code).toBe(0);
      const html = await readFile(join(root, 'dist/tin-mau/index.html'), 'utf8');
      expect(html).toContain('<time datetime="2020-09-08T00:00:00+07:00">Thứ Ba, 08/09/2020</time>');
    }
  });

  it('prints every content problem as path:line:column, exits 1 and keeps the previous site', async () => {
    const root = await makeSite({ 'content/tin-tot.md': article({ title: 'Tin tốt' }) });
    expect((await bantin(['build'], root)).code).toBe(0);
    const before = await readFile(join(root, 'dist/tin-tot/index.html'), 'utf8');
    await writeFiles(root, {
      'content/tin-tot.md': article({ title: 'Tin tốt', date: '31/02/2020' }),
      'content/x.md': article({ title: 'Khác', author: null }),
    });
    const run = await bantin(['build'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^content\/tin-tot\.md:3:7 {2}"31\/02\/2020" is not a real date/);
    expect(lines[1]).toMatch(/^content\/x\.md:\d+:\d+ {2}The article has no author/);
    expect(run.stderr).toMatch(/2 problems found; nothing was written/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(join(root, 'dist/tin-tot/index.html'), 'utf8')).toBe(before);
    expect(await readdir(join(root, 'dist'))).not.toContain('khac');
  });

  it('answers --help and --version', async () => {
    const root = await makeSite({});
    const help = await bantin(['--help'], root);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/bantin build/);
    expect(help.stdout).toMatch(/--content/);
    const version = await bantin(['--version'], root);
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it.each([[['build', '--nope']], [['publish']], [[]], [['build', 'extra']]])('exits 2 on wrong usage: %j', async (args) => {
    const run = await bantin(args, await makeSite({}));
    expect(run.code).toBe(2);
  });

  it('builds on the threads asked for with --threads, the same site as on one', async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`content/tin-${i}.md`, article({ title: `Tin số ${i}`, category: ['Thời sự', 'Kinh tế'][i % 2]! })]));
    const root = await makeSite({ 'bantin.yaml': 'baseUrl: https://tin.example/\n', ...files });
    expect((await bantin(['build', '--no-cache', '--out', 'one'], root)).code).toBe(0);
    expect((await bantin(['build', '--no-cache', '--threads', '2', '--out', 'two'], root)).code).toBe(0);
    const read = async (dir: string) => {
      const names = (await readdir(join(root, dir), { recursive: true })).sort();
      return Promise.all(names.map(async (name) => [name, await readFile(join(root, dir, name)).catch(() => 'folder')]));
    };
    expect(await read('two')).toEqual(await read('one'));
    for (const wrong of ['0', '1.5', 'hai']) {
      const run = await bantin(['build', '--threads', wrong], root);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--threads takes a whole number from 1 to 64, not "${wrong}"`);
    }
  });

  it('exits 1 with a clear message when there is no content folder', async () => {
    const run = await bantin(['build'], await makeSite({}));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^content {2}The content folder does not exist/);
  });
});
