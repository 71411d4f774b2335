// Interface strings and date formats for each site language; templates take every word from here.
import { formatDayMonthYear, weekday, type PublishedAt } from './content/dates.js';

export type Language = 'vi' | 'en';

export interface Locale {
  language: Language;
  /** Weekday names, Sunday first. */
  weekdays: readonly string[];
  /** Short date: `08/09/2020`. */
  formatDate(date: PublishedAt): string;
  /** Date with weekday: `Thứ Ba, 08/09/2020`. */
  formatLongDate(date: PublishedAt): string;
  /** A month of the archive: `Tháng 9/2020`. */
  formatMonth(year: number, month: number): string;
  /** URL segments of the listing pages, in the site's language. */
  routes: Routes;
  strings: Record<string, string>;
}

export interface Routes {
  page: string;
  category: string;
  tag: string;
  author: string;
  archive: string;
  /** The search page; its index files sit in the same folder. */
  search: string;
}

const vi: Locale = {
  language: 'vi',
  weekdays: ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  formatDate: formatDayMonthYear,
  formatLongDate(date) {
    return `${this.weekdays[weekday(date)]}, ${formatDayMonthYear(date)}`;
  },
  formatMonth: (year, month) => `Tháng ${month}/${year}`,
  routes: { page: 'trang', category: 'chuyen-muc', tag: 'tu-khoa', author: 'tac-gia', archive: 'luu-tru', search: 'tim-kiem' },
  strings: {
    siteTitle: 'Bản tin',
    siteDescription: 'Tin tức, sự kiện mới nhất.',
    skipToContent: 'Bỏ qua, đến nội dung chính',
    home: 'Trang chủ',
    latest: 'Tin mới nhất',
    otherNews: 'Các tin khác',
    textSize: 'Cỡ chữ',
    smaller: 'Giảm cỡ chữ',
    reset: 'Cỡ chữ mặc định',
    larger: 'Tăng cỡ chữ',
    textSizeNow: 'Cỡ chữ hiện tại:',
    author: 'Tác giả',
    publishedOn: 'Đăng ngày',
    category: 'Chuyên mục',
    tags: 'Từ khóa',
    noArticles: 'Chưa có bản tin nào.',
    draft: 'Bản nháp',
    builtWith: 'Trang được tạo bằng bantin.',
    menu: 'Menu chính',
    sections: 'Chuyên mục',
    allSections: 'Tất cả chuyên mục',
    allTags: 'Tất cả từ khóa',
    authors: 'Tác giả',
    archive: 'Lưu trữ',
    year: 'Năm',
    breadcrumb: 'Đường dẫn',
    related: 'Tin liên quan',
    previousArticle: 'Tin trước',
    nextArticle: 'Tin sau',
    pagination: 'Phân trang',
    previousPage: 'Trang trước',
    nextPage: 'Trang sau',
    pageNumber: 'Trang',
    bulletinsBy: 'Bản tin của',
    bulletinsIn: 'Bản tin chuyên mục',
    bulletinsTagged: 'Bản tin có từ khóa',
    bulletinsOf: 'Bản tin',
    articleCount: 'bài',
    articleCountOne: 'bài',
    // Names of places in a page, the part of an address after "#".
    contentAnchor: 'noi-dung',
    yearAnchor: 'nam',
    share: 'Chia sẻ',
    shareFacebook: 'Chia sẻ lên Facebook',
    shareZalo: 'Chia sẻ qua Zalo',
    email: 'Thư điện tử',
    shareEmail: 'Gửi qua email',
    copyLink: 'Sao chép liên kết',
    linkCopied: 'Đã sao chép liên kết',
    shareZaloCopy: 'Zalo (sao chép liên kết)',
    linkCopiedForZalo: 'Đã sao chép liên kết: mở Zalo và dán vào tin nhắn để chia sẻ.',
    copyFailed: 'Không sao chép được. Liên kết của bài:',
    print: 'In bài viết',
    source: 'Nguồn',
    feeds: 'Tin RSS',
    notFoundTitle: 'Không tìm thấy trang',
    notFoundText: 'Trang bạn tìm không có hoặc đã được chuyển đi. Mời bạn về trang chủ hoặc xem các tin mới nhất dưới đây.',
    search: 'Tìm kiếm',
    searchLabel: 'Tìm bản tin',
    searchButton: 'Tìm',
    searchAllSections: 'Mọi chuyên mục',
    searchAllYears: 'Mọi năm',
    searchResults: 'kết quả',
    searchNoResults: 'Không tìm thấy bản tin nào.',
    searchLoading: 'Đang tìm…',
    searchSeeAll: 'Xem tất cả kết quả',
    searchOlder: 'Tìm thêm trong các tin cũ hơn',
    searchSince: 'trong các tin từ',
    searchFailed: 'Không tải được dữ liệu tìm kiếm. Hãy thử lại.',
    searchNoScript: 'Tìm kiếm cần JavaScript, trình duyệt của bạn đang tắt nó. Bạn vẫn tìm được bản tin theo chuyên mục hoặc theo tháng trong lưu trữ:',
  },
};

