/**
 * How a content error reaches the pages in dev. The build stops at the first broken
 * entry; the dev server keeps running, so the events loader records the error as an
 * entry of the collection under an id no file can have, and the query layer throws it
 * where a page asks for events. A page then fails with the build's own words instead
 * of showing the last good version of the content.
 */

/** Not a slug (those start with a date), so never the id of an event. */
export const LOAD_FAILURE_ID = '!load-failure';

/** What the loader records: the error as the build would have reported it. */
export interface LoadFailure {
  name: string;
  message: string;
}

/**
 * @param error whatever the load threw
 * @returns the error's name and message, e.g. `content/events/x.md: front matter: kind: …`
 */
export function describeLoadFailure(error: unknown): LoadFailure {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/**
 * @param entries the collection as Astro returns it
 * @returns the entries, when the last load succeeded
 * @throws the recorded error, with its name and message, when it did not
 */
export function throwIfLoadFailed<T extends { id: string; data: unknown }>(entries: T[]): T[] {
  const failure = entries.find((entry) => entry.id === LOAD_FAILURE_ID);
  if (!failure) return entries;
  const { name, message } = failure.data as LoadFailure;
  const error = new Error(message);
  error.name = name;
  throw error;
}
