// A bound on an article's raw HTML (sites with `markdown.html`), checked on markdown-it's tokens
// before anything renders or sanitises it: a tag a megabyte long is a mistake, not markup. (Tags
// nested too deeply are not an error: the sanitiser leaves out what is too deep, html-depth.ts.)
import type Token from 'markdown-it/lib/token.mjs';
import { BantinError, type SourceLocation } from '../errors.js';
import { msg } from '../messages/index.js';

/** The longest raw tag, its attributes included: room for a small picture written as data:. */
export const MAX_RAW_TAG_LENGTH = 100_000;

// Up to the next "<" at most: text full of "<" without ">" is read once, not once per "<".
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*[^<>]*>/g;

/** Throws a BantinError at the line of the first raw tag too long. */
export function checkRawHtml(tokens: readonly Token[], source: SourceLocation | undefined): void {
  const check = (html: string, line: number) => {
    for (const match of html.matchAll(TAG)) {
      if (match[0].length <= MAX_RAW_TAG_LENGTH) continue;
      const at = { file: source?.file ?? 'Markdown', line: (source?.line ?? 1) + line + countLines(html, match.index) };
      throw tagTooLong(match[0].length, at);
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
