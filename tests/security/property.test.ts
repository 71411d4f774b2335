// Property: whatever the front-matter and Markdown, a build either writes well-formed pages in which
// nothing from the content became live markup, or fails with problems that each name a file; and it
// never writes outside the output folder.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BantinError, build, BuildFailure } from '../../src/index.js';
import { liveMarkup, ownMarkup, type OwnMarkup } from '../helpers/live-markup.js';
import { treeHashes } from '../helpers/tree.js';

const FRAGMENTS = [
  '<script>alert(1)</script>', '</script><script>alert(2)</script>', '"><img src=x onerror=alert(3)>', "'><svg onload=alert(4)>",
  '</title>', '</textarea>', '<!--', '-->', ']]>', '<![CDATA[', '{{ 7 * 191 }}', '{% include "base.njk" %}', '{% raw %}', '{#', '${1+1}',
  'javascript:alert(5)', 'JaVa\tScRiPt:alert(6)', 'data:text/html,<script>alert(7)</script>', 'vbscript:x', '&lt;script&gt;', '&#60;script&#62;',
  '\u2028', '\u2029', '\u202e', '\u200b', '\ufeff', '\ud800', 'đ', 'Ệ', 'ệ'.normalize('NFD'),
  '---', '...', '\n', '\r\n', '\r', '\t', '\\', '/', '..', '../', '%2e%2e%2f', '&', '"', "'", '`', '*', '_', '[', ']', '(', ')', '<', '>', '#', '|', ':', '- ',
];
/** Characters no page may contain: the build must refuse them, naming the file. */
const FORBIDDEN = ['\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\uffff', '\\0', '\\e', '\\x07'];
const forbidden = /[\p{Cc}\p{Noncharacter_Code_Point}]/u;

/** Text from hostile fragments and any Unicode, now and then a very long run, rarely a forbidden character. */
const hostileText = fc
  .array(
    fc.oneof(
      { weight: 200, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 150, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).filter((text) => !forbidden.test(text.replace(/[\t\n\r]/g, ''))) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
      { weight: 1, arbitrary: fc.constantFrom(...FORBIDDEN) },
      { weight: 4, arbitrary: fc.constantFrom('A', 'tin ', '<b>', '[x](').map((unit) => unit.repeat(5_000)) },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''));

/** A front-matter value: usually a quoted string, sometimes raw YAML (which may not parse at all). */
const yamlValue = fc.oneof(
  { weight: 40, arbitrary: hostileText.map((text) => JSON.stringify(text)) },
  { weight: 1, arbitrary: hostileText.map((text) => text.replace(/\n/g, ' ')) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 3 }).map((list) => JSON.stringify(list)) },
  { weight: 1, arbitrary: fc.constantFrom('123', 'yes', 'null', '[]', '{}', '&a x', '*a', '!!js/function "f"', '2020-02-31', '"08/09/2020"') },
);

const markdownBlock = fc.oneof(
  hostileText,
  fc.tuple(hostileText, fc.constantFrom('javascript:alert(1)', 'https://backan.gov.vn/', 'data:image/png;base64,AA==', 'data:text/html,x', '  java\nscript:x', '%6aavascript:x'))
    .map(([text, url]) => `[${text}](${url}) ![${text}](${url}) <${url}>`),
  fc.tuple(fc.integer({ min: 1, max: 60 }), fc.constantFrom('- ', '> ', '1. ', '    ', '* ')).map(([depth, marker]) => marker.repeat(depth) + 'sâu'),
  fc.constantFrom('<iframe src="https://www.youtube.com/embed/x"></iframe>', '<iframe src="https://evil.example/"></iframe>', '<div onclick="x()">d</div>', '| a |\n|---|\n| <b>1</b> |', '```\n</code></pre><script>alert(1)</script>\n```'),
);

