// The adapter speeds up two of Nunjucks' runtime helpers (frame variables, escaping): templates
// must render exactly as Nunjucks itself renders them, here in a process where nothing is patched.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/locales.js';
import { createTemplates } from '../../src/render/templates.js';
import { makeSite } from '../helpers/site.js';

const nunjucksPath = createRequire(import.meta.url).resolve('nunjucks');

async function patched(template: string, context: object): Promise<string> {
  const root = await makeSite({ 'templates/page.njk': template });
  const templates = createTemplates([join(root, 'templates')], ['page.njk'], { locale: locales.vi, show: (path) => path });
  return templates.render('page.njk', { ...context });
}

/** The same template rendered by plain Nunjucks, with the options bantin uses. */
function plain(template: string, context: object): string {
  const script = `
    const nunjucks = require(${JSON.stringify(nunjucksPath)});
    const env = new nunjucks.Environment(null, { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
    process.stdout.write(env.renderString(${JSON.stringify(template)}, ${JSON.stringify(context)}));`;
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
}

const cases: [string, string, object][] = [
  [
    "a loop's variables, in nested loops and after them",
    '{% for row in rows %}{{ loop.index }}/{{ loop.length }}{% if loop.first %}F{% endif %}{% if loop.last %}L{% endif %}:' +
      '{% for cell in row %}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ cell }};{% endfor %}[{{ loop.index }}]{% endfor %}|{{ loop.index }}',
    { rows: [['a', 'b'], ['c'], []] },
  ],
  [
    '`set` at the top, in a loop and in an `if`',
    '{% set x = "ngoài" %}{% for i in [1, 2] %}{% set x = i %}{% set z = i %}{{ x }}{% endfor %}-{{ x }}-{{ z }}{% if true %}{% set y = "trong if" %}{% endif %}-{{ y }}',
    {},
  ],
  ['a loop over an object', '{% for key, value in map %}{{ loop.index }}{{ key }}={{ value }};{% endfor %}', { map: { a: 1, b: 'hai' } }],
  ['escaping', '{{ a }}|{{ b }}|{{ c | safe }}|{{ d }}', { a: 'Bắc Kạn', b: '<b>"Tôm" & \'cá\'</b>', c: '<i>x</i>', d: 'a\\b' }],
];

describe('the template runtime', () => {
  it.each(cases)('renders %s as plain Nunjucks does', async (_, template, context) => {
    const expected = plain(template, context);
    expect(expected.length).toBeGreaterThan(0);
    expect(await patched(template, context)).toBe(expected);
  });
});
