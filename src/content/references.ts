// Part of the Markdown adapter: the links and images an article's body points to, with where they are written.
import type Token from 'markdown-it/lib/token.mjs';
import { rawImages } from './raw-images.js';

/** A link or an image in an article's body. */
export interface Reference {
  kind: 'link' | 'image';
  /** The address, as written (markdown-it's percent-encoding undone). */
  target: string;
  /** An image's alt text as written; empty when it has none. */
  alt: string;
  /** 1-based line and column in the article's file, at the address where it can be found. */
  line: number;
  column: number;
}

/**
 * The links and images of a parsed body. `firstLine` is the file line on which the body starts.
 * markdown-it gives only each paragraph's lines, so the address is looked up in the source text
 * to point at the exact line and column (a reference-style link points at its definition).
 */
export function findReferences(
  tokens: readonly Token[],
  body: string,
  firstLine: number,
  decode: (target: string) => string,
): Reference[] {
  const lineStarts = [0];
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offsetOfLine = (line: number) => lineStarts[line] ?? body.length;
  const position = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
    return { line: firstLine + line, column: offset - lineStarts[line]! + 1 };
  };

  const references: Reference[] = [];
  // An <img> written as raw HTML (raw-images.ts), found where its address is written.
  const rawImagesOf = (html: string, from: number, end: number) => {
    let cursor = from;
    for (const image of rawImages(html)) {
      const at = body.indexOf(image.writtenSrc, cursor);
      const found = at !== -1 && at < end ? at : from;
      if (at !== -1 && at < end) cursor = at + image.writtenSrc.length;
      references.push({ kind: 'image', target: image.src, alt: image.alt, ...position(found) });
    }
    return cursor;
  };
  for (const block of tokens) {
    const start = offsetOfLine(block.map?.[0] ?? 0);
    const end = block.map ? offsetOfLine(block.map[1]) : body.length;
    if (block.type === 'html_block') rawImagesOf(block.content, start, end);
    if (block.type !== 'inline' || !block.children) continue;
    let cursor = start;
    // Only images carry children (their alt text), and links there are not links on the page.
    for (const token of block.children) {
      if (token.type === 'html_inline') cursor = rawImagesOf(token.content, cursor, end);
      const kind = token.type === 'image' ? 'image' : token.type === 'link_open' ? 'link' : undefined;
      if (!kind) continue;
      const encoded = token.attrGet(kind === 'image' ? 'src' : 'href') ?? '';
      const target = decode(encoded);
      const spellings = [...new Set([target, encoded])].filter((s) => s !== '');
      let found = -1;
      for (const spelling of spellings) {
        const at = body.indexOf(spelling, cursor);
        if (at !== -1 && at < end) {
          found = at;
          cursor = at + spelling.length;
          break;
        }
      }
      // A reference-style link's address is in its definition, elsewhere in the body.
      if (found === -1) found = spellings.map((s) => body.indexOf(s)).find((at) => at !== -1) ?? start;
      references.push({ kind, target, alt: kind === 'image' ? token.content.trim() : '', ...position(found) });
    }
  }
  return references;
}
