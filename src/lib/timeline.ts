/**
 * The order of the timeline. Pure functions over any list of dated items, so the
 * timeline, event pages and any feed or index built later all agree.
 */
import { getDayGap, getLocalDate, getSortInstant, type When } from './dates';

/** The least an item needs to be placed on the timeline. */
export interface Dated {
  id: string;
  data: { when: When };
}

/** One day of the timeline, in the local dates of its events. */
export interface TimelineDay<T> {
  /** `YYYY-MM-DD` */
  date: string;
  /** Calendar days since the previous day on the timeline; `undefined` for the first. */
  daysSincePrevious: number | undefined;
  events: T[];
}

/**
 * Orders events by the local date where each happened, then by instant, then by
 * slug, so that the order never depends on the order files were read in. Sorting by
 * local date first keeps every event under its own calendar day even when a place
 * east of another is already on the next day.
 *
 * @returns a new, sorted array
 */
export function sortEvents<T extends Dated>(events: readonly T[]): T[] {
  const keyed = events.map((event) => ({
    event,
    date: getLocalDate(event.data.when),
    instant: getSortInstant(event.data.when).getTime(),
  }));
  keyed.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.instant - b.instant ||
      (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0),
  );
  return keyed.map(({ event }) => event);
}

/**
 * @param sorted events in the order of `sortEvents`
 * @returns the events grouped by local date, in order
 */
export function groupByDay<T extends Dated>(sorted: readonly T[]): TimelineDay<T>[] {
  const days: TimelineDay<T>[] = [];
  for (const event of sorted) {
    const date = getLocalDate(event.data.when);
    const last = days.at(-1);
    if (last?.date === date) {
      last.events.push(event);
    } else {
      days.push({ date, daysSincePrevious: last ? getDayGap(last.date, date) : undefined, events: [event] });
    }
  }
  return days;
}

/** Events per timeline page: keeps each page light however long the story grows. */
export const TIMELINE_PAGE_SIZE = 50;

/** One page of the timeline. */
export interface TimelinePage<T> {
  /** 1 for the story's start. */
  number: number;
  /** The days on this page; a day too long for one page continues on the next. */
  days: (TimelineDay<T> & { continued: boolean })[];
}

/**
 * Splits the timeline into pages of at most `size` events, in order, so that no page
 * grows with the story. A day that does not fit continues on the next page.
 *
 * @param days the output of `groupByDay`
 */
export function paginateDays<T>(days: readonly TimelineDay<T>[], size = TIMELINE_PAGE_SIZE): TimelinePage<T>[] {
  const pages: TimelinePage<T>[] = [];
  let current: TimelinePage<T> = { number: 1, days: [] };
  let count = 0;
  for (const day of days) {
    let rest = day.events;
    let continued = false;
    while (rest.length > 0) {
      if (count === size) {
        pages.push(current);
        current = { number: current.number + 1, days: [] };
        count = 0;
      }
      const take = rest.slice(0, size - count);
      current.days.push({ ...day, events: take, continued, daysSincePrevious: continued ? undefined : day.daysSincePrevious });
      count += take.length;
      rest = rest.slice(take.length);
      continued = true;
    }
  }
  if (current.days.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}

/** One page of a list split like the timeline. */
export interface ListPage<T> {
  /** 1 for the first page. */
  number: number;
  items: T[];
}

/**
 * Splits any ordered list into pages of at most `size` items, so that a page listing
 * it (a country's statements and events) stays as light as a timeline page.
 *
 * @returns the pages in order; one empty page for an empty list, since page 1 always exists
 */
export function paginateList<T>(items: readonly T[], size = TIMELINE_PAGE_SIZE): ListPage<T>[] {
  const pages: ListPage<T>[] = [];
  for (let start = 0; start < items.length || pages.length === 0; start += size) {
    pages.push({ number: pages.length + 1, items: items.slice(start, start + size) });
  }
  return pages;
}

/** A month and the page where it starts, for the pager's "Jump to a month". */
export interface MonthStart {
  /** `YYYY-MM` */
  month: string;
  page: number;
}

/**
 * @param pages each page's number with the dates (`YYYY-MM-DD`) of what it lists, in order
 * @returns each month with the first page it appears on
 */
export function listMonthStarts(pages: readonly { number: number; dates: readonly string[] }[]): MonthStart[] {
  const months: MonthStart[] = [];
  for (const page of pages) {
    for (const date of page.dates) {
      const month = date.slice(0, 7);
      if (months.at(-1)?.month !== month) months.push({ month, page: page.number });
    }
  }
  return months;
}
