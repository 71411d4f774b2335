// Links written to another article's file (`[x](../2020/09/bac-kan.md#ket-qua)`) or to a file of
// static/ (`![x](../../../static/images/cau.jpg)`), relative to the file they are written in: the
// build gives them the page's or the file's address, whatever the permalink.
import { posix } from 'node:path';
import type { Article } from './article.js';

/** The file (inside the content folder) and the anchor a link to a `.md` file points to. */
export function linkedFile(target: string, from: string): { file: string; anchor: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\//i.test(target)) return undefined;
  const parts = /^([^?#]*\.md)(?:#(.*))?$/i.exec(target);
  if (!parts) return undefined;
  const file = posix.normalize(posix.join(posix.dirname(from), parts[1]!)).normalize('NFC');
  return file.startsWith('../') ? undefined : { file, anchor: parts[2] ?? '' };
}

/**
 * The site path of a file of static/ that a link or image written in the article file `from`
 * reaches (`images/cau.jpg`). `staticFolder`: the static folder as seen from the content folder
 * (`../static`).
 */
export function linkedStatic(target: string, from: string, staticFolder: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^[/#]/i.test(target) || target === '') return undefined;
  const path = posix.normalize(posix.join(posix.dirname(from), target.replace(/[?#].*$/, '')));
  return path.startsWith(`${staticFolder}/`) ? path.slice(staticFolder.length + 1).normalize('NFC') : undefined;
}

/** The published articles an article's body links to by their files: its page shows their addresses. */
export function linkedArticles(article: Article, bySource: ReadonlyMap<string, Article>): Article[] {
  const linked: Article[] = [];
  for (const reference of article.references) {
    if (reference.kind !== 'link') continue;
    const to = linkedFile(reference.target, article.relativePath);
    const found = to && bySource.get(to.file);
    if (found && !linked.includes(found)) linked.push(found);
  }
  return linked;
}
