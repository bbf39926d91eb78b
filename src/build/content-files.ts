import { sep } from 'node:path';

/**
 * Where the story's files are, from the environment (README, "Deploying"): the events
 * folder, the URL lock and the redirects. Read by the Astro config (the URL lock step
 * of the build) and by the content config (the events loader, which checks the lock
 * itself in dev).
 */
export interface ContentFiles {
  /** The events folder, relative to the project root or absolute. */
  events: string;
  /** The published-URL lock; none means no check (test and generated content). */
  lockFile: string | undefined;
  /** JSON object of old path → new path; none means no redirects. */
  redirectsFile: string | undefined;
}

/**
 * @param env the environment, `process.env` unless a test gives its own
 * @returns the content files of this build or dev server
 */
export function getContentFiles(env: NodeJS.ProcessEnv = process.env): ContentFiles {
  const otherEvents = env['TIMELINE_CONTENT_DIR'];
  return {
    events: otherEvents || 'content/events',
    // Another events folder brings its own lock and redirects, or none. Builds under
    // test name a copy of the lock, so that they never rewrite the committed one.
    lockFile: env['TIMELINE_URL_LOCK'] ?? (otherEvents ? undefined : 'content/published-urls.txt'),
    redirectsFile: otherEvents ? env['TIMELINE_REDIRECTS'] : 'content/redirects.json',
  };
}

/** @returns whether the absolute `path` is `folder` or lies below it */
export function isInFolder(folder: string, path: string): boolean {
  return path === folder || path.startsWith(folder + sep);
}
