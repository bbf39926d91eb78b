/**
 * A worker thread that draws preview images: it is sent chunks of cards with the file
 * each goes to, and answers each chunk once its files are written. Run by plain Node,
 * so its relative imports name their `.ts`.
 */
import { parentPort } from 'node:worker_threads';
import type { OgCard } from '../lib/previews';
import { drawOgCard, saveOgImage } from './og-draw.ts';

/** One image to draw: what it shows and where its PNG goes. */
export interface DrawJob {
  card: OgCard;
  file: string;
}

parentPort?.on('message', async (jobs: DrawJob[]) => {
  for (const { card, file } of jobs) {
    try {
      await saveOgImage(file, drawOgCard(card));
    } catch (error) {
      throw new Error(`Could not draw the preview image of “${card.title}”`, { cause: error });
    }
  }
  parentPort?.postMessage(jobs.length);
});
