// Benchmarks bantin against Eleventy 3 and Hugo on one generated corpus of Vietnamese bulletins.
// Whole commands are timed by /usr/bin/time (wall time and peak memory), runs alternate between
// tools, output goes to tmpfs, and the table gives medians and bantin/peer ratios of this run.
//
//   npm run bench                              # 4,000 and 20,000 articles, 5 runs each
//   npm run bench -- --sizes 1000,4000 --runs 3 --tools bantin,hugo
//   npm run bench -- --scaling 1000,4000,20000,100000 --tools bantin   # bantin alone, up to 100,000
//   node bench/search.mjs <site> <built site>  # the search index alone (run.mjs runs it at the largest size)
//   npm run bench -- --photos 1000             # bantin alone: 1,000 articles with 3 photos each (bench/photos.mjs)
//
// "floor" is bench/peers/floor.mjs: the least a single-threaded Node generator does for the same
// articles (fast-glob, gray-matter, markdown-it, one nunjucks layout, synchronous writes);
// "floor-2" is the same work shared out to two worker threads, the most those libraries make of
// this machine's two cores.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '4000,20000' },
    runs: { type: 'string', default: '5' },
    tools: { type: 'string', default: 'bantin,floor,floor-2,eleventy,hugo' },
    work: { type: 'string', default: '/dev/shm/bantin-bench' },
    edits: { type: 'string', default: '15' },
    scaling: { type: 'string', default: '' },
    photos: { type: 'string', default: '' },
  },
});
// `--photos` alone runs the photos section alone.
const photosOnly = values.photos !== '' && !process.argv.some((arg) => arg.startsWith('--sizes') || arg.startsWith('--scaling'));
const sizes = values.sizes && !photosOnly ? values.sizes.split(',').map(Number) : [];
const runs = Number(values.runs);
let tools = photosOnly ? ['bantin'] : values.tools.split(',');
const work = values.work;
mkdirSync(work, { recursive: true });

const log = (line = '') => {
  console.log(line);
  appendFileSync(join(work, 'results.md'), line + '\n');
};

function ensureHugo() {
  if (spawnSync('hugo', ['version']).status === 0) return true;
  console.log('Hugo is missing: installing Debian\'s package (apt-get install -y hugo)...');
  const install = spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo'], { stdio: 'inherit' });
  return install.status === 0 && spawnSync('hugo', ['version']).status === 0;
}

if (tools.includes('hugo') && !ensureHugo()) {
  console.log('Hugo could not be installed; it is left out of this run.');
  tools = tools.filter((tool) => tool !== 'hugo');
}
if (!existsSync(join(repo, 'lib/cli.js'))) {
  console.error('bantin is not compiled: run `npm run compile` in the repository first.');
  process.exit(1);
}

/** A corpus of `size` articles, generated once and reused while the generator is unchanged. */
function corpus(size) {
  const dir = join(work, `corpus-${size}`);
  const marker = join(dir, '.generated');
  const stamp = readFileSync(join(here, 'generate.mjs'), 'utf8').length + ':' + size;
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== stamp) {
    execFileSync(process.execPath, [join(here, 'generate.mjs'), dir, String(size)], { stdio: 'inherit' });
    writeFileSync(join(dir, 'bantin.yaml'), 'title: Bản tin thử tải\nbaseUrl: https://bench.example/\n');
    // Eleventy and Hugo read the same articles from a project folder of their own.
    const eleventy = join(work, `eleventy-${size}`);
    rmSync(eleventy, { recursive: true, force: true });
    cpSync(join(dir, 'content'), join(eleventy, 'content'), { recursive: true });
    cpSync(join(here, 'peers/eleventy/article.njk'), join(eleventy, '_includes/article.njk'));
    cpSync(join(here, 'peers/eleventy/index.njk'), join(eleventy, 'index.njk'));
    writeFileSync(join(eleventy, 'content/content.11tydata.json'), JSON.stringify({ layout: 'article.njk', permalink: '/{{ page.fileSlug }}/' }));
    const hugo = join(work, `hugo-${size}`);
    rmSync(hugo, { recursive: true, force: true });
    cpSync(join(here, 'peers/hugo'), hugo, { recursive: true });
    cpSync(join(dir, 'content'), join(hugo, 'content'), { recursive: true });
    writeFileSync(marker, stamp);
  }
  return dir;
}

