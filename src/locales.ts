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
  strings: Record<string, string>;
}

const vi: Locale = {
  language: 'vi',
  weekdays: ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  formatDate: formatDayMonthYear,
  formatLongDate(date) {
    return `${this.weekdays[weekday(date)]}, ${formatDayMonthYear(date)}`;
  },
  strings: {
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
  strings: {
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
  },
};

export const locales: Record<Language, Locale> = { vi, en };
