// Property: any sequence of edits to what lists show of articles (lead, title, address, old
// addresses, date, section, tags, author, draft state, extra fields, text, links by file to other
// articles and their headings) ends each time with exactly the pages
// of a clean build: in a warm process told which file was edited (bantin dev), and in
// `bantin build` run again from its cache on the disk.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build, MemoryWriter } from '../../src/index.js';
import { MemorySite } from '../../src/dev/memory-site.js';
import { BuildCache } from '../../src/incremental.js';
import { article, makeSite, snapshot } from '../helpers/site.js';

const COUNT = 24;
type Fields = Record<string, string | null>;

/** Few values per field, so that edits often meet: two articles of one moment, one section, one tag. */
const fieldEdit = fc.oneof(
  fc.constantFrom('Sapo một', 'Sapo hai', null).map((summary): Fields => ({ summary })),
  fc.constantFrom('Tin An', 'Tin Bình', 'Tin Cường', 'Tin Dũng').map((title): Fields => ({ title })),
  fc.constantFrom('tin-rieng', 'tin-khac', null).map((slug): Fields => ({ slug })),
  fc.constantFrom('2020-05-05', '2020-05-05T08:00:00+07:00', '2020-06-01', '2021-01-01T08:00:00+07:00').map((date): Fields => ({ date })),
  fc.constantFrom('2020-07-01', null).map((updated): Fields => ({ updated })),
  fc.constantFrom('Thời sự', 'Kinh tế', null).map((category): Fields => ({ category })),
  fc.constantFrom('[nông nghiệp]', '[nông nghiệp, du lịch]', '[Nông nghiệp]', null).map((tags): Fields => ({ tags })),
  fc.constantFrom('Minh Hiệp', 'Thu Trang').map((author): Fields => ({ author })),
  fc.constantFrom('true', null).map((draft): Fields => ({ draft })),
  fc.constantFrom('Báo Bắc Kạn', null).map((nguon): Fields => ({ nguon })),
  fc.constantFrom('[/tin-cu/]', '[/bai-cu/, /tin-cu/]', null).map((aliases): Fields => ({ aliases })),
);
/** Texts that link to other articles by their files, and one with the heading one of them links to. */
const bodies = ['Nội dung đã sửa.', 'Xem [tin 3](tin-3.md).\n\n## Phần hai\n\nCòn nữa.', 'Xem [phần hai của tin 5](tin-5.md#phan-hai).'];
const edit = fc.record({ at: fc.nat(COUNT - 1), fields: fieldEdit, body: fc.constantFrom(undefined, ...bodies) });

function startingFields(i: number): Fields {
  return {
    title: `Tin số ${i}`,
    slug: `tin-${i}`,
    summary: `Sapo ${i}`,
    date: `2020-0${1 + (i % 6)}-1${i % 10}`,
    category: ['Thời sự', 'Kinh tế', 'Giáo dục'][i % 3]!,
    tags: `[chủ đề ${i % 4}]`,
  };
}

async function cleanBuild(root: string, drafts: boolean): Promise<Map<string, string>> {
  const writer = new MemoryWriter();
  await build({ root, writer, drafts });
  return new Map([...writer.files].map(([path, content]) => [path, Buffer.from(content).toString('base64')]));
}

/** A site of COUNT articles and the means to edit them, one field or the text at a time. */
async function editableSite() {
  const fields = Array.from({ length: COUNT }, (_, i) => startingFields(i));
  // Every fourth article links to the next by its file: the next one's address is in its page.
  const bodies = Array.from({ length: COUNT }, (_, i) => `Nội dung của tin số ${i}.${i % 4 === 0 ? ` Xem [tin sau](tin-${i + 1}.md).` : ''}`);
  const text = (i: number) => article(fields[i], bodies[i]);
  const root = await makeSite({
    'bantin.yaml': 'baseUrl: https://tin.example/\nfeeds:\n  content: full\n  items: 8\n',
    ...Object.fromEntries(fields.map((_, i) => [`content/tin-${i}.md`, text(i)])),
  });
  /** Applies an edit to its file; returns the file's path. */
  const apply = async ({ at, fields: change, body }: { at: number; fields: Fields; body: string | undefined }) => {
    Object.assign(fields[at]!, change);
    if (body) bodies[at] = body;
    const file = join(root, `content/tin-${at}.md`);
    await writeFile(file, text(at));
    return file;
  };
  return { root, apply };
}

describe('edits to what lists show', () => {
  it('end every time with exactly the pages of a clean build, in a warm process', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.boolean(), async (edits, drafts, told) => {
        const { root, apply } = await editableSite();
        const site = new MemorySite();
        const cache = new BuildCache();
        await build({ root, writer: site, cache, drafts });
        for (const change of edits) {
          const file = await apply(change);
          // An edit that makes two articles share an address fails, as a clean build does.
          // As bantin dev does when its watcher saw the edit, or as a rebuild that looks at every file.
          const rebuilt = await build({ root, writer: site, cache, drafts, ...(told && { edited: [file] }) }).then(() => true, () => false);
          const clean = await cleanBuild(root, drafts).catch(() => undefined);
          expect(rebuilt).toBe(clean !== undefined);
          if (!clean) return;
          // Every file the preview serves, so a page the edit made stale and left behind is caught too.
          const served = new Map(site.paths().map((path) => [path, Buffer.from(site.get(path)!).toString('base64')]));
          expect(served).toEqual(clean);
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('end every time with exactly the files of a clean build, in bantin build run again', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const { root, apply } = await editableSite();
        await build({ root, incremental: true });
        for (const change of edits) {
          await apply(change);
          const rebuilt = await build({ root, incremental: true }).then(() => true, () => false);
          const out = join(root, 'clean');
          const clean = await build({ root, outDir: out }).then(() => snapshot(out), () => undefined);
          expect(rebuilt).toBe(clean !== undefined);
          if (!clean) return;
          expect(await snapshot(join(root, 'dist'))).toEqual(clean);
        }
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});
