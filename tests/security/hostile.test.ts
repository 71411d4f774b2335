// Runs every fixture in tests/fixtures/hostile/: a small site, and expected.json saying what must happen.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BantinError, build, BuildFailure } from '../../src/index.js';
import { liveMarkup, ownMarkup, type OwnMarkup } from '../helpers/live-markup.js';
import { treeHashes } from '../helpers/tree.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

interface Expected {
  /** What the case shows. */
  description: string;
  outcome: 'ok' | 'error';
  /** error: each a regular expression that some problem, as printed, must match. */
  messages?: string[];
  /** ok: texts that must appear in some written file. */
  present?: string[];
  /** ok: texts that must appear in no written HTML, XML or text file. */
  absent?: string[];
  /** ok: output files that must exist. */
  files?: string[];
  /** ok: the output must be byte for byte that of this other case. */
  identicalTo?: string;
  /** Build options, e.g. an output folder. */
  options?: { outDir?: string };
  /** Iframe hosts the site allows (with markdown.sanitize). */
  iframeHosts?: string[];
  /** ok: how many articles the build publishes: each read once, however many links lead to it. */
  articles?: number;
  /** Files made when the test runs: what git cannot keep well (bytes, links, odd names, big files). */
  setup?: {
    text?: Record<string, string>;
    base64?: Record<string, string>;
    symlinks?: Record<string, string>;
    generate?: Record<string, keyof typeof GENERATORS>;
    /** Files of this many bytes, holding nothing but an article's front-matter: the rest is a hole on the disk. */
    sparse?: Record<string, number>;
  };
}

const FRONT = '---\ntitle: Bài rất dài\ndate: 2020-09-08\nauthor: Minh Hiệp\n---\n\n';
const GENERATORS = {
  /** A 5 MB article of ordinary paragraphs. */
  'article-5mb': () => FRONT + 'Qua 02 năm triển khai thực hiện mô hình tự quản về an ninh trật tự. '.repeat(70).concat('\n\n').repeat(1100),
  'lists-10000-deep': () => FRONT + '- '.repeat(10_000) + 'sâu\n\nĐoạn cuối.\n',
  'quotes-10000-deep': () => FRONT + '> '.repeat(10_000) + 'sâu\n\nĐoạn cuối.\n',
  'brackets-100000': () => FRONT + '['.repeat(100_000) + '\n\n' + '*'.repeat(100_000) + '\n',
  /** 300 KB of tags, each opened inside the last. */
  'nested-tags-300kb': () => FRONT + '<div>\n' + '<b><i><span>'.repeat(25_000) + 'sâu\n',
  /** 300 KB of "<b/>", which HTML reads as "<b>": as deep. */
  'self-closed-tags-300kb': () => FRONT + '<div>\n' + '<b/>'.repeat(75_000) + 'sâu\n',
  /** 300 KB of raw HTML nested 100 deep, again and again: deep, but as real markup can be. */
  'nested-100-300kb': () => FRONT + ('<div>'.repeat(100) + 'Đoạn văn.' + '</div>'.repeat(100) + '\n\n').repeat(280),
  /** One tag a megabyte long, on one line. */
  'tag-1mb': () => FRONT + 'Chữ <span ' + 'title="x" '.repeat(100_000) + '>đậm</span>\n',
};

const cases = (await readdir(FIXTURES)).sort();
const made: string[] = [];
let own: OwnMarkup;
const outputs = new Map<string, Record<string, string>>();

