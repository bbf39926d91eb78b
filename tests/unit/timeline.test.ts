import { describe, expect, it } from 'vitest';
import type { When } from '../../src/lib/dates';
import { groupByDay, listMonthStarts, paginateDays, paginateList, sortEvents } from '../../src/lib/timeline';

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

describe('paginateDays', () => {
  const day = (date: string, n: number, gap?: number) => ({ date, daysSincePrevious: gap, events: Array.from({ length: n }, (_, i) => `${date}-${i}`) });

  it('keeps a short story on one page', () => {
    const pages = paginateDays([day('2024-01-15', 3), day('2024-01-16', 2, 1)], 50);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.days.map((d) => d.events.length)).toEqual([3, 2]);
  });

  it('splits by event count, continuing a long day on the next page', () => {
    const pages = paginateDays([day('2024-01-15', 3), day('2024-01-17', 5, 2), day('2024-01-18', 1, 1)], 4);
    expect(pages.map((p) => p.days.map((d) => [d.date, d.events.length, d.continued]))).toEqual([
      [['2024-01-15', 3, false], ['2024-01-17', 1, false]],
      [['2024-01-17', 4, true]],
      [['2024-01-18', 1, false]],
    ]);
    expect(pages[1]?.days[0]?.daysSincePrevious).toBeUndefined();
    expect(pages[2]?.days[0]?.daysSincePrevious).toBe(1);
  });

  it('loses no event and keeps their order', () => {
    const days = [day('2024-01-15', 7), day('2024-01-16', 11, 1), day('2024-01-20', 2, 4)];
    const flat = paginateDays(days, 5).flatMap((p) => p.days.flatMap((d) => d.events));
    expect(flat).toEqual(days.flatMap((d) => d.events));
  });

  it('always has a first page', () => {
    expect(paginateDays([], 5)).toEqual([{ number: 1, days: [] }]);
  });
});

describe('paginateList', () => {
  it('splits a list into pages of at most the page size, each item once, in order', () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    const pages = paginateList(items, 3);
    expect(pages).toEqual([
      { number: 1, items: [0, 1, 2] },
      { number: 2, items: [3, 4, 5] },
      { number: 3, items: [6] },
    ]);
  });

  it('keeps one empty first page for an empty list, and one page for a list that fits', () => {
    expect(paginateList([], 3)).toEqual([{ number: 1, items: [] }]);
    expect(paginateList([1, 2, 3], 3)).toEqual([{ number: 1, items: [1, 2, 3] }]);
  });
});

describe('listMonthStarts', () => {
  it('names each month once, with the first page it appears on', () => {
    const pages = [
      { number: 1, dates: ['2024-01-30', '2024-01-31'] },
      { number: 2, dates: ['2024-01-31', '2024-02-01'] },
      { number: 3, dates: ['2024-02-02', '2024-04-01'] },
    ];
    expect(listMonthStarts(pages)).toEqual([
      { month: '2024-01', page: 1 },
      { month: '2024-02', page: 2 },
      { month: '2024-04', page: 3 },
    ]);
  });
});
