// The static JSON API under api/: every file valid against schema/open-data.schema.json (issue 17).
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { build, MemoryWriter } from '../../src/index.js';
import { article, makeSite } from '../helpers/site.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/open-data.schema.json', import.meta.url), 'utf8')) as { $id: string };
const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addSchema(schema);
const validator = (name: string) => ajv.getSchema(`${schema.$id}#/definitions/${name}`)!;

/** Which definition each file of api/ follows. */
function definitionOf(path: string): string {
  if (path === 'api/index.json') return 'index';
  if (path === 'api/sections/index.json') return 'sections';
  return /(^api\/sections\/[^/]+\/|^api\/articles\/)(index|page-\d+)\.json$/.test(path) ? 'list' : 'article';
}

const files = {
  'bantin.yaml': 'baseUrl: https://tin.example/bantin/\nopenData:\n  perPage: 4\n  licence: CC BY 4.0\nagency:\n  name: UBND tỉnh Bắc Kạn\n',
  'static/images/cau.jpg': 'jpg',
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`content/tin-so-${i}.md`, article(
    { title: `Tin số ${i}`, date: `2020-09-1${i}T0${i}:30:00`, category: i % 2 ? 'Thời sự' : 'Kinh tế', author: i === 3 ? '[Minh Hiệp, Thu Hà]' : 'Minh Hiệp', ...(i === 5 && { updated: '2020-10-01' }) },
    `Đoạn đầu của tin ${i}, [xem ảnh](../images/cau.jpg).`,
  )])),
};

async function api() {
  const root = await makeSite(files);
  const writer = new MemoryWriter();
  await build({ root, writer, now: Date.UTC(2022, 0, 1) });
  const json = new Map([...writer.files].filter(([path]) => path.startsWith('api/')).map(([path, text]) => [path, JSON.parse(String(text)) as Record<string, unknown>]));
  return json;
}

describe('open data', () => {
  it('writes only files the documented schema accepts', async () => {
    const json = await api();
    expect(json.size).toBe(1 + 3 + 1 + 2 * 2 + 10);
    for (const [path, data] of json) {
      const validate = validator(definitionOf(path));
      expect(validate(data) ? [] : validate.errors, path).toEqual([]);
    }
  });

  it('the schema refuses what a consumer could not rely on', () => {
    const list = validator('list');
    const good = { version: 1, title: 'x', page: 1, pages: 1, total: 0, first: 'https://tin.example/api/articles/index.json', items: [] };
    expect(list(good)).toBe(true);
    const card = { id: 'https://a.example/x/', url: 'https://a.example/x/', title: 'x', summary: '', authors: ['A'], tags: [], json: 'https://a.example/api/articles/x.json' };
    expect(list({ ...good, items: [{ ...card, published: '2020-09-08T00:00:00+07:00' }] })).toBe(true);
    expect(list({ ...good, items: [{ ...card, published: '2020-09-08' }] })).toBe(false);
    expect(list({ ...good, items: [{ ...card, published: '2020-09-08T00:00:00+07:00', url: '/x/' }] })).toBe(false);
  });

  it('pages the lists with absolute links, dates with the offset, and one file per article with its text', async () => {
    const json = await api();
    const first = json.get('api/articles/index.json')!;
    expect(first).toMatchObject({ page: 1, pages: 3, total: 10, next: 'https://tin.example/bantin/api/articles/page-2.json' });
    const items = first.items as Record<string, unknown>[];
    expect(items.map((item) => item.title)).toEqual(['Tin số 9', 'Tin số 8', 'Tin số 7', 'Tin số 6']);
    expect(items[0]).toMatchObject({ url: 'https://tin.example/bantin/tin-so-9/', published: '2020-09-19T09:30:00+07:00', json: 'https://tin.example/bantin/api/articles/tin-so-9.json' });
    expect(json.get('api/articles/page-3.json')).toMatchObject({ page: 3, previous: 'https://tin.example/bantin/api/articles/page-2.json' });
    expect(json.get('api/articles/page-3.json')!.next).toBeUndefined();
    const one = json.get('api/articles/tin-so-3.json')!;
    expect(one.authors).toEqual(['Minh Hiệp', 'Thu Hà']);
    expect(one.contentHtml).toContain('href="https://tin.example/bantin/images/cau.jpg"');
    expect(json.get('api/articles/tin-so-5.json')!.updated).toBe('2020-10-01T00:00:00+07:00');
    expect(json.get('api/sections/thoi-su/index.json')).toMatchObject({ title: 'Thời sự', total: 5, pages: 2 });
    expect(json.get('api/index.json')).toMatchObject({ licence: 'CC BY 4.0', publisher: 'UBND tỉnh Bắc Kạn', count: 10, articles: 'https://tin.example/bantin/api/articles/index.json' });
  });

  it('is left out without a baseUrl, or when turned off', async () => {
    for (const config of ['', 'baseUrl: https://tin.example/\nopenData:\n  enabled: false\n']) {
      const root = await makeSite({ ...files, 'bantin.yaml': config });
      const writer = new MemoryWriter();
      await build({ root, writer });
      expect([...writer.files.keys()].filter((path) => path.startsWith('api/'))).toEqual([]);
      expect(writer.text('index.html')).not.toContain('api/index.json');
    }
  });
});
