/**
 * The events collection: one Markdown file per event under `content/events/`
 * (or the folder named by TIMELINE_CONTENT_DIR, e.g. generated or test content).
 * The fields an editor writes are documented in `src/lib/schema.ts`.
 */
import { defineCollection } from 'astro:content';
import { getContentFiles } from './build/content-files';
import { reloadInDev } from './build/dev-reload';
import { eventsLoader } from './build/loader';
import { eventSchema } from './lib/schema';

const files = getContentFiles();

const events = defineCollection({
  // In dev, loaded again whenever the folder, the URL lock or the redirects change.
  loader: reloadInDev(files, eventsLoader(files.events)),
  schema: eventSchema,
});

export const collections = { events };