const englishMonths = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const en: Locale = {
  language: 'en',
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  formatDate: (date) => `${date.day} ${englishMonths[date.month - 1]} ${date.year}`,
  formatLongDate(date) {
    return `${this.weekdays[weekday(date)]}, ${this.formatDate(date)}`;
  },
  formatMonth: (year, month) => `${englishMonths[month - 1]} ${year}`,
  routes: { page: 'page', category: 'category', tag: 'tag', author: 'author', archive: 'archive', search: 'search' },
  strings: {
    siteTitle: 'News bulletin',
    siteDescription: 'The latest news and events.',
    skipToContent: 'Skip to main content',
    home: 'Home',
    latest: 'Latest news',
    otherNews: 'Other news',
    textSize: 'Text size',
    smaller: 'Smaller text',
    reset: 'Default text size',
    larger: 'Larger text',
    textSizeNow: 'Text size now:',
    author: 'Author',
    publishedOn: 'Published',
    category: 'Section',
    tags: 'Tags',
    noArticles: 'No bulletins yet.',
    draft: 'Draft',
    builtWith: 'Built with bantin.',
    menu: 'Main menu',
    sections: 'Sections',
    allSections: 'All sections',
    allTags: 'All tags',
    authors: 'Authors',
    archive: 'Archive',
    year: 'Year',
    breadcrumb: 'Breadcrumb',
    related: 'Related news',
    previousArticle: 'Previous',
    nextArticle: 'Next',
    pagination: 'Pages',
    previousPage: 'Previous page',
    nextPage: 'Next page',
    pageNumber: 'Page',
    bulletinsBy: 'Bulletins by',
    bulletinsIn: 'Bulletins in',
    bulletinsTagged: 'Bulletins tagged',
    bulletinsOf: 'Bulletins of',
    articleCount: 'articles',
    articleCountOne: 'article',
    contentAnchor: 'main-content',
    yearAnchor: 'year',
    share: 'Share',
    shareFacebook: 'Share on Facebook',
    shareZalo: 'Share on Zalo',
    email: 'Email',
    shareEmail: 'Send by email',
    copyLink: 'Copy link',
    linkCopied: 'Link copied',
    shareZaloCopy: 'Zalo (copy link)',
    linkCopiedForZalo: 'Link copied: open Zalo and paste it into a message to share it.',
    copyFailed: 'Could not copy. The article\'s address:',
    print: 'Print',
    source: 'Source',
    feeds: 'RSS feeds',
    notFoundTitle: 'Page not found',
    notFoundText: 'The page you are looking for does not exist or has moved. Go to the home page, or read the latest news below.',
    search: 'Search',
    searchLabel: 'Search the bulletins',
    searchButton: 'Search',
    searchAllSections: 'All sections',
    searchAllYears: 'All years',
    searchResults: 'results',
    searchNoResults: 'No bulletins found.',
    searchLoading: 'Searching…',
    searchSeeAll: 'See all results',
    searchOlder: 'Search older bulletins too',
    searchSince: 'in the bulletins since',
    searchFailed: 'The search data could not be loaded. Please try again.',
    searchNoScript: 'Search needs JavaScript, which your browser has turned off. You can still find bulletins by section, or by month in the archive:',
  },
};

export const locales: Record<Language, Locale> = { vi, en };
