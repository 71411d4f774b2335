// Reading text dumps of the old portal: the page's text as a browser copies it, one block a line.
import type { Block } from './portal.js';

/**
 * The non-empty lines of a dump (already decoded, with LF line endings), each a block with its
 * line number. No-break spaces and runs of spaces, which copies of web pages are full of, become
 * single spaces.
 */
export function textDumpBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  text.split('\n').forEach((line, index) => {
    const clean = collapseSpaces(line);
    if (clean !== '') blocks.push({ text: clean, line: index + 1 });
  });
  return blocks;
}

/** Whitespace of any kind (tabs, no-break spaces, line breaks) as single spaces, trimmed. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
