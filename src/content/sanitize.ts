// HTML sanitiser adapter: sanitize-html with an allow-list fit for a bulletin, for sites that allow raw HTML.
import { createRequire } from 'node:module';
import type SanitizeHtml from 'sanitize-html';
import { limitHtmlDepth } from './html-depth.js';

// Loaded only by sites that turn sanitising on: it takes longer to load than a small site takes to build.
const load = () => createRequire(import.meta.url)('sanitize-html') as typeof SanitizeHtml;

export interface SanitizeOptions {
  /** Host names an <iframe> may load from, e.g. `www.youtube-nocookie.com`. */
  iframeHosts: readonly string[];
}

const TEXT_ALIGN = { 'text-align': [/^(left|right|center)$/] };

/**
 * A function that keeps only the HTML an article needs: text structure, links, images,
 * tables, and iframes from the listed hosts. Scripts, event handlers, styles, forms,
 * `javascript:` links and every other tag or attribute are removed. Tags nested deeper than
 * `MAX_HTML_DEPTH` are left out, their text kept (see html-depth.ts).
 */
export function createSanitizer(options: SanitizeOptions): (html: string) => string {
  const sanitizeHtml = load();
  const config: SanitizeHtml.IOptions = {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags,
      'img', 'picture', 'source', 'figure', 'figcaption', 'iframe', 'del', 's', 'ins', 'sup', 'sub', 'mark', 'small', 'details', 'summary',
    ],
    allowedAttributes: {
      // Heading ids and footnotes (markdown-addresses.ts) are what in-page links lead to.
      a: ['href', 'title', 'rel', 'id', 'class', 'aria-label'],
      ...Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => [tag, ['id']])),
      li: ['id', 'class'],
      sup: ['class'],
      section: ['class', 'aria-label'],
      hr: ['class'],
      img: ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'loading', 'decoding', 'fetchpriority'],
      // What bantin writes for a photo it made (src/images/html.ts).
      source: ['type', 'srcset', 'sizes'],
      span: ['class'],
      iframe: ['src', 'title', 'width', 'height', 'allow', 'allowfullscreen', 'loading', 'referrerpolicy'],
      ol: ['start', 'reversed', 'type', 'class'],
      th: ['style', 'colspan', 'rowspan', 'scope'],
      td: ['style', 'colspan', 'rowspan'],
      code: ['class'],
      abbr: ['title'],
      blockquote: ['cite'],
      '*': ['lang', 'dir'],
    },
    allowedClasses: {
      code: ['language-*'],
      span: ['credit'],
      a: ['footnote-backref'],
      li: ['footnote-item'],
      sup: ['footnote-ref'],
      section: ['footnotes'],
      ol: ['footnotes-list'],
      hr: ['footnotes-sep'],
    },
    allowedStyles: { th: TEXT_ALIGN, td: TEXT_ALIGN },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    // An image cannot run script, whatever its data: type; a link or a frame could.
    allowedSchemesByTag: { img: ['http', 'https', 'data'], iframe: ['https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowedIframeHostnames: [...options.iframeHosts],
    allowIframeRelativeUrls: false,
    // Pages are also opened from disk, where "//host/x" means a file, not a web address.
    allowProtocolRelative: false,
    // An iframe from a host not on the list loses its src; drop the empty frame as well.
    exclusiveFilter: (frame) => frame.tag === 'iframe' && !frame.attribs.src,
  };
  return (html) => sanitizeHtml(limitHtmlDepth(html), config);
}
