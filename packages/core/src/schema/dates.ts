// Dates of the input model: ISO 8601 strings, read as UTC when they carry no time zone.
// Parsed by hand (no regex, no Date.parse): a million records hold a million dates.
import { z } from 'zod';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Milliseconds since the epoch of an ISO 8601 date (`2024-03-01`) or date-time
 * (`2024-03-01T12:00`, `…:30`, `…:30.250`, then `Z`, `+02:00` or `+0200`; a space may stand for
 * `T`); NaN when it is not one or names a day the calendar does not have (2024-02-30).
 * A date-time without a zone is UTC (not the machine's local time), so results never depend on
 * where kolmap runs. A date alone is midnight UTC.
 */
export function toEpochMs(text: string): number {
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || !isDay(year, month, day)) {
    return Number.NaN;
  }
  if (text.length === 10) return Date.UTC(year, month - 1, day);
  const separator = text[10];
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if ((separator !== 'T' && separator !== ' ') || text[13] !== ':' || hour > 23 || minute > 59) {
    return Number.NaN;
  }
  let at = 16;
  let second = 0;
  let millisecond = 0;
  if (text[at] === ':') {
    second = digits(text, at + 1, 2);
    if (second > 59) return Number.NaN;
    at += 3;
    if (text[at] === '.') {
      const start = ++at;
      while (at < text.length && isDigit(text.charCodeAt(at))) at++;
      if (at === start) return Number.NaN;
      millisecond = Math.floor(Number(`0.${text.slice(start, at)}`) * 1000);
    }
  }
  const offset = zoneOffsetMinutes(text, at);
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offset * 60_000;
}

/** Minutes east of UTC of the zone at `at` (empty or `Z` is 0); NaN when malformed. */
function zoneOffsetMinutes(text: string, at: number): number {
  if (at === text.length || (text[at] === 'Z' && at + 1 === text.length)) return 0;
  const sign = text[at] === '+' ? 1 : text[at] === '-' ? -1 : 0;
  const colon = text[at + 3] === ':' ? 1 : 0;
  const hours = digits(text, at + 1, 2);
  const minutes = digits(text, at + 3 + colon, 2);
  if (sign === 0 || at + 5 + colon !== text.length || hours > 23 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes);
}

/** The number written by `length` digits at `start`, or NaN when one of them is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return Number.NaN;
    value = value * 10 + (code - 48);
  }
  return value;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isDay(year: number, month: number, day: number): boolean {
  if (!(month >= 1 && month <= 12 && day >= 1)) return false;
  if (month === 2 && day === 29) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (DAYS_IN_MONTH[month - 1] as number);
}

/** An ISO 8601 date or date-time; stored as the original string, checked to be a real date. */
export const dateSchema = z.string().refine((value) => !Number.isNaN(toEpochMs(value)), {
  message: 'expected an ISO 8601 date such as 2024-03-01 or 2024-03-01T12:00:00Z',
});
