/**
 * Every date and time the site prints goes through this module. Nothing here reads
 * the machine's time zone: a calendar date is handled in UTC, an instant is always
 * formatted in an explicit IANA zone, so the built HTML is the same under any `TZ`.
 */
// Each function from its own module: the package's index loads all of date-fns (2 s).
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { TZDate, tz } from '@date-fns/tz';
import { remember } from './remember.ts';

/** How much of the time of an event its sources give. */
export const PRECISIONS = [
  'minute',
  'early-morning',
  'morning',
  'afternoon',
  'evening',
  'late-evening',
  'day',
] as const;

export type Precision = (typeof PRECISIONS)[number];

/** The parts of a day a source may name instead of a clock time. */
export type PartOfDay = Exclude<Precision, 'minute' | 'day'>;

/** When an event happened, as an editor writes it in front matter. */
export interface When {
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm±HH:MM` when the precision is `minute`. */
  date: string;
  precision: Precision;
  /** IANA zone of the place, e.g. `Asia/Karachi`. */
  timeZone: string;
}

// Each look-up below is remembered: a site prints the same days and times on many pages,
// and date-fns asks Intl for a zone's offset each time (a tenth of a build's rendering).
const UTC = tz('UTC');

// Where an event with no clock time sorts among the events of its day. Used only to
// order events, never shown: the reader sees the part of day the source named.
const SORT_HOUR: Record<Exclude<Precision, 'minute'>, number> = {
  'early-morning': 3,
  morning: 9,
  day: 12,
  afternoon: 15,
  evening: 19,
  'late-evening': 22,
};

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * @param zone a candidate IANA time zone name
 * @returns whether the runtime knows the zone
 */
export const isTimeZone: (zone: string) => boolean = remember((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    // Intl also takes abbreviations such as "EST", which are not places.
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
});

/**
 * @param value a candidate calendar date
 * @returns whether it is a real `YYYY-MM-DD` date (no 30 February)
 */
export function isCalendarDate(value: string): boolean {
  const match = DATE_RE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** @returns whether `value` is a clock time as written, `HH:MM`, from 00:00 to 23:59 */
export function isClockTime(value: string): boolean {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  return match !== null && Number(match[1]) <= 23 && Number(match[2]) <= 59;
}

/**
 * @param now the moment of the build
 * @param timeZone an IANA zone
 * @returns the calendar date in that zone at that moment, `YYYY-MM-DD`
 */
export function getDateIn(now: Date, timeZone: string): string {
  return format(now, 'yyyy-MM-dd', { in: tz(timeZone) });
}

/**
 * Checks a minute-precision date-time: real calendar values, an explicit offset,
 * and an offset that is the zone's own offset at that instant.
 *
 * @returns an error message for an editor, or `undefined` when the value is good
 */
export function checkDateTime(value: string, timeZone: string): string | undefined {
  const match = DATE_TIME_RE.exec(value);
  if (!match) {
    return `"${value}" is not a date-time with an offset, such as "2024-01-18T04:05+03:30"`;
  }
  const [, y, mo, d, h, mi, , offset] = match;
  if (!isCalendarDate(`${y}-${mo}-${d}`) || Number(h) > 23 || Number(mi) > 59) {
    return `"${value}" is not a real date and time`;
  }
  const zoneOffset = format(new Date(value), 'xxx', { in: tz(timeZone) });
  const given = offset === 'Z' ? '+00:00' : offset;
  if (given !== zoneOffset) {
    return `offset ${given} of "${value}" is not the offset of ${timeZone} at that time (${zoneOffset})`;
  }
  return undefined;
}

/**
 * @returns the instant an event sorts by: its own time, or, for a day or part of
 *   a day, a fixed hour of that local day
 */
export function getSortInstant(when: When): Date {
  if (when.precision === 'minute') return new Date(when.date);
  return new Date(startOfHour(`${when.date} ${SORT_HOUR[when.precision]} ${when.timeZone}`));
}

// `YYYY-MM-DD H Zone` → that hour's start where the zone is, in milliseconds.
const startOfHour = remember((key) => {
  const [date = '', hour = '', zone = ''] = key.split(' ');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, Number(hour), 0, zone).getTime();
});

/** @returns the event's calendar date where it happened, `YYYY-MM-DD` */
export function getLocalDate(when: When): string {
  if (when.precision !== 'minute') return when.date;
  return localDateOf(`${when.date} ${when.timeZone}`);
}

// `instant Zone` → the calendar date there.
const localDateOf = remember((key) => {
  const [instant = '', zone = ''] = key.split(' ');
  return format(new Date(instant), 'yyyy-MM-dd', { in: tz(zone) });
});

function dateAtUtcNoon(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** @returns e.g. "Thursday 18 January 2024" for `2024-01-18` */
export const formatDayHeading: (date: string) => string = remember((date) => format(dateAtUtcNoon(date), 'EEEE d MMMM yyyy', { in: UTC }));

/** @returns e.g. "18 January 2024" for `2024-01-18` */
export const formatDate: (date: string) => string = remember((date) => format(dateAtUtcNoon(date), 'd MMMM yyyy', { in: UTC }));

/** A minute-precision time, as the place's clock and as UTC. */
export interface ClockTime {
  /** e.g. "04:05" */
  local: string;
  /** e.g. "UTC+03:30" */
  offset: string;
  /** e.g. "00:35 UTC" and, when the UTC date differs, "23:30 UTC, 17 Jan" */
  utc: string;
  /** ISO 8601 in UTC, e.g. "2024-01-18T00:35:00Z" */
  utcIso: string;
}

/** @returns the clock times of a minute-precision `when` */
export function getClockTime(when: When): Readonly<ClockTime> {
  return clockTimeOf(`${when.date} ${when.timeZone}`);
}

// `instant Zone` → its clock times there and in UTC.
const clockTimeOf = remember((key): Readonly<ClockTime> => {
  const [date = '', timeZone = ''] = key.split(' ');
  const instant = new Date(date);
  const zone = tz(timeZone);
  const sameUtcDay = format(instant, 'yyyy-MM-dd', { in: UTC }) === localDateOf(key);
  return {
    local: format(instant, 'HH:mm', { in: zone }),
    offset: `UTC${format(instant, 'xxx', { in: zone })}`,
    utc: format(instant, sameUtcDay ? "HH:mm 'UTC'" : "HH:mm 'UTC', d MMM", { in: UTC }),
    utcIso: instant.toISOString().replace('.000Z', 'Z'),
  };
});

/**
 * @param earlier a `YYYY-MM-DD` date
 * @param later a `YYYY-MM-DD` date
 * @returns how many calendar days lie between them
 */
export function getDayGap(earlier: string, later: string): number {
  return differenceInCalendarDays(dateAtUtcNoon(later), dateAtUtcNoon(earlier), { in: UTC });
}

/**
 * @returns an RFC 3339 date-time for feeds: the event's own time, or for a day or
 *   part of a day, the start of that day in the place's zone (feeds have no way to
 *   say "that day"; the local date is kept)
 */
export function getFeedDateTime(when: When): string {
  return feedDateTimeOf(`${when.precision === 'minute' ? 'at' : 'day'} ${when.date} ${when.timeZone}`);
}

// `at instant Zone` or `day YYYY-MM-DD Zone` → RFC 3339 in that zone.
const feedDateTimeOf = remember((key) => {
  const [kind, date = '', zone = ''] = key.split(' ');
  if (kind === 'at') return format(new Date(date), "yyyy-MM-dd'T'HH:mm:ssxxx", { in: tz(zone) });
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(new TZDate(y, m - 1, d, 0, 0, zone), "yyyy-MM-dd'T'HH:mm:ssxxx", { in: tz(zone) });
});

/** @returns an RFC 822 date for RSS, e.g. "Thu, 18 Jan 2024 00:00:00 +0330" */
export function toRfc822(dateTime: string): string {
  const offset = dateTime.slice(-6).replace(':', '');
  const local = new Date(`${dateTime.slice(0, 19)}Z`);
  return `${format(local, 'EEE, dd MMM yyyy HH:mm:ss', { in: UTC })} ${offset}`;
}

/** @returns e.g. "January 2024" for `2024-01` */
export const formatMonth: (month: string) => string = remember((month) => format(dateAtUtcNoon(`${month}-01`), 'MMMM yyyy', { in: UTC }));
