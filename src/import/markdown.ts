// Turndown adapter: imported HTML, made safe by bantin's sanitiser, becomes Markdown; imported
// text is escaped so that it stays text.
import TurndownService from 'turndown';
import { createSanitizer } from '../content/sanitize.js';

let service: TurndownService | undefined;
let sanitize: ((html: string) => string) | undefined;

function converter(): TurndownService {
  if (service) return service;
  service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
  });
  const escapeMarkdown = service.escape.bind(service);
  // Turndown leaves "<" and "&" as they are: text such as "<script>" or "&lt;" would become
  // HTML or an entity on a site that allows raw HTML. As entities, they stay what they said.
  service.escape = (text) =>
    escapeMarkdown(text).replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;').replace(/<(?=[a-z/!?])/gi, '&lt;');
  return service;
}

/**
 * Markdown for a piece of a page. Scripts, event handlers, styles, frames, forms and
 * `javascript:` links are dropped first, by the sanitiser bantin uses for raw HTML in articles.
 */
export function htmlToMarkdown(html: string): string {
  sanitize ??= createSanitizer({ iframeHosts: [] });
  return converter().turndown(sanitize(html)).trim();
}

/** A line of plain text as a Markdown paragraph that shows exactly that text. */
export function textToMarkdown(text: string): string {
  return converter().escape(text);
}
