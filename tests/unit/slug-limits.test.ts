import { describe, expect, it } from 'vitest';
import { slugFromFile, slugFromTitle, slugProblem } from '../../src/content/slug.js';
import { said } from '../helpers/messages.js';

describe('slug length', () => {
  it('cuts a slug made from a very long title at a word, within 100 characters', () => {
    const title = 'Hội nghị tổng kết công tác phòng chống thiên tai và tìm kiếm cứu nạn năm 2020, triển khai nhiệm vụ năm 2021 của tỉnh Bắc Kạn';
    const slug = slugFromTitle(title);
    expect(slug.length).toBeLessThanOrEqual(100);
    expect(slug).toMatch(/^hoi-nghi-tong-ket-cong-tac-phong-chong-thien-tai-.*[a-z0-9]$/);
    expect(slugFromTitle(title + ' thêm')).toBe(slug);
  });

  it('a megabyte of title or file name still makes a short slug', () => {
    expect(slugFromTitle('tin '.repeat(250_000)).length).toBeLessThanOrEqual(100);
    expect(slugFromTitle('x'.repeat(1_000_000))).toHaveLength(100);
    expect(slugFromFile('a'.repeat(250) + '.md').length).toBeLessThanOrEqual(100);
  });

  it('refuses a hand-written slug longer than 200 characters', () => {
    expect(slugProblem('a'.repeat(200))).toBeUndefined();
    expect(said(slugProblem('a'.repeat(201)))).toMatch(/201 characters long; keep it under 200/);
  });
});
