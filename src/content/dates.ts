// Bulletin dates: calendar dates and wall-clock times in the site's time zone, never the build machine's.
import { msg, say, type Message } from '../messages/index.js';
import { quoted } from '../errors.js';

/** A moment as the newsroom wrote it, resolved in the site's time zone. */
export interface PublishedAt extends WallClock {
  /** Offset of the site's time zone from UTC at that moment, in minutes (420 for +07:00). */
  offsetMinutes: number;
  /** Whether the source gave a time of day, or only a date. */
  hasTime: boolean;
  /** Milliseconds since the epoch: for sorting and feeds. */
  epochMs: number;
}

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const VIETNAMESE_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2})[:h](\d{2}))?$/;

/** Thrown for a value that is not a date; the caller adds the file and line. */
export class DateError extends Error {
  constructor(readonly detail: Message) {
    super(say(detail, 'en'));
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows this IANA time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    wallClockFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** A week: no time zone changes its offset twice, there and back, within one. */
const SPAN_MS = 7 * 86_400_000;
/** Offsets of whole UTC weeks in which the zone's offset does not change (null: it does). */
const spanOffsets = new Map<string, number | null>();

/**
 * The time zone's offset from UTC, in minutes, at the given instant. Asking Intl costs tens of
 * microseconds, so a week whose offset is the same at its start and its end is remembered.
 */
function offsetAt(epochMs: number, timeZone: string): number {
  const span = Math.floor(epochMs / SPAN_MS);
  const key = `${timeZone}|${span}`;
  let known = spanOffsets.get(key);
  if (known === undefined) {
    const start = askOffset(span * SPAN_MS, timeZone);
    known = start === askOffset((span + 1) * SPAN_MS - 1000, timeZone) ? start : null;
    if (spanOffsets.size > 100_000) spanOffsets.clear();
    spanOffsets.set(key, known);
  }
  return known ?? askOffset(epochMs, timeZone);
}

function askOffset(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormatter(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!,
  );
  return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/** A date and time of day as a clock on the wall shows it. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkWallClock(wall: WallClock, source: string): void {
  const { year, month, day, hour, minute, second } = wall;
  if (month < 1 || month > 12) {
    throw new DateError(msg('date.month', { source: quoted(source), month }));
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new DateError(msg('date.day', { source: quoted(source), month, year, days: daysInMonth(year, month) }));
  }
  if (hour > 23 || minute > 59 || second > 59) {
    throw new DateError(msg('date.time', { source: quoted(source) }));
  }
}

function fromWallClock(wall: WallClock, hasTime: boolean, timeZone: string): PublishedAt {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // Two passes settle the offset even next to a daylight-saving change.
  let offsetMinutes = offsetAt(asUtc, timeZone);
  offsetMinutes = offsetAt(asUtc - offsetMinutes * 60_000, timeZone);
  return dated(wall, hasTime, offsetMinutes, asUtc - offsetMinutes * 60_000);
}

/**
 * Every date of a site in one object shape. (Spread into a literal, `{ ...wall, hasTime }` gave
 * each of 20,000 dates a hidden class of its own in V8: 300 bytes apiece.)
 */
function dated(wall: WallClock, hasTime: boolean, offsetMinutes: number, epochMs: number): PublishedAt {
  return {
    year: wall.year, month: wall.month, day: wall.day,
    hour: wall.hour, minute: wall.minute, second: wall.second,
    hasTime, offsetMinutes, epochMs,
  };
}

function fromInstant(epochMs: number, timeZone: string): PublishedAt {
  const offsetMinutes = offsetAt(epochMs, timeZone);
  const wall = new Date(epochMs + offsetMinutes * 60_000);
  return dated(
    {
      year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(),
      hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds(),
    },
    true, offsetMinutes, epochMs,
  );
}

function parseOffset(text: string): number {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  return sign * (hours * 60 + minutes);
}

/**
 * Reads a front-matter date: `2020-09-08`, `2020-09-08T14:30:00+07:00` (or without offset,
 * meaning the site's time zone), or the Vietnamese day/month/year `08/09/2020`.
 */
export function parseDate(source: string, timeZone: string = DEFAULT_TIME_ZONE): PublishedAt {
  const text = source.trim();
  let match = ISO_DATE.exec(text);
  if (match) {
    const wall = { year: +match[1]!, month: +match[2]!, day: +match[3]!, hour: 0, minute: 0, second: 0 };
    checkWallClock(wall, text);
    return fromWallClock(wall, false, timeZone);
  }
  match = ISO_DATE_TIME.exec(text);
  if (match) {
    const wall = {
      year: +match[1]!, month: +match[2]!, day: +match[3]!,
      hour: +match[4]!, minute: +match[5]!, second: +(match[6] ?? 0),
    };
    checkWallClock(wall, text);
    if (match[7] === undefined) return fromWallClock(wall, true, timeZone);
    const offset = parseOffset(match[7]);
    if (Math.abs(offset) > 18 * 60) throw new DateError(msg('date.offset', { source: quoted(text) }));
    const instant = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
    return fromInstant(instant - offset * 60_000, timeZone);
  }
  match = VIETNAMESE_DATE.exec(text);
  if (match) {
    const hasTime = match[4] !== undefined;
    const wall = {
      year: +match[3]!, month: +match[2]!, day: +match[1]!,
      hour: hasTime ? +match[4]! : 0, minute: hasTime ? +match[5]! : 0, second: 0,
    };
    checkWallClock(wall, text);
    return fromWallClock(wall, hasTime, timeZone);
  }
  throw new DateError(msg('date.unknown', { source: quoted(text) }));
}

/** The moment `epochMs` in the site's time zone: for "now" in `bantin new` and scheduling. */
export function atInstant(epochMs: number, timeZone: string = DEFAULT_TIME_ZONE): PublishedAt {
  return fromInstant(epochMs, timeZone);
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** ISO 8601 with the site's offset, for `<time datetime>`, feeds and structured data. */
export function toIsoString(date: PublishedAt): string {
  const sign = date.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(date.offsetMinutes);
  return (
    `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}` +
    `T${pad(date.hour)}:${pad(date.minute)}:${pad(date.second)}` +
    `${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`
  );
}

/** Day of the week of the calendar date, 0 = Sunday: pure arithmetic, no machine time zone. */
export function weekday(date: Pick<PublishedAt, 'year' | 'month' | 'day'>): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** `08/09/2020`, the way Vietnamese readers write a date. */
export function formatDayMonthYear(date: PublishedAt): string {
  return `${pad(date.day)}/${pad(date.month)}/${pad(date.year, 4)}`;
}

/** `14:30`, or an empty string when the source gave no time of day. */
export function formatTime(date: PublishedAt): string {
  return date.hasTime ? `${pad(date.hour)}:${pad(date.minute)}` : '';
}

const RFC822_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const RFC822_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 with the site's offset, for RSS: `Tue, 08 Sep 2020 00:00:00 +0700`. */
export function toRfc822String(date: PublishedAt): string {
  const sign = date.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(date.offsetMinutes);
  return (
    `${RFC822_DAYS[weekday(date)]}, ${pad(date.day)} ${RFC822_MONTHS[date.month - 1]} ${date.year} ` +
    `${pad(date.hour)}:${pad(date.minute)}:${pad(date.second)} ${sign}${pad(Math.floor(offset / 60))}${pad(offset % 60)}`
  );
}
