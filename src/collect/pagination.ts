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

/** How a list is split into pages, and where they go; one record so a caller names each part. */
export interface PageLayout {
  perPage: number;
  base: string;
  segment: string;
}

/** How many page numbers either side of the current one are shown. */
const NEAR = 2;

/** How many pages `length` items take: at least one. */
export function pageCount(length: number, perPage: number): number {
  return Math.max(1, Math.ceil(length / perPage));
}

/** The address of page `number` of a list at `base`. */
export function pageUrl(base: string, segment: string, number: number): string {
  return number === 1 ? base : `${base}${segment}/${number}/`;
}

/**
 * Page `number` (1-based) of `items` split into pages of `layout.perPage`, made alone: a rebuild makes
 * only the pages it needs. The first page is at `base` (`chuyen-muc/thoi-su/`), the others at
 * `base + segment/N/`. An empty list still has its first page.
 */
export function pagerAt<T>(items: readonly T[], layout: PageLayout, number: number): Pager<T> {
  const { perPage, base, segment } = layout;
  const count = pageCount(items.length, perPage);
  const link = (n: number): PageLink => ({ number: n, url: pageUrl(base, segment, n) });
  const url = pageUrl(base, segment, number);
  return {
    items: items.slice((number - 1) * perPage, number * perPage),
    number,
    count,
    url,
    outputPath: `${url}index.html`,
    ...(number > 1 && { previous: link(number - 1) }),
    ...(number < count && { next: link(number + 1) }),
    links: pageLinks(number, count, link),
  };
}

/** The first page, the last, and those NEAR the current one, in order, `null` where some are left out. */
function pageLinks(current: number, count: number, link: (n: number) => PageLink): (PageLink | null)[] {
  const shown = [1, ...Array.from({ length: 2 * NEAR + 1 }, (_, i) => current - NEAR + i), count];
  const links: (PageLink | null)[] = [];
  let last = 0;
  for (const n of shown) {
    if (n <= last || n < 1 || n > count) continue;
    if (n - last > 1) links.push(null);
    links.push(link(n));
    last = n;
  }
  return links;
}
