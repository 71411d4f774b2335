// Old addresses of an article (`aliases:` in its front-matter): each one sends readers to where the
// article lives now, by a redirect page and a line of `_redirects`.
import { msg, type Message } from '../messages/index.js';

/** One old address of an article. */
export interface Alias {
  /** Site-relative, as a browser asks for it: `tin-cu/`, `2019/05/tin.html`, `tin.aspx`. */
  path: string;
  /**
   * The redirect page's file: `tin-cu/index.html`, `2019/05/tin.html`. None for an address no
   * static file can answer as a page (`tin.aspx`): only `_redirects` sends it on.
   */
  outputPath?: string;
  /** Where it is written in the article's file. */
  line: number;
  column: number;
}


/**
 * The site path of an alias as written (`/tin-cu/`, or the full address under `baseUrl`), or a
 * sentence saying what is wrong with it.
 */
export function aliasPath(written: string, baseUrl: string | undefined): { path: string } | { problem: Message } {
  const shown = JSON.stringify(written);
  let rest = written.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(rest)) {
    if (baseUrl === undefined || !rest.startsWith(baseUrl)) {
      return { problem: msg('alias.notThisSite', { shown, site: baseUrl ? msg('alias.site', { baseUrl }) : msg('check.noSuggestion') }) };
    }
    rest = '/' + rest.slice(baseUrl.length);
  }
  if (!rest.startsWith('/')) return { problem: msg('alias.noSlash', { shown }) };
  if (/[?#]/.test(rest)) return { problem: msg('alias.query', { shown }) };
  try {
    rest = decodeURIComponent(rest).normalize('NFC');
  } catch {
    return { problem: msg('alias.escape', { shown }) };
  }
  const path = rest.replace(/^\/+/, '');
  if (path === '') return { problem: msg('alias.home', { shown }) };
  if (/[\\\u0000-\u001f\u007f]/.test(path) || path.includes('//') || path.split('/').some((part) => part === '.' || part === '..')) {
    return { problem: msg('alias.notPlain', { shown }) };
  }
  return { path };
}

/** Where the redirect page of a site path goes, and the path a browser asks for. */
export function aliasFiles(path: string): Pick<Alias, 'path' | 'outputPath'> {
  if (path.endsWith('/')) return { path, outputPath: `${path}index.html` };
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (/\.html?$/i.test(name)) return { path, outputPath: path };
  // A folder written without its slash: hosts answer `tin-cu` from `tin-cu/index.html`.
  if (!name.includes('.')) return { path: `${path}/`, outputPath: `${path}/index.html` };
  return { path };
}

/** The `aliases:` of an article: one address or a list of them, each checked where it is written. */
export function readAliases(
  value: unknown,
  where: { baseUrl: string | undefined; locate: (index?: number) => { line: number; column: number } },
  fail: (message: Message, at: { line: number; column: number }) => void,
): Alias[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (!list) {
    fail(msg('alias.notList'), where.locate());
    return [];
  }
  const aliases: Alias[] = [];
  list.forEach((written, index) => {
    const at = where.locate(typeof value === 'string' ? undefined : index);
    if (typeof written !== 'string') return fail(msg('alias.notText', { item: index + 1 }), at);
    const found = aliasPath(written, where.baseUrl);
    if ('problem' in found) return fail(found.problem, at);
    aliases.push({ ...aliasFiles(found.path), ...at });
  });
  return aliases;
}
