// The single-thread floor: the least a Node generator does for these bulletins. fast-glob finds
// them, gray-matter and markdown-it read them, one nunjucks layout renders each, writes are
// synchronous; one page per article and one home page, nothing else.
//   node floor.mjs <content folder> <output folder>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import nunjucks from 'nunjucks';

const [, , input, output] = process.argv;
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(fileURLToPath(new URL('floor/', import.meta.url))), { autoescape: true });
const md = new MarkdownIt({ linkify: true });
const items = [];
for (const file of fg.sync('**/*.md', { cwd: input, absolute: true })) {
  const { data, content } = matter(readFileSync(file, 'utf8'));
  const slug = basename(file, '.md');
  const date = String(data.date instanceof Date ? data.date.toISOString().slice(0, 10) : data.date);
  mkdirSync(join(output, slug), { recursive: true });
  writeFileSync(join(output, slug, 'index.html'), env.render('article.njk', { ...data, date, content: md.render(content) }));
  items.push({ url: `/${slug}/`, title: data.title, date, summary: data.summary });
}
items.sort((a, b) => (a.date < b.date ? 1 : -1));
writeFileSync(join(output, 'index.html'), env.render('index.njk', { items }));
