// Raw HTML nested without end, with markdown.html and markdown.sanitize: it builds, its text kept,
// and the sanitiser's parser is never handed more depth than the bound. That depth is what its
// work grows with (the square of it), so bounding it bounds the work; no clock is read here.
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { limitHtmlDepth, MAX_HTML_DEPTH } from '../../src/content/html-depth.js';
import { createMarkdown } from '../../src/content/markdown.js';

const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** The deepest the sanitiser's parser (htmlparser2, as sanitize-html runs it) goes reading `html`. */
function parserDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  const parser = new Parser(
    {
      // A void tag is opened and closed at once, never on the parser's stack.
      onopentag: (name) => void (VOID.has(name) || (deepest = Math.max(deepest, ++depth))),
      onclosetag: (name) => void (VOID.has(name) || depth--),
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return deepest;
}


/** Every tag of the sanitiser's output is closed, in order: a well-formed fragment. */
function isWellFormed(html: string): boolean {
  const open: string[] = [];
  for (const [, slash, name] of html.matchAll(/<(\/?)([a-z][a-z0-9]*)[^<>]*>/g)) {
    if (VOID.has(name!)) continue;
    if (!slash) open.push(name!);
    else if (open.pop() !== name) return false;
  }
  return open.length === 0 && !/<(?![a-z/])/.test(html);
}

const DEEP = {
  'tags opened inside each other, 300 KB': '<div>\n' + '<b><i><span>'.repeat(25_000) + 'sâu\n',
  'tags closed by themselves in the HTML way, which HTML does not do: <b/>': '<div>\n' + '<b/>'.repeat(60_000) + 'sâu\n',
  'every "<" of a cut tag next to text that could join it into a new tag': '<div>\n' + '<div>'.repeat(MAX_HTML_DEPTH) + '<<b>i>'.repeat(20_000) + 'sâu\n',
  'a <script> deep down, holding tags': '<div>\n' + '<span>'.repeat(MAX_HTML_DEPTH + 5) + '<script>' + '<b>'.repeat(20_000) + '</script>sâu\n',
  'stray end tags and paragraphs a new tag closes': '<div>\n' + '<p><div></p><li><i>'.repeat(15_000) + 'sâu\n',
  'svg, where <x/> does close itself': '<div>\n' + '<svg><b/><g></svg>'.repeat(15_000) + 'sâu\n',
};

describe('HTML nested deeper than the sanitiser reads', () => {
  const md = createMarkdown({ html: true, sanitize: true });

  for (const [name, body] of Object.entries(DEEP)) {
    it(`builds, its text kept, its depth bounded: ${name}`, () => {
      expect(parserDepth(limitHtmlDepth(body))).toBeLessThanOrEqual(MAX_HTML_DEPTH);
      const html = md.render(body, { file: 'content/a.md', line: 7 });
      expect(html).toContain('sâu');
      expect(isWellFormed(html), html.slice(0, 300)).toBe(true);
    });
  }

  it('leaves HTML within the bound as it is, and cuts only what is too deep', () => {
    const within = '<div>'.repeat(MAX_HTML_DEPTH) + 'x' + '</div>'.repeat(MAX_HTML_DEPTH) + '<p>a<p>b'.repeat(300);
    expect(limitHtmlDepth(within)).toBe(within);
    const over = '<div>'.repeat(MAX_HTML_DEPTH + 2) + 'x<b>y</b>z';
    // One comment where a run of tags was cut; the </b> closes the outermost open <b>, here none.
    expect(limitHtmlDepth(over)).toBe('<div>'.repeat(MAX_HTML_DEPTH) + '<!---->x<!---->y</b>z');
  });

  it('bounds the depth of any mix of tags, end tags and the text between them', () => {
    const piece = fc.constantFrom(
      '<b>', '<i>', '<p>', '<li>', '<td>', '<tr>', '<div>', '<span title="<b>">', '<b/>', '<svg>', '</svg>', '<math>', '<mi>', '<g/>',
      '</b>', '</p>', '</div>', '<br>', '<', '</', 'i>', '<!--', '-->', '<script>', '</script>', '<title>', '</title>', 'x', '&amp;',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 400, maxLength: 3_000 }), (pieces) => {
        expect(parserDepth(limitHtmlDepth(pieces.join(''), 50))).toBeLessThanOrEqual(50);
      }),
      { numRuns: 60 },
    );
  });
});
