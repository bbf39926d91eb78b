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
import type { DrawJob, DrawQueue } from './og-worker';

// Bump when the drawing changes, so cached images are drawn again.
const TEMPLATE_VERSION = 11;
const CACHE_DIR = join(getCacheDir(), 'og');
// Cards left for each thread to be worth starting one.
const MIN_SHARE = 16;

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
  saveOgImage(file, png);
  return png;
}

/**
 * Draws the images not yet in the cache, in worker threads that share one queue: each
 * takes the next card itself, through a counter they share, so a thread never waits for
 * the main thread (which may be busy rendering pages for a while). A build starts it
 * with one thread while its main thread still renders pages, and widens it to one a
 * core once the pages are written.
 */
export class OgDrawing {
  /** Each card's cached file, in the order given. */
  readonly files: string[];
  /** How many images are drawn now rather than taken from the cache. */
  readonly drawn: number;
  readonly #jobs: DrawJob[];
  // The index of the next card to draw, shared by every thread.
  readonly #next = new Int32Array(new SharedArrayBuffer(4));
  // How many cards are drawn and in the cache, counted by the threads.
  readonly #finished = new Int32Array(new SharedArrayBuffer(4));
  readonly #workers: Promise<void>[] = [];
  readonly #started = performance.now();

  /**
   * @param cards what each image shows
   * @param threads how many threads draw at first
   */
  constructor(cards: readonly OgCard[], threads = availableParallelism()) {
    this.files = cards.map(getOgImagePath);
    // Two pages may show the same card: it is drawn once.
    const missing = new Map<string, OgCard>();
    cards.forEach((card, i) => {
      const file = this.files[i] ?? '';
      if (!missing.has(file) && !existsSync(file)) missing.set(file, card);
    });
    this.#jobs = [...missing].map(([file, card]) => ({ file, card }));
    this.drawn = this.#jobs.length;
    this.widen(threads);
  }

  /** Adds threads, up to `threads` in all, while enough images are left to share. */
  widen(threads: number): void {
    const left = this.#jobs.length - Atomics.load(this.#next, 0);
    const wanted = Math.min(threads, Math.ceil(left / MIN_SHARE) + this.#workers.length);
    while (this.#workers.length < wanted) {
      const worker = runWorker({ jobs: this.#jobs, next: this.#next, finished: this.#finished });
      // Its failure is reported by done(), which the build awaits later: not an unhandled rejection meanwhile.
      worker.catch(() => undefined);
      this.#workers.push(worker);
    }
  }

  /** How many cards are drawn and in the cache so far. */
  get finished(): number {
    return Atomics.load(this.#finished, 0);
  }

  /** Has each thread stop after the card it is drawing. */
  stop(): void {
    Atomics.store(this.#next, 0, this.#jobs.length);
  }

  /**
   * @returns once every image is in the cache: how many milliseconds they took from
   *   the start; rejects when one could not be drawn
   */
  async done(): Promise<number> {
    const finished = await Promise.all(this.#workers.map(async (worker) => (await worker, performance.now())));
    return Math.max(this.#started, ...finished) - this.#started;
  }
}

// Cards waiting before the first batch starts: a thread costs a start of its own.
const FIRST_BATCH = 256;

/**
 * Draws images while the content loads, before the build has listed them: the build's
 * main thread reads events on one core meanwhile, and leaves the other idle. Cards are
 * added as each event is read and drawn in one thread, a batch at a time (a thread is
 * given a fixed list), until `stop()`: the build's own drawing then finds what was
 * drawn in the cache, and draws the rest.
 */
export class EarlyDrawing {
  /** How many cards it drew: a card still being drawn when it stopped is left to the build's own drawing. */
  drawn = 0;
  #waiting: OgCard[] = [];
  #batch: OgDrawing | undefined;
  #stopped = false;

  add(cards: readonly OgCard[]): void {
    if (this.#stopped) return;
    this.#waiting.push(...cards);
    this.#next();
  }

  #next(): void {
    if (this.#batch || this.#stopped || this.#waiting.length < FIRST_BATCH) return;
    const batch = new OgDrawing(this.#waiting.splice(0), 1);
    this.#batch = batch;
    // A card that fails here fails again in the build's own drawing, which reports it.
    void batch
      .done()
      .catch(() => 0)
      .then(() => {
        if (this.#batch !== batch) return;
        this.drawn += batch.finished;
        this.#batch = undefined;
        this.#next();
      });
  }

  /** Stops after the cards being drawn; those not yet begun are left to the build's own drawing. */
  stop(): void {
    this.#stopped = true;
    this.#waiting = [];
    this.#batch?.stop();
    this.drawn += this.#batch?.finished ?? 0;
    this.#batch = undefined;
  }
}

/** Runs one worker until no card is left to take. */
async function runWorker(queue: DrawQueue): Promise<void> {
  const worker = new Worker(new URL('./og-worker.ts', import.meta.url), { workerData: queue });
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('message', () => resolve());
      worker.on('error', (error) => reject(new Error('A preview image could not be drawn', { cause: error })));
      worker.on('exit', (code) => reject(new Error(`A preview image worker stopped (exit code ${code})`)));
    });
  } finally {
    await worker.terminate();
  }
}
