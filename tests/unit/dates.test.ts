import { afterEach, describe, expect, it } from 'vitest';
import { DateError, formatDayMonthYear, parseDate, toIsoString, weekday } from '../../src/content/dates.js';
import { locales } from '../../src/locales.js';

describe('parseDate', () => {
  it('gives the offset of the moment itself in a zone with daylight saving, every hour around both changes', () => {
    // Remembered offsets must never carry over a change: each hour is checked against Intl directly.
    const offsetOf = (epochMs: number) => {
      const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
        .formatToParts(new Date(epochMs)).find((part) => part.type === 'timeZoneName')!.value;
      return name === 'GMT' ? '+00:00' : name.slice(3);
    };
    for (const day of ['2021-03-27', '2021-03-28', '2021-10-30', '2021-10-31']) {
      for (let hour = 0; hour < 24; hour++) {
        if (day === '2021-03-28' && hour === 2) continue; // 02:00-03:00 does not exist that night
        const date = parseDate(`${day}T${String(hour).padStart(2, '0')}:30:00`, 'Europe/Berlin');
        expect(toIsoString(date).slice(-6)).toBe(offsetOf(date.epochMs));
        expect(date.hour).toBe(hour);
      }
    }
    expect(toIsoString(parseDate('2021-03-28T01:30:00', 'Europe/Berlin'))).toBe('2021-03-28T01:30:00+01:00');
    expect(toIsoString(parseDate('2021-03-28T03:30:00', 'Europe/Berlin'))).toBe('2021-03-28T03:30:00+02:00');
  });

  it('reads an ISO date as a calendar date in Vietnam', () => {
    const date = parseDate('2020-09-08');
    expect(formatDayMonthYear(date)).toBe('08/09/2020');
    expect(toIsoString(date)).toBe('2020-09-08T00:00:00+07:00');
    expect(date.hasTime).toBe(false);
  });

  it('reads the Vietnamese day/month/year order', () => {
    expect(toIsoString(parseDate('08/09/2020'))).toBe('2020-09-08T00:00:00+07:00');
    expect(toIsoString(parseDate('8/9/2020 14:30'))).toBe('2020-09-08T14:30:00+07:00');
  });

  it('reads a date-time with an offset and shows it in the site time zone', () => {
    expect(toIsoString(parseDate('2020-09-08T14:30:00+07:00'))).toBe('2020-09-08T14:30:00+07:00');
    // 23:30 UTC is already the next morning in Hanoi.
    const late = parseDate('2020-09-08T23:30:00Z');
    expect(formatDayMonthYear(late)).toBe('09/09/2020');
    expect(toIsoString(late)).toBe('2020-09-09T06:30:00+07:00');
  });

  it('reads a date-time without offset as wall time in the site time zone', () => {
    expect(toIsoString(parseDate('2020-09-08T14:30'))).toBe('2020-09-08T14:30:00+07:00');
    expect(toIsoString(parseDate('2020-07-01 09:00', 'Europe/Paris'))).toBe('2020-07-01T09:00:00+02:00');
  });

  it.each(['31/02/2020', '2020-13-01', '2021-02-29', '2020-09-08T25:00', '32/01/2020', 'hôm qua', 'yes', ''])(
    'refuses %j',
    (text) => {
      expect(() => parseDate(text)).toThrow(DateError);
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(formatDayMonthYear(parseDate('29/02/2020'))).toBe('29/02/2020');
  });

  it('says what is wrong with an impossible date', () => {
    expect(() => parseDate('31/02/2020')).toThrow(/month 2 of 2020 has 29 days/);
  });
});

describe('weekdays', () => {
  it('names 08/09/2020 Thứ Ba', () => {
    const date = parseDate('2020-09-08');
    expect(weekday(date)).toBe(2);
    expect(locales.vi.formatLongDate(date)).toBe('Thứ Ba, 08/09/2020');
    expect(locales.en.formatLongDate(date)).toBe('Tuesday, 8 September 2020');
  });

  it('names Sunday Chủ Nhật', () => {
    expect(locales.vi.formatLongDate(parseDate('2020-09-06'))).toBe('Chủ Nhật, 06/09/2020');
  });
});

describe('whatever the time zone of the machine that builds', () => {
  const samples = ['2020-09-08', '08/09/2020', '2020-09-08T14:30:00+07:00', '2020-12-31T23:30:00Z'];
  const expected = [
    'Thứ Ba, 08/09/2020 2020-09-08T00:00:00+07:00',
    'Thứ Ba, 08/09/2020 2020-09-08T00:00:00+07:00',
    'Thứ Ba, 08/09/2020 2020-09-08T14:30:00+07:00',
    'Thứ Sáu, 01/01/2021 2021-01-01T06:30:00+07:00',
  ];
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each([
    ['America/Los_Angeles', 420],
    ['Pacific/Kiritimati', -840],
    ['UTC', 0],
  ])('gives the same dates under TZ=%s', (tz, machineOffset) => {
    // Node re-reads TZ when it is assigned: prove the machine's clock really moved.
    process.env.TZ = tz;
    expect(new Date(Date.UTC(2020, 8, 8)).getTimezoneOffset()).toBe(machineOffset);
    const shown = samples.map((text) => {
      const date = parseDate(text);
      return `${locales.vi.formatLongDate(date)} ${toIsoString(date)}`;
    });
    expect(shown).toEqual(expected);
  });
});
