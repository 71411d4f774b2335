// Markdown adapter: markdown-it configured once, with raw HTML off unless the site turns it on.
import MarkdownIt from 'markdown-it';
import { BantinError, type SourceLocation } from '../errors.js';
import { refuseForbiddenEntities } from './markdown-entities.js';
import { createSanitizer } from './sanitize.js';
import { checkRawHtml } from './raw-html.js';
import { findReferences, type Reference } from './references.js';
import { addAddressRules, anchorsOf, DEFAULT_FOOTNOTE_LABELS, type FootnoteLabels, type LinkResolver } from './markdown-addresses.js';
import type Token from 'markdown-it/lib/token.mjs';
import { msg } from '../messages/index.js';
import { captionHtml, pictureHtml, BODY_SIZES } from '../images/html.js';
import type { Photo } from '../images/photos.js';
import { withPhotos } from './raw-images.js';

/** The photos an article's body shows, made ready (see src/images/), and how its page reaches the site's root. */
export interface BodyPhotos {
  find(target: string): Photo | undefined;
  root: string;
  /** Whether the first photo is seen before scrolling (no cover above it): it is not loaded lazily. */
  firstEager: boolean;
}

export interface MarkdownOptions {
  /** Let raw HTML through. Off by default: HTML in an article shows as text. */
  html: boolean;
  /** Pass every article's HTML through the sanitiser's allow-list (for sites that allow raw HTML). */
  sanitize?: boolean;
  /** With `sanitize`: the hosts an <iframe> may load from. */
  iframeHosts?: readonly string[];
}

/** Where iframes may come from when a site does not say: YouTube's players. */
export const DEFAULT_IFRAME_HOSTS = ['www.youtube.com', 'www.youtube-nocookie.com'];

/** What a page needs to know of a body without rendering it: where it points, and its anchors. */
export interface BodyFacts {
  references: Reference[];
  /** The ids of its headings and footnotes; undefined when the body was not parsed (it has no link or image). */
  anchors?: string[];
  /** The start of the text as plain words. */
  text: string;
}

export interface MarkdownRenderer {
  /**
   * The body as HTML. `source`: the article file, and the line on which the Markdown starts, for
   * errors; `resolveLink`: the address of a link written to an article's file; `photos`: the
   * sizes made of the site's photos.
   */
  render(markdown: string, source?: SourceLocation, resolveLink?: LinkResolver, photos?: BodyPhotos): string;
  /**
   * The links, images and anchors of a body that starts on line `firstLine` of `file`, and (with
   * `withText`) its start as text.
   */
  inspect(markdown: string, firstLine: number, file: string, withText: boolean): BodyFacts;
  /** The start of the text as plain words, for descriptions and excerpts. */
  excerpt(markdown: string): string;
  /** The ids a body gives its page (headings, footnotes), for a link with a `#` to an article `inspect` did not parse. */
  anchors(markdown: string): string[];
  /**
   * The links and images of a body that starts on line `firstLine` of its file (for `bantin
   * check`); a body nested too deeply to read whole is a problem naming `file`.
   */
  references(markdown: string, firstLine: number, file?: string): Reference[];
}

/** How deep markdown-it lets lists and quotes nest (its default preset; its types do not name the option). */
const MAX_NESTING = 100;

/** Enough plain text for a meta description (about 160 characters) with room to cut at a word. */
const TEXT_LENGTH = 400;

