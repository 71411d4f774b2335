// The built example site is valid HTML5 and CSS by the W3C Nu checker.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { article, makeSite } from '../helpers/site.js';
import { hasJava, validate } from '../helpers/vnu.js';

const REPO = new URL('../..', import.meta.url).pathname;
const mustRun = process.env.CI === 'true';

describe.skipIf(!hasJava && !mustRun)('W3C Nu HTML Checker', () => {
  it('is available (CI must not skip it)', () => {
    expect(hasJava, 'Java is needed to run the Nu HTML Checker: apt-get install -y default-jre-headless').toBe(true);
  });

  it('reports no errors on any page of the example site, drafts included', async () => {
    const out = join(await makeSite({}), 'dist');
    await build({ root: REPO, outDir: out, drafts: true });
    const pages = (await readdir(out, { recursive: true })).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(20);

    const messages = await validate([out]);
    const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
    expect(errors.map((m) => `${m.url.replace(`file:${out}/`, '')}:${m.lastLine}  ${m.message}`)).toEqual([]);
  }, 120_000);

  it('reports no errors on a site whose navigation has a configured menu and the sections', async () => {
    const root = await makeSite({
      'bantin.yaml': 'menu:\n  - { title: Giới thiệu, url: /gioi-thieu/ }\n  - { title: Cổng tỉnh, url: "https://backan.gov.vn/" }\n',
      'content/a.md': article({ category: 'Thời sự' }),
      'content/gioi-thieu.md': article({ title: 'Giới thiệu' }),
    });
    await build({ root });
    const messages = await validate([join(root, 'dist', 'index.html'), join(root, 'dist', 'chuyen-muc', 'thoi-su', 'index.html')]);
    expect(messages.filter((m) => m.type === 'error' || m.subType === 'fatal').map((m) => m.message)).toEqual([]);
  }, 60_000);

  it('does flag a broken page, so a clean report means something', async () => {
    const dir = await makeSite({});
    await writeFile(join(dir, 'broken.html'), '<!doctype html><html lang="vi"><head></head><body><p><div></p></body></html>');
    const messages = await validate([dir]);
    expect(messages.filter((m) => m.type === 'error').length).toBeGreaterThan(0);
  }, 60_000);
});
