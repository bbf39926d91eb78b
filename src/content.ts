/**
 * The only module that queries content. Every page imports its events from here,
 * in one order, so the timeline, event pages and anything built later agree.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { z } from 'astro/zod';
import siteJson from '../content/site.json';
import { groupByDay, sortEvents, type TimelineDay } from './lib/timeline';

export type TimelineEvent = CollectionEntry<'events'>;

const siteSchema = z.strictObject({
  /** The story's name, shown in the header and in every page title. */
  title: z.string().min(1),
  /** What the story is, in one paragraph; the home page's description. */
  description: z.string().min(1),
  /** The span the timeline covers, for the About page. */
  coverage: z.string().min(1),
});

/** The story's own words about itself, from `content/site.json`. */
export const site = siteSchema.parse(siteJson);

let cached: Promise<TimelineEvent[]> | undefined;

/** @returns every published event in timeline order */
export function getEvents(): Promise<TimelineEvent[]> {
  // Sorted once per build; in dev, content changes while the server runs.
  if (import.meta.env.DEV) return getCollection('events').then(sortEvents);
  return (cached ??= getCollection('events').then(sortEvents));
}

/** @returns the events grouped by local day, in order */
export async function getTimelineDays(): Promise<TimelineDay<TimelineEvent>[]> {
  return groupByDay(await getEvents());
}

/** An event with the events just before and after it. */
export interface EventInContext {
  event: TimelineEvent;
  previous: TimelineEvent | undefined;
  next: TimelineEvent | undefined;
}

/** @returns every event with its neighbours, for the permalink pages */
export async function getEventsInContext(): Promise<EventInContext[]> {
  const events = await getEvents();
  return events.map((event, i) => ({ event, previous: events[i - 1], next: events[i + 1] }));
}
