// Reading saved HTML pages of the old portal: parse5 reads the page as a browser would, and its
// text comes out in reading order as blocks, like the lines of a text dump, each with its HTML.
import { parse, serializeOuter, type DefaultTreeAdapterMap } from 'parse5';
import type { Block } from './portal.js';
import { collapseSpaces } from './text-dump.js';

type Node = DefaultTreeAdapterMap['node'];
type ChildNode = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * Elements whose content is not part of a bulletin: what a reader never sees, and the page's
 * menus and footer, which would otherwise run on after the bulletin's last line.
 */
const HIDDEN = new Set([
  'head', 'nav', 'footer', 'aside', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math',
  'select', 'option', 'textarea', 'input', 'button', 'canvas', 'audio', 'video', 'map',
]);
/** Elements kept whole as one block of the body: splitting them would lose their shape. */
const WHOLE = new Set(['table', 'ul', 'ol', 'dl', 'figure', 'pre', 'blockquote']);
/** Elements that start a new block; everything else flows inside one. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dt', 'fieldset',
  'figcaption', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'li', 'main', 'nav', 'p', 'section', 'summary', 'tbody', 'td', 'th', 'thead', 'tfoot', 'tr', 'caption',
  ...WHOLE,
]);

/**
 * The page's visible blocks in reading order. Links and images whose address is relative are
 * made absolute against the page's own address, when it names one (`<base>`, its canonical link,
 * or the "saved from url" note browsers add), so they still lead where they led.
 */
export function htmlPageBlocks(html: string): Block[] {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const base = pageAddress(document);
  if (base !== undefined) resolveLinks(document, base);
  const blocks: Block[] = [];
  collectBlocks(document, blocks);
  return blocks;
}

function collectBlocks(parent: Node, blocks: Block[]): void {
  let run: ChildNode[] = [];
  const flush = () => {
    if (run.length > 0) pushRun(run, blocks);
    run = [];
  };
  for (const child of childrenOf(parent)) {
    if (isElement(child) && isHidden(child)) continue;
    if (isElement(child) && child.tagName === 'br') flush();
    else if (!isElement(child) || !BLOCKS.has(child.tagName)) run.push(child);
    else {
      flush();
      if (WHOLE.has(child.tagName)) pushRun([child], blocks);
      else collectBlocks(child, blocks);
    }
  }
  flush();
}

function pushRun(run: ChildNode[], blocks: Block[]): void {
  const text = collapseSpaces(run.map(textOf).join(''));
  const media = run.some(hasImage);
  if (text === '' && !media) return;
  const line = run.map((node) => node.sourceCodeLocation?.startLine).find((n) => n !== undefined) ?? 1;
  blocks.push({ text, line, html: run.map((node) => serializeOuter(node)).join(''), ...(media && { media }) });
}

function childrenOf(node: Node): ChildNode[] {
  if ('content' in node && node.content) return node.content.childNodes;
  return 'childNodes' in node ? node.childNodes : [];
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

function isHidden(element: Element): boolean {
  if (HIDDEN.has(element.tagName) || attribute(element, 'hidden') !== undefined) return true;
  return /display\s*:\s*none/i.test(attribute(element, 'style') ?? '');
}

function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  if (isElement(node) && isHidden(node)) return '';
  const inner = childrenOf(node).map(textOf).join('');
  return isElement(node) && BLOCKS.has(node.tagName) ? ` ${inner} ` : inner;
}

function hasImage(node: Node): boolean {
  if (isElement(node) && isHidden(node)) return false;
  return (isElement(node) && node.tagName === 'img') || childrenOf(node).some(hasImage);
}

function* elements(node: Node): Generator<Element> {
  if (isElement(node)) yield node;
  for (const child of childrenOf(node)) yield* elements(child);
}

/** The address the page was saved from, if it says and it is a web address. */
function pageAddress(document: Node): URL | undefined {
  const candidates: (string | undefined)[] = [];
  for (const element of elements(document)) {
    if (element.tagName === 'base') candidates.unshift(attribute(element, 'href'));
    if (element.tagName === 'link' && attribute(element, 'rel')?.toLowerCase() === 'canonical') candidates.push(attribute(element, 'href'));
  }
  for (const node of childrenOf(document)) {
    // <!-- saved from url=(0063)https://backan.gov.vn/... -->, written by browsers' "Save as".
    if (node.nodeName === '#comment' && 'data' in node) candidates.push(/saved from url=\(\d+\)(\S+)/.exec(node.data)?.[1]);
  }
  for (const candidate of candidates) {
    const url = URL.canParse(candidate ?? '') ? new URL(candidate!) : undefined;
    if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return url;
  }
  return undefined;
}

function resolveLinks(document: Node, base: URL): void {
  for (const element of elements(document)) {
    const name = element.tagName === 'a' ? 'href' : element.tagName === 'img' ? 'src' : undefined;
    const attr = name === undefined ? undefined : element.attrs.find((a) => a.name === name);
    if (attr === undefined || attr.value.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(attr.value.trim())) continue;
    if (URL.canParse(attr.value, base.href)) attr.value = new URL(attr.value, base).href;
  }
}
