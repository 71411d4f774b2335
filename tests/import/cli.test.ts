// `bantin import` on the command line: the report, --dry-run, --help and the exit status.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bantin } from '../helpers/cli.js';
import { makeSite } from '../helpers/site.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const REFERENCE = join(FIXTURES, 'portal-article.txt');
const WRITTEN = 'content/2020/09/bac-kan-tiep-tuc-nhan-rong-mo-hinh-tu-quan-ho-an-toan-thon-ban-to-dan-pho-binh-yen-tren-dia-ban-tinh.md';

describe('bantin import (command line)', () => {
  it('reports each bulletin with its source and line, and exits 0 when all went in, again on a second run', async () => {
    const root = await makeSite({});
    const first = await bantin(['import', REFERENCE], root);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`${REFERENCE}:1  imported  ${WRITTEN}\n\nFrom 1 file: 1 article imported, 0 already there, 0 skipped.\n`);
    const second = await bantin(['import', REFERENCE], root);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`${REFERENCE}:1  already there  ${WRITTEN}\n`);
    expect(second.stdout).toContain('From 1 file: 0 articles imported, 1 already there, 0 skipped.');
  });

  it('exits 1 when a bulletin was skipped, saying why and where', async () => {
    const root = await makeSite({});
    const run = await bantin(['import', FIXTURES], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${join(FIXTURES, 'no-author.txt')}:12  skipped  No author: the last line is text`);
    expect(run.stdout).toContain(`${join(FIXTURES, 'two-articles.txt')}:21  imported  content/2020/11/tap-huan-phong-chong-thien-tai.md`);
    expect(run.stdout).toMatch(/\nFrom 6 files: 6 articles imported, 0 already there, 1 skipped\.\n$/);
  });

  it('with --dry-run lists what would be written and writes nothing', async () => {
    const root = await makeSite({});
    const run = await bantin(['import', '--dry-run', REFERENCE], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`:1  would import  ${WRITTEN}\n`);
    expect(run.stdout).toContain('Nothing was written (--dry-run).');
    expect(existsSync(join(root, 'content'))).toBe(false);
  });

  it('shows its help, and exits 2 on wrong usage', async () => {
    const root = await makeSite({});
    const help = await bantin(['import', '--help'], root);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: bantin import FILE\|DIR\.\.\. \[options\]/);
    expect((await bantin(['--help'], root)).stdout).toContain('bantin import FILE|DIR');
    const none = await bantin(['import'], root);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('Say which file or folder to import.')]);
    const missing = await bantin(['import', 'khong-co.txt'], root);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('There is no file or folder "khong-co.txt".')]);
    expect((await bantin(['import', '--force', REFERENCE], root)).code).toBe(2);
  });
});
