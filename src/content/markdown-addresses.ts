// Part of the Markdown adapter: heading ids made from Vietnamese text, footnotes that link both ways,
// and links written to another article's file turned into that article's address.
import type MarkdownIt from 'markdown-it';
import type { PluginSimple, PluginWithOptions } from 'markdown-it';
import anchor from 'markdown-it-anchor';
import footnote from 'markdown-it-footnote';
import type Token from 'markdown-it/lib/token.mjs';
import { SLUG_WORDS, slugFromTitle } from './slug.js';
import { TEMPLATE_IDS, YEAR_ID } from '../anchors.js';
import type { Language } from '../locales.js';

/** What footnotes say to screen readers, in the site's language. */
export interface FootnoteLabels {
  /** The site's language: the words of heading ids. */
  language?: Language;
  /** Names the list of footnotes: "Chú thích". */
  footnotes: string;
  /** Before a footnote's number on the link to it: "Chú thích". */
  footnote: string;
  /** The link from a footnote back to where it is cited: "Quay lại chỗ trích dẫn". */
  backToText: string;
}

export const DEFAULT_FOOTNOTE_LABELS: FootnoteLabels = { footnotes: 'Chú thích', footnote: 'Chú thích', backToText: 'Quay lại chỗ trích dẫn' };

/** Footnotes' own ids (`fn1`, `fnref1:2`), which a heading "FN1" would otherwise take. */
const FOOTNOTE_ID = /^fn(?:ref)?\d/;

/** The id of a heading: its words with tone marks removed and đ -> d, as an article's slug. */
export function headingId(text: string, language: Language = 'vi'): string {
  const part = SLUG_WORDS[language].term;
  const slug = slugFromTitle(text, language) || part;
  return TEMPLATE_IDS.has(slug) || FOOTNOTE_ID.test(slug) || YEAR_ID.test(slug) ? `${part}-${slug}` : slug;
}

/** How a link's or image's address becomes another: a link to an article's file becomes its page's address. */
export type LinkResolver = (target: string) => string | undefined;

export function addAddressRules(md: MarkdownIt, labels: FootnoteLabels): void {
  // Ids are unique within the page: a second "Kết quả" is "ket-qua-1". No tabindex: browsers move focus to a target without it.
  // Their types are written against markdown-it's CommonJS types: the same API.
  const anchors = anchor as unknown as PluginWithOptions<{ slugify: (text: string) => string; tabIndex: false }>;
  md.use(anchors, { slugify: (text) => headingId(text, labels.language ?? 'vi'), tabIndex: false });
  md.use(footnote as unknown as PluginSimple);
  labelFootnotes(md, labels);
  md.core.ruler.push('bantin_links_by_file', (state) => {
    const resolve = (state.env as { resolveLink?: LinkResolver }).resolveLink;
    if (!resolve) return;
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        const attribute = token.type === 'link_open' ? 'href' : token.type === 'image' ? 'src' : undefined;
        if (!attribute) continue;
        const written = md.normalizeLinkText(token.attrGet(attribute) ?? '');
        const address = resolve(written);
        if (address === undefined) continue;
        // A photo is found by the address its article wrote (render rule of markdown.ts).
        if (token.type === 'image') token.meta = { ...token.meta, written: token.attrGet(attribute) };
        token.attrSet(attribute, address);
      }
    }
  });
}

/** Screen readers hear "Chú thích 1" rather than "[1]", and where a back link goes. */
function labelFootnotes(md: MarkdownIt, labels: FootnoteLabels): void {
  const rules = md.renderer.rules;
  const escape = md.utils.escapeHtml;
  rules.footnote_block_open = () => `<hr class="footnotes-sep">\n<section class="footnotes" aria-label="${escape(labels.footnotes)}">\n<ol class="footnotes-list">\n`;
  rules.footnote_ref = (tokens, idx) => {
    const { n, ref } = footnoteIds(tokens[idx]!);
    return `<sup class="footnote-ref"><a href="#fn${n}" id="fnref${ref}" aria-label="${escape(labels.footnote)} ${n}">[${n}]</a></sup>`;
  };
  rules.footnote_anchor = (tokens, idx) => {
    const { n, ref } = footnoteIds(tokens[idx]!);
    return ` <a href="#fnref${ref}" class="footnote-backref" aria-label="${escape(labels.backToText)} ${n}">\u21a9\uFE0E</a>`;
  };
}

function footnoteIds(token: Token): { n: string; ref: string } {
  const meta = token.meta as { id: number; subId: number };
  const n = String(meta.id + 1);
  return { n, ref: meta.subId > 0 ? `${n}:${meta.subId}` : n };
}

/** An id written in raw HTML, on a site that allows it. */
const HTML_ID = /\sid\s*=\s*["']?([^"'\s>]+)/gi;

/** Every id a body gives its page: headings', footnotes' and those written in raw HTML. */
export function anchorsOf(tokens: readonly Token[]): string[] {
  const ids: string[] = [];
  const html = (token: Token) => {
    if (token.type === 'html_block' || token.type === 'html_inline') for (const found of token.content.matchAll(HTML_ID)) ids.push(found[1]!);
  };
  for (const token of tokens) {
    html(token);
    token.children?.forEach(html);
    if (token.type === 'heading_open') ids.push(token.attrGet('id') ?? '');
    else if (token.type === 'footnote_open') ids.push(`fn${footnoteIds(token).n}`);
    for (const child of token.children ?? []) if (child.type === 'footnote_ref') ids.push(`fnref${footnoteIds(child).ref}`);
  }
  return ids.filter((id) => id !== '');
}
