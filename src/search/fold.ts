// Vietnamese folding for the search index: readers type "ho an toan" as often as "hộ an toàn".
// templates/assets/search.js folds queries the same way; the browser tests hold the two together.

/** Lowercase, without tone marks or other diacritics, `đ` as `d`: "Hộ AN TOÀN" -> "ho an toan". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * How the browser's MiniSearch must be set up to read the index: the same fields, and the same
 * folding of every word. An index is read with the options it was written with.
 */
export const SEARCH_FIELDS = ['title', 'text'] as const;
export const STORED_FIELDS = ['title', 'url', 'date', 'section', 'excerpt'] as const;