beforeAll(async () => {
  own = await ownMarkup();
});
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Copies a fixture into a fresh folder (`<tmp>/site`, so writes beside the site can be seen) and builds it. */
async function run(name: string) {
  const expected = JSON.parse(await readFile(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected;
  const box = await mkdtemp(join(tmpdir(), 'bantin-hostile-'));
  made.push(box);
  const root = join(box, 'site');
  await cp(join(FIXTURES, name), root, { recursive: true, filter: (path) => !path.endsWith('expected.json') });
  await mkdir(join(root, 'content'), { recursive: true });
  const { text = {}, base64 = {}, symlinks = {}, generate = {}, sparse = {} } = expected.setup ?? {};
  const write = async (path: string, content: string | Buffer) => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  };
  for (const [path, content] of Object.entries(text)) await write(path, content);
  for (const [path, content] of Object.entries(base64)) await write(path, Buffer.from(content, 'base64'));
  for (const [path, generator] of Object.entries(generate)) await write(path, GENERATORS[generator]());
  for (const [path, target] of Object.entries(symlinks)) await symlink(target, join(root, path));
  for (const [path, size] of Object.entries(sparse)) {
    await write(path, FRONT);
    await truncate(join(root, path), size);
  }
  await writeFile(join(box, 'beside-the-site.txt'), 'untouched');

  const before = await treeHashes(box);
  const { built, result } = await build({ root, ...expected.options }).then(
    (built) => ({ built, result: undefined }),
    (error: unknown) => ({ built: undefined, result: error }),
  );
  return { expected, box, root, before, built, result };
}

describe('hostile fixtures', () => {
  it('exist, one folder per case', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  for (const name of cases) {
    it(name, async () => {
      const { expected, box, root, before, built, result } = await run(name);
      const after = await treeHashes(box);
      const outside = (hashes: Record<string, string>) =>
        Object.fromEntries(Object.entries(hashes).filter(([path]) => !path.startsWith('site/dist/')));

      if (expected.outcome === 'error') {
        // A whole build fails with a BuildFailure; a refused output folder, before anything, with one BantinError.
        const problems = result instanceof BuildFailure ? result.problems : result instanceof BantinError ? [result] : undefined;
        expect(problems, `the build should fail, but: ${String(result)}`).toBeDefined();
        const printed = problems!.map((problem) => problem.format());
        for (const problem of problems!) expect(problem.file, problem.message).toBeTruthy();
        for (const message of expected.messages ?? []) {
          expect(printed, `a problem matching ${message}`).toContainEqual(expect.stringMatching(new RegExp(message)));
        }
        // A failed build changes nothing on disk.
        expect(after).toEqual(before);
        return;
      }

      expect(result, String((result as BuildFailure | undefined)?.problems?.map((p) => p.format()) ?? result)).toBeUndefined();
      // Nothing written but dist/ itself: no leftovers, nothing beside or above the site.
      expect(outside(after)).toEqual(outside(before));
      const written = await treeHashes(join(root, 'dist'));
      const texts = new Map<string, string>();
      for (const path of Object.keys(written)) {
        if (/\.(html|xml|json|txt)$/.test(path)) texts.set(path, await readFile(join(root, 'dist', path), 'utf8'));
      }
      const markup = { ...own, iframeHosts: expected.iframeHosts ?? [] };
      for (const [path, content] of texts) expect(liveMarkup(path, content, markup), path).toEqual([]);
      for (const text of expected.present ?? []) {
        expect([...texts.values()].some((content) => content.includes(text)), `"${text}" in some page`).toBe(true);
      }
      // JSON holds plain text as it is ("<script>" in a title is just text there); its HTML fields are checked above.
      for (const text of expected.absent ?? []) {
        for (const [path, content] of texts) {
          if (!path.endsWith('.json')) expect(content.includes(text), `"${text}" in ${path}`).toBe(false);
        }
      }
      for (const file of expected.files ?? []) expect(Object.keys(written)).toContain(file);
      if (expected.articles !== undefined) expect(built?.articles, 'articles published').toBe(expected.articles);
      outputs.set(name, written);
      if (expected.identicalTo) {
        if (!outputs.has(expected.identicalTo)) await runAndKeep(expected.identicalTo);
        expect(written).toEqual(outputs.get(expected.identicalTo));
      }
    });
  }
});

async function runAndKeep(name: string): Promise<void> {
  const { root, result } = await run(name);
  expect(result).toBeUndefined();
  outputs.set(name, await treeHashes(join(root, 'dist')));
}