const articleFile = fc
  .record({
    title: yamlValue,
    summary: fc.option(yamlValue, { nil: undefined }),
    author: yamlValue,
    category: fc.option(yamlValue, { nil: undefined }),
    tags: fc.option(yamlValue, { nil: undefined }),
    // A slug of their own is rare in real bulletins, and random text never makes a valid one.
    slug: fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: yamlValue }),
    extra: fc.option(yamlValue, { nil: undefined }),
    date: fc.constantFrom('2020-09-08', '"08/09/2020 14:30"', '2021-01-31T23:59:59+07:00'),
    body: fc.array(markdownBlock, { maxLength: 6 }).map((blocks) => blocks.join('\n\n')),
    lineEnding: fc.constantFrom('\n', '\r\n', '\r'),
  })
  .map(({ body, lineEnding, extra, ...fields }) => {
    const lines = Object.entries({ ...fields, nguon: extra }).filter(([, value]) => value !== undefined).map(([key, value]) => `${key}: ${value}`);
    return ['---', ...lines, '---', '', body, ''].join('\n').replace(/\n/g, lineEnding);
  });

const siteConfig = fc.constantFrom(
  'baseUrl: https://bantin.example.vn/\n',
  'baseUrl: https://bantin.example.vn/tin/\nfeeds:\n  content: full\n',
  'markdown:\n  html: true\n  sanitize: true\nbaseUrl: https://bantin.example.vn/\nfeeds:\n  content: full\n',
  '',
);

let own: OwnMarkup;
const boxes: string[] = [];
beforeAll(async () => {
  own = await ownMarkup(['www.youtube.com']);
});
afterAll(async () => {
  await Promise.all(boxes.map((box) => rm(box, { recursive: true, force: true })));
});

describe('any content', () => {
  it('builds pages where nothing it wrote is live, or fails naming files; never writes outside dist/', { timeout: 120_000 }, async () => {
    let built = 0;
    let failed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(articleFile, { minLength: 1, maxLength: 3 }), siteConfig, async (articles, config) => {
        const box = await mkdtemp(join(tmpdir(), 'bantin-property-'));
        boxes.push(box);
        const root = join(box, 'site');
        await mkdir(join(root, 'content'), { recursive: true });
        await writeFile(join(root, 'bantin.yaml'), config);
        await Promise.all(articles.map((text, i) => writeFile(join(root, 'content', `bai-${i}.md`), text)));
        const before = await treeHashes(box);

        const result = await build({ root }).then(() => undefined, (error: unknown) => error);

        const after = await treeHashes(box);
        const outsideDist = (hashes: Record<string, string>) => Object.keys(hashes).filter((path) => !path.startsWith('site/dist/'));
        expect(outsideDist(after)).toEqual(outsideDist(before));
        if (result !== undefined) {
          // A user's problem, never a crash: every problem says which file.
          expect(result instanceof BuildFailure || result instanceof BantinError, String((result as Error).stack)).toBe(true);
          const problems = result instanceof BuildFailure ? result.problems : [result as BantinError];
          for (const problem of problems) expect(problem.file, problem.format()).toBeTruthy();
          failed++;
        } else {
          const files = await treeHashes(join(root, 'dist'));
          const markup = { ...own, iframeHosts: config.includes('sanitize') ? ['www.youtube.com'] : [] };
          for (const path of Object.keys(files).filter((file) => /\.(html|xml|json)$/.test(file))) {
            const { readFile } = await import('node:fs/promises');
            expect(liveMarkup(path, await readFile(join(root, 'dist', path), 'utf8'), markup), path).toEqual([]);
          }
          built++;
        }
        await rm(box, { recursive: true, force: true });
      }),
      // A fixed seed keeps CI repeatable; BANTIN_PROPERTY_SEED and BANTIN_PROPERTY_RUNS explore further.
      { numRuns: Number(process.env.BANTIN_PROPERTY_RUNS ?? 150), seed: Number(process.env.BANTIN_PROPERTY_SEED ?? 20_200_908), endOnFailure: true },
    );
    // The generators are worth something only if both outcomes happen often.
    expect(built).toBeGreaterThan(20);
    expect(failed).toBeGreaterThan(20);
  });
});