function command(tool, size, out) {
  switch (tool) {
    case 'bantin':
      // Run as an installed command is, through its first line.
      return { file: join(repo, 'bin/bantin.js'), args: ['build', '--quiet', '--root', corpus(size), '--out', out] };
    case 'eleventy':
      return {
        file: process.execPath,
        args: [join(here, 'node_modules/@11ty/eleventy/cmd.cjs'), '--quiet', `--input=${join(work, `eleventy-${size}`)}`, `--output=${out}`],
        cwd: join(work, `eleventy-${size}`),
      };
    case 'hugo':
      return { file: 'hugo', args: ['--quiet', '--source', join(work, `hugo-${size}`), '--destination', out] };
    case 'floor':
      return { file: process.execPath, args: [join(here, 'peers/floor.mjs'), join(corpus(size), 'content'), out] };
    case 'floor-2':
      return { file: process.execPath, args: [join(here, 'peers/floor.mjs'), join(corpus(size), 'content'), out, '2'] };
  }
  throw new Error(`unknown tool ${tool}`);
}

function countHtml(dir) {
  return readdirSync(dir, { recursive: true }).filter((file) => String(file).endsWith('.html')).length;
}

/** Runs a whole command under /usr/bin/time: wall seconds, peak memory in MiB, and its output. */
function timed(file, args, cwd) {
  const timing = join(work, 'time.txt');
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', timing, file, ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${file} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  const [seconds, kilobytes] = readFileSync(timing, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  return { seconds, mib: kilobytes / 1024, stdout: result.stdout };
}

/** One timed clean build (the output folder removed first): wall seconds, peak MiB, pages written. */
function measure(tool, size) {
  const out = join(work, `out-${tool}-${size}`);
  rmSync(out, { recursive: true, force: true });
  if (tool === 'bantin') rmSync(join(corpus(size), '.bantin-cache'), { recursive: true, force: true });
  const { file, args, cwd } = command(tool, size, out);
  const { seconds, mib } = timed(file, args, cwd);
  return { seconds, mib, pages: countHtml(out) };
}

