// Finds generated markup that became live in built files: scripts, event handlers, script URLs.
// HTML is read with parse5, the parser that follows the HTML standard as browsers do.
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { build, MemoryWriter } from '../../src/index.js';
import { article, makeSite } from './site.js';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'] | DefaultTreeAdapterMap['documentFragment'];
type Element = DefaultTreeAdapterMap['element'];

export interface OwnMarkup {
  /** Inline <script> and <style> texts that bantin's templates write on every site. */
  inline: Set<string>;
  /** Hosts an <iframe> may load from (the sanitiser's list, when the site turns it on). */
  iframeHosts: string[];
}

/** What bantin's own templates put in pages: learnt from a build of one harmless article. */
export async function ownMarkup(iframeHosts: string[] = []): Promise<OwnMarkup> {
  const root = await makeSite({ 'content/a.md': article({ title: 'Tin', summary: 'Sapo', category: 'Mục', tags: '[a]' }) });
  const writer = new MemoryWriter();
  await build({ root, writer, drafts: true });
  const inline = new Set<string>();
  for (const [path, content] of writer.files) {
    if (!path.endsWith('.html')) continue;
    walk(parse(String(content)), (element) => {
      if (element.tagName === 'script' && !attribute(element, 'src') && attribute(element, 'type') !== 'application/ld+json') {
        inline.add(text(element));
      }
      if (element.tagName === 'style') inline.add(text(element));
    });
  }
  return { inline, iframeHosts };
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'background', 'xlink:href', 'srcset', 'ping']);
const NEVER = new Set(['object', 'embed', 'frame', 'frameset', 'base', 'applet', 'portal']);

/** The forms bantin writes: the header's search box and the search page's own, a GET to the site's search page. */
function isSearchForm(form: Element): boolean {
  const action = attribute(form, 'action');
  return attribute(form, 'role') === 'search' && attribute(form, 'method') === 'get'
    && (action === undefined || /^(\.\.\/|\.\/|\/([\w-]+\/)*)*(tim-kiem|search)\/$/.test(action));
}

/** Every way in which `content`, written at `path`, runs something bantin did not write itself. */
export function liveMarkup(path: string, content: string, own: OwnMarkup): string[] {
  if (path.endsWith('.html')) return liveHtml(content, own, { document: true });
  if (path.endsWith('.xml')) return liveXml(content, own);
  if (path.endsWith('.json')) return liveJson(content, own);
  return [];
}

