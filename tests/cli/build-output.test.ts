// What `bantin build` prints: a summary, scheduled articles, --quiet, progress and colours on a terminal only.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bantin, bantinOnTerminal, hasScript } from '../helpers/cli.js';
import { article, makeSite } from '../helpers/site.js';

describe('bantin build output', () => {
  it('says how many articles wait for their date, and when the next is due', async () => {
    const root = await makeSite({
      'content/a.md': article({ title: 'Hôm nay', date: '2020-09-08' }),
      'content/b.md': article({ title: 'Năm sau', date: '2999-01-01T08:00' }),
    });
    const run = await bantin(['build'], root);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      expect.stringMatching(/^Built 1 article into \d+ pages/),
      '1 scheduled article was left out; the next is due at 2999-01-01T08:00:00+07:00. Build again then to publish it.',
      '',
    ]);
    expect(await readdir(join(root, 'dist'))).not.toContain('nam-sau');
  });

  it('builds scheduled articles with --future', async () => {
    const root = await makeSite({ 'content/b.md': article({ title: 'Năm sau', date: '2999-01-01' }) });
    const run = await bantin(['build', '--future'], root);
    expect(run.stdout).toMatch(/^Built 1 article into \d+ pages \(\d+ files\) in dist\/ in \d+ ms\.\n$/);
    expect(await readdir(join(root, 'dist'))).toContain('nam-sau');
  });

  it('with --quiet prints nothing on success, not even warnings, and still every error', async () => {
    const root = await makeSite({ 'content/a.md': article(), 'content/b.md': article({ title: 'Năm sau', date: '2999-01-01' }) });
    expect(await bantin(['build', '--quiet'], root)).toEqual({ code: 0, stdout: '', stderr: '' });
    const broken = await makeSite({ 'content/a.md': article({ date: '31/02/2020' }) });
    const run = await bantin(['build', '-q'], broken);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^content\/a\.md:3:7 {2}"31\/02\/2020" is not a real date/);
  });

  it('in a log, prints plain lines without colours or terminal controls', async () => {
    const run = await bantin(['build'], await makeSite({ 'content/a.md': article() }));
    expect(run.stderr).toMatch(/^warning: No baseUrl/);
    expect(run.stdout + run.stderr).not.toMatch(/[\r\x1b]/);
  });

  it.skipIf(!hasScript)('on a terminal, counts pages in place, erases the counter, and colours warnings', async () => {
    const root = await makeSite({ 'content/a.md': article() });
    const run = await bantinOnTerminal(['build'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\rRendering… 1 page\x1b\[K/);
    // The counter is gone before the summary, which stays alone on its line.
    expect(run.stdout).toMatch(/\r\x1b\[K\x1b\[33mwarning:\x1b\[39m No baseUrl[^\n]*\r\nBuilt 1 article into/);
  });

  it.skipIf(!hasScript)('on a terminal with NO_COLOR, has no colours', async () => {
    const run = await bantinOnTerminal(['build'], await makeSite({ 'content/a.md': article() }), { NO_COLOR: '1' });
    expect(run.stdout).toMatch(/\r\nBuilt 1 article/);
    expect(run.stdout).not.toMatch(/\x1b\[\d+m/);
  });
});
