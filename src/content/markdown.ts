// Markdown adapter: markdown-it configured once, with raw HTML off unless the site turns it on.
import MarkdownIt from 'markdown-it';
import { BantinError, type SourceLocation } from '../errors.js';
import { findForbiddenCharacter } from './characters.js';
import { createSanitizer } from './sanitize.js';
import { findReferences, type Reference } from './references.js';
import type Token from 'markdown-it/lib/token.mjs';
import { msg } from '../messages/index.js';

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

export interface MarkdownRenderer {
  /** The body as HTML. `source`: the article file, and the line on which the Markdown starts, for errors. */
  render(markdown: string, source?: SourceLocation): string;
  /** The start of the text as plain words, for descriptions and excerpts. */
  excerpt(markdown: string): string;
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

/** What any link linkify-it finds contains. */
const LINK_HINT = /\/\/|@|mailto:|\.[^\s\d.]/i;

/** Schemes a link may never use, whatever the configuration. */
const DANGEROUS_URL = /^(javascript|vbscript|file|data):/i;
const SAFE_DATA_IMAGE = /^data:image\/(gif|png|jpeg|webp);/i;

export function createMarkdown(options: MarkdownOptions): MarkdownRenderer {
  const md = new MarkdownIt({ html: options.html, linkify: true, typographer: false, breaks: false });
  refuseDangerousLinks(md);
  refuseForbiddenEntities(md);
  pretestLinksCheaply(md);
  addRenderRules(md);
  if (options.sanitize) sanitizeOutput(md, options.iframeHosts ?? DEFAULT_IFRAME_HOSTS);

  return {
    render(markdown, source) {
      const env = { source };
      const tokens = md.parse(markdown, env);
      checkNesting(tokens, MAX_NESTING, source);
      return md.renderer.render(tokens, md.options, env);
    },
    excerpt(markdown) {
      return plainText(md.parse(markdown, { unchecked: true }));
    },
    references(markdown, firstLine, file) {
      const source = file === undefined ? undefined : { file, line: firstLine };
      const tokens = md.parse(markdown, source ? { source } : { unchecked: true });
      checkNesting(tokens, MAX_NESTING, source);
      return findReferences(tokens, markdown, firstLine, (target) => md.normalizeLinkText(target));
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

  // Images load lazily and keep their layout box: cheaper pages on slow phones.
  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, ...rest) => {
    tokens[idx]!.attrSet('loading', 'lazy');
    tokens[idx]!.attrSet('decoding', 'async');
    return defaultImage(tokens, idx, ...rest);
  };
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

/** Entities are decoded by the parser's last steps: check them just before, where they are still apart. */
function refuseForbiddenEntities(md: MarkdownIt): void {
  md.core.ruler.before('text_join', 'bantin_entities', (state) => {
    const env = state.env as { source?: SourceLocation; unchecked?: boolean };
    // An excerpt, or links read without a file to name, is checked by the render that names it.
    if (!env.unchecked) checkEntities(state.tokens, state.src, env.source);
  });
}

/**
 * An entity such as "&#12;" or "&#x202E;" makes, in the page and the feeds, what the file itself
 * may not hold (src/content/characters.ts says which); it is refused where it is written. A bidi
 * control written as an entity is refused even when a later one closes it: typed as characters,
 * closed on their line, they build.
 */
function checkEntities(tokens: readonly Token[], markdown: string, source: SourceLocation | undefined): void {
  for (const block of tokens) {
    for (const token of block.children ?? []) {
      const entity = forbiddenEntity(token);
      if (!entity) continue;
      // The line of the block where the entity is written (the first entity, for an attribute).
      const lines = markdown.split('\n');
      const first = block.map?.[0] ?? 0;
      const last = Math.max(first, (block.map?.[1] ?? first + 1) - 1);
      const written = entity.markup ?? '&#';
      let line = first;
      while (line < last && !lines[line]?.includes(written)) line++;
      const column = (lines[line]?.indexOf(written) ?? -1) + 1 || 1;
      throw new BantinError(
        entity.markup ? msg('markdown.entity', { entity: entity.markup, name: entity.name }) : msg('markdown.titleEntity', { name: entity.name }),
        { file: source?.file ?? 'Markdown', line: (source?.line ?? 1) + line, column },
      );
    }
  }
}

function forbiddenEntity(token: Token): { markup?: string; name: string } | undefined {
  if (token.type === 'text_special' && token.info === 'entity') {
    const found = findForbiddenCharacter(token.content);
    if (found) return { markup: token.markup, name: found.name };
  }
  // A link's title is decoded by the parser itself: "&#12;" there is a form feed in the attribute.
  for (const [, value] of token.attrs ?? []) {
    const found = findForbiddenCharacter(value);
    if (found) return { name: found.name };
  }
  for (const child of token.children ?? []) {
    const found = forbiddenEntity(child);
    if (found) return found;
  }
  return undefined;
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
