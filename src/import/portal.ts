// The old portal's page layout: from a page's blocks in reading order to the parts of each bulletin.

/** One line of a text dump, or one paragraph-like run of a saved HTML page. */
export interface Block {
  /** The visible text, whitespace collapsed. */
  text: string;
  /** 1-based line of the source file where the block starts. */
  line: number;
  /** The block's HTML, for pages: kept to convert its images and links. Absent in text dumps. */
  html?: string;
  /** Whether the block shows a picture (so it counts even without text). */
  media?: boolean;
}

/** A bulletin as the portal laid it out; any part may be missing from a damaged page. */
export interface PortalArticle {
  /** Line where the bulletin starts in the source. */
  line: number;
  /** The block holding the date, and the date as written (`08/09/2020` or `08/09/2020 14:30`). */
  date?: { block: Block; text: string };
  title?: Block;
  lead?: Block;
  body: Block[];
  /** The signature: the short last line of the body. */
  author?: Block;
  /** Line where the signature was looked for: the body's last line, or the article's first. */
  endLine: number;
}

/** The portal's block headings: "PublishingPortal - Block_BanTin_Toolbar". */
const MARKER = /^PublishingPortal\s*-\s*Block_(\w+)$/i;
const DATE = /(?:^|\D)(\d{1,2}\/\d{1,2}\/\d{4}(?:\s+\d{1,2}[:h]\d{2})?)(?!\d)/;
/** The toolbar's text-size buttons, as they come out in a copy of the page. */
const SIZE_LABELS = /(?:tăng|giảm)\s+cỡ\s+chữ|cỡ\s+chữ\s+mặc\s+định/giu;
/** What ends a sentence: a signature has none of it at its end. */
const SENTENCE_END = /[.!?:;,…"“”'’)]$/u;

type Kind = 'toolbar' | 'view' | 'other' | undefined;

function markerKind(block: Block): Kind {
  const name = MARKER.exec(block.text)?.[1]?.toLowerCase();
  if (name === undefined) return undefined;
  if (name.endsWith('toolbar')) return 'toolbar';
  return name.endsWith('viewdata') ? 'view' : 'other';
}

/**
 * The bulletins on a page, in order. Each starts at a toolbar block heading; a page without any
 * heading is read as one bulletin laid out the same way (date, title, lead, body, signature).
 */
export function readPortalArticles(blocks: readonly Block[]): PortalArticle[] {
  const starts = blocks.flatMap((block, index) => (markerKind(block) === 'toolbar' ? [index] : []));
  if (starts.length === 0) return blocks.length === 0 ? [] : [readArticle(blocks)];
  return starts.map((start, i) => readArticle(blocks.slice(start, starts[i + 1] ?? blocks.length)));
}

function readArticle(blocks: readonly Block[]): PortalArticle {
  const article: PortalArticle = { line: blocks[0]!.line, body: [], endLine: blocks[0]!.line };
  let mode: 'head' | 'body' | 'skip' = 'head';
  for (const block of blocks) {
    const kind = markerKind(block);
    if (kind !== undefined) {
      // Another block of the page (shares, other news...) holds nothing of the bulletin.
      if (kind === 'view') mode = 'body';
      else if (kind === 'other') mode = 'skip';
      continue;
    }
    if (mode === 'skip') continue;
    if (mode === 'head' && readHead(article, block)) continue;
    article.body.push(block);
    // Without the view block's heading, the body starts after the title and the lead (a
    // picture before them does not start it).
    if (mode === 'head' && block.text !== '') mode = 'body';
  }
  takeSignature(article);
  return article;
}

/** Takes a block of the toolbar part into the article; false when it belongs to the body. */
function readHead(article: PortalArticle, block: Block): boolean {
  const date = article.title === undefined && block.text.length <= 40 ? DATE.exec(block.text) : null;
  if (date && article.date === undefined) {
    article.date = { block, text: date[1]!.replace('h', ':') };
    return true;
  }
  if (block.text === '') return !block.media;
  if (isSizeLabels(block.text)) return true;
  if (article.title === undefined) article.title = block;
  else if (article.lead === undefined) article.lead = block;
  else return false;
  return true;
}

function isSizeLabels(text: string): boolean {
  const rest = text.replace(SIZE_LABELS, '');
  return rest !== text && rest.replace(/[\s|/·•-]+/g, '') === '';
}

/** The author signs the last line: short, a name rather than a sentence. */
function takeSignature(article: PortalArticle): void {
  const last = article.body.at(-1);
  article.endLine = last?.line ?? article.title?.line ?? article.line;
  if (last === undefined || !isSignature(last)) return;
  article.author = article.body.pop();
}

export function isSignature(block: Block): boolean {
  const text = block.text;
  if (block.media || text === '' || text.length > 60 || SENTENCE_END.test(text)) return false;
  return text.split(' ').length <= 8 && !DATE.test(text);
}
