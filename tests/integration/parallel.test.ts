// A build that renders on threads writes the same bytes as one that renders on its own thread, and reports the same problems.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build, BuildFailure } from '../../src/index.js';
import { RenderThreads, renderOnThreads, THREADS_FROM_PAGES } from '../../src/parallel/pool.js';
import { loadSite, loadStage, parseStage, setUp, threadOptions } from '../../src/load-site.js';
import { planPages } from '../../src/render/pages.js';
import { hashAssetNames, loadThemeAssets } from '../../src/theme.js';
import { article, makeSite, snapshot, writeFiles } from '../helpers/site.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

async function bothWays(root: string): Promise<[Record<string, string>, Record<string, string>]> {
  const single = join(await makeSite({}), 'dist');
  const parallel = join(await makeSite({}), 'dist');
  await build({ root, outDir: single, threads: 1 });
  await build({ root, outDir: parallel, threads: 2 });
  return [await snapshot(single), await snapshot(parallel)];
}

describe('parallel builds', () => {
  it.each([1, 2])('leave no file open and no thread running behind them, after a good build or a failed one (%i threads)', async (threads) => {
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    await build({ root: REPO, outDir: join(await makeSite({}), 'dist'), threads });
    const broken = await makeSite({ 'content/a.md': article({ title: 'Tin', date: '31/02/2020' }), 'content/b.md': article({ title: 'Tin khác' }) });
    await expect(build({ root: broken, threads })).rejects.toBeInstanceOf(BuildFailure);
    expect(open()).toBe(before);
  });

  it('write the example site byte for byte as a single thread does', async () => {
    const [single, parallel] = await bothWays(REPO);
    expect(Object.keys(single).length).toBeGreaterThan(100);
    expect(parallel).toEqual(single);
  });

  it('write a 500-article generated site byte for byte as a single thread does, full-text feeds included', async () => {
    const root = await makeSite({});
    execFileSync(process.execPath, [join(REPO, 'bench/generate.mjs'), root, '500'], { stdio: 'ignore' });
    await writeFiles(root, { 'bantin.yaml': 'baseUrl: https://tin.example/\nfeeds:\n  content: full\n' });
    const [single, parallel] = await bothWays(root);
    // Enough pages that the build hands them to its threads.
    expect(Object.keys(single).filter((path) => path.endsWith('.html')).length).toBeGreaterThan(THREADS_FROM_PAGES);
    expect(parallel).toEqual(single);
  }, 120_000);

  it('end the threads started before the parse when the build stops before rendering', async () => {
    // Each worker thread is a thread of this process while it runs.
    const running = () => readdirSync('/proc/self/task').length;
    const root = await makeSite({});
    execFileSync(process.execPath, [join(REPO, 'bench/generate.mjs'), root, '450'], { stdio: 'ignore' });
    await writeFiles(root, { 'content/lien-ket-hong.md': article({ title: 'Liên kết hỏng' }, 'Xem [bài này](khong-co.md).') });
    const before = running();
    const error = await build({ root, threads: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildFailure);
    expect((error as BuildFailure).problems[0]?.format()).toMatch(/^content\/lien-ket-hong\.md:7:15 /);
    expect(readdirSync(root)).not.toContain('dist');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(running()).toBe(before);
  }, 120_000);

  it('report a template error met on a thread with the template file and line, and write nothing', async () => {
    const root = await makeSite({});
    execFileSync(process.execPath, [join(REPO, 'bench/generate.mjs'), root, '450'], { stdio: 'ignore' });
    await writeFiles(root, { 'templates/article.njk': '{% extends "base.njk" %}\n{% block main %}\n{{ article.data.missing() }}\n{% endblock %}\n' });
    const error = await build({ root, threads: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildFailure);
    const [problem] = (error as BuildFailure).problems;
    expect(problem?.format()).toMatch(/^templates\/article\.njk:3:\d+  Template error while making the page of content\/[^:]+\.md: Unable to call/);
    expect(readdirSync(root)).not.toContain('dist');
  }, 120_000);

  it('report the same problems, in the same order', async () => {
    const root = await makeSite({
      'content/a.md': article({ date: '31/02/2020' }),
      'content/b.md': article({ title: '123', author: null }),
      'content/c.md': article({ title: 'Đúng' }),
      'content/d.md': article({ date: '2020-13-01' }),
    });
    const problems = async (threads: number) => {
      const error = await build({ root, threads }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BuildFailure);
      return (error as BuildFailure).problems.map((p) => p.format());
    };
    const single = await problems(1);
    expect(single).toHaveLength(4);
    expect(await problems(2)).toEqual(single);
  });

  it('parse on threads the same articles, and the same problems in the order of the files, as one thread', async () => {
    const root = await makeSite({});
    execFileSync(process.execPath, [join(REPO, 'bench/generate.mjs'), root, '200'], { stdio: 'ignore' });
    // Problems spread over the site, so that each thread meets some.
    await writeFiles(root, {
      'bantin.yaml': 'baseUrl: https://tin.example/\n',
      'content/2016/a-sai-ngay.md': article({ date: '31/02/2020' }),
      'content/2019/b-thieu-tac-gia.md': article({ title: '123', author: null }),
      'content/2024/c-rong.md': '',
      'content/2025/d-thang-13.md': article({ date: '2020-13-01' }),
    });
    const parse = async (count: number) => {
      const setup = setUp({ root });
      const sources = await loadStage(setup, {});
      // From the first file on: the threshold of a build is far above a test's site.
      const parsed = await parseStage(setup, sources, { threads: { ...threadOptions(setup, {}), count, parseFrom: 1 } });
      return { articles: [...parsed], problems: setup.problems.map((p) => p.format()) };
    };
    const single = await parse(1);
    expect(single.problems.map((problem) => problem.slice(0, problem.indexOf(':')))).toEqual([
      'content/2016/a-sai-ngay.md', 'content/2019/b-thieu-tac-gia.md', 'content/2019/b-thieu-tac-gia.md', 'content/2024/c-rong.md', 'content/2025/d-thang-13.md',
    ]);
    expect(single.articles).toHaveLength(200);
    expect(await parse(2)).toEqual(single);
  }, 60_000);

  it('start a render thread that outgrows its heap again, without a bound, on the pages it had left', async () => {
    const root = await makeSite({});
    execFileSync(process.execPath, [join(REPO, 'bench/generate.mjs'), root, '300'], { stdio: 'ignore' });
    const loaded = await loadSite({ root });
    const plans = planPages(loaded.site!, loaded.config!, loaded.locale!);
    const theme = hashAssetNames(await loadThemeAssets(loaded.paths.templateDirs));
    const { count: _count, ...options } = threadOptions(loaded, {});
    const start = { task: 'render' as const, options, assetNames: [...theme.names] };
    const render = async (heapMb?: number, started?: RenderThreads) => {
      const setup = { photos: { keys: [], photos: [], defaultAlt: loaded.config!.title }, pages: loaded.site!.pages, searchWords: new Map<string, string>() };
      const pages = renderOnThreads({ start, count: 2, started }, setup, { articles: loaded.site!.articles, groups: plans.map((_, index) => [index]), ...(heapMb !== undefined && { heapMb }) });
      const made = new Map<number, string>();
      for (let next = await pages.next(); ; next = await pages.next()) {
        if (next.done) return { made, restarts: next.value };
        made.set(next.value[0], Buffer.from(next.value[1]).toString('base64'));
      }
    };
    const bounded = await render();
    // Too small a heap to load the template engine in: both threads run out, and start again.
    const starved = await render(8);
    expect(bounded.restarts).toBe(0);
    expect(starved.restarts).toBe(2);
    expect(starved.made.size).toBe(plans.length);
    expect(starved.made).toEqual(bounded.made);
    // Threads started early with a heap too small for the cards are ended, and new ones render.
    const early = new RenderThreads(start, 2, 8);
    const replaced = await render(undefined, early);
    expect(replaced.restarts).toBe(0);
    expect(replaced.made).toEqual(bounded.made);
  }, 120_000);
});
