/**
 * A worker thread that draws preview images. It is given every card with the file each
 * goes to, and a counter shared with the other threads: it takes the next card from the
 * counter, draws it and writes its file, until none is left, then says so. Run by plain
 * Node, so its relative imports name their `.ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { OgCard } from '../lib/previews';
import { drawOgCard, saveOgImage } from './og-draw.ts';

/** One image to draw: what it shows and where its PNG goes. */
export interface DrawJob {
  card: OgCard;
  file: string;
}

/** What a worker is started with: every card, the index of the next to take, and how many are drawn (both on shared memory). */
export interface DrawQueue {
  jobs: DrawJob[];
  next: Int32Array;
  finished: Int32Array;
}

const { jobs, next, finished } = workerData as DrawQueue;
for (let i = Atomics.add(next, 0, 1); i < jobs.length; i = Atomics.add(next, 0, 1)) {
  const { card, file } = jobs[i] as DrawJob;
  try {
    saveOgImage(file, drawOgCard(card));
  } catch (error) {
    throw new Error(`Could not draw the preview image of “${card.title}”`, { cause: error });
  }
  Atomics.add(finished, 0, 1);
  // A turn of the event loop after each card: Skia's pixels (a map drawn once for each
  // set of places) are freed there, not during the loop. Without it, 10,000 events held
  // gigabytes until the last card.
  await new Promise((resolve) => setImmediate(resolve));
}
parentPort?.postMessage('done');
