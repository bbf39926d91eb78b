import { describe, expect, it } from 'vitest';
import {
  checkDateTime,
  formatDayHeading,
  getClockTime,
  getDayGap,
  getLocalDate,
  getSortInstant,
  isCalendarDate,
  isTimeZone,
} from '../../src/lib/dates';

describe('clock times', () => {
  it('shows a minute-precision time in the place’s zone, with its offset and UTC', () => {
    const clock = getClockTime({ date: '2024-01-18T04:05+03:30', precision: 'minute', timeZone: 'Asia/Tehran' });
    expect(clock).toEqual({ local: '04:05', offset: 'UTC+03:30', utc: '00:35 UTC', utcIso: '2024-01-18T00:35:00Z' });
  });

  it('names the UTC date when it is not the local date', () => {
    const clock = getClockTime({ date: '2024-01-17T01:30+05:00', precision: 'minute', timeZone: 'Asia/Karachi' });
    expect(clock.local).toBe('01:30');
    expect(clock.utc).toBe('20:30 UTC, 16 Jan');
  });

  it('handles a zone west of UTC and its daylight-saving offset', () => {
    const clock = getClockTime({ date: '2024-07-04T23:15-04:00', precision: 'minute', timeZone: 'America/New_York' });
    expect(clock).toMatchObject({ local: '23:15', offset: 'UTC-04:00', utc: '03:15 UTC, 5 Jul' });
  });
});

describe('local dates', () => {
  it('keeps the date where the event happened, not the UTC date', () => {
    expect(getLocalDate({ date: '2024-01-17T01:30+05:00', precision: 'minute', timeZone: 'Asia/Karachi' })).toBe('2024-01-17');
    expect(getLocalDate({ date: '2024-01-16T23:50-05:00', precision: 'minute', timeZone: 'America/New_York' })).toBe('2024-01-16');
  });

  it('keeps a day or part of a day as written', () => {
    expect(getLocalDate({ date: '2024-01-18', precision: 'early-morning', timeZone: 'Pacific/Kiritimati' })).toBe('2024-01-18');
    expect(getLocalDate({ date: '2024-01-18', precision: 'day', timeZone: 'Pacific/Pago_Pago' })).toBe('2024-01-18');
  });

  it('formats day headings with the weekday, whatever the zone', () => {
    expect(formatDayHeading('2024-01-16')).toBe('Tuesday 16 January 2024');
    expect(formatDayHeading('2024-01-18')).toBe('Thursday 18 January 2024');
  });
});

describe('sort instants', () => {
  it('places parts of the day in their order within the local day', () => {
    const at = (precision: 'early-morning' | 'morning' | 'day' | 'afternoon' | 'evening' | 'late-evening') =>
      getSortInstant({ date: '2024-01-17', precision, timeZone: 'Asia/Karachi' }).getTime();
    expect(at('early-morning')).toBeLessThan(at('morning'));
    expect(at('morning')).toBeLessThan(at('day'));
    expect(at('day')).toBeLessThan(at('afternoon'));
    expect(at('afternoon')).toBeLessThan(at('evening'));
    expect(at('evening')).toBeLessThan(at('late-evening'));
  });

  it('reads a part of a day in the place’s zone', () => {
    const karachi = getSortInstant({ date: '2024-01-16', precision: 'late-evening', timeZone: 'Asia/Karachi' });
    expect(karachi.toISOString()).toBe('2024-01-16T17:00:00.000Z');
  });
});

describe('validation helpers', () => {
  it('accepts a date-time whose offset is the zone’s', () => {
    expect(checkDateTime('2024-01-18T04:05+03:30', 'Asia/Tehran')).toBeUndefined();
  });

  it('rejects an offset that is not the zone’s at that time', () => {
    expect(checkDateTime('2024-01-18T04:05+05:00', 'Asia/Tehran')).toMatch(/not the offset of Asia\/Tehran.*\+03:30/);
  });

  it('rejects a date-time without an offset, and impossible values', () => {
    expect(checkDateTime('2024-01-18T04:05', 'Asia/Tehran')).toMatch(/offset/);
    expect(checkDateTime('2024-02-30T04:05+03:30', 'Asia/Tehran')).toMatch(/not a real date/);
    expect(checkDateTime('2024-01-18T25:05+03:30', 'Asia/Tehran')).toMatch(/not a real date/);
  });

  it('knows real calendar dates and IANA zones', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('18 January 2024')).toBe(false);
    expect(isTimeZone('Asia/Karachi')).toBe(true);
    expect(isTimeZone('Asia/Lahore')).toBe(false);
    expect(isTimeZone('PKT')).toBe(false);
  });

  it('counts calendar days between dates across month ends', () => {
    expect(getDayGap('2024-01-29', '2024-02-01')).toBe(3);
    expect(getDayGap('2024-01-18', '2024-01-19')).toBe(1);
  });
});
