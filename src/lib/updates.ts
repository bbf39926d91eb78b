/**
 * Corrections, updates and clarifications of a published event: their order, their
 * anchors and how they are dated, for the event page, `/corrections/`, feeds, JSON-LD,
 * the sitemap and the data files alike.
 */
import { TZDate, tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { formatDate } from './dates';
import type { Update } from './schema';
import { getUpdateAnchor } from './urls';
import { t } from '../i18n';

/** @returns a negative number when `a` was made before `b`; a day without a time sorts before its times */
export function compareUpdates(a: Pick<Update, 'date' | 'time'>, b: Pick<Update, 'date' | 'time'>): number {
  return `${a.date}T${a.time ?? ''}`.localeCompare(`${b.date}T${b.time ?? ''}`);
}

/** @returns an event's updates with their anchors, newest first (of two alike, the later in the file first) */
export function getUpdatesNewestFirst(updates: readonly Update[]): { update: Update; anchor: string }[] {
  return updates
    .map((update, i) => ({ update, anchor: getUpdateAnchor(i), i }))
    .sort((a, b) => compareUpdates(b.update, a.update) || b.i - a.i)
    .map(({ update, anchor }) => ({ update, anchor }));
}

/** @returns the newest update, or `undefined` when the event was never changed */
export function getLatestUpdate(updates: readonly Update[]): Update | undefined {
  return getUpdatesNewestFirst(updates)[0]?.update;
}

/**
 * @param timeZone the event's zone, in which an update's time is written
 * @returns the RFC 3339 date-time of the update: its time, or the start of its day, in that zone
 */
export function getUpdateDateTime(update: Pick<Update, 'date' | 'time'>, timeZone: string): string {
  const [y, m, d] = update.date.split('-').map(Number) as [number, number, number];
  const [h, mi] = (update.time ?? '00:00').split(':').map(Number) as [number, number];
  return format(new TZDate(y, m - 1, d, h, mi, timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx", { in: tz(timeZone) });
}

/** @returns the update's W3C date as precisely as it is known: `2024-01-18`, or a date-time with its offset */
export function getUpdateDate(update: Pick<Update, 'date' | 'time'>, timeZone: string): string {
  return update.time ? getUpdateDateTime(update, timeZone) : update.date;
}

/** @returns what a reader sees before the note, e.g. "Corrected on 23 January 2024" or "Updated on 18 January 2024, 16:00" */
export function getUpdateHeading(update: Pick<Update, 'date' | 'time' | 'kind'>): string {
  const when = update.time ? `${formatDate(update.date)}, ${update.time}` : formatDate(update.date);
  return t(`update.${update.kind}`, { date: when });
}

/**
 * @param published the day the entry was first published on this site
 * @returns the newest change made on or after that day, the page's "Updated" date, or
 *   `undefined` when there is none: an `update` dated by an older report (a story told
 *   after it unfolded) did not change the page after it was published
 */
export function getLatestChangeSince(published: string, updates: readonly Update[]): Update | undefined {
  return getUpdatesNewestFirst(updates).find(({ update }) => update.date >= published)?.update;
}
