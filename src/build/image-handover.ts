/**
 * How the list of preview images reaches the preview-images integration before the
 * build is done. The list is a route (`/_preview-images.json`, which can read the
 * content), and Astro renders routes in their order, static segments by name, so this
 * one comes first, before the thousands of event and statement pages (as `/og/…` it
 * came after three quarters of them); handing its list over at once lets the images
 * draw in another thread while the main thread renders those pages. Both run in the build's one
 * process, so a registered symbol on `globalThis` reaches across Vite's bundle.
 */
import type { PreviewImage } from '../story';

const INBOX = Symbol.for('timeline:preview-images');

type Receiver = (images: readonly PreviewImage[]) => void;

/** Called by the list route: hands the images to the integration, if a build awaits them. */
export function handOverImages(images: readonly PreviewImage[]): void {
  (Reflect.get(globalThis, INBOX) as Receiver | undefined)?.(images);
}

/** Called by the integration at the start of a build: `receive` gets the list once it is rendered. */
export function awaitImages(receive: Receiver): void {
  Reflect.set(globalThis, INBOX, receive);
}
