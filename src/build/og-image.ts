/**
 * Link-preview images (1200×630 PNG) drawn at build time from text alone: no network,
 * fonts from the bundled @fontsource/noto-sans (see og-draw). Each image is cached on
 * disk under a hash of exactly what it shows and drawn again only when that changes. A
 * build draws the missing ones in worker threads, one a core; `npm run dev` draws the
 * one asked for in its own thread.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OgCard } from '../lib/previews';
import { getCacheDir } from './cache';
import { drawOgCard, saveOgImage } from './og-draw';
import type { DrawJob } from './og-worker';

// Bump when the drawing changes, so cached images are drawn again.
const TEMPLATE_VERSION = 8;
const CACHE_DIR = join(getCacheDir(), 'og');
// Cards sent to a worker at once: enough to keep it busy between messages.
const CHUNK = 16;

/** @returns where the image of `card` is cached, whether or not it was drawn yet */
export function getOgImagePath(card: OgCard): string {
  const key = createHash('sha256').update(JSON.stringify({ TEMPLATE_VERSION, card })).digest('hex').slice(0, 32);
  return join(CACHE_DIR, `${key}.png`);
}

/**
 * @param card what the image shows
 * @returns the PNG, drawn in this thread unless the same card was drawn before
 */
export async function renderOgImage(card: OgCard): Promise<Buffer> {
  const file = getOgImagePath(card);
  if (existsSync(file)) return readFile(file);
  const png = drawOgCard(card);
  await saveOgImage(file, png);
  return png;
}

/**
 * Draws the images not yet in the cache, in worker threads.
 *
 * @param cards what each image shows
 * @returns each card's cached file, in the same order, and how many were drawn now
 */
export async function drawOgImages(cards: readonly OgCard[]): Promise<{ files: string[]; drawn: number }> {
  const files = cards.map(getOgImagePath);
  // Two pages may show the same card: it is drawn once.
  const missing = new Map<string, OgCard>();
  cards.forEach((card, i) => {
    const file = files[i] ?? '';
    if (!missing.has(file) && !existsSync(file)) missing.set(file, card);
  });
  const jobs: DrawJob[] = [...missing].map(([file, card]) => ({ file, card }));
  const drawn = jobs.length;
  const threads = Math.min(availableParallelism(), Math.ceil(drawn / CHUNK));
  await Promise.all(Array.from({ length: threads }, () => runWorker(jobs)));
  return { files, drawn };
}

/** Runs one worker until `queue` is empty, taking a chunk of it at a time. */
async function runWorker(queue: DrawJob[]): Promise<void> {
  const worker = new Worker(new URL('./og-worker.ts', import.meta.url));
  try {
    await new Promise<void>((resolve, reject) => {
      const next = () => {
        const chunk = queue.splice(0, CHUNK);
        if (chunk.length === 0) resolve();
        else worker.postMessage(chunk);
      };
      worker.on('message', next);
      worker.on('error', (error) => reject(new Error('A preview image could not be drawn', { cause: error })));
      worker.on('exit', (code) => reject(new Error(`A preview image worker stopped (exit code ${code})`)));
      next();
    });
  } finally {
    await worker.terminate();
  }
}
