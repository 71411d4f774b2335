import { describe, expect, it } from 'vitest';
import { isPublished, scheduledArticles } from '../../src/collect/schedule.js';
import { collect } from '../../src/collect/site.js';
import { parseDate } from '../../src/content/dates.js';
import { locales } from '../../src/locales.js';
import { makeArticle } from '../helpers/articles.js';

const now = parseDate('2024-05-12T09:00').epochMs;
const past = makeArticle({ title: 'Đã đăng', date: '2024-05-12T08:59' });
const dueNow = makeArticle({ title: 'Đúng giờ', date: '2024-05-12T09:00' });
const soon = makeArticle({ title: 'Sắp đăng', date: '2024-05-12T09:30' });
const later = makeArticle({ title: 'Tuần sau', date: '2024-05-19' });
const futureDraft = makeArticle({ title: 'Nháp tương lai', date: '2024-05-13', draft: true });

describe('scheduled articles', () => {
  it('leaves articles dated after now out, and keeps one due this very minute', () => {
    expect([past, dueNow, soon].map((a) => isPublished(a, { drafts: false, now }))).toEqual([true, true, false]);
  });

  it('keeps them with --future', () => {
    expect(isPublished(soon, { drafts: false, future: true, now })).toBe(true);
  });

  it('still leaves drafts out with --future, unless --drafts', () => {
    expect(isPublished(futureDraft, { drafts: false, future: true, now })).toBe(false);
    expect(isPublished(futureDraft, { drafts: true, future: true, now })).toBe(true);
  });

  it('lists what is waiting, soonest first, drafts not counted', () => {
    const waiting = scheduledArticles([later, past, futureDraft, soon], { drafts: false, now });
    expect(waiting.map((a) => a.title)).toEqual(['Sắp đăng', 'Tuần sau']);
    expect(scheduledArticles([later, soon], { drafts: false, future: true, now })).toEqual([]);
  });

  it('keeps scheduled articles out of the collected site: listings, sections and links', () => {
    const site = collect([past, soon], { drafts: false, now, routes: locales.vi.routes, relatedCount: 3 }, []);
    expect(site.articles.map((a) => a.title)).toEqual(['Đã đăng']);
    expect(site.links.get(past)?.next).toBeUndefined();
  });
});
