// Bounds on an article's raw HTML (sites with `markdown.html`), checked on markdown-it's tokens
// before anything renders or sanitises it: the sanitiser's work grows faster than the text with
// tags nested thousands deep, and a tag a megabyte long is a mistake, not markup.
import type Token from 'markdown-it/lib/token.mjs';
import { BantinError, type SourceLocation } from '../errors.js';
import { msg } from '../messages/index.js';

/** Raw tags open inside each other at most; real articles, pasted from Word too, stay under 30. */
export const MAX_RAW_HTML_DEPTH = 200;
/** The longest raw tag, its attributes included: room for a small picture written as data:. */
export const MAX_RAW_TAG_LENGTH = 100_000;

/** Tags that hold nothing, and tags a browser closes by itself when the next one starts: they add no depth. */
const NO_DEPTH = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'caption', 'rb', 'rt', 'rp',
]);

// Up to the next "<" at most: text full of "<" without ">" is read once, not once per "<".
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>/g;

/** Throws a BantinError at the line of the first raw tag too long, or nested too deeply. */
export function checkRawHtml(tokens: readonly Token[], source: SourceLocation | undefined): void {
  let depth = 0;
  const check = (html: string, line: number) => {
    for (const match of html.matchAll(TAG)) {
      const at = () => ({ file: source?.file ?? 'Markdown', line: (source?.line ?? 1) + line + countLines(html, match.index) });
      if (match[0].length > MAX_RAW_TAG_LENGTH) throw tagTooLong(match[0].length, at());
      if (NO_DEPTH.has(match[2]!.toLowerCase()) || match[0].endsWith('/>')) continue;
      depth = match[1] ? Math.max(0, depth - 1) : depth + 1;
      if (depth > MAX_RAW_HTML_DEPTH) throw nestedTooDeeply(at());
    }
  };
  for (const token of tokens) {
    const line = token.map?.[0] ?? 0;
    if (token.type === 'html_block') check(token.content, line);
    for (const child of token.children ?? []) if (child.type === 'html_inline') check(child.content, line);
  }
}

function countLines(text: string, end: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

function tagTooLong(length: number, where: SourceLocation): BantinError {
  return new BantinError(
    msg('html.tagTooLong', { length: length.toLocaleString('en'), max: MAX_RAW_TAG_LENGTH.toLocaleString('en') }),
    where,
  );
}

function nestedTooDeeply(where: SourceLocation): BantinError {
  return new BantinError(
    msg('html.tooDeep', { max: MAX_RAW_HTML_DEPTH }),
    where,
  );
}