function liveHtml(html: string, own: OwnMarkup, { document }: { document: boolean }): string[] {
  const problems: string[] = [];
  const tree = parse(document ? html : `<!doctype html><body>${html}`, {
    onParseError: (error) => {
      // Parse errors in a page mean it is not well-formed; in an escaped feed body they only
      // mean the article's own HTML is as written.
      if (document) problems.push(`parse error ${error.code} at ${error.startLine}:${error.startCol}`);
    },
  });
  walk(tree, (element) => {
    const name = element.tagName;
    if (NEVER.has(name) || (name === 'form' && !isSearchForm(element))) problems.push(`<${name}> element`);
    if (name === 'script') {
      const src = attribute(element, 'src');
      const type = attribute(element, 'type');
      if (src !== undefined) {
        if (!/^(\.\.\/|\.\/|\/)*([\w-]+\/)*assets\/[\w.-]+\.js$/.test(src)) problems.push(`<script src="${src}">`);
      } else if (type === 'application/ld+json') {
        try {
          JSON.parse(text(element));
        } catch {
          problems.push('a JSON-LD block that is not JSON (something ended it early)');
        }
      } else if (!own.inline.has(text(element))) {
        problems.push(`inline <script> not written by bantin: ${text(element).slice(0, 80)}`);
      }
    }
    if (name === 'style' && !own.inline.has(text(element))) problems.push('a <style> element not written by bantin');
    if (name === 'iframe') {
      const src = attribute(element, 'src') ?? '';
      const host = /^https:\/\/([^/]+)\//.exec(src)?.[1];
      if (!host || !own.iframeHosts.includes(host)) problems.push(`<iframe src="${src}">`);
      if (attribute(element, 'srcdoc') !== undefined) problems.push('<iframe srcdoc>');
    }
    if (name === 'meta' && attribute(element, 'http-equiv')?.toLowerCase() === 'refresh') problems.push('<meta http-equiv="refresh">');
    for (const { name: attr, value } of element.attrs) {
      if (/^on/i.test(attr)) problems.push(`event handler ${attr}="${value.slice(0, 40)}" on <${name}>`);
      if (URL_ATTRIBUTES.has(attr.toLowerCase()) && isScriptUrl(value)) problems.push(`${attr}="${value.slice(0, 40)}" on <${name}>`);
      if (attr === 'style' && /expression\s*\(|javascript:|url\s*\(/i.test(value)) problems.push(`style="${value}" on <${name}>`);
    }
  });
  return problems;
}

/** A URL that runs script when followed or loaded, however it is disguised. */
export function isScriptUrl(value: string): boolean {
  const compact = value.replace(/[\0-\x20\x7f]+/g, '').toLowerCase();
  return /^(javascript|vbscript|livescript):/.test(compact) || (/^data:/.test(compact) && !/^data:image\/(png|gif|jpeg|webp)[;,]/.test(compact));
}

// Feeds are XML that bantin writes from templates with every value escaped. Hostile text shows
// up as an element only if escaping failed; the HTML that feed readers render (RSS description,
// Atom content/summary) is checked as HTML.
const FEED_ELEMENTS = new Set([
  'rss', 'channel', 'title', 'link', 'description', 'language', 'generator', 'lastBuildDate', 'item', 'guid',
  'pubDate', 'dc:creator', 'category', 'atom:link', 'image', 'url', 'feed', 'subtitle', 'id', 'updated', 'entry',
  'published', 'author', 'name', 'summary', 'content', 'icon', 'logo', 'rights', 'urlset', 'loc', 'lastmod',
  'changefreq', 'priority', 'copyright', 'managingEditor', 'webMaster', 'ttl', 'uri', 'email', 'contributor',
  'content:encoded', 'media:content', 'media:thumbnail', 'enclosure', 'source', 'comments', 'xhtml:link',
]);

function liveXml(xml: string, own: OwnMarkup): string[] {
  const problems: string[] = [];
  if (!xml.startsWith('<?xml')) problems.push('no XML declaration');
  if (/[\0-\x08\x0b\x0c\x0e-\x1f]/.test(xml)) problems.push('a control character, which XML does not allow');
  const withoutCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  for (const match of withoutCdata.matchAll(/<([A-Za-z][\w:.-]*)/g)) {
    if (!FEED_ELEMENTS.has(match[1]!)) problems.push(`unexpected XML element <${match[1]}>`);
  }
  for (const match of withoutCdata.matchAll(/&(?!(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g)) {
    problems.push(`a bare "&" at ${match.index}`);
    break;
  }
  // RSS readers render <description> and <content:encoded> as HTML; Atom says so with type="html".
  for (const match of xml.matchAll(/<(description|content:encoded|summary|content|title|subtitle)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
    const [, element, attributes, body] = match;
    const isHtml = element === 'description' || element === 'content:encoded' || /\btype="(html|xhtml)"/.test(attributes!);
    if (isHtml) problems.push(...liveHtml(decodeXml(body!), own, { document: false }).map((problem) => `in <${element}>: ${problem}`));
  }
  return problems;
}

function liveJson(json: string, own: OwnMarkup): string[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return [`not JSON: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  const visit = (node: unknown, key: string) => {
    if (typeof node === 'string' && /html$/i.test(key)) problems.push(...liveHtml(node, own, { document: false }));
    else if (Array.isArray(node)) node.forEach((item) => visit(item, key));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) visit(v, k);
  };
  visit(value, '');
  return problems;
}

function decodeXml(text: string): string {
  if (text.startsWith('<![CDATA[')) return text.slice(9, text.lastIndexOf(']]>'));
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[entity]!;
  });
}

function walk(node: Node, visit: (element: Element) => void): void {
  if ('tagName' in node) visit(node);
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) walk(child, visit);
  if ('content' in node && node.content) walk(node.content, visit);
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

function text(element: Element): string {
  return element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
}
