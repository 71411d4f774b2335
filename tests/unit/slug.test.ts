import { describe, expect, it } from 'vitest';
import { slugFromFile, slugFromTitle, slugProblem } from '../../src/content/slug.js';
import { termSlug } from '../../src/collect/taxonomies.js';
import { parseDate } from '../../src/content/dates.js';
import { permalink } from '../../src/content/permalink.js';
import slugify from '@sindresorhus/slugify';
import { said } from '../helpers/messages.js';

describe('slugFromTitle', () => {
  it('removes every tone mark and turns đ into d', () => {
    expect(slugFromTitle('Bắc Kạn tiếp tục nhân rộng mô hình tự quản')).toBe('bac-kan-tiep-tuc-nhan-rong-mo-hinh-tu-quan');
    expect(slugFromTitle('Đường về Đồng Đăng đẹp lắm')).toBe('duong-ve-dong-dang-dep-lam');
    expect(slugFromTitle('Ưu tiên ươm giống, chống hạn ở Ba Bể')).toBe('uu-tien-uom-giong-chong-han-o-ba-be');
  });

  it('gives the same slug for NFC and NFD spellings', () => {
    const title = 'Hộ an toàn – Thôn, bản, tổ dân phố bình yên';
    expect(title.normalize('NFD')).not.toBe(title.normalize('NFC'));
    expect(slugFromTitle(title.normalize('NFD'))).toBe(slugFromTitle(title.normalize('NFC')));
    expect(slugFromTitle(title.normalize('NFD'))).toBe('ho-an-toan-thon-ban-to-dan-pho-binh-yen');
  });

  it('keeps numbers and drops punctuation', () => {
    expect(slugFromTitle('“847/1.310 thôn” tham gia: 76.303 hộ!')).toBe('847-1-310-thon-tham-gia-76-303-ho');
  });

  it('gives nothing for a title with no Latin letters or digits', () => {
    expect(slugFromTitle('日本語')).toBe('');
    expect(slugFromTitle('—')).toBe('');
  });
});

describe('slugFromFile', () => {
  it('uses the file name', () => {
    expect(slugFromFile('2020/09/Tin-Mới.md')).toBe('tin-moi');
  });

  it('is stable for a file name with no usable letters', () => {
    const slug = slugFromFile('2020/09/日本語.md');
    expect(slug).toMatch(/^bai-[0-9a-f]{10}$/);
    expect(slugFromFile('2020/09/日本語.md')).toBe(slug);
    expect(slugFromFile('2020/10/日本語.md')).not.toBe(slug);
  });
});

describe('slugProblem', () => {
  it.each(['tin-moi', 'le-khai-giang-2020', 'a', 'v1.2'])('accepts %j', (slug) => {
    expect(slugProblem(slug)).toBeUndefined();
  });

  it.each(['../x', '/etc', 'a/b', 'a\\b', '..', '%2e%2e%2fx', 'x\0y'])('refuses %j as leaving the site', (slug) => {
    expect(said(slugProblem(slug))).toMatch(/would leave the site folder/);
  });

  it.each(['Tin Mới', 'tin moi', '-x', 'UPPER'])('refuses %j with a suggestion', (slug) => {
    expect(said(slugProblem(slug))).toMatch(/lowercase a-z/);
  });
});

describe('slugFromTitle agrees with slugify', () => {
  // The quick path for Vietnamese titles must give what @sindresorhus/slugify gives, always.
  const letters = [
    ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ',
    ...'ÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ0123456789 ,.:;!?"()-–—“”…/%&\'’äöüñçåøßÆœ_[]{}*+=<>@#$^`|~\\ZQWFJ日',
  ];
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const titles = Array.from({ length: 20_000 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 24) }, () => letters[Math.floor(random() * letters.length)]).join(''),
  );

  it('on 20,000 random titles of Vietnamese letters, digits, punctuation and other scripts, NFC and NFD', () => {
    const reference = (title: string) => slugify(title.normalize('NFC'), { customReplacements: [['&', ' và ']] });
    const differ = titles.flatMap((title) => [title, title.normalize('NFD')]).filter((title) => slugFromTitle(title) !== reference(title));
    expect(differ).toEqual([]);
  });
});

describe('addresses in the site\'s language', () => {
  it('says "&" as "và" on a Vietnamese site and "and" on an English one', () => {
    expect(slugFromTitle('Thương mại & Đầu tư')).toBe('thuong-mai-va-dau-tu');
    expect(slugFromTitle('Trade & Investment', 'en')).toBe('trade-and-investment');
    expect(termSlug('Security & order', 'en')).toBe('security-and-order');
    expect(termSlug('Security & order', 'vi')).toBe('security-va-order');
  });

  it('gives names without letters, and articles without a section, stand-ins in the site\'s language', () => {
    expect(slugFromFile('2020/09/日本.md', 'en')).toMatch(/^article-[0-9a-f]{10}$/);
    expect(slugFromFile('2020/09/日本.md')).toMatch(/^bai-[0-9a-f]{10}$/);
    expect(termSlug('日本', 'en')).toMatch(/^term-[0-9a-f]{8}$/);
    const publishedAt = parseDate('2020-09-08', 'Asia/Ho_Chi_Minh');
    expect(permalink('/:category/:slug/', { slug: 'a', publishedAt, language: 'en' }).url).toBe('news/a/');
    expect(permalink('/:category/:slug/', { slug: 'a', publishedAt }).url).toBe('tin/a/');
  });
});
