import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { FolderLoader } from '../../src/render/template-loader.js';
import { makeSite } from '../helpers/site.js';

async function templatesWith(include: string) {
  const root = await makeSite({
    'templates/page.njk': `[{% include "${include}" %}]`,
    'templates/partials/ok.njk': 'trong',
    'templates-old/secret.njk': 'BÍ MẬT 1',
    'secret.txt': 'BÍ MẬT 2',
  });
  await symlink(join(root, 'secret.txt'), join(root, 'templates/link.njk'));
  const env = new nunjucks.Environment(new FolderLoader([join(root, 'templates')]), { autoescape: true });
  return () => env.render('page.njk', {});
}

describe('FolderLoader', () => {
  it('serves templates from inside the folder, however the name is spelled', async () => {
    expect((await templatesWith('partials/ok.njk'))()).toBe('[trong]');
    expect((await templatesWith('partials/../partials/ok.njk'))()).toBe('[trong]');
    expect((await templatesWith('./partials/ok.njk'))()).toBe('[trong]');
  });

  it.each([
    '../../../../../../../../etc/passwd',
    '/etc/passwd',
    '../secret.txt',
    // A sibling folder whose name starts like the templates folder: nunjucks' own loader serves it.
    '../templates-old/secret.njk',
    // A link inside the folder to a file outside it.
    'link.njk',
    '.',
    'partials',
  ])('reads nothing outside the folder: %s is "not found"', async (name) => {
    const render = await templatesWith(name);
    expect(render).toThrow(/template not found/);
  });

  it('nunjucks\' own FileSystemLoader would have served the sibling folder (why this loader exists)', async () => {
    const root = await makeSite({ 'templates/page.njk': '{% include "../templates-old/secret.njk" %}', 'templates-old/secret.njk': 'BÍ MẬT' });
    const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(join(root, 'templates')));
    expect(env.render('page.njk', {})).toBe('BÍ MẬT');
  });
});
