// The directory of the search index: for each folded word, the index files (months) that hold it.
// It is cut into files by the first two letters of the word, so the reader's browser fetches one
// small file per word typed and then only the months that hold every word, newest first: a word
// found only years back costs one directory file and one month, not every month in between.
// templates/assets/search.js finds a word's file the same way (`bucketOf`).

/** Words of the directory per file, about: a file of a large site stays some kB. */
const ARTICLES_PER_FILE = 400;
/** At most this many files: a word's file is found by a hash of its first two letters. */
const MOST_FILES = 64;

/** How many files the directory of a site of `articles` articles is cut into: a power of two. */
export function directorySize(articles: number): number {
  let files = 1;
  while (files < MOST_FILES && files * ARTICLES_PER_FILE < articles) files *= 2;
  return files;
}

/** The file names of the directory, by the folder of the search page. */
export function directoryNames(files: number): string[] {
  return Array.from({ length: files }, (_, i) => `terms-${i}.json`);
}

/**
 * The directory file of a folded word: a hash of its first two letters (code points), so every
 * word that begins as a prefix typed does is in that prefix's file. The same in search.js.
 */
export function bucketOf(term: string, files: number): number {
  const prefix = Array.from(term).slice(0, 2).join('');
  let hash = 0;
  for (let i = 0; i < prefix.length; i++) hash = (hash * 31 + prefix.charCodeAt(i)) >>> 0;
  return hash % files;
}

/**
 * Every directory file's text. `parts`: each index file's words, oldest first, so a part keeps
 * its number when newer months come; a file maps each word to the parts holding it, as ranges
 * of those numbers ("0-4,9"). A file changes only when a word comes to or leaves a month.
 */
export function renderDirectory(parts: readonly Iterable<string>[], files: number): string[] {
  const buckets = Array.from({ length: files }, () => new Map<string, number[]>());
  parts.forEach((terms, part) => {
    for (const term of terms) {
      const bucket = buckets[bucketOf(term, files)]!;
      const holders = bucket.get(term);
      if (holders) holders.push(part);
      else bucket.set(term, [part]);
    }
  });
  return buckets.map((bucket) => {
    const entries = [...bucket].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return JSON.stringify(Object.fromEntries(entries.map(([term, holders]) => [term, ranges(holders)])));
  });
}

/** Ascending numbers as ranges: [0, 1, 2, 5] -> "0-2,5". */
export function ranges(numbers: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const start = numbers[i]!;
    while (i + 1 < numbers.length && numbers[i + 1] === numbers[i]! + 1) i++;
    out.push(start === numbers[i] ? String(start) : `${start}-${numbers[i]}`);
  }
  return out.join(',');
}
