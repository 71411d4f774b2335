// Pagination: a long list split into numbered pages, `/`, `/trang/2/`, `/trang/3/`...

export interface PageLink {
  number: number;
  url: string;
}

export interface Pager<T> {
  items: T[];
  /** 1-based. */
  number: number;
  count: number;
  url: string;
  outputPath: string;
  previous?: PageLink;
  next?: PageLink;
  /** Numbered links to show: the first, the last, and those near this one; `null` marks a gap. */
  links: (PageLink | null)[];
}

/** How many page numbers either side of the current one are shown. */
const NEAR = 2;

/**
 * Splits `items` into pages of `perPage`. The first page is at `base` (`chuyen-muc/thoi-su/`), the
 * others at `base + segment/N/`. An empty list still gets its first page.
 */
export function paginate<T>(items: readonly T[], perPage: number, base: string, segment: string): Pager<T>[] {
  const count = Math.max(1, Math.ceil(items.length / perPage));
  const link = (number: number): PageLink => ({ number, url: number === 1 ? base : `${base}${segment}/${number}/` });
  const pagers: Pager<T>[] = [];
  for (let number = 1; number <= count; number++) {
    const { url } = link(number);
    pagers.push({
      items: items.slice((number - 1) * perPage, number * perPage),
      number,
      count,
      url,
      outputPath: `${url}index.html`,
      ...(number > 1 && { previous: link(number - 1) }),
      ...(number < count && { next: link(number + 1) }),
      links: pageLinks(number, count, link),
    });
  }
  return pagers;
}

function pageLinks(current: number, count: number, link: (n: number) => PageLink): (PageLink | null)[] {
  const links: (PageLink | null)[] = [];
  let last = 0;
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - current) <= NEAR) {
      if (n - last > 1) links.push(null);
      links.push(link(n));
      last = n;
    }
  }
  return links;
}
