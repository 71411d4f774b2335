// The single-thread floor: the least a Node generator does for these bulletins. fast-glob finds
// them, gray-matter and markdown-it read them, one nunjucks layout renders each, writes are
// synchronous; one page per article and one home page, nothing else.
//   node floor.mjs <content folder> <output folder> [threads]
// With a number of threads, the same work is shared out to that many worker threads, each taking
// an equal run of the files (so the home page lists them in the same order), and the main thread
// writes the home page: the most the floor gains from the machine's cores, with nothing shared
// between threads to slow it down.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fg from 'fast-glob';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import nunjucks from 'nunjucks';

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(fileURLToPath(new URL('floor/', import.meta.url))), { autoescape: true });

/** Renders and writes the page of every file; returns the home page's entries. */
function articles(files, output) {
  const md = new MarkdownIt({ linkify: true });
  const items = [];
  for (const file of files) {
    const { data, content } = matter(readFileSync(file, 'utf8'));
    const slug = basename(file, '.md');
    const date = String(data.date instanceof Date ? data.date.toISOString().slice(0, 10) : data.date);
    mkdirSync(join(output, slug), { recursive: true });
    writeFileSync(join(output, slug, 'index.html'), env.render('article.njk', { ...data, date, content: md.render(content) }));
    items.push({ url: `/${slug}/`, title: data.title, date, summary: data.summary });
  }
  return items;
}

if (!isMainThread) {
  parentPort.postMessage(articles(workerData.files, workerData.output));
} else {
  const [, , input, output, threadsText = '0'] = process.argv;
  const threads = Number(threadsText);
  const files = fg.sync('**/*.md', { cwd: input, absolute: true });
  const items = threads < 2 ? articles(files, output) : (await Promise.all(
    Array.from({ length: threads }, (_, thread) => new Promise((resolve, reject) => {
      const share = files.slice(Math.floor((files.length * thread) / threads), Math.floor((files.length * (thread + 1)) / threads));
      const worker = new Worker(new URL(import.meta.url), { workerData: { files: share, output } });
      worker.once('message', resolve);
      worker.once('error', reject);
    })),
  )).flat();
  items.sort((a, b) => (a.date < b.date ? 1 : -1));
  writeFileSync(join(output, 'index.html'), env.render('index.njk', { items }));
}