/** What a body with a link, an image or a footnote has: brackets, "<", a web address. Headings alone need no parse: see `anchors`. */
const MAY_POINT = /[[<]|:\/\/|www\./;

/** What any link linkify-it finds contains. */
const LINK_HINT = /\/\/|@|mailto:|\.[^\s\d.]/i;

/** Schemes a link may never use, whatever the configuration. */
const DANGEROUS_URL = /^(javascript|vbscript|file|data):/i;
const SAFE_DATA_IMAGE = /^data:image\/(gif|png|jpeg|webp);/i;

export function createMarkdown(options: MarkdownOptions, labels: FootnoteLabels = DEFAULT_FOOTNOTE_LABELS): MarkdownRenderer {
  const md = new MarkdownIt({ html: options.html, linkify: true, typographer: false, breaks: false });
  refuseDangerousLinks(md);
  refuseForbiddenEntities(md);
  pretestLinksCheaply(md);
  addRenderRules(md);
  addFigures(md);
  addAddressRules(md, labels);
  if (options.sanitize) sanitizeOutput(md, options.iframeHosts ?? DEFAULT_IFRAME_HOSTS);
  const decode = (target: string) => md.normalizeLinkText(target);

  return {
    render(markdown, source, resolveLink, photos) {
      const env = { source, photos, shown: 0, ...(resolveLink && { resolveLink }) };
      const tokens = md.parse(markdown, env);
      checkNesting(tokens, MAX_NESTING, source);
      if (options.html) checkRawHtml(tokens, source);
      return md.renderer.render(tokens, md.options, env);
    },
    inspect(markdown, firstLine, file, withText) {
      // A body with nothing that could make a link, an image or an id is not parsed: parsing is most of the cost.
      if (!withText && !MAY_POINT.test(markdown)) return { references: [], text: '' };
      const source = { file, line: firstLine };
      const tokens = md.parse(markdown, { source });
      checkNesting(tokens, MAX_NESTING, source);
      if (options.html) checkRawHtml(tokens, source);
      return { references: findReferences(tokens, markdown, firstLine, decode), anchors: anchorsOf(tokens), text: plainText(tokens) };
    },
    excerpt(markdown) {
      return plainText(md.parse(markdown, { unchecked: true }));
    },
    anchors(markdown) {
      return anchorsOf(md.parse(markdown, { unchecked: true }));
    },
    references(markdown, firstLine, file) {
      const source = file === undefined ? undefined : { file, line: firstLine };
      const tokens = md.parse(markdown, source ? { source } : { unchecked: true });
      checkNesting(tokens, MAX_NESTING, source);
      if (options.html) checkRawHtml(tokens, source);
      return findReferences(tokens, markdown, firstLine, decode);
    },
  };
}

function refuseDangerousLinks(md: MarkdownIt): void {
  md.validateLink = (url: string) => {
    // Browsers ignore control characters and whitespace inside a scheme: "java\tscript:" runs.
    const compact = url.replace(/[\0-\x20\x7f]/g, '').toLowerCase();
    let decoded = compact;
    try {
      decoded = decodeURIComponent(compact);
    } catch {
      // A malformed escape is not a scheme; judge the raw text.
    }
    return !DANGEROUS_URL.test(decoded) || SAFE_DATA_IMAGE.test(decoded);
  };
}

/**
 * linkify-it's own pretest runs a large Unicode expression over every piece of text; a link it
 * could find has "//", "@", "mailto:" or a dot before a domain's letters, so text without any
 * of those is passed over cheaply. (tests/unit/markdown-linkify.test.ts checks they agree.)
 */
function pretestLinksCheaply(md: MarkdownIt): void {
  const pretest = md.linkify.pretest.bind(md.linkify);
  md.linkify.pretest = (text: string) => LINK_HINT.test(text) && pretest(text);
}

// markdown-it calls a rule with (tokens, idx, options, env, renderer); `rest` hands the last
// three on untouched, so a rule reads only what it changes.
function addRenderRules(md: MarkdownIt): void {
  // Links to other sites open as usual, but never hand them our window.
  const defaultLinkOpen =
    md.renderer.rules.link_open ?? ((tokens, idx, ...[opts, _env, self]) => self.renderToken(tokens, idx, opts));
  md.renderer.rules.link_open = (tokens, idx, ...rest) => {
    const href = tokens[idx]!.attrGet('href') ?? '';
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(href)) tokens[idx]!.attrSet('rel', 'noopener');
    return defaultLinkOpen(tokens, idx, ...rest);
  };

  // A photo of the site becomes a <picture> of the sizes made for it; any other image loads
  // lazily. The first photo of an article without a cover is seen at once and is not lazy.
  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, ...rest) => {
    const [opts, env, self] = rest as [typeof rest[0], ImageEnv, typeof rest[2]];
    const token = tokens[idx]!;
    const title = token.attrGet('title') ?? '';
    const caption = token.meta?.figure === true ? captionHtml(title) : '';
    // The address as written (a link to a file of static/ has been rewritten from the page by then),
    // decoded as references.ts reads it: `ảnh-cầu.jpg` is percent-encoded in the token.
    const photo = env.photos?.find(md.normalizeLinkText((token.meta as { written?: string } | null)?.written ?? token.attrGet('src') ?? ''));
    const eager = env.photos?.firstEager === true && env.shown === 0;
    env.shown = (env.shown ?? 0) + 1;
    if (photo) {
      const alt = self.renderInlineAsText(token.children ?? [], opts, env);
      return pictureHtml(photo, { alt, root: env.photos!.root, sizes: BODY_SIZES, eager, ...(title && !caption && { title }) }) + caption;
    }
    if (caption) token.attrs = token.attrs?.filter(([name]) => name !== 'title') ?? null;
    token.attrSet('loading', 'lazy');
    token.attrSet('decoding', 'async');
    return defaultImage(tokens, idx, ...rest) + caption;
  };

  // An <img> written as raw HTML is shown as a Markdown image is (raw-images.ts).
  for (const rule of ['html_block', 'html_inline'] as const) {
    const written = md.renderer.rules[rule]!;
    md.renderer.rules[rule] = (tokens, idx, ...rest) => withPhotos(written(tokens, idx, ...rest), rest[1] as ImageEnv);
  }
}

