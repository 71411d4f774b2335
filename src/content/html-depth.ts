// Bounds how deeply HTML nests before the sanitiser reads it. The sanitiser's parser
// (htmlparser2) keeps its open tags in an array it adds to at the front, so its work grows with
// the square of the depth: 300 KB of tags opened inside each other take seconds. Tags opened
// deeper than the bound are cut out here (their text stays), in one pass of the same tokenizer,
// keeping the parser's own account of which tags are open, so the parser never goes deeper.
import { createRequire } from 'node:module';
import type * as HtmlParser from 'htmlparser2';

// The sanitiser's own copy of the parser (see sanitize.ts), loaded with it: never by a site that does not sanitise.
let Tokenizer: typeof HtmlParser.Tokenizer | undefined;

/** Tags open inside each other at most: real articles stay under 30, Markdown's own nesting under 100. */
export const MAX_HTML_DEPTH = 200;

// The parser's rules (htmlparser2's Parser): tags that never hold anything, tags a new tag
// closes, and where `<x/>` closes itself (inside <svg> and <math>).
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const CLOSES = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])], ['li', new Set(['li'])],
  ['option', new Set(['option'])], ['optgroup', new Set(['optgroup', 'option'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((tag) => [tag, FORM] as const),
  ...['dd', 'dt'].map((tag) => [tag, new Set(['dd', 'dt'])] as const),
  ...['rt', 'rp'].map((tag) => [tag, new Set(['rt', 'rp'])] as const),
  ...['tbody', 'tfoot'].map((tag) => [tag, new Set(['thead', 'tbody'])] as const),
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption',
    'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((tag) => [tag, P] as const),
]);
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** Tags whose content the tokenizer reads as text: cut out, the whole element goes, content and all. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

/**
 * `html` with every tag that would open deeper than `maxDepth` cut out (and, for <script> and
 * the like, everything up to its end tag). HTML that stays within the bound is returned as it is.
 */
export function limitHtmlDepth(html: string, maxDepth = MAX_HTML_DEPTH): string {
  if (!mayNestDeeper(html, maxDepth)) return html;
  const limiter = new DepthLimiter(html, maxDepth);
  Tokenizer ??= (createRequire(import.meta.url)('htmlparser2') as typeof HtmlParser).Tokenizer;
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, limiter);
  tokenizer.write(html);
  tokenizer.end();
  return limiter.result();
}

/** Fewer "<" than the bound: no tags can open that deep. */
function mayNestDeeper(html: string, maxDepth: number): boolean {
  let count = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) if (++count > maxDepth) return true;
  return false;
}

/** Tokenizer callbacks that keep the parser's stack of open tags (top last) and note the tags to cut. */
class DepthLimiter {
  private readonly open: string[] = [];
  /** How many of each tag `open` holds: a stray end tag costs no search. */
  private readonly counts = new Map<string, number>();
  private readonly foreign: boolean[] = [];
  /** The text to leave out, in order: start, end (exclusive), start, end... */
  private readonly cuts: number[] = [];
  private tag: { name: string; start: number; cut: boolean } | undefined;
  /** A cut-out <script> (or the like) whose end tag ends the cut. */
  private cutUntil: { name: string; start: number } | undefined;

  constructor(private readonly html: string, private readonly maxDepth: number) {}

  result(): string {
    if (this.cutUntil) this.cut(this.cutUntil.start, this.html.length);
    if (this.cuts.length === 0) return this.html;
    const parts: string[] = [];
    let from = 0;
    for (let i = 0; i < this.cuts.length; i += 2) {
      // A comment where tags were: "<" + "<b>" + "i>" must not join into a new tag "<i>".
      parts.push(this.html.slice(from, this.cuts[i]), '<!---->');
      from = this.cuts[i + 1]!;
    }
    parts.push(this.html.slice(from));
    return parts.join('');
  }

  onopentagname(start: number, end: number): void {
    const name = this.html.slice(start, end).toLowerCase();
    this.tag = { name, start: start - 1, cut: false };
    if (this.cutUntil) return;
    const closes = CLOSES.get(name);
    const implied = closes ? this.impliedCloses(closes) : 0;
    if (!VOID.has(name) && this.open.length - implied >= this.maxDepth) {
      this.tag.cut = true;
      return;
    }
    for (let i = 0; i < implied; i++) this.pop();
    if (VOID.has(name)) return;
    this.push(name);
    if (FOREIGN.has(name)) this.foreign.push(true);
    else if (INTEGRATION.has(name)) this.foreign.push(false);
  }

  onopentagend(end: number): void {
    this.endTag(end, false);
  }

  onselfclosingtag(end: number): void {
    this.endTag(end, true);
  }

  onclosetag(start: number, end: number): void {
    const name = this.html.slice(start, end).toLowerCase();
    const close = this.html.indexOf('>', end);
    const tagEnd = close === -1 ? this.html.length : close + 1;
    if (this.cutUntil) {
      if (name === this.cutUntil.name) {
        this.cut(this.cutUntil.start, tagEnd);
        this.cutUntil = undefined;
      }
      return;
    }
    if (FOREIGN.has(name) || INTEGRATION.has(name)) this.foreign.pop();
    if (VOID.has(name)) return;
    if (this.counts.get(name)) while (this.pop() !== name);
    // A stray </p> is read as an empty paragraph, one tag deeper for a moment.
    else if (name === 'p' && this.open.length >= this.maxDepth) this.cut(this.html.lastIndexOf('<', start), tagEnd);
  }

  private endTag(end: number, selfClosing: boolean): void {
    const tag = this.tag;
    this.tag = undefined;
    if (!tag || this.cutUntil) return;
    if (tag.cut) {
      // A cut <script> takes its text with it: that text is not HTML, and must not become some.
      if (RAW_TEXT.has(tag.name) && !selfClosing) this.cutUntil = { name: tag.name, start: tag.start };
      else this.cut(tag.start, end + 1);
      return;
    }
    if (selfClosing && this.foreign.at(-1) === true && this.open.at(-1) === tag.name) this.pop();
  }

  /** Leaves out [start, end): one range with the last when they touch, as runs of deep tags do. */
  private cut(start: number, end: number): void {
    if (this.cuts.at(-1) === start) this.cuts[this.cuts.length - 1] = end;
    else this.cuts.push(start, end);
  }

  /** How many open tags on top of the stack a new tag closes. */
  private impliedCloses(closes: ReadonlySet<string>): number {
    let count = 0;
    while (count < this.open.length && closes.has(this.open[this.open.length - 1 - count]!)) count++;
    return count;
  }

  private push(name: string): void {
    this.open.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  private pop(): string | undefined {
    const name = this.open.pop();
    if (name !== undefined) this.counts.set(name, this.counts.get(name)! - 1);
    return name;
  }

  // What the limiter does not need: text, attributes, comments.
  onattribdata(): void {}
  onattribentity(): void {}
  onattribend(): void {}
  onattribname(): void {}
  oncdata(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onend(): void {}
  onprocessinginstruction(): void {}
  ontext(): void {}
  ontextentity(): void {}
}
