/**
 * How the build's preview images reach the preview-images integration before the build
 * is done, so that they draw in another thread while the build does other work. Both
 * ends run in the build's one process, so a registered symbol on `globalThis` reaches
 * across Vite's bundle. Nothing is handed over when no build awaits it (`npm run dev`,
 * `astro check`).
 *
 * Two hand-overs. Each event, as the events loader reads it: its images can be drawn
 * while the rest of the content loads, which keeps the build's main thread busy and
 * leaves a core idle. Then the list of every image, a route
 * (`/_preview-images.json`, which can read the content): Astro renders routes in their
 * order, static segments by name, so this one comes first, before the thousands of
 * event and statement pages (as `/og/…` it came after three quarters of them).
 */
import type { EventData } from '../lib/schema';
import type { PreviewImage } from '../lib/previews';

const EVENTS = Symbol.for('timeline:preview-events');
const LIST = Symbol.for('timeline:preview-images');

type EventReceiver = (slug: string, data: EventData) => void;
type ListReceiver = (images: readonly PreviewImage[]) => void;

/** Called by the events loader for each event it read: hands it to the integration, if a build awaits it. */
export function handOverEvent(slug: string, data: EventData): void {
  (Reflect.get(globalThis, EVENTS) as EventReceiver | undefined)?.(slug, data);
}

/** Called by the integration as a build is set up: `receive` gets each event the loader reads. */
export function awaitEvents(receive: EventReceiver): void {
  Reflect.set(globalThis, EVENTS, receive);
}

/** Called by the list route: hands the images to the integration, if a build awaits them. */
export function handOverImages(images: readonly PreviewImage[]): void {
  (Reflect.get(globalThis, LIST) as ListReceiver | undefined)?.(images);
}

/** Called by the integration at the start of a build: `receive` gets the list once it is rendered. */
export function awaitImages(receive: ListReceiver): void {
  Reflect.set(globalThis, LIST, receive);
}
