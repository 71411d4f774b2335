// A tag's identity: spellings that differ only by case, invisible characters or spacing are one tag.

/**
 * Characters nobody sees in a name: soft hyphens, zero-width spaces, word joiners, byte-order
 * marks, bidi controls and the other default-ignorable code points. Zero-width joiners, non-
 * joiners and variation selectors are kept in the name shown, as they shape emoji and some scripts.
 */
const INVISIBLE = /(?![\u200c\u200d\ufe00-\ufe0f\u{e0100}-\u{e01ef}])\p{Default_Ignorable_Code_Point}/gu;
const SHAPING = /[\u200c\u200d\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;

/** The name as it is shown: NFC, without invisible characters, spaces collapsed and trimmed. */
export function tagName(name: string): string {
  return name.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** What two spellings of one tag have in common: the shown name, without joiners, in lowercase. */
export function tagKey(name: string): string {
  return tagName(name).replace(SHAPING, '').toLowerCase();
}

/** An article's tags, each once, in the first spelling met; empty names dropped. */
export function uniqueTags(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const name of names) {
    const shown = tagName(name);
    const key = tagKey(shown);
    if (key !== '' && !seen.has(key)) seen.set(key, shown);
  }
  return [...seen.values()];
}

/** `tags:` as written: a list, or a comma-separated text; `fail` when it is neither. */
export function readTags(value: unknown, fail: () => void): string[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (!list || !list.every((tag) => typeof tag === 'string')) {
    fail();
    return [];
  }
  // Spellings of one tag that differ only by case or invisible characters are one tag.
  return uniqueTags(list);
}
