// Times `bantin build` of a site of one 300 KB article, raw HTML on (markdown.html and
// markdown.sanitize) against off, for bodies made of tags: issue 19 asks that untrusted HTML
// build in about the time the same body takes with HTML off. Whole commands, taking turns,
// output on tmpfs, medians; and the body's rendering alone, in this process (lib/, compiled),
// where a build's fixed cost does not hide it.
//
//   npm run compile && node bench/raw-html.mjs            # 5 runs of each
//   node bench/raw-html.mjs --runs 9
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createMarkdown } from '../lib/content/markdown.js';

const bin = fileURLToPath(new URL('../bin/bantin.js', import.meta.url));
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, work: { type: 'string', default: '/dev/shm/bantin-bench-raw-html' } },
});
const runs = Number(values.runs);

const FRONT = '---\ntitle: Bài rất dài\ndate: 2020-09-08\nauthor: Minh Hiệp\n---\n\n';
/** Each about 300 KB. */
const BODIES = {
  'tags opened inside each other (<b><i><span>, 75,000 deep)': '<div>\n' + '<b><i><span>'.repeat(25_000) + 'sâu\n',
  '<b/> again and again (HTML reads <b>: 75,000 deep)': '<div>\n' + '<b/>'.repeat(75_000) + 'sâu\n',
  'blocks nested 100 deep, again and again': ('<div>'.repeat(100) + 'Đoạn văn.' + '</div>'.repeat(100) + '\n\n').repeat(280),
  'paragraphs with inline tags and links': 'Chữ <b>đậm</b> và <i>nghiêng</i>, <a href="https://a.vn/x">liên kết</a>.\n\n'.repeat(4_000),
};
const MODES = {
  off: 'title: Bản tin\n',
  on: 'title: Bản tin\nmarkdown:\n  html: true\n  sanitize: true\n',
};

function time(site) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, 'build', '--no-cache', '--quiet'], { cwd: site, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`bantin build failed in ${site}:\n${result.stderr}`);
  return ms;
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** Median milliseconds to render `body` to HTML, as an article page does. */
function renderTime(body, options) {
  const markdown = createMarkdown(options);
  const times = [];
  for (let run = 0; run < runs + 1; run++) {
    const started = performance.now();
    markdown.render(body, { file: 'content/a.md', line: 7 });
    times.push(performance.now() - started);
  }
  return median(times.slice(1));
}

rmSync(values.work, { recursive: true, force: true });
console.log('| body (300 KB) | build, HTML off | build, HTML on, sanitized | on / off | rendering alone, off | on | on / off |');
console.log('|---|---|---|---|---|---|---|');
for (const [i, [name, body]] of Object.entries(BODIES).entries()) {
  const sites = {};
  for (const [mode, config] of Object.entries(MODES)) {
    const site = join(values.work, `${i}-${mode}`);
    mkdirSync(join(site, 'content'), { recursive: true });
    writeFileSync(join(site, 'bantin.yaml'), config);
    writeFileSync(join(site, 'content', 'a.md'), FRONT + body);
    sites[mode] = site;
  }
  const times = { off: [], on: [] };
  time(sites.off); // warms the disk cache and Node's compile cache
  for (let run = 0; run < runs; run++) for (const mode of run % 2 ? ['on', 'off'] : ['off', 'on']) times[mode].push(time(sites[mode]));
  const [off, on] = [median(times.off), median(times.on)];
  const [renderOff, renderOn] = [renderTime(body, { html: false }), renderTime(body, { html: true, sanitize: true })];
  const cells = [`${(off / 1000).toFixed(2)} s`, `${(on / 1000).toFixed(2)} s`, (on / off).toFixed(2), `${renderOff.toFixed(0)} ms`, `${renderOn.toFixed(0)} ms`, (renderOn / renderOff).toFixed(2)];
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
rmSync(values.work, { recursive: true, force: true });
