// From a bulletin as the portal laid it out to an article bantin builds: checked, dated in the
// site's time zone, its body in Markdown, or the reason it cannot be imported and where.
import { createHash } from 'node:crypto';
import type { SiteConfig } from '../config.js';
import { DateError, parseDate } from '../content/dates.js';
import { slugFromTitle } from '../content/slug.js';
import type { ImportedArticle } from './article-file.js';
import { htmlToMarkdown, textToMarkdown } from './markdown.js';
import type { Block, PortalArticle } from './portal.js';
import { msg, type Message } from '../messages/index.js';

/** Why a bulletin cannot be imported, and the line of its source that shows it. */
export interface Refusal {
  line: number;
  reason: Message;
}

export interface Converted {
  article: ImportedArticle;
  /** The slug the title gives (or a stand-in for a title without Latin letters). */
  slug: string;
}

/** `from` names the source for the article's `importedFrom`: `portal-article.txt`. */
export function convertArticle(portal: PortalArticle, from: string, config: SiteConfig): Converted | Refusal {
  const { title, date } = portal;
  if (title === undefined) {
    return { line: portal.line, reason: msg('import.noTitle') };
  }
  if (date === undefined) {
    return { line: title.line, reason: msg('import.noDate') };
  }
  let publishedAt;
  try {
    publishedAt = parseDate(date.text, config.timeZone);
  } catch (error) {
    if (!(error instanceof DateError)) throw error;
    return { line: date.block.line, reason: error.detail };
  }
  const body = portal.body.map(blockMarkdown).filter((paragraph) => paragraph !== '');
  if (body.length === 0) return { line: portal.endLine, reason: msg('import.noBody') };
  if (portal.author === undefined && config.defaultAuthor === undefined) return noAuthor(portal);

  const importId = articleId(portal);
  const article: ImportedArticle = {
    title: title.text,
    date: publishedAt,
    ...(portal.author !== undefined && { author: portal.author.text }),
    ...(portal.lead !== undefined && { summary: portal.lead.text }),
    body: body.join('\n\n'),
    importedFrom: `${from}:${portal.line}`,
    importId,
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const standIn = `bai-${publishedAt.year}${pad(publishedAt.month)}${pad(publishedAt.day)}-${importId.slice(0, 6)}`;
  return { article, slug: slugFromTitle(title.text) || standIn };
}

function noAuthor(portal: PortalArticle): Refusal {
  return {
    line: portal.endLine,
    reason: msg('import.noAuthor'),
  };
}

function blockMarkdown(block: Block): string {
  return block.html === undefined ? textToMarkdown(block.text) : htmlToMarkdown(block.html);
}

/** Names the bulletin by what it says, wherever its source file is: 16 hex digits. */
function articleId(portal: PortalArticle): string {
  const parts = [portal.title?.text, portal.date?.text, portal.lead?.text, ...portal.body.map((b) => b.html ?? b.text), portal.author?.text];
  return createHash('sha256').update(parts.map((part) => part ?? '').join('\n')).digest('hex').slice(0, 16);
}
