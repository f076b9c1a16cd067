// Dates of the input model: ISO 8601 strings, read as UTC when they carry no time zone.
import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const HAS_TIME_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Milliseconds since the epoch of an ISO 8601 date or date-time; NaN when it is not one.
 * A date-time without a zone is UTC (not the machine's local time), so results never depend on
 * where kolmap runs. A date alone is midnight UTC.
 */
export function toEpochMs(date: string): number {
  if (!ISO_DATE.test(date) || !isCalendarDay(date.slice(0, 10))) return Number.NaN;
  const withZone = date.length > 10 && !HAS_TIME_ZONE.test(date) ? `${date}Z` : date;
  return Date.parse(withZone.replace(' ', 'T'));
}

/** An ISO 8601 date or date-time; stored as the original string, checked to be a real date. */
export const dateSchema = z.string().refine((value) => !Number.isNaN(toEpochMs(value)), {
  message: 'expected an ISO 8601 date such as 2024-03-01 or 2024-03-01T12:00:00Z',
});

/** False for days a calendar does not have, such as 2024-02-30 (which Date.parse rolls over). */
function isCalendarDay(day: string): boolean {
  const [year = 0, month = 0, date = 0] = day.split('-').map(Number);
  const check = new Date(Date.UTC(year, month - 1, date));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === date;
}
