// URL slugs: Vietnamese titles transliterated to plain a-z, 0-9 and hyphens.
import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';
import { msg, type Message } from '../messages/index.js';
import type { Language } from '../locales.js';

/** Lowercase ASCII letters and digits in words joined by single hyphens. */
const SLUG = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/** Longest slug made from a title; file systems allow 255 bytes for one name. */
const MAX_TITLE_SLUG = 100;
/** Longest slug an editor may write by hand. */
const MAX_SLUG = 200;

/**
 * Words that go into addresses in the site's language: "&" said aloud, and the first word of the
 * stand-in slugs of an article, a section or a tag whose name has no letters a-z (a hash follows),
 * and of the section of an article that has none, for `permalink: /:category/:slug/`.
 */
export const SLUG_WORDS = {
  vi: { and: 'và', article: 'bai', term: 'muc', section: 'tin', page: 'trang', photo: 'anh' },
  en: { and: 'and', article: 'article', term: 'term', section: 'news', page: 'page', photo: 'photo' },
} as const satisfies Record<Language, Record<string, string>>;

/**
 * The slug of a title: tone marks removed, đ -> d, words joined by hyphens, "&" said in the
 * site's language. NFC and NFD spellings give the same result. May be empty (a title in another
 * script).
 */
export function slugFromTitle(title: string, language: Language = 'vi'): string {
  const and = SLUG_WORDS[language].and;
  const slug = plainSlug(title) ?? slugify(title.normalize('NFC'), { customReplacements: [['&', ` ${and} `]] });
  if (slug.length <= MAX_TITLE_SLUG) return slug;
  // Cut at a word: a long headline still makes a readable URL, and a file name the disk accepts.
  const cut = slug.slice(0, MAX_TITLE_SLUG + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, MAX_TITLE_SLUG);
}

/** Vietnamese letters once their tone marks are gone, punctuation that only separates words. */
const PLAIN = /^[a-zA-Z0-9 !"#$(),./:;<=>?@[\]_{|}*+\-–—“”…]*$/;
/** The tone and vowel marks of Vietnamese, as NFD spells them: grave, acute, circumflex, tilde, breve, hook, horn, dot below. */
const VIETNAMESE_MARKS = /[\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323]/g;
/** What slugify would treat specially: camelCase words, acronyms, "&", contractions, backslashes. */
const SPECIAL = /[a-zA-Z0-9][A-Z]/;

/**
 * The slug slugify would give, made directly for the titles a bulletin has: Vietnamese letters,
 * digits and plain punctuation. Transliterating with slugify costs more than the rest of parsing
 * an article's front-matter; anything else goes to slugify. `tests/unit/slug.test.ts` checks the
 * two agree.
 */
function plainSlug(title: string): string | undefined {
  const bare = title.normalize('NFD').replace(VIETNAMESE_MARKS, '').replaceAll('đ', 'd').replaceAll('Đ', 'D');
  if (!PLAIN.test(bare) || SPECIAL.test(bare)) return undefined;
  return bare.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * The slug of an article's file: its name without `.md` (`index.md` takes its folder's name), as
 * a title would give it; failing that, a short hash of its path. It depends on nothing but the
 * file's place, so editing the title never moves the article.
 */
export function slugFromFile(relativePath: string, language: Language = 'vi'): string {
  const normalized = relativePath.normalize('NFC').replaceAll('\\', '/');
  const parts = normalized.replace(/\.md$/i, '').split('/');
  const name = parts.length > 1 && /^_?index$/i.test(parts.at(-1)!) ? parts.at(-2)! : parts.at(-1)!;
  const fromName = slugFromTitle(name, language);
  if (fromName) return fromName;
  return `${SLUG_WORDS[language].article}-` + createHash('sha256').update(normalized).digest('hex').slice(0, 10);
}

/**
 * Why a slug written by hand cannot be used, or undefined when it is fine. Anything that could
 * name a folder outside the output (`..`, `/`, `\`, `%2e`, NUL) is refused here, before any path
 * is built from it.
 */
export function slugProblem(slug: string): Message | undefined {
  if (slug.length === 0) return msg('slug.empty');
  if (slug.length > MAX_SLUG) return msg('slug.long', { length: slug.length, max: MAX_SLUG });
  if (/[/\\]|\.\.|%|\0/.test(slug)) {
    return msg('slug.leaves', { slug: printable(slug) });
  }
  if (!SLUG.test(slug)) {
    return msg('slug.characters', { slug: printable(slug), example: slugFromTitle(slug) || 'tin-moi' });
  }
  return undefined;
}

function printable(text: string): string {
  return text.replace(/[\0-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