interface ImageEnv {
  photos?: BodyPhotos;
  /** Images rendered so far. */
  shown?: number;
}

/**
 * An image alone in its paragraph with a title (`![alt](anh.jpg "Chú thích")`) is a figure, its
 * title the caption (and credit line: see `captionHtml`).
 */
function addFigures(md: MarkdownIt): void {
  md.core.ruler.push('bantin_figures', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      const [open, inline, close] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
      if (open.type !== 'paragraph_open' || open.hidden || inline.type !== 'inline' || close.type !== 'paragraph_close') continue;
      const shown = (inline.children ?? []).filter((child) => !(child.type === 'text' && child.content.trim() === '') && child.type !== 'softbreak');
      const image = shown[0];
      if (shown.length !== 1 || image?.type !== 'image' || !image.attrGet('title')) continue;
      open.tag = close.tag = 'figure';
      image.meta = { ...image.meta, figure: true };
    }
  });
}

/** Every article's HTML through the sanitiser's allow-list, whatever raw HTML it held. */
function sanitizeOutput(md: MarkdownIt, iframeHosts: readonly string[]): void {
  const sanitize = createSanitizer({ iframeHosts });
  const renderTokens = md.renderer.render.bind(md.renderer);
  md.renderer.render = (tokens, opts, env) => sanitize(renderTokens(tokens, opts, env));
}

/** The words of the first paragraphs, entities already decoded by the parser. */
function plainText(tokens: Token[]): string {
  const parts: string[] = [];
  let length = 0;
  for (const block of tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    for (const token of block.children) {
      if (token.type === 'text' || token.type === 'code_inline') parts.push(token.content);
      else if (token.type === 'softbreak' || token.type === 'hardbreak') parts.push(' ');
    }
    parts.push(' ');
    length += block.content.length;
    if (length > TEXT_LENGTH) break;
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * markdown-it stops reading at its nesting limit (lists in quotes in lists...) and silently drops
 * the rest of the article. Say so instead, where it happens.
 */
function checkNesting(tokens: readonly Token[], maxNesting: number, source: SourceLocation | undefined): void {
  const deepest = tokens.find((token) => token.level >= maxNesting - 1);
  if (!deepest) return;
  throw new BantinError(
    msg('markdown.tooDeep'),
    { file: source?.file ?? 'Markdown', line: (source?.line ?? 1) + (deepest.map?.[0] ?? 0) },
  );
}
