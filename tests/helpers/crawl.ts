// Crawls a built site on disk as a browser would see it served from `basePath`.
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'parse5';

interface Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

/** Every `href` and `src` in an HTML document. */
export function linksIn(html: string): string[] {
  const links: string[] = [];
  const visit = (node: Node) => {
    for (const attr of node.attrs ?? []) {
      if (attr.name === 'href' || attr.name === 'src') links.push(attr.value);
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parse(html) as unknown as Node);
  return links;
}

export async function htmlFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
}

/**
 * Links that point inside the site but to no file. The site is imagined at
 * `http://bantin.test{basePath}`; a directory URL resolves to its index.html.
 */
export async function brokenLinks(dir: string, basePath = '/'): Promise<string[]> {
  const origin = 'http://bantin.test';
  const broken: string[] = [];
  for (const file of await htmlFiles(dir)) {
    // 404.html is served at any address; its links must work from anywhere, so check them from deep down.
    const pageUrl = file === '404.html' ? `${origin}${basePath}no/such/page/` : `${origin}${basePath}${file.replace(/index\.html$/, '')}`;
    for (const link of linksIn(await readFile(join(dir, file), 'utf8'))) {
      if (link.startsWith('#')) continue;
      const url = new URL(link, pageUrl);
      if (url.origin !== origin) continue;
      if (!url.pathname.startsWith(basePath)) {
        broken.push(`${file}: ${link} (outside ${basePath})`);
        continue;
      }
      const path = join(dir, decodeURIComponent(url.pathname.slice(basePath.length)));
      const target = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
      if (!existsSync(target)) broken.push(`${file}: ${link}`);
    }
  }
  return broken;
}
