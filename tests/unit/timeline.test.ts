import { describe, expect, it } from 'vitest';
import type { When } from '../../src/lib/dates';
import { groupByDay, sortEvents } from '../../src/lib/timeline';

const event = (id: string, when: When) => ({ id, data: { when } });

describe('sortEvents', () => {
  const sameDay = [
    event('2024-01-17-c-late', { date: '2024-01-17', precision: 'late-evening', timeZone: 'Asia/Karachi' }),
    event('2024-01-17-b-day', { date: '2024-01-17', precision: 'day', timeZone: 'Asia/Karachi' }),
    event('2024-01-17-a-early', { date: '2024-01-17', precision: 'early-morning', timeZone: 'Asia/Karachi' }),
    event('2024-01-17-d-minute', { date: '2024-01-17T10:15+05:00', precision: 'minute', timeZone: 'Asia/Karachi' }),
  ];

  it('orders the events of one day by their time or part of day', () => {
    expect(sortEvents(sameDay).map((e) => e.id)).toEqual([
      '2024-01-17-a-early',
      '2024-01-17-d-minute',
      '2024-01-17-b-day',
      '2024-01-17-c-late',
    ]);
  });

  it('gives the same order whatever order the files were read in', () => {
    const expected = sortEvents(sameDay).map((e) => e.id);
    expect(sortEvents([...sameDay].reverse()).map((e) => e.id)).toEqual(expected);
    const [a, b, c, d] = sameDay;
    expect(sortEvents([c, a, d, b].filter((e) => e !== undefined)).map((e) => e.id)).toEqual(expected);
  });

  it('breaks exact ties by slug', () => {
    const tie = [
      event('2024-01-18-b', { date: '2024-01-18', precision: 'day', timeZone: 'Asia/Tehran' }),
      event('2024-01-18-a', { date: '2024-01-18', precision: 'day', timeZone: 'Asia/Tehran' }),
    ];
    expect(sortEvents(tie).map((e) => e.id)).toEqual(['2024-01-18-a', '2024-01-18-b']);
  });

  it('keeps an event under its local date across a time-zone boundary', () => {
    // 00:30 in Karachi on the 17th is 19:30 UTC on the 16th, before 23:30 in Tehran on the 16th (20:00 UTC).
    const karachi = event('karachi', { date: '2024-01-17T00:30+05:00', precision: 'minute', timeZone: 'Asia/Karachi' });
    const tehran = event('tehran', { date: '2024-01-16T23:30+03:30', precision: 'minute', timeZone: 'Asia/Tehran' });
    const days = groupByDay(sortEvents([karachi, tehran]));
    expect(days.map((d) => [d.date, d.events.map((e) => e.id)])).toEqual([
      ['2024-01-16', ['tehran']],
      ['2024-01-17', ['karachi']],
    ]);
  });
});

describe('groupByDay', () => {
  it('groups by day in order and counts the days between them', () => {
    const days = groupByDay(
      sortEvents([
        event('x-26', { date: '2024-01-26', precision: 'day', timeZone: 'Asia/Karachi' }),
        event('x-22', { date: '2024-01-22', precision: 'day', timeZone: 'Asia/Karachi' }),
        event('x-19b', { date: '2024-01-19', precision: 'day', timeZone: 'Asia/Karachi' }),
        event('x-19a', { date: '2024-01-19', precision: 'morning', timeZone: 'Asia/Karachi' }),
        event('x-18', { date: '2024-01-18', precision: 'day', timeZone: 'Asia/Tehran' }),
      ]),
    );
    expect(days.map((d) => d.date)).toEqual(['2024-01-18', '2024-01-19', '2024-01-22', '2024-01-26']);
    expect(days.map((d) => d.daysSincePrevious)).toEqual([undefined, 1, 3, 4]);
    expect(days[1]?.events.map((e) => e.id)).toEqual(['x-19a', 'x-19b']);
  });

  it('returns no days for no events', () => {
    expect(groupByDay([])).toEqual([]);
  });
});
