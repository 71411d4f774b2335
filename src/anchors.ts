// Names of the places bantin's templates mark in every page (the part of an address after "#"),
// in each site language: an English page carries no Vietnamese ids, a Vietnamese one keeps its own.
import type { Language } from './locales.js';

export const ANCHORS = {
  vi: {
    contentAnchor: 'noi-dung',
    yearAnchor: 'nam',
    titleAnchor: 'tieu-de',
    otherNewsAnchor: 'cac-tin-khac',
    relatedAnchor: 'tin-lien-quan',
    latestAnchor: 'tin-moi-nhat',
    noticesAnchor: 'thong-bao',
    searchBoxAnchor: 'o-tim-kiem',
    searchTermsAnchor: 'tu-khoa-tim',
    searchSectionAnchor: 'loc-chuyen-muc',
    searchYearAnchor: 'loc-nam',
    searchCountAnchor: 'ket-qua-dem',
    searchResultsAnchor: 'ket-qua',
    siteMapSectionsAnchor: 'so-do-chuyen-muc',
    siteMapPagesAnchor: 'so-do-trang-thong-tin',
    siteMapIndexesAnchor: 'so-do-danh-muc',
    siteMapYearsAnchor: 'so-do-luu-tru',
  },
  en: {
    contentAnchor: 'main-content',
    yearAnchor: 'year',
    titleAnchor: 'title',
    otherNewsAnchor: 'other-news',
    relatedAnchor: 'related-news',
    latestAnchor: 'latest-news',
    noticesAnchor: 'notices',
    searchBoxAnchor: 'search-box',
    searchTermsAnchor: 'search-terms',
    searchSectionAnchor: 'search-section',
    searchYearAnchor: 'search-year',
    searchCountAnchor: 'search-count',
    searchResultsAnchor: 'search-results',
    siteMapSectionsAnchor: 'site-map-sections',
    siteMapPagesAnchor: 'site-map-pages',
    siteMapIndexesAnchor: 'site-map-indexes',
    siteMapYearsAnchor: 'site-map-years',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The ids a page may be linked to besides an article's own (a link to "#tieu-de" is not broken). */
const PAGE_PARTS = ['contentAnchor', 'titleAnchor', 'otherNewsAnchor', 'relatedAnchor', 'latestAnchor'] as const;

/** Ids of the page around an article in any site language: a heading must not take them. */
export const TEMPLATE_IDS: ReadonlySet<string> = new Set(Object.values(ANCHORS).flatMap((ids) => PAGE_PARTS.map((part) => ids[part])));

/** The id a year of the archive takes (`nam-2020`, `year-2020`), which a heading must not take either. */
export const YEAR_ID = new RegExp(`^(${Object.values(ANCHORS).map((ids) => ids.yearAnchor).join('|')})-\\d+$`);
