/**
 * The events collection: one Markdown file per event under `content/events/`
 * (or the folder named by TIMELINE_CONTENT_DIR, e.g. generated or test content).
 * The fields an editor writes are documented in `src/lib/schema.ts`.
 */
import { defineCollection } from 'astro:content';
import { eventsLoader } from './build/loader';
import { eventSchema } from './lib/schema';

const events = defineCollection({
  loader: eventsLoader(process.env['TIMELINE_CONTENT_DIR'] ?? 'content/events'),
  schema: eventSchema,
});

export const collections = { events };