/** The build's own figure from bantin's summary line ("... in 412 ms." or "in 3.2 s."), in ms. */
function workMs(stdout) {
  const match = / in ([\d.]+) (ms|s)\.\s*$/m.exec(stdout);
  return match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : NaN;
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

log(`\n## ${new Date().toISOString()} — ${cpus().length} cores, ${cpus()[0]?.model ?? ''}, node ${process.version}`);
const summaries = new Map();
for (const size of sizes) {
  corpus(size);
  const results = Object.fromEntries(tools.map((tool) => [tool, []]));
  for (let run = 0; run < runs; run++) {
    for (const tool of tools) results[tool].push(measure(tool, size));
    process.stdout.write(`  ${size} articles: run ${run + 1}/${runs} done\r`);
  }
  log(`\n### ${size.toLocaleString('en')} articles (median of ${runs} runs)\n`);
  log('| tool | wall time | peak memory | pages written | bantin/tool time | bantin/tool memory |');
  log('|---|---:|---:|---:|---:|---:|');
  const summary = Object.fromEntries(
    tools.map((tool) => [
      tool,
      {
        seconds: median(results[tool].map((r) => r.seconds)),
        mib: median(results[tool].map((r) => r.mib)),
        pages: results[tool][0].pages,
      },
    ]),
  );
  for (const tool of tools) {
    const s = summary[tool];
    const ratio = (a, b) => (summary.bantin ? (summary.bantin[a] / s[a]).toFixed(2) : '–');
    log(`| ${tool} | ${s.seconds.toFixed(2)} s | ${s.mib.toFixed(0)} MiB | ${s.pages} | ${ratio('seconds')} | ${ratio('mib')} |`);
  }
  summaries.set(size, summary);
}

// The targets of the core's speed (docs/performance.md), as ratios measured in this run.
const targets = [];
const check = (size, what, value, limit) => {
  if (Number.isFinite(value)) targets.push(`| ${size.toLocaleString('en')} | ${what} | ${value.toFixed(2)} | ≤ ${limit} | ${value <= limit ? 'met' : 'NOT met'} |`);
};
for (const [size, s] of summaries) {
  if (!s.bantin) continue;
  const small = size < 20000;
  if (s.hugo) check(size, 'clean build time, bantin / Hugo', s.bantin.seconds / s.hugo.seconds, small ? 1.5 : 1.0);
  if (s.eleventy) check(size, 'clean build time, bantin / Eleventy', s.bantin.seconds / s.eleventy.seconds, small ? 0.75 : 0.4);
  if (s.hugo && !small) check(size, 'peak memory, bantin / Hugo', s.bantin.mib / s.hugo.mib, 0.2);
}
// Not targets: how near the libraries bantin is built on come to the speed targets by themselves,
// one page per article on both cores, and the least a build run again does (see `again-floor.mjs`),
// measured in the same run.
const reference = [];
for (const [size, s] of summaries) {
  const floor2 = s['floor-2'];
  if (!floor2) continue;
  if (s.hugo) reference.push(`| ${size.toLocaleString('en')} | time, floor on two threads / Hugo | ${(floor2.seconds / s.hugo.seconds).toFixed(2)} |`);
  if (s.eleventy) reference.push(`| ${size.toLocaleString('en')} | time, floor on two threads / Eleventy | ${(floor2.seconds / s.eleventy.seconds).toFixed(2)} |`);
  if (s.floor) reference.push(`| ${size.toLocaleString('en')} | time, floor on two threads / on one | ${(floor2.seconds / s.floor.seconds).toFixed(2)} |`);
}

/** The article's text with its lead (`summary:`, which listings show) edited, the `n`-th time. */
const withLead = (original, n) => original.replace(/^summary: "(.*)"$/m, (_, lead) => `summary: "${lead} Sửa lần ${n}."`);

/** An article of the corpus to edit, and its text as generated. */
function someArticle(root) {
  const year = join(root, 'content', readdirSync(join(root, 'content')).sort()[0]);
  const month = join(year, readdirSync(year).sort()[0]);
  const file = join(month, readdirSync(month).sort()[0]);
  return { file, original: readFileSync(file, 'utf8') };
}

if (tools.includes('bantin')) {
  // `bantin build` run again on the same output: nothing changed, then one article edited.
  for (const size of sizes) {
    const root = corpus(size);
    const out = join(work, `inc-bantin-${size}`);
    rmSync(out, { recursive: true, force: true });
    rmSync(join(root, '.bantin-cache'), { recursive: true, force: true });
    const bin = join(repo, 'bin/bantin.js');
    const args = ['build', '--root', root, '--out', out];
    const first = timed(bin, args);
    // The floor (peers/again-floor.mjs) takes turns with bantin, on the output bantin made.
    const floorState = join(work, `again-floor-${size}.json`);
    const floorArgs = [join(here, 'peers/again-floor.mjs'), join(root, 'content'), out, floorState];
    rmSync(floorState, { force: true });
    timed(process.execPath, floorArgs);
    const noop = [];
    const floor = [];
    for (let run = 0; run < runs; run++) {
      noop.push(timed(bin, args));
      const again = timed(process.execPath, floorArgs);
      if (again.stdout.trim() !== 'nothing changed') throw new Error(`the floor of a build again found a change in ${root}`);
      floor.push(again);
    }
    const edit = [];
    const { file, original } = someArticle(root);
    for (let run = 0; run < runs; run++) {
      writeFileSync(file, `${original}\nMột câu sửa lần ${run}.\n`);
      edit.push(timed(bin, args));
    }
    // Then edits to the lead alone (the first also takes the last sentence away).
    const lead = [];
    for (let run = 0; run < runs; run++) {
      writeFileSync(file, withLead(original, run));
      lead.push(timed(bin, args));
    }
    writeFileSync(file, original);
    timed(bin, args);
    // A build with nothing to do prints no time of its own.
    const workOf = (list) => median(list.map((r) => workMs(r.stdout)));
    const row = (list) => `${median(list.map((r) => r.seconds)).toFixed(2)} s${Number.isFinite(workOf(list)) ? ` (${workOf(list).toFixed(0)} ms of work)` : ''}, ${median(list.map((r) => r.mib)).toFixed(0)} MiB`;
    if (size >= 20000) {
      check(size, 'bantin build again, nothing changed (s, whole command)', median(noop.map((r) => r.seconds)), 0.3);
      check(size, 'bantin build again, one article\'s text edited (s, whole command)', median(edit.map((r) => r.seconds)), 0.5);
      check(size, 'bantin build again, one article\'s lead edited (s, whole command)', median(lead.map((r) => r.seconds)), 0.5);
    }
    log(`\nbantin build again, ${size.toLocaleString('en')} articles (first build ${first.seconds.toFixed(2)} s): nothing changed ${row(noop)}; one article's text edited ${row(edit)}; its lead edited ${row(lead)} (medians of ${runs})`);
    const floorSeconds = median(floor.map((r) => r.seconds));
    log(`the floor of a build again (Node started, every article stat'ed, every output file looked for): ${floorSeconds.toFixed(2)} s, ${median(floor.map((r) => r.mib)).toFixed(0)} MiB`);
    reference.push(`| ${size.toLocaleString('en')} | build again, nothing changed: floor (s, whole command) | ${floorSeconds.toFixed(2)} |`);
    reference.push(`| ${size.toLocaleString('en')} | build again, nothing changed: bantin / floor | ${(median(noop.map((r) => r.seconds)) / floorSeconds).toFixed(2)} |`);
  }
}

if (values.scaling) {
  const points = values.scaling.split(',').map(Number);
  log(`\n### bantin, whole default site, clean builds (median of ${Math.min(runs, 3)} runs; 1 run from 50,000 articles)\n`);
  log('| articles | wall time | peak memory | pages written | ms per 1,000 articles |');
  log('|---:|---:|---:|---:|---:|');
  for (const size of points) {
    corpus(size);
    const list = Array.from({ length: size >= 50_000 ? 1 : Math.min(runs, 3) }, () => measure('bantin', size));
    const seconds = median(list.map((r) => r.seconds));
    const mib = median(list.map((r) => r.mib));
    log(`| ${size.toLocaleString('en')} | ${seconds.toFixed(2)} s | ${mib.toFixed(0)} MiB | ${list[0].pages} | ${((seconds * 1000 * 1000) / size).toFixed(0)} |`);
    if (size >= 100000) check(size, 'peak memory (MiB)', mib, 1023);
    rmSync(join(work, `out-bantin-${size}`), { recursive: true, force: true });
  }
}

if (tools.includes('bantin')) {
  // Rebuild after one edit, as `bantin dev` does it: warm process, in-memory output.
  // (Its own block: it runs in this process, after every timed command is done.)
  const { build } = await import(join(repo, 'lib/index.js'));
  const { BuildCache } = await import(join(repo, 'lib/incremental.js'));
  const { MemorySite } = await import(join(repo, 'lib/dev/memory-site.js'));
  for (const size of sizes) {
    const root = corpus(size);
    const site = new MemorySite();
    const cache = new BuildCache();
    const first = await build({ root, writer: site, cache, drafts: true, future: true });
    const { file, original } = someArticle(root);
    // As bantin dev does it: its watcher tells the build which file was edited.
    const rebuild = async (text) => {
      writeFileSync(file, text);
      return (await build({ root, writer: site, cache, drafts: true, future: true, edited: [file] })).durationMs;
    };
    const edits = Number(values.edits);
    const series = async (make) => {
      const times = [];
      for (let edit = 0; edit < edits; edit++) times.push(await rebuild(make(edit)));
      return { times, changed: site.changedPaths.length };
    };
    const text = await series((edit) => `${original}\nMột câu thêm số ${edit}.\n`);
    const lead = await series((edit) => withLead(original, edit));
    const title = await series((edit) => original.replace(/^title: "(.*)"$/m, (_, words) => `title: "${words} (sửa ${edit})"`));
    // Edits that move the article among the others, as an editor makes them: a date a few days
    // later, another of the site's sections, other tags the site has.
    const sections = ['Thời sự', 'Kinh tế', 'Giáo dục', 'Y tế'];
    const tags = ['nông thôn mới', 'giảm nghèo', 'chuyển đổi số', 'du lịch'];
    const moves = await series((edit) => [
      (text) => text.replace(/^date: (\d{4})-(\d\d)-(\d\d)$/m, (_, y, m, d) => `date: ${y}-${m}-${String(1 + ((Number(d) + edit) % 28)).padStart(2, '0')}`),
      (text) => text.replace(/^category: .*$/m, `category: ${sections[edit % sections.length]}`),
      (text) => text.replace(/^tags: .*$/m, `tags: [${tags[edit % tags.length]}, ${tags[(edit + 1) % tags.length]}]`),
    ][edit % 3](original));
    writeFileSync(file, original);
    await rebuild(original);
    if (size >= 20000) {
      for (const [what, list] of [['text', text], ['lead', lead], ['title', title]]) {
        check(size, `bantin dev, one article's ${what} edited (ms)`, median(list.times), 100);
      }
      check(size, 'bantin dev, one article\'s date, section or tags edited (ms)', median(moves.times), 500);
    }
    const spread = (times) => `${median(times).toFixed(0)} ms (median of ${times.length}; fastest ${Math.min(...times).toFixed(0)} ms, slowest ${Math.max(...times).toFixed(0)} ms)`;
    log(`\nbantin dev, ${size.toLocaleString('en')} articles: first build ${first.durationMs.toFixed(0)} ms; rebuild after editing one article's text ${spread(text.times)}, ${text.changed} files changed; its lead, which listings show, ${spread(lead.times)}, ${lead.changed} files changed; its title ${spread(title.times)}; its date, section or tags ${spread(moves.times)}, ${moves.changed} files changed`);
  }
}
if (values.photos !== '') {
  const { benchPhotos } = await import('./photos.mjs');
  await benchPhotos({ here, repo, work, count: Number(values.photos), runs, log, timed, median });
}
if (tools.includes('bantin') && !photosOnly) {
  // `bantin check` on the example site, as a pre-commit hook runs it.
  const checks = Array.from({ length: runs }, () => timed(join(repo, 'bin/bantin.js'), ['check', '--root', repo]));
  const spent = median(checks.map((r) => Number(/in (\d+) ms/.exec(r.stdout)?.[1] ?? NaN)));
  log(`\nbantin check on the example site: ${median(checks.map((r) => r.seconds)).toFixed(2)} s for the whole command${Number.isFinite(spent) ? ` (${spent} ms of work)` : ''} (median of ${runs})`);
}
if (targets.length > 0) {
  log('\n### Targets\n');
  log('| articles | what | measured | target | |');
  log('|---:|---|---:|---:|---|');
  for (const line of targets) log(line);
}
if (reference.length > 0) {
  log('\n### For reference: the floors\n');
  log('| articles | what | measured |');
  log('|---:|---|---:|');
  for (const line of reference) log(line);
}
// The search index of the largest site built: its size, the time to make it, and the reader's wait.
if (tools.includes('bantin') && sizes.length > 0) {
  const size = Math.max(...sizes);
  const out = join(work, `out-bantin-${size}`);
  if (!existsSync(join(out, 'tim-kiem/index.json'))) measure('bantin', size);
  log(`\n### Search, ${size.toLocaleString('en')} articles\n`);
  log(execFileSync(process.execPath, [join(here, 'search.mjs'), corpus(size), out], { encoding: 'utf8' }).trim());
}

log(`\nResults appended to ${join(work, 'results.md')}`);
